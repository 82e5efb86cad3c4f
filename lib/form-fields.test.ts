import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { actionRequestProblem, fieldsWithNul, messagesByField, MISSING_FIELD_MESSAGE, missingFieldError, repeatedFieldMessage, repeatedFields, singleValues, withoutNul } from './form-fields';

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

describe("a server action's request", () => {
  it('is one of our forms: multipart, its root the arguments ending with the form', () => {
    expect(actionRequestProblem('multipart/form-data; boundary=x', '[{},"$K1"]')).toBeNull();
    expect(actionRequestProblem('multipart/form-data; boundary=x', '["$K1a"]')).toBeNull();
    expect(actionRequestProblem('multipart/form-data; boundary=x', '[{"message":"$$x"},"$K2"]')).toBeNull();
    expect(actionRequestProblem('multipart/form-data; boundary=x', '[{"errors":{"body":["Keep it short."]},"values":{"a":"b"},"ok":false},"$K1"]')).toBeNull();
    // A previous state's own plain values, as React spells them: undefined, a date, a special number.
    expect(actionRequestProblem('multipart/form-data; boundary=x', '[{"errors":"$undefined","detail":{"at":"$D2026-12-01T09:00:00.000Z","n":"$NaN"}},"$K1"]')).toBeNull();
  });

  it('is refused as anything else: JSON or text arguments, a cut-off or odd root', () => {
    for (const [type, root] of [
      ['text/plain;charset=UTF-8', '[{},{"articleId":"1"}]'],
      ['application/json', '{"articleId":1}'],
      ['multipart/form-data; boundary=x', null],
      ['multipart/form-data; boundary=x', '[{'],
      ['multipart/form-data; boundary=x', '[]'],
      ['multipart/form-data; boundary=x', '[{},"x"]'],
      ['multipart/form-data; boundary=x', '[{},null]'],
      ['multipart/form-data; boundary=x', '[{},"$K1","$K2"]'],
      ['multipart/form-data; boundary=x', '{"0":"$K1"}'],
      ...['"$Q2"', '"$1"', '"$S"', '{"then":"$1"}', '"$W2"', '"$B2"', '"$F2"', '"$h2"', '"$A2"', '"$O2"', '"$Q0"', '"$Z"', '"$l2"', '"$i2"', '["$E(x)"]', '{"$Q2":1}'].map(
        (first) => ['multipart/form-data; boundary=x', `[${first},"$K1"]`] as const,
      ),
    ] as const) {
      expect(actionRequestProblem(type, root), `${type} ${root}`).toMatch(/not one of the desk’s forms/);
    }
  });
});

describe('a NUL in a field', () => {
  it('is found in whichever field holds one, and taken out of what the form shows again', () => {
    const values = { headline: 'Council\u0000 vote', body: 'Fine text', note: '\u0000', section: 'Local' };
    expect(fieldsWithNul(values)).toEqual(['headline', 'note']);
    expect(withoutNul(values)).toEqual({ headline: 'Council vote', body: 'Fine text', note: '', section: 'Local' });
    expect(fieldsWithNul({ body: 'No NUL here: \\0 is two characters' })).toEqual([]);
  });
});

describe('field messages', () => {
  it('a field not sent at all is named as missing; a schema’s own message still wins', () => {
    const schema = z.object({ headline: z.string().min(1, 'Give the article a headline.'), note: z.string(), count: z.number({ error: 'Give a number.' }) });
    const missing = schema.safeParse({}, { error: missingFieldError() });
    expect(missing.success).toBe(false);
    const byField = messagesByField((missing.error?.issues ?? []).map((i) => ({ key: String(i.path[0]), message: i.message })));
    expect(byField).toEqual({ headline: [MISSING_FIELD_MESSAGE], note: [MISSING_FIELD_MESSAGE], count: ['Give a number.'] });
    // Sent but wrong: zod's own words for the type, not "missing".
    const wrong = schema.safeParse({ headline: '', note: 3, count: 1 }, { error: missingFieldError('Required.') });
    expect(wrong.error?.issues.map((i) => i.message)).toEqual(['Give the article a headline.', expect.not.stringContaining('Required')]);
  });

  it('takes a field named like an inherited property as the field it is', () => {
    const out = messagesByField(['constructor', 'toString', 'hasOwnProperty', '__proto__'].map((key) => ({ key, message: 'This endpoint takes no such field.' })));
    expect(Object.keys(out)).toEqual(['constructor', 'toString', 'hasOwnProperty', '__proto__']);
    expect(out.constructor).toEqual(['This endpoint takes no such field.']);
    expect(JSON.parse(JSON.stringify(out)).__proto__).toEqual(['This endpoint takes no such field.']);
  });

  it('says each message once per field, in the order first given', () => {
    expect(messagesByField([{ key: 'a', message: 'x' }, { key: 'a', message: 'x' }, { key: 'b', message: 'y' }, { key: 'a', message: 'z' }])).toEqual({ a: ['x', 'z'], b: ['y'] });
  });
});
