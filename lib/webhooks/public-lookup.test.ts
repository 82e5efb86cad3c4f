// The lookup a webhook's connection is made with: a name is refused when any address it resolves to,
// at that connection, is private (DNS rebinding), and an undici Agent fails the connection on it.
import http from 'node:http';
import type { LookupAddress } from 'node:dns';
import type { AddressInfo } from 'node:net';
import { Agent, fetch } from 'undici';
import { describe, expect, it } from 'vitest';
import { PrivateAddressError, publicOnlyLookup, type Resolver } from './public-lookup';

const v4 = (address: string): LookupAddress => ({ address, family: 4 });
const v6 = (address: string): LookupAddress => ({ address, family: 6 });

/** A resolver answering each call with the next of `answers` (a rebinding DNS server), recording what it was asked. */
function resolver(...answers: LookupAddress[][]): Resolver & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    return answers[Math.min(asked.length - 1, answers.length - 1)];
  };
  return Object.assign(resolve, { asked });
}

/** The lookup's answer, as net.connect would receive it. */
function look(resolve: Resolver, hostname: string, options: { all?: boolean; family?: number | string } = {}) {
  return new Promise<{ error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number }>((done) =>
    publicOnlyLookup(resolve)(hostname, options, (error, address, family) => done({ error, address, family })),
  );
}

describe('the public-only lookup', () => {
  it('answers the public addresses it resolved, all of them or the first as net.connect asks', async () => {
    const addresses = [v4('93.184.215.14'), v6('2606:4700::1111')];
    expect(await look(resolver(addresses), 'cms.example.com', { all: true })).toEqual({ error: null, address: addresses, family: undefined });
    expect(await look(resolver(addresses), 'cms.example.com')).toEqual({ error: null, address: '93.184.215.14', family: 4 });
  });

  it('refuses a name resolving to a public then a private address (rebinding): each connection checks what it connects to', async () => {
    const rebinding = resolver([v4('93.184.215.14')], [v4('127.0.0.1')]);
    expect((await look(rebinding, 'rebind.example', { all: true })).error).toBeNull();
    const second = await look(rebinding, 'rebind.example', { all: true });
    expect(second.error).toBeInstanceOf(PrivateAddressError);
    expect(second.error).toMatchObject({ code: 'ERRATA_PRIVATE_ADDRESS', hostname: 'rebind.example', address: '127.0.0.1' });
    expect(second.error?.message).toBe('rebind.example resolves to 127.0.0.1, on this machine or a private network');
    expect(rebinding.asked).toEqual(['rebind.example', 'rebind.example']);
  });

  it('refuses when any address is private, not only the first (the socket may try each in turn)', async () => {
    for (const mixed of [[v4('93.184.215.14'), v4('10.0.0.7')], [v6('2606:4700::1111'), v6('::1')], [v4('93.184.215.14'), v4('169.254.169.254')], [v6('::ffff:192.168.0.1')]]) {
      for (const all of [true, false]) {
        const { error } = await look(resolver(mixed), 'cms.example.com', { all });
        expect(error, JSON.stringify(mixed)).toBeInstanceOf(PrivateAddressError);
      }
    }
  });

  it("passes the resolver's failure on, and treats no address as not found", async () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.example'), { code: 'ENOTFOUND' });
    expect((await look(async () => Promise.reject(notFound), 'nowhere.example', { all: true })).error).toBe(notFound);
    expect((await look(resolver([]), 'empty.example')).error).toMatchObject({ code: 'ENOTFOUND' });
  });

  it('asks the resolver for the family net.connect asks for', async () => {
    const seen: unknown[] = [];
    const resolve: Resolver = async (_hostname, options) => {
      seen.push(options.family);
      return [v4('93.184.215.14')];
    };
    for (const family of [4, 6, 'IPv4', 'IPv6', undefined]) await look(resolve, 'cms.example.com', { family });
    expect(seen).toEqual([4, 6, 4, 6, undefined]);
  });
});

describe('an undici Agent connecting through it', () => {
  async function receiver() {
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests += 1;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { port: (server.address() as AddressInfo).port, requests: () => requests, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it('fails the connection to a name that resolves to this machine, with the refusal as the cause, and sends nothing', async () => {
    const local = await receiver();
    const agent = new Agent({ connect: { lookup: publicOnlyLookup(resolver([v4('127.0.0.1')])) } });
    try {
      const sent = fetch(`http://rebind.example:${local.port}/hook`, { method: 'POST', body: '{}', dispatcher: agent });
      const error = await sent.then(() => null, (e: Error & { cause?: unknown }) => e);
      expect(error?.cause).toBeInstanceOf(PrivateAddressError);
      expect(local.requests()).toBe(0);
    } finally {
      await agent.close();
      await local.close();
    }
  });

  it('makes no lookup for an IP literal (so the worker checks literals itself, before sending)', async () => {
    const local = await receiver();
    const asked = resolver([v4('93.184.215.14')]);
    const agent = new Agent({ connect: { lookup: publicOnlyLookup(asked) } });
    try {
      expect((await fetch(`http://127.0.0.1:${local.port}/`, { dispatcher: agent })).status).toBe(200);
      expect(asked.asked).toEqual([]);
      expect(local.requests()).toBe(1);
    } finally {
      await agent.close();
      await local.close();
    }
  });
});
