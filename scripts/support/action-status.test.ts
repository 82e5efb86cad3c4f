import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ACTION_STATUS_COOKIE, applyActionStatus, takeActionStatus } from './action-status.mjs';

describe("a server action's status", () => {
  it('is taken from its own cookie, which is removed from the list', () => {
    expect(takeActionStatus([`${ACTION_STATUS_COOKIE}=422; Path=/; Max-Age=0`, 'a=b; Path=/'])).toEqual({ status: 422, setCookie: ['a=b; Path=/'] });
    expect(takeActionStatus(`${ACTION_STATUS_COOKIE}=409`)).toEqual({ status: 409, setCookie: [] });
    expect(takeActionStatus(undefined)).toEqual({ status: null, setCookie: [] });
  });

  it('is one of the refusals only; anything else is dropped and ignored', () => {
    expect(takeActionStatus([`${ACTION_STATUS_COOKIE}=200`]).status).toBeNull();
    expect(takeActionStatus([`${ACTION_STATUS_COOKIE}=500`]).status).toBeNull();
    expect(takeActionStatus([`${ACTION_STATUS_COOKIE}=302`]).setCookie).toEqual([]);
    expect(takeActionStatus([`x${ACTION_STATUS_COOKIE}=422`]).status).toBeNull();
  });

  it('becomes the status of a 200 answer, never reaching the client, and leaves redirects alone', async () => {
    const server = http.createServer((req, res) => {
      applyActionStatus(res);
      res.setHeader('set-cookie', [`${ACTION_STATUS_COOKIE}=422; Path=/; Max-Age=0`, 'kept=1']);
      if (req.url === '/redirect') res.writeHead(303, { location: '/x' });
      res.end('body');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const plain = await fetch(`http://127.0.0.1:${port}/`);
      expect(plain.status).toBe(422);
      expect(plain.headers.getSetCookie()).toEqual(['kept=1']);
      expect(await plain.text()).toBe('body');
      const redirect = await fetch(`http://127.0.0.1:${port}/redirect`, { redirect: 'manual' });
      expect(redirect.status).toBe(303);
      expect(redirect.headers.getSetCookie()).toEqual(['kept=1']);
    } finally {
      server.close();
    }
  });
});
