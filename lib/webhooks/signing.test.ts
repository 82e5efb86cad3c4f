import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signedHeaders } from './signing';

const payload = JSON.stringify({ type: 'correction.published', timestamp: '2026-12-02T10:00:00.000Z', data: { correction: { id: 7, wording: 'They lost 842 council seats, not 695.' } } });

describe('webhook secrets', () => {
  it('are "whsec_" and 32 random bytes in base64, different every time', () => {
    const a = newWebhookSecret();
    const b = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(a).not.toBe(b);
  });
});

describe('signed headers', () => {
  it('are verified by the Standard Webhooks library with the same secret', () => {
    const secret = newWebhookSecret();
    const headers = signedHeaders({ secret, messageId: 'msg_abc', timestamp: new Date(), payload });
    expect(headers['webhook-id']).toBe('msg_abc');
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(payload, headers)).toEqual(JSON.parse(payload));
  });

  it('carry the time in whole seconds, and sign it: the same message at another time has another signature', () => {
    const secret = newWebhookSecret();
    const at = new Date('2026-12-02T10:00:00.999Z');
    const headers = signedHeaders({ secret, messageId: 'msg_abc', timestamp: at, payload });
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(at.getTime() / 1000)));
    const later = signedHeaders({ secret, messageId: 'msg_abc', timestamp: new Date(at.getTime() + 5000), payload });
    expect(later['webhook-signature']).not.toBe(headers['webhook-signature']);
  });

  it('do not verify with another secret, another body, another id or an old timestamp', () => {
    const secret = newWebhookSecret();
    const headers = signedHeaders({ secret, messageId: 'msg_abc', timestamp: new Date(), payload });
    expect(() => new Webhook(newWebhookSecret()).verify(payload, headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify(payload.replace('842', '843'), headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify(payload, { ...headers, 'webhook-id': 'msg_other' })).toThrow(WebhookVerificationError);
    const old = signedHeaders({ secret, messageId: 'msg_abc', timestamp: new Date(Date.now() - 10 * 60_000), payload });
    expect(() => new Webhook(secret).verify(payload, old)).toThrow(/too old/);
  });
});
