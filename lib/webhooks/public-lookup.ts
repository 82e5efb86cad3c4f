// The host-name lookup a webhook's connection is made with: the addresses it answers are the ones
// checked, so a name that resolves to a public address when checked and to a private one when
// connecting (DNS rebinding) cannot reach this machine or its network.
import type { LookupAddress } from 'node:dns';
import { isPrivateAddress } from './receiver-url';

/** Resolves a host name to all its addresses (dns.lookup with all: true, in production). */
export type Resolver = (hostname: string, options: { family?: number; hints?: number }) => Promise<LookupAddress[]>;

/** A connection refused because the receiver's name led to this machine or a private network. */
export class PrivateAddressError extends Error {
  readonly code = 'ERRATA_PRIVATE_ADDRESS';

  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(`${hostname} resolves to ${address}, on this machine or a private network`);
    this.name = 'PrivateAddressError';
  }
}

type Callback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A lookup for net.connect / tls.connect (an undici Agent's `connect.lookup`): resolves with `resolve`
 * and refuses the connection when any address is private, else answers exactly the addresses it
 * checked. Every address, not only the first: the socket may try each in turn (autoSelectFamily).
 * Node makes no lookup for an IP literal; the caller checks those itself.
 */
export function publicOnlyLookup(resolve: Resolver) {
  return (hostname: string, options: { all?: boolean; family?: number | string; hints?: number }, callback: Callback): void => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : typeof options.family === 'number' ? options.family : undefined;
    const fail = (error: NodeJS.ErrnoException) => callback(error, options.all ? [] : '');
    const answer = (addresses: LookupAddress[]) => {
      const refused = addresses.find((a) => isPrivateAddress(a.address));
      if (refused) return fail(new PrivateAddressError(hostname, refused.address));
      if (addresses.length === 0) return fail(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    };
    // Answered outside the promise, as dns.lookup answers: what the socket does next is not the resolver's rejection.
    resolve(hostname, { family, hints: options.hints }).then(
      (addresses) => process.nextTick(answer, addresses),
      (error: NodeJS.ErrnoException) => process.nextTick(fail, error),
    );
  };
}
