import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/app/(auth)/access';
import { LoginForm } from '@/components/auth/login-form';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

type SearchParams = Promise<{ callbackUrl?: string; error?: string }>;

/** Only same-site paths: a crafted link must not bounce an editor to another site after sign-in. */
function safeCallback(url: string | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') ? url : '/desk';
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallback(callbackUrl);
  if (await getCurrentUser()) redirect(target);
  return (
    <div className="article">
      <h1>Sign in to the desk</h1>
      <LoginForm callbackUrl={target} initialError={error} />
    </div>
  );
}
