import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/app/(auth)/access';
import { LoginForm } from '@/components/auth/login-form';
import { sameOriginPath } from '@/lib/routing/callback-url';
import { redirectOrigin } from '@/lib/site-url';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

type SearchParams = Promise<{ callbackUrl?: string; error?: string }>;

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl, error } = await searchParams;
  // Only same-site paths: a crafted link must not bounce an editor to another site after sign-in.
  const origin = redirectOrigin(process.env, (await headers()).get('host'), false);
  const target = sameOriginPath(callbackUrl, origin, '/desk');
  if (await getCurrentUser()) redirect(target);
  return (
    <div className="article">
      <h1>Sign in to the desk</h1>
      <LoginForm callbackUrl={target} initialError={error} />
    </div>
  );
}
