// next-auth's logger: a session cookie it cannot read is one line, not a stack trace, and at most one
// a minute (lib/log-limit.ts); anything else is logged as next-auth's own logger logs it.
import { logLimiter, type LogLimiter } from '../log-limit';

/** The logger next-auth's options take (its LoggerInstance, by shape: lib/ imports nothing of next-auth; a type, not an interface, so it meets LoggerInstance's index signature). */
export type NextAuthLogger = {
  error(code: string, metadata: unknown): void;
  warn(code: string): void;
  debug(code: string, metadata: unknown): void;
};

/**
 * The session cookie did not decrypt or decode (tampered, garbage, or sealed with another secret).
 * Anyone can send one; next-auth answers it as signed out and clears the cookie, so its stack says
 * nothing, and a visitor could fill the log with them.
 */
const UNREADABLE_SESSION = 'JWT_SESSION_ERROR';

/** The message next-auth's default logger prints: the error's, or that of the error the metadata carries. */
function messageOf(metadata: unknown): string {
  const m = metadata as { message?: unknown; error?: { message?: unknown } } | null | undefined;
  return typeof m?.message === 'string' ? m.message : typeof m?.error?.message === 'string' ? m.error.message : String(metadata);
}

/** The error's class name (jose's JWEInvalid, JWEDecryptionFailed, …), from the error or the metadata carrying it. */
function nameOf(metadata: unknown): string {
  const m = metadata as { name?: unknown; error?: { name?: unknown } } | null | undefined;
  const name = typeof m?.name === 'string' ? m.name : typeof m?.error?.name === 'string' ? m.error.name : 'Error';
  return name.replace(/[^A-Za-z0-9_]/g, '').slice(0, 40) || 'Error';
}

export function nextAuthLogger(out: Pick<Console, 'error' | 'warn'> = console, limit: LogLimiter = logLimiter({ windowMs: 60_000 })): NextAuthLogger {
  return {
    error(code, metadata) {
      if (code === UNREADABLE_SESSION) {
        // The message can quote the cookie's own header (jose: 'Extension Header Parameter "…" is not
        // recognized'): its control characters never reach the log, and it is cut short.
        const message = messageOf(metadata).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
        // Counted per kind of failure (jose's error class, never the attacker's words), so a flood of
        // garbage cannot hide the one that matters: a cookie sealed with another secret
        // (JWEDecryptionFailed: servers with different NEXTAUTH_SECRETs).
        return limit(`${code} ${nameOf(metadata)}`, `[next-auth][error][${code}] ${message} (a session cookie that could not be read: answered as signed out)`, (line) => out.error(line));
      }
      // As next-auth's default logger, with the error (and its stack) whole.
      out.error(`[next-auth][error][${code}]`, `\nhttps://next-auth.js.org/errors#${code.toLowerCase()}`, messageOf(metadata), metadata);
    },
    warn(code) {
      out.warn(`[next-auth][warn][${code}]`, `\nhttps://next-auth.js.org/warnings#${code.toLowerCase()}`);
    },
    // Off, as before (the app sets no `debug`): a logger's own debug is used whatever `debug` says.
    debug() {},
  };
}
