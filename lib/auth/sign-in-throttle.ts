// Which limits a sign-in attempt is counted against (OWASP's "device cookie" model, as Ghost and
// GitLab also separate known from unknown clients): a browser that has signed in to the account
// before, and the address the account usually signs in from, are each limited on their own, so
// strangers' failures (even enough to trip the global limit) can never lock the owner out of
// either; every other attempt counts against the account (rotating addresses does not help), the
// address, and everyone (spraying many accounts does not help).
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

export const SIGN_IN_LIMITS = {
  /** Failures from one known browser for its account. */
  device: 10,
  /** Failures for an account from an address it has signed in from before, in a browser it does not know. */
  knownAddress: 10,
  /** Failures for one account from browsers it does not know, from any address. */
  account: 5,
  /** Failures from one address, for any accounts. */
  address: 20,
  /** Failures from unknown browsers across every account and address. */
  global: 100,
} as const;

export interface SignInBucket {
  /** Stored bucket name in the throttle table. */
  bucket: string;
  key: string;
  limit: number;
  /** Which limit this is, for the audit trail and the message. */
  scope: keyof typeof SIGN_IN_LIMITS;
}

export function signInBuckets({ email, ip, deviceId, knownAddressOf, globalLimit = SIGN_IN_LIMITS.global }: { email: string; ip: string; deviceId?: string; knownAddressOf?: number; globalLimit?: number }): SignInBucket[] {
  if (deviceId) return [{ bucket: 'sign-in:device', key: deviceId, limit: SIGN_IN_LIMITS.device, scope: 'device' }];
  if (knownAddressOf !== undefined) return [{ bucket: 'sign-in:known-address', key: `${knownAddressOf}|${ip}`, limit: SIGN_IN_LIMITS.knownAddress, scope: 'knownAddress' }];
  return [
    { bucket: 'sign-in:account', key: email, limit: SIGN_IN_LIMITS.account, scope: 'account' },
    { bucket: 'sign-in:address', key: ip, limit: SIGN_IN_LIMITS.address, scope: 'address' },
    { bucket: 'sign-in:global', key: '*', limit: globalLimit, scope: 'global' },
  ];
}

/** The first limit already reached, if any. */
export function reachedLimit(buckets: SignInBucket[], failures: (bucket: SignInBucket) => number): SignInBucket | undefined {
  return buckets.find((b) => failures(b) >= b.limit);
}
