// next-auth's endpoints, with throttled sign-ins answered 429 before any password is checked.
import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptionsFor } from '@/app/(auth)/auth';
import { clientIp } from '@/app/(auth)/client-ip';
import { isSignInThrottled } from '@/app/(auth)/sign-in';
import { redirectOrigin } from '@/lib/site-url';

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth for this request: its redirects go to the site's address (lib/site-url.ts). */
function handler(req: NextRequest, ctx: Context) {
  const origin = redirectOrigin(process.env, req.headers.get('host'), req.nextUrl.protocol === 'https:');
  return NextAuth(req, ctx, authOptionsFor(origin));
}

export function GET(req: NextRequest, ctx: Context) {
  return handler(req, ctx);
}

export async function POST(req: NextRequest, ctx: Context) {
  if (req.nextUrl.pathname.endsWith('/callback/credentials')) {
    const form = await req.clone().formData().catch(() => null);
    const email = String(form?.get('email') ?? '');
    if (isSignInThrottled({ email, ip: clientIp(req.headers) })) {
      return Response.json(
        { error: 'Too many failed sign-ins. Wait 15 minutes and try again.', url: `${req.nextUrl.origin}/login?error=throttled` },
        { status: 429, headers: { 'Retry-After': '900' } },
      );
    }
  }
  return handler(req, ctx);
}
