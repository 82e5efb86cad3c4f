'use client';
// Ends the desk session and returns to the front page.
import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button type="button" className="secondary" onClick={() => signOut({ callbackUrl: '/' })}>
      Sign out
    </button>
  );
}
