// next-auth's endpoints, with throttled sign-ins answered 429 before any password is checked, and a
// device cookie given to the browser on each successful sign-in (see lib/auth/sign-in-throttle.ts).
// The credentials form is read exactly as next-auth reads it: one media type, each field once.
import NextAuth from 'next-auth';
import { decode } from 'next-auth/jwt';
import type { NextRequest } from 'next/server';
import { authOptions, authOptionsFor } from '@/app/(auth)/auth';
import { getCurrentUser } from '@/app/(auth)/access';
import { clientIp } from '@/app/(auth)/client-ip';
import { signInThrottle } from '@/app/(auth)/sign-in';
import { DEVICE_MAX_AGE_MS, findKnownDevice, rememberDevice } from '@/db/queries/known-devices';
import { DEVICE_COOKIE, deviceCookie } from '@/lib/auth/device-cookie';
import { repeatedFieldMessage, repeatedFields } from '@/lib/form-fields';
import { SIGN_IN_WINDOW_MS } from '@/lib/auth/sign-in-throttle';
import { redirectOrigin } from '@/lib/site-url';
import { unavailableAnswer, unavailableResponse } from '@/app/(api)/unavailable';

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * The one body type a credentials sign-in may have. next-auth picks its parser by searching the
 * whole Content-Type header for "application/json" or "application/x-www-form-urlencoded", so a
 * header with another media type, or parameters naming one, would let it read a different body
 * than this route checks.
 */
const CREDENTIALS_TYPE = /^application\/x-www-form-urlencoded(\s*;\s*charset="?utf-8"?)?$/i;

function originOf(req: NextRequest): string {
  return redirectOrigin(process.env, req.headers.get('host'), req.nextUrl.protocol === 'https:');
}

/** A 503's body for the sign-in form: the message, and where a form without JavaScript goes. */
function loginAgain(req: NextRequest) {
  return (message: string) => ({ error: message, url: `${originOf(req)}/login?error=unavailable` });
}

/** next-auth for this request: its redirects go to the site's address (lib/site-url.ts). */
function handler(req: NextRequest, ctx: Context) {
  return NextAuth(req, ctx, authOptionsFor(originOf(req)));
}

/** Which endpoint, as next-auth itself reads it: the first segments after /api/auth. */
async function endpoint(ctx: Context): Promise<{ action: string; provider?: string }> {
  const [action = '', provider] = (await ctx.params).nextauth ?? [];
  return { action, provider };
}

export async function GET(req: NextRequest, ctx: Context) {
  const { action, provider } = await endpoint(ctx);
  // Credentials are only ever posted; next-auth itself fails on a GET of this callback.
  if (action === 'callback' && provider === 'credentials') {
    return new Response('Sign in through the sign-in form.\n', { status: 405, headers: { allow: 'POST', 'content-type': 'text/plain; charset=utf-8' } });
  }
  // next-auth answers from the cookie alone; a session that was signed out, idled or expired is none.
  if (action === 'session' && !(await getCurrentUser())) return Response.json({});
  return handler(req, ctx);
}

/** The account id in the session token next-auth just set, if it set one. */
async function signedInAs(response: Response): Promise<number | null> {
  const cookie = response.headers.getSetCookie().find((c) => /^(__Secure-)?next-auth\.session-token=[^;]/.test(c));
  if (!cookie) return null;
  const token = await decode({ token: cookie.slice(cookie.indexOf('=') + 1).split(';')[0], secret: authOptions.secret ?? '' }).catch(() => null);
  return typeof token?.uid === 'number' ? token.uid : null;
}

/** Whether next-auth's answer is authorize()'s refusal `code` ("throttled", "unavailable"): its error in the redirect it names. */
async function refusedAs(response: Response, code: 'throttled' | 'unavailable'): Promise<boolean> {
  const named = new RegExp(`[?&]error=${code}\\b`);
  if (named.test(response.headers.get('location') ?? '')) return true;
  return named.test(await response.clone().text());
}

export async function POST(req: NextRequest, ctx: Context) {
  try {
    return await post(req, ctx);
  } catch (thrown) {
    // The throttle, the device lookup or the session's start could not reach the store.
    return unavailableResponse('POST /api/auth', thrown, loginAgain(req));
  }
}

async function post(req: NextRequest, ctx: Context): Promise<Response> {
  const { action, provider } = await endpoint(ctx);
  if (action === 'session' && !(await getCurrentUser())) return Response.json({});
  // Every form next-auth's client posts (sign-in, sign-out) is urlencoded; any other body would reach
  // next-auth's own parser, which answers a cut-off JSON body with a 500.
  if (!CREDENTIALS_TYPE.test(req.headers.get('content-type') ?? '')) return Response.json({ error: 'Send this as the sign-in or sign-out form does.' }, { status: 415 });
  if (action !== 'callback' || provider !== 'credentials') return handler(req, ctx);
  // Read once: the throttle and next-auth must see the same email (next-auth would take a repeated
  // field's last value, and a first value could name someone else's account).
  const form = new URLSearchParams(await req.clone().text());
  const repeated = repeatedFields(form.keys());
  if (repeated.length > 0) return Response.json({ error: repeatedFieldMessage(repeated) }, { status: 400 });
  const email = String(form.get('email') ?? '').slice(0, 320);
  // No account's address holds a NUL (and PostgreSQL refuses one in any text it is sent).
  if (email.includes('\u0000')) return Response.json({ error: 'That email address cannot be right: type it again.', url: `${originOf(req)}/login?error=CredentialsSignin` }, { status: 400 });
  const deviceToken = req.cookies.get(DEVICE_COOKIE)?.value;
  const throttled = () =>
    Response.json(
      { error: 'Too many failed sign-ins. Wait 15 minutes and try again, or sign in from a browser you have used to sign in before.', url: `${originOf(req)}/login?error=throttled` },
      { status: 429, headers: { 'Retry-After': String(SIGN_IN_WINDOW_MS / 1000) } },
    );
  if ((await signInThrottle({ email, ip: clientIp(req.headers), deviceToken }))) return throttled();
  const response = await handler(req, ctx);
  // This browser is now known to the account that signed in (by the id next-auth put in the session,
  // never by a field re-read): later lockouts of that account do not apply to it.
  const userId = await signedInAs(response);
  if (userId === null) {
    // Refused at the count the password check makes (attempts sent at once, app/(auth)/sign-in.ts):
    // a 429 like the one above, not next-auth's 401.
    // authorize() could not reach the store (and logged why): a 503, not next-auth's 401.
    if (await refusedAs(response, 'unavailable')) return unavailableAnswer(loginAgain(req));
    return (await refusedAs(response, 'throttled')) ? throttled() : response;
  }
  const known = await findKnownDevice({ token: deviceToken });
  if (known?.userId === userId) return response;
  const secure = req.nextUrl.protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
  const headers = new Headers(response.headers);
  headers.append('Set-Cookie', deviceCookie(await rememberDevice({ userId }), { maxAgeSeconds: DEVICE_MAX_AGE_MS / 1000, secure }));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
