// What every purger is: a way to tell an HTTP cache in front of Errata that the responses carrying
// some tags are stale.

export type PurgerName = 'none' | 'nginx' | 'varnish' | 'cdn';

export interface Purger {
  readonly name: PurgerName;
  /** Purges every cached response carrying any of the tags; rejects on failure (it is then retried). */
  purge(tags: readonly string[]): Promise<void>;
}

/** A purge request that did not succeed: retried, then logged with its message. */
export class PurgeFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PurgeFailure';
  }
}
