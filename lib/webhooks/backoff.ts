// When a webhook is sent: the retry schedule Standard Webhooks suggests, and the delivery worker's
// poll, lock and timeout, each read strictly from the environment (a typo stops the server at start).

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The wait before each attempt: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h after the one before. */
export const RETRY_SCHEDULE_MS: readonly number[] = [0, 5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];

/** Attempts before a message is given up on (marked failed). */
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length;

/** How long to wait after `attempts` failed attempts before the next one; null when none is left. */
export function retryDelayMs(attempts: number, scale = 1): number | null {
  if (!Number.isInteger(attempts) || attempts < 0) throw new Error(`attempts must be a whole number ≥ 0, not ${attempts}`);
  if (attempts >= MAX_ATTEMPTS) return null;
  return Math.round(RETRY_SCHEDULE_MS[attempts] * scale);
}

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** ERRATA_WEBHOOK_BACKOFF_SCALE: a positive number the schedule is multiplied by (0.001 in tests); unset is 1. */
export function parseBackoffScale(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 1;
  const value = raw.trim();
  const scale = DECIMAL.test(value) ? Number(value) : NaN;
  if (!(scale > 0 && scale <= 1000)) throw new Error(`ERRATA_WEBHOOK_BACKOFF_SCALE: "${raw}" is not a number above 0 and at most 1000 (e.g. 0.001)`);
  return scale;
}

function wholeMs(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!(value >= min && value <= max)) throw new Error(`${name}: "${raw}" is not a whole number of milliseconds from ${min} to ${max}`);
  return value;
}

export interface WebhookWorkerConfig {
  /** False with ERRATA_WEBHOOK_WORKER=off: this process sends nothing (another may). */
  enabled: boolean;
  /** How often the worker looks for due messages (ERRATA_WEBHOOK_POLL_MS, default 1 s). */
  pollMs: number;
  /** How long a claimed message is the claimer's (ERRATA_WEBHOOK_LOCK_MS, default 30 s): after a crash it is sent again once this runs out. */
  lockMs: number;
  /** Each request's timeout: 10 s, or half the lock when that is shorter, so a claim always outlasts its request. */
  timeoutMs: number;
  backoffScale: number;
}

export const DEFAULT_POLL_MS = SECOND;
export const DEFAULT_LOCK_MS = 30 * SECOND;
export const REQUEST_TIMEOUT_MS = 10 * SECOND;

export function webhookWorkerConfig(env: Record<string, string | undefined>): WebhookWorkerConfig {
  const switchValue = (env.ERRATA_WEBHOOK_WORKER ?? '').trim();
  if (!['', 'on', 'off'].includes(switchValue)) throw new Error(`ERRATA_WEBHOOK_WORKER: "${env.ERRATA_WEBHOOK_WORKER}" is neither "on" nor "off"`);
  const lockMs = wholeMs('ERRATA_WEBHOOK_LOCK_MS', env.ERRATA_WEBHOOK_LOCK_MS, DEFAULT_LOCK_MS, 2 * SECOND, 24 * HOUR);
  return {
    enabled: switchValue !== 'off',
    pollMs: wholeMs('ERRATA_WEBHOOK_POLL_MS', env.ERRATA_WEBHOOK_POLL_MS, DEFAULT_POLL_MS, 10, 24 * HOUR),
    lockMs,
    timeoutMs: Math.min(REQUEST_TIMEOUT_MS, Math.floor(lockMs / 2)),
    backoffScale: parseBackoffScale(env.ERRATA_WEBHOOK_BACKOFF_SCALE),
  };
}
