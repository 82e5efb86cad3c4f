// Signing a webhook the Standard Webhooks way: the `standardwebhooks` library computes the HMAC,
// we only choose the secret and name the three headers a receiver verifies.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** The prefix Standard Webhooks gives a base64 signing secret. */
export const SECRET_PREFIX = 'whsec_';

/** A new signing secret: "whsec_" and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

export interface SignedHeaders {
  /** The message's id: the same on every attempt, so a receiver can drop a repeat. */
  'webhook-id': string;
  /** When this attempt was signed, in whole seconds since 1970 (receivers refuse one too far off). */
  'webhook-timestamp': string;
  /** "v1," and the base64 HMAC-SHA256 of "id.timestamp.body". */
  'webhook-signature': string;
}

export function signedHeaders({ secret, messageId, timestamp, payload }: { secret: string; messageId: string; timestamp: Date; payload: string }): SignedHeaders {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, timestamp, payload),
  };
}
