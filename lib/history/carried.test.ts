import { describe, expect, it } from 'vitest';
import { changesNoCorrectionMade } from './carried';

const correction = { wording: 'It lost 10 districts and 538 district seats.', said: null, claims: [{ exact: 'seven districts and 412 district seats', replacement: null }] };

describe('changesNoCorrectionMade', () => {
  it('leaves out the changes the carried-out correction accounts for', () => {
    const changes = [
      { kind: 'number' as const, before: 'seven', after: '10' },
      { kind: 'number' as const, before: '412', after: '' },
      { kind: 'number' as const, before: '', after: '538' },
    ];
    expect(changesNoCorrectionMade(changes, [correction])).toEqual([]);
  });

  it('keeps a fact slipped in elsewhere under the correction', () => {
    const slipped = { kind: 'name' as const, before: '', after: 'Nick Travel' };
    const elsewhere = { kind: 'number' as const, before: '£4.20', after: '£4.80' };
    expect(changesNoCorrectionMade([{ kind: 'number', before: 'seven', after: '10' }, slipped, elsewhere], [correction])).toEqual([slipped, elsewhere]);
  });

  it('keeps every change when the version carries out no correction', () => {
    const changes = [{ kind: 'number' as const, before: 'seven', after: '10' }];
    expect(changesNoCorrectionMade(changes, [])).toEqual(changes);
  });
});
