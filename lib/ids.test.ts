import { describe, expect, it } from 'vitest';
import { parseRecordId, RECORD_ID_MAX, recordId } from './ids';

describe('record ids from outside', () => {
  it('takes whole numbers from 1 to the largest id either store holds, and nothing else', () => {
    for (const good of ['1', '42', String(RECORD_ID_MAX)]) {
      expect(parseRecordId(good), good).toBe(Number(good));
      expect(recordId().safeParse(good).success, good).toBe(true);
    }
    for (const bad of ['0', '-1', '2147483648', '9999999999999999999', '1e3', '0x10', '1.5', '', ' 1', '01', 'NaN', '1e309']) {
      expect(parseRecordId(bad), bad).toBeNull();
    }
    for (const bad of ['0', '-1', '2147483648', '9999999999999999999', '1.5', 'NaN', '1e309', 'abc']) {
      const parsed = recordId().safeParse(bad);
      expect(parsed.success, bad).toBe(false);
      if (!parsed.success) expect(parsed.error.issues[0].message).toBe('That is not the id of anything on the record.');
    }
  });
});
