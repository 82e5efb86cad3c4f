// next-auth's endpoints, with throttled sign-ins answered 429 before any password is checked, and a
// device cookie given to the browser on each successful sign-in (see lib/auth/sign-in-throttle.ts).
import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptionsFor } from '@/app/(auth)/auth';
import { getCurrentUser } from '@/app/(auth)/access';
import { clientIp } from '@/app/(auth)/client-ip';
import { signInThrottle } from '@/app/(auth)/sign-in';
import { DEVICE_MAX_AGE_MS, findKnownDevice, rememberDevice } from '@/db/queries/known-devices';
import { getUserByEmail } from '@/db/queries/users';
import { DEVICE_COOKIE, deviceCookie } from '@/lib/auth/device-cookie';
import { repeatedFieldMessage, repeatedFields } from '@/lib/form-fields';
import { SIGN_IN_WINDOW_MS } from '@/lib/auth/sign-in-throttle';
import { redirectOrigin } from '@/lib/site-url';

type Context = { params: Promise<{ nextauth: string[] }> };

function originOf(req: NextRequest): string {
  return redirectOrigin(process.env, req.headers.get('host'), req.nextUrl.protocol === 'https:');
}

/** next-auth for this request: its redirects go to the site's address (lib/site-url.ts). */
function handler(req: NextRequest, ctx: Context) {
  return NextAuth(req, ctx, authOptionsFor(originOf(req)));
}

export async function GET(req: NextRequest, ctx: Context) {
  // Credentials are only ever posted; next-auth itself fails on a GET of this callback.
  if (req.nextUrl.pathname.endsWith('/callback/credentials')) {
    return new Response('Sign in through the sign-in form.\n', { status: 405, headers: { allow: 'POST', 'content-type': 'text/plain; charset=utf-8' } });
  }
  // next-auth answers from the cookie alone; a session that was signed out, idled or expired is none.
  if (req.nextUrl.pathname.endsWith('/session') && !(await getCurrentUser())) return Response.json({});
  return handler(req, ctx);
}

function signedIn(response: Response): boolean {
  return response.headers.getSetCookie().some((c) => /^(__Secure-)?next-auth\.session-token=[^;]/.test(c));
}

export async function POST(req: NextRequest, ctx: Context) {
  if (!req.nextUrl.pathname.endsWith('/callback/credentials')) return handler(req, ctx);
  const form = await req.clone().formData().catch(() => null);
  // Read once: the throttle, next-auth and the device cookie must all see the same email (next-auth
  // would take a repeated field's last value, and a first value could name someone else's account).
  if (!form) return Response.json({ error: 'Sign in through the sign-in form.' }, { status: 400 });
  const repeated = repeatedFields(form.keys());
  if (repeated.length > 0) return Response.json({ error: repeatedFieldMessage(repeated) }, { status: 400 });
  const email = String(form.get('email') ?? '').slice(0, 320);
  const deviceToken = req.cookies.get(DEVICE_COOKIE)?.value;
  if (signInThrottle({ email, ip: clientIp(req.headers), deviceToken })) {
    return Response.json(
      { error: 'Too many failed sign-ins. Wait 15 minutes and try again, or sign in from a browser you have used to sign in before.', url: `${originOf(req)}/login?error=throttled` },
      { status: 429, headers: { 'Retry-After': String(SIGN_IN_WINDOW_MS / 1000) } },
    );
  }
  const response = await handler(req, ctx);
  if (!signedIn(response)) return response;
  // This browser is now known to the account: later lockouts of the account do not apply to it.
  const user = getUserByEmail({ email: email.trim().toLowerCase() });
  const known = findKnownDevice({ token: deviceToken });
  if (!user || known?.userId === user.id) return response;
  const secure = req.nextUrl.protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
  const headers = new Headers(response.headers);
  headers.append('Set-Cookie', deviceCookie(rememberDevice({ userId: user.id }), { maxAgeSeconds: DEVICE_MAX_AGE_MS / 1000, secure }));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
