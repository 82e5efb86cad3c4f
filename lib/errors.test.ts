import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, ErrataError, refusalFromDatabase } from './errors';

describe('the one typed error', () => {
  it('maps every code to a 4xx status', () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      expect(new ErrataError(code as keyof typeof ERROR_STATUS, 'x').status).toBe(status);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
  });

  it('carries its message and field', () => {
    const error = new ErrataError('conflict', 'That slug is already in use.', 'slug');
    expect(error).toBeInstanceOf(Error);
    expect([error.message, error.field, error.status]).toEqual(['That slug is already in use.', 'slug', 409]);
  });
});

describe('a database refusing a value', () => {
  it('is a 400 when PostgreSQL calls it a data exception (class 22), also wrapped as drizzle wraps it', () => {
    const outOfRange = Object.assign(new Error('value "2147483648" is out of range for type integer'), { code: '22003' });
    const nul = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
    for (const e of [outOfRange, nul, new Error('Failed query: select …', { cause: nul })]) expect(refusalFromDatabase(e)?.status).toBe(400);
  });

  it('is not a refusal for anything else: a lost connection, a constraint, a plain error', () => {
    for (const e of [Object.assign(new Error('terminating connection'), { code: '57P01' }), Object.assign(new Error('duplicate key'), { code: '23505' }), new Error('boom'), 'text', null]) expect(refusalFromDatabase(e)).toBeNull();
  });
});
