// next-auth configuration: credentials against our own accounts. The JWT names a row in the
// sessions table, which the server checks on every request (access.ts): sign-out ends it.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { databasePath } from '@/db/connection';
import { getDb } from '@/db/index';
import { endSession, startSession } from '@/db/queries/sessions';
import { nextAuthLogger } from '@/lib/auth/next-auth-logger';
import { logIfUnavailable } from '@/app/(api)/unavailable';
import { SESSION_ABSOLUTE_MS } from '@/lib/auth/session-timeouts';
import { sameOriginPath } from '@/lib/routing/callback-url';
import { configuredSiteUrl, publicSiteUrl } from '@/lib/site-url';
import type { Role } from '@/lib/types';
import { checkSignIn } from './sign-in';
import { clientIp } from './client-ip';
import { DEVICE_COOKIE, readCookie } from '@/lib/auth/device-cookie';

export const SESSION_MAX_AGE_SECONDS = SESSION_ABSOLUTE_MS / 1000;

// next-auth reads its own address from NEXTAUTH_URL; the site's configured address is the same one.
// Left unset (no ERRATA_SITE_URL either), each request's own address is used for redirects.
if (!process.env.NEXTAUTH_URL && configuredSiteUrl(process.env)) process.env.NEXTAUTH_URL = configuredSiteUrl(process.env) ?? undefined;

declare module 'next-auth' {
  interface Session {
    user: { id: number; email: string; name: string; role: Role };
    /** The sessions-table row this sign-in is; checked on every request. */
    sid?: string;
  }
  interface User {
    role: Role;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: number;
    role?: Role;
    sid?: string;
  }
}

/** NEXTAUTH_SECRET, or one generated once and kept beside the database (never in the repository). */
function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(path.dirname(path.resolve(databasePath())), '.auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}

const credentialsSchema = z.object({
  // No account's address holds a NUL (and PostgreSQL refuses one in any text): a failed sign-in, not a 500.
  email: z.string().trim().min(1).max(320).refine((v) => !v.includes('\u0000')),
  password: z.string().min(1).max(1024),
});

/**
 * next-auth's options for redirects to `origin`: every callback URL becomes a path on this site
 * (lib/routing/callback-url.ts), whatever next-auth or a crafted link proposed.
 */
export function authOptionsFor(origin: string): NextAuthOptions {
  return {
    ...authOptions,
    callbacks: { ...authOptions.callbacks, redirect: ({ url }) => `${origin}${sameOriginPath(url, origin, '/desk')}` },
  };
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  // A tampered or garbage session cookie is one line in the log, not a stack trace; other errors whole.
  logger: nextAuthLogger(),
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const headers = req.headers ?? {};
        const deviceToken = readCookie(typeof headers.cookie === 'string' ? headers.cookie : undefined, DEVICE_COOKIE);
        let result: Awaited<ReturnType<typeof checkSignIn>>;
        try {
          result = await checkSignIn({ ...parsed.data, ip: clientIp(headers), deviceToken });
        } catch (thrown) {
          // next-auth turns a thrown error into ?error=<message>; the route answers "unavailable" 503.
          throw logIfUnavailable('sign-in', thrown) ? new Error('unavailable') : thrown;
        }
        if (!result.ok) {
          if (result.reason === 'throttled') throw new Error('throttled');
          return null;
        }
        return { id: String(result.user.id), email: result.user.email, name: result.user.name, role: result.user.role };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.sid = await startSession(getDb(), { userId: token.uid });
      }
      return token;
    },
    redirect: ({ url }) => {
      const origin = publicSiteUrl(process.env);
      return `${origin}${sameOriginPath(url, origin, '/desk')}`;
    },
    session({ session, token }) {
      // The role here is only a hint for the UI; every desk check reloads the account (access.ts).
      session.user = { id: token.uid ?? 0, email: token.email ?? '', name: token.name ?? '', role: token.role ?? 'editor' };
      session.sid = token.sid;
      return session;
    },
  },
  events: {
    // A signed-out cookie replayed later finds its session ended.
    async signOut({ token }) {
      if (token?.sid) await endSession(getDb(), { id: token.sid, reason: 'sign-out' });
    },
  },
};
