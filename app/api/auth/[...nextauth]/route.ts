// next-auth's endpoints, with throttled sign-ins answered 429 before any password is checked.
import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/app/(auth)/auth';
import { clientIp } from '@/app/(auth)/client-ip';
import { isSignInThrottled } from '@/app/(auth)/sign-in';

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

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
