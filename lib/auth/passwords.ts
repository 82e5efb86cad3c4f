// Password policy and hashing: argon2id at OWASP's minimums, and a list of common passwords refused.
import { hash, hashSync, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// Argon2id (algorithm 2; the package's enum is a const enum, which isolated modules cannot read).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** Returns why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'That password is too common; choose another.';
  if (/^(.)\1+$/.test(password)) return 'That password is a single repeated character; choose another.';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export function hashPasswordSync(password: string): string {
  return hashSync(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

// A real hash of a throwaway password: checking against it when an account does not exist
// costs the same time as checking a real account, so timing reveals nothing.
let decoy: string | undefined;
export function decoyHash(): string {
  decoy ??= hashPasswordSync('decoy-password-that-never-matches');
  return decoy;
}
