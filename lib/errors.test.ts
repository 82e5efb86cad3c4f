import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, ErrataError, refusalFromDatabase, storeUnavailable, unavailableDetail } from './errors';

describe('the one typed error', () => {
  it('maps every code to a 4xx status, bar the store being unavailable (503)', () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      expect(new ErrataError(code as keyof typeof ERROR_STATUS, 'x').status).toBe(status);
      if (code === 'unavailable') continue;
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
    expect(ERROR_STATUS.unavailable).toBe(503);
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

describe('the store being unavailable', () => {
  const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

  it('is a 503 for a connection Node could not make or lost', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']) {
      const error = storeUnavailable(coded(`connect ${code} 127.0.0.1:5432`, code));
      expect(error).toBeInstanceOf(ErrataError);
      expect([error?.code, error?.status]).toEqual(['unavailable', 503]);
    }
  });

  it('is a 503 for PostgreSQL refusing or ending connections: class 08, shutting down, crashed, starting, a statement cancelled past its timeout, too many connections', () => {
    for (const code of ['08000', '08003', '08006', '08001', '08004', '08P01', '57P01', '57P02', '57P03', '57014', '53300']) expect(storeUnavailable(coded('x', code))?.status).toBe(503);
  });

  it("is a 503 for pg and pg-pool's own connection errors, which carry no code", () => {
    for (const message of ['timeout exceeded when trying to connect', 'Connection terminated unexpectedly', 'Connection terminated due to connection timeout', 'Query read timeout', 'Client has encountered a connection error and is not queryable']) expect(storeUnavailable(new Error(message))?.status).toBe(503);
  });

  it("is a 503 for SQLite's write lock still held after the busy timeout", () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_TIMEOUT']) expect(storeUnavailable(coded('database is locked', code))?.status).toBe(503);
  });

  it("looks through drizzle's wrapping (up to 3 deep) and each of an AggregateError's errors", () => {
    const refused = coded('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED');
    const drizzled = new Error('Failed query: select …', { cause: refused });
    expect(storeUnavailable(drizzled)?.status).toBe(503);
    expect(storeUnavailable(new Error('outer', { cause: drizzled }))?.status).toBe(503);
    // Three wrappings put the driver's error a fourth deep: past where anything is looked for.
    expect(storeUnavailable(new Error('a', { cause: new Error('b', { cause: drizzled }) }))).toBeNull();
    expect(storeUnavailable(new AggregateError([new Error('first'), refused]))?.status).toBe(503);
  });

  it("says calmly to try again, and keeps the driver's error as its cause (for the log, not the caller)", () => {
    const refused = coded('connect ECONNREFUSED 10.0.0.5:5432', 'ECONNREFUSED');
    const error = storeUnavailable(new Error('Failed query: select …', { cause: refused }));
    expect(error?.message).toBe('The database is briefly unavailable. Please try again in a few seconds.');
    expect(error?.message).not.toMatch(/10\.0\.0\.5|ECONNREFUSED/);
    expect(error?.cause).toBe(refused);
  });

  it("gives the log one line of the driver's error: its code and the first line of its message", () => {
    const detail = (e: unknown) => unavailableDetail(storeUnavailable(e) as ErrataError);
    expect(detail(coded('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe('connect ECONNREFUSED 127.0.0.1:5432');
    expect(detail(coded('terminating connection due to administrator command\nat …', '57P01'))).toBe('57P01: terminating connection due to administrator command');
    expect(detail(new Error('timeout exceeded when trying to connect'))).toBe('timeout exceeded when trying to connect');
  });

  it('is null for anything else: a refused value, a constraint, a plain error, not an error at all', () => {
    for (const e of [coded('out of range', '22003'), coded('duplicate key', '23505'), coded('deadlock detected', '40P01'), coded('constraint failed', 'SQLITE_CONSTRAINT'), new Error('boom'), new Error('ECONNREFUSED'), new AggregateError([null, 'text']), 'text', null, undefined]) expect(storeUnavailable(e)).toBeNull();
  });
});
