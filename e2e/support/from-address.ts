// Requests from a chosen loopback address (127.x.y.z), so a test can be a client of its own: the
// server now tells clients apart by the socket's address, not by headers a client writes.
import http from 'node:http';
import { test } from '@playwright/test';

/** The port of the server the running test's project talks to (SQLite's or PostgreSQL's). */
function serverPort(): number {
  const baseURL = test.info().project.use.baseURL;
  if (!baseURL) throw new Error('the project has no baseURL');
  return Number(new URL(baseURL).port);
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  setCookies: string[];
}

export function requestFrom(localAddress: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: serverPort(), localAddress, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, setCookies: res.headers['set-cookie'] ?? [] }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** POSTs a reader report (JSON) from this address. */
export function reportFrom(localAddress: string, data: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return requestFrom(localAddress, '/api/reports', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(data) });
}

/** One credentials sign-in, as next-auth's client makes it (CSRF token and cookie first), from this address. */
export async function signInFrom(localAddress: string, email: string, password: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const csrf = await requestFrom(localAddress, '/api/auth/csrf', { headers });
  const cookie = csrf.setCookies.map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  return requestFrom(localAddress, '/api/auth/callback/credentials', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
    body: new URLSearchParams({ email, password, csrfToken, json: 'true' }).toString(),
  });
}
