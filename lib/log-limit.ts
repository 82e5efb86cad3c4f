// A line that anyone can make the server write (an unreadable session cookie) or that repeats for as
// long as something is down (the store, each request and each webhook run) is written once a window,
// then counted: the next one after the window says how many were left out. A visitor cannot fill the
// log, and an outage is still seen to go on.

export interface LogLimiter {
  /** Writes `line` through `write` unless a line with this `key` was written within the window; then it is counted. */
  (key: string, line: string, write: (line: string) => void): void;
}

export function logLimiter({ windowMs, now = Date.now, maxKeys = 1000 }: { windowMs: number; now?: () => number; maxKeys?: number }): LogLimiter {
  const seen = new Map<string, { until: number; skipped: number }>();
  return (key, line, write) => {
    const at = now();
    const last = seen.get(key);
    if (last && at < last.until) {
      last.skipped += 1;
      return;
    }
    const skipped = last?.skipped ?? 0;
    seen.delete(key);
    seen.set(key, { until: at + windowMs, skipped: 0 });
    // Keys are a handful of fixed names; a bound all the same (the oldest go first).
    while (seen.size > maxKeys) seen.delete(seen.keys().next().value as string);
    write(skipped > 0 ? `${line} (${skipped} more like it since the last such line, not written)` : line);
  };
}
