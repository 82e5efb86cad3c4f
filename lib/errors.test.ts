import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, ErrataError } from './errors';

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
