// next-auth configuration: credentials against our own accounts, JWT sessions of at most 12 hours.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { databasePath } from '@/db/connection';
import type { Role } from '@/lib/types';
import { checkSignIn } from './sign-in';
import { clientIp } from './client-ip';
import { DEVICE_COOKIE, readCookie } from '@/lib/auth/device-cookie';

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

declare module 'next-auth' {
  interface Session {
    user: { id: number; email: string; name: string; role: Role };
  }
  interface User {
    role: Role;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: number;
    role?: Role;
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
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const headers = req.headers ?? {};
        const deviceToken = readCookie(typeof headers.cookie === 'string' ? headers.cookie : undefined, DEVICE_COOKIE);
        const result = await checkSignIn({ ...parsed.data, ip: clientIp(headers), deviceToken });
        if (!result.ok) {
          if (result.reason === 'throttled') throw new Error('throttled');
          return null;
        }
        return { id: String(result.user.id), email: result.user.email, name: result.user.name, role: result.user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      // The role here is only a hint for the UI; every desk check reloads the account (access.ts).
      session.user = { id: token.uid ?? 0, email: token.email ?? '', name: token.name ?? '', role: token.role ?? 'editor' };
      return session;
    },
  },
};
