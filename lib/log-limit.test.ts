import { describe, expect, it } from 'vitest';
import { logLimiter } from './log-limit';

describe('a repeated log line', () => {
  it('is written once a window per key, and the next one says how many were left out', () => {
    let now = 0;
    const lines: string[] = [];
    const log = logLimiter({ windowMs: 1000, now: () => now });
    const write = (l: string) => lines.push(l);
    log('store', 'the store is unavailable', write);
    for (let i = 0; i < 50; i++) log('store', 'the store is unavailable', write);
    log('cookie', 'an unreadable cookie', write);
    now = 999;
    log('store', 'the store is unavailable', write);
    now = 1000;
    log('store', 'the store is unavailable (again)', write);
    now = 5000;
    log('store', 'the store is unavailable', write);
    expect(lines).toEqual([
      'the store is unavailable',
      'an unreadable cookie',
      'the store is unavailable (again) (51 more like it since the last such line, not written)',
      'the store is unavailable',
    ]);
  });

  it('keeps at most maxKeys keys', () => {
    const lines: string[] = [];
    const log = logLimiter({ windowMs: 60_000, now: () => 0, maxKeys: 2 });
    for (const k of ['a', 'b', 'c', 'a']) log(k, k, (l) => lines.push(l));
    // "a" was dropped to keep two keys, so it is written again.
    expect(lines).toEqual(['a', 'b', 'c', 'a']);
  });
});
