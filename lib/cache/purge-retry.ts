// Purging with bounded retries: the first attempt at once, then a few more with growing, jittered
// delays. Never throws: the outcome (done or failed, how many attempts, the last error) is returned
// for the purge log.
import type { Purger } from './purgers/types';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 8000 };

export interface PurgeOutcome {
  /** `retrying`: an attempt failed and another is due. */
  status: 'done' | 'retrying' | 'failed';
  attempts: number;
  error: string | null;
}

/** The wait before attempt `n + 1` (n ≥ 1): doubling from the base, capped, with up to 25% jitter. */
export function retryDelay(n: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const plain = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
  return Math.round(plain * (0.75 + random() * 0.25));
}

export async function purgeWithRetries(
  purger: Purger,
  tags: readonly string[],
  options: { policy?: RetryPolicy; sleep?: (ms: number) => Promise<void>; onAttempt?: (outcome: PurgeOutcome) => void; random?: () => number } = {},
): Promise<PurgeOutcome> {
  const policy = options.policy ?? DEFAULT_RETRY;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.()));
  let error: string | null = null;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    try {
      await purger.purge(tags);
      const outcome: PurgeOutcome = { status: 'done', attempts: attempt, error: null };
      options.onAttempt?.(outcome);
      return outcome;
    } catch (e) {
      error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
    }
    const last = attempt === policy.attempts;
    options.onAttempt?.({ status: last ? 'failed' : 'retrying', attempts: attempt, error });
    if (!last) await sleep(retryDelay(attempt, policy, options.random));
  }
  return { status: 'failed', attempts: policy.attempts, error };
}
