// next-auth's logger: an unreadable session cookie is one line; other errors and warnings as next-auth logs them.
import { describe, expect, it } from 'vitest';
import { logLimiter } from '../log-limit';
import { nextAuthLogger } from './next-auth-logger';

function recorded() {
  const lines: { level: 'error' | 'warn'; args: unknown[] }[] = [];
  const logger = nextAuthLogger({ error: (...args: unknown[]) => lines.push({ level: 'error', args }), warn: (...args: unknown[]) => lines.push({ level: 'warn', args }) });
  return { logger, lines };
}

/** The errors next-auth's JWT decode throws for a garbage, a malformed and another secret's cookie. */
function joseError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe("next-auth's logger", () => {
  it('logs an unreadable session cookie (JWT_SESSION_ERROR) in one line: code and message, no stack', () => {
    for (const error of [joseError('JWEInvalid', 'Invalid Compact JWE'), joseError('JWEInvalid', 'JWE Protected Header is invalid'), joseError('JWEDecryptionFailed', 'decryption operation failed')]) {
      const { logger, lines } = recorded();
      logger.error('JWT_SESSION_ERROR', error);
      expect(lines).toHaveLength(1);
      expect(lines[0].level).toBe('error');
      expect(lines[0].args).toHaveLength(1);
      const line = String(lines[0].args[0]);
      expect(line).toBe(`[next-auth][error][JWT_SESSION_ERROR] ${error.message} (a session cookie that could not be read: answered as signed out)`);
      expect(line).not.toContain('\n');
      expect(line).not.toContain(' at ');
    }
  });

  it('writes at most one such line a minute: a visitor sending bad cookies cannot fill the log', () => {
    let now = 0;
    const lines: unknown[][] = [];
    const logger = nextAuthLogger({ error: (...args: unknown[]) => lines.push(args), warn: () => {} }, logLimiter({ windowMs: 60_000, now: () => now }));
    for (let i = 0; i < 500; i++) logger.error('JWT_SESSION_ERROR', joseError('JWEInvalid', 'Invalid Compact JWE'));
    expect(lines).toHaveLength(1);
    now = 60_000;
    logger.error('JWT_SESSION_ERROR', joseError('JWEInvalid', 'Invalid Compact JWE'));
    expect(lines).toHaveLength(2);
    expect(String(lines[1][0])).toContain('(499 more like it since the last such line, not written)');
    // Another message is its own line: garbage cannot hide a cookie sealed with another secret.
    logger.error('JWT_SESSION_ERROR', joseError('JWEDecryptionFailed', 'decryption operation failed'));
    expect(lines).toHaveLength(3);
    expect(String(lines[2][0])).toContain('decryption operation failed');
    // A message that quotes the cookie's own header is its class's line: the attacker's words cannot
    // make a line each, and their control characters never reach the log.
    for (let i = 0; i < 50; i++) logger.error('JWT_SESSION_ERROR', joseError('JOSENotSupported', `Extension Header Parameter "attacker-${i}-\u001b[31mFAKE" is not recognized`));
    expect(lines).toHaveLength(4);
    expect(String(lines[3][0])).not.toMatch(/[\u0000-\u001f]/);
    // Any other error is never held back.
    for (let i = 0; i < 3; i++) logger.error('OAUTH_CALLBACK_ERROR', new Error('x'));
    expect(lines).toHaveLength(7);
  });

  it('keeps a message on one line however it arrives', () => {
    const { logger, lines } = recorded();
    logger.error('JWT_SESSION_ERROR', { error: new Error('first\nsecond'), providerId: 'x' });
    expect(lines[0].args).toEqual(['[next-auth][error][JWT_SESSION_ERROR] first second (a session cookie that could not be read: answered as signed out)']);
  });

  it('logs any other error as next-auth does, with its detail (the error and its stack) whole', () => {
    const { logger, lines } = recorded();
    const error = new Error('The database is down');
    logger.error('SIGNIN_OAUTH_ERROR', error);
    const metadata = { error, providerId: 'credentials', message: 'sign-in failed' };
    logger.error('CALLBACK_CREDENTIALS_HANDLER_ERROR', metadata);
    expect(lines.map((l) => l.args)).toEqual([
      ['[next-auth][error][SIGNIN_OAUTH_ERROR]', '\nhttps://next-auth.js.org/errors#signin_oauth_error', 'The database is down', error],
      ['[next-auth][error][CALLBACK_CREDENTIALS_HANDLER_ERROR]', '\nhttps://next-auth.js.org/errors#callback_credentials_handler_error', 'sign-in failed', metadata],
    ]);
  });

  it('logs warnings as next-auth does, and no debug', () => {
    const { logger, lines } = recorded();
    logger.warn('NO_SECRET');
    logger.debug('GET_AUTHORIZATION_URL', { url: 'x' });
    expect(lines).toEqual([{ level: 'warn', args: ['[next-auth][warn][NO_SECRET]', '\nhttps://next-auth.js.org/warnings#no_secret'] }]);
  });
});
