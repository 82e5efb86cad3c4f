import { describe, expect, it } from 'vitest';
import { purgeWithRetries, retryDelay, type PurgeOutcome } from './purge-retry';
import type { Purger } from './purgers/types';

const flaky = (failures: number): Purger & { calls: number } => {
  const p = {
    name: 'nginx' as const,
    calls: 0,
    async purge() {
      p.calls += 1;
      if (p.calls <= failures) throw new Error(`refused ${p.calls}`);
    },
  };
  return p;
};

describe('purgeWithRetries', () => {
  const policy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 250 };

  it('is done at the first attempt when the purger answers', async () => {
    const waits: number[] = [];
    const outcome = await purgeWithRetries(flaky(0), ['home'], { policy, sleep: async (ms) => void waits.push(ms) });
    expect(outcome).toEqual({ status: 'done', attempts: 1, error: null });
    expect(waits).toEqual([]);
  });

  it('retries with growing, capped delays, and reports each attempt', async () => {
    const waits: number[] = [];
    const seen: PurgeOutcome[] = [];
    const outcome = await purgeWithRetries(flaky(2), ['home'], { policy, sleep: async (ms) => void waits.push(ms), onAttempt: (o) => seen.push(o), random: () => 1 });
    expect(outcome).toEqual({ status: 'done', attempts: 3, error: null });
    expect(waits).toEqual([100, 200]);
    expect(seen.map((o) => o.status)).toEqual(['retrying', 'retrying', 'done']);
  });

  it('gives up after the last attempt, keeping the error, and never throws', async () => {
    const purger = flaky(10);
    const outcome = await purgeWithRetries(purger, ['home'], { policy, sleep: async () => undefined });
    expect(outcome).toEqual({ status: 'failed', attempts: 4, error: 'refused 4' });
    expect(purger.calls).toBe(4);
  });

  it('keeps delays within the cap and jitter', () => {
    for (let n = 1; n < 10; n++) {
      const low = retryDelay(n, policy, () => 0);
      const high = retryDelay(n, policy, () => 1);
      expect(low).toBeGreaterThanOrEqual(Math.round(Math.min(250, 100 * 2 ** (n - 1)) * 0.75));
      expect(high).toBeLessThanOrEqual(250);
    }
  });
});
