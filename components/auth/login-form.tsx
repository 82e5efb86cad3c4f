'use client';
// The sign-in form: next-auth credentials, with a plain message for each way it can fail.
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { sameOriginPath } from '@/lib/routing/callback-url';

const MESSAGES: Record<string, string> = {
  CredentialsSignin: 'That email and password do not match an active account.',
  throttled: 'Too many failed sign-ins. Wait 15 minutes and try again, or sign in from a browser you have used to sign in before.',
  unavailable: 'The database is briefly unavailable. Please try again in a few seconds.',
};

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState(initialError ? (MESSAGES[initialError] ?? 'Sign-in failed.') : '');
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError('');
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    }).catch(() => undefined);
    setPending(false);
    if (result?.ok && !result.error) {
      // Checked again here, against the page's own origin: this is where the browser goes next.
      router.push(sameOriginPath(callbackUrl, window.location.origin, '/desk'));
      router.refresh();
      return;
    }
    const code = result?.status === 429 ? 'throttled' : result?.status === 503 ? 'unavailable' : (result?.error ?? 'CredentialsSignin');
    setError(MESSAGES[code] ?? 'Sign-in failed.');
  }

  return (
    <form onSubmit={onSubmit} noValidate className="login-form">
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" autoComplete="username" required />
      <label htmlFor="password">Password</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      <p>
        <button type="submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </p>
    </form>
  );
}
