// The device cookie: a random token naming a browser that signed in, sent only to the sign-in endpoints.
export const DEVICE_COOKIE = 'errata-device';
export const DEVICE_COOKIE_PATH = '/api/auth';

/** One cookie's value from a Cookie header, or undefined. */
export function readCookie(header: string | undefined | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      const value = part.slice(at + 1).trim();
      return /^[A-Za-z0-9_-]{1,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function deviceCookie(token: string, { maxAgeSeconds, secure }: { maxAgeSeconds: number; secure: boolean }): string {
  return `${DEVICE_COOKIE}=${token}; Path=${DEVICE_COOKIE_PATH}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}
