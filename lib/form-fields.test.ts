import { describe, expect, it } from 'vitest';
import { repeatedFieldMessage, repeatedFields, singleValues } from './form-fields';

describe('reading a form once', () => {
  it('finds every field sent twice, and ignores the framework’s own fields', () => {
    expect(repeatedFields(['changeKind', 'body', 'changeKind', '0', '0', '$ACTION_ID_x'])).toEqual(['changeKind']);
    expect(repeatedFields(['a', 'b'])).toEqual([]);
  });

  it('refuses a form with a repeated field instead of picking one of its values', () => {
    const form = new FormData();
    form.append('changeKind', 'update');
    form.append('changeKind', 'legal');
    form.append('body', 'x');
    expect(singleValues(form.entries())).toEqual({ ok: false, repeated: ['changeKind'] });
    expect(repeatedFieldMessage(['changeKind'])).toBe('“changeKind” was sent more than once; send each field once.');
  });

  it('gives one value per field otherwise', () => {
    const form = new FormData();
    form.append('articleId', '3');
    form.append('$ACTION_KEY', 'k');
    expect(singleValues(form.entries())).toEqual({ ok: true, values: { articleId: '3' } });
  });
});
