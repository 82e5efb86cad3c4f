import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, parseBackoffScale, RETRY_SCHEDULE_MS, retryDelayMs, webhookWorkerConfig } from './backoff';

describe('the retry schedule', () => {
  it('is Standard Webhooks’: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then give up', () => {
    expect(RETRY_SCHEDULE_MS).toEqual([0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(MAX_ATTEMPTS).toBe(8);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n))).toEqual([...RETRY_SCHEDULE_MS]);
    expect(retryDelayMs(8)).toBeNull();
    expect(retryDelayMs(9)).toBeNull();
  });

  it('is scaled (0.001 in tests) and refuses a nonsense attempt count', () => {
    expect(retryDelayMs(1, 0.001)).toBe(5);
    expect(retryDelayMs(2, 0.001)).toBe(300);
    expect(retryDelayMs(7, 0.001)).toBe(36_000);
    expect(() => retryDelayMs(-1)).toThrow();
    expect(() => retryDelayMs(1.5)).toThrow();
  });
});

describe('ERRATA_WEBHOOK_BACKOFF_SCALE', () => {
  it('is 1 when unset and reads plain positive numbers', () => {
    expect(parseBackoffScale(undefined)).toBe(1);
    expect(parseBackoffScale('')).toBe(1);
    expect(parseBackoffScale('0.001')).toBe(0.001);
    expect(parseBackoffScale(' 2 ')).toBe(2);
    expect(parseBackoffScale('.5')).toBe(0.5);
    expect(parseBackoffScale('1e-3')).toBe(0.001);
  });

  it('refuses anything else rather than guessing', () => {
    for (const bad of ['0', '-1', 'abc', '0.001s', '1,5', 'Infinity', 'NaN', '0x10', '1001', '1 2']) expect(() => parseBackoffScale(bad), bad).toThrow(/ERRATA_WEBHOOK_BACKOFF_SCALE/);
  });
});

describe('the worker’s settings', () => {
  it('default to a 1 s poll, a 30 s lock, a 10 s timeout, switched on', () => {
    expect(webhookWorkerConfig({})).toEqual({ enabled: true, pollMs: 1000, lockMs: 30_000, timeoutMs: 10_000, backoffScale: 1 });
  });

  it('keep each request shorter than its claim', () => {
    const config = webhookWorkerConfig({ ERRATA_WEBHOOK_LOCK_MS: '4000', ERRATA_WEBHOOK_POLL_MS: '50', ERRATA_WEBHOOK_BACKOFF_SCALE: '0.001', ERRATA_WEBHOOK_WORKER: 'on' });
    expect(config).toEqual({ enabled: true, pollMs: 50, lockMs: 4000, timeoutMs: 2000, backoffScale: 0.001 });
    expect(webhookWorkerConfig({ ERRATA_WEBHOOK_WORKER: 'off' }).enabled).toBe(false);
  });

  it('refuse a malformed value, so a typo stops the server at start', () => {
    expect(() => webhookWorkerConfig({ ERRATA_WEBHOOK_POLL_MS: '1s' })).toThrow(/ERRATA_WEBHOOK_POLL_MS/);
    expect(() => webhookWorkerConfig({ ERRATA_WEBHOOK_POLL_MS: '5' })).toThrow(/ERRATA_WEBHOOK_POLL_MS/);
    expect(() => webhookWorkerConfig({ ERRATA_WEBHOOK_LOCK_MS: '1000' })).toThrow(/ERRATA_WEBHOOK_LOCK_MS/);
    expect(() => webhookWorkerConfig({ ERRATA_WEBHOOK_LOCK_MS: '30000.5' })).toThrow(/ERRATA_WEBHOOK_LOCK_MS/);
    expect(() => webhookWorkerConfig({ ERRATA_WEBHOOK_WORKER: 'no' })).toThrow(/ERRATA_WEBHOOK_WORKER/);
  });
});
