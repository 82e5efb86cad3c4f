import { describe, expect, it } from 'vitest';
import { serve } from './test-server';
import { setActionStatus, withActionStatus } from './action-status.mjs';

describe("a server action's status", () => {
  it('becomes the status of a 200 answer, set from deep inside the request’s async work', async () => {
    const app = await serve((req, res) =>
      void withActionStatus(res, async () => {
        await new Promise((r) => setTimeout(r, 5));
        await Promise.resolve().then(() => setActionStatus(req.url === '/bad' ? 422 : 409));
        if (req.url === '/redirect') res.writeHead(303, { location: '/x' });
        res.end('body');
      }),
    );
    try {
      const bad = await fetch(`${app.url}/bad`);
      expect([bad.status, await bad.text()]).toEqual([422, 'body']);
      expect((await fetch(`${app.url}/other`)).status).toBe(409);
      expect((await fetch(`${app.url}/redirect`, { redirect: 'manual' })).status).toBe(303);
    } finally {
      app.close();
    }
  });

  it('is only one of the refusals, and nothing outside a request', async () => {
    setActionStatus(422); // outside any request: ignored
    const app = await serve((req, res) =>
      void withActionStatus(res, () => {
        setActionStatus(Number(req.url?.slice(1)));
        res.end();
      }),
    );
    try {
      expect((await fetch(`${app.url}/500`)).status).toBe(200);
      expect((await fetch(`${app.url}/302`)).status).toBe(200);
      expect((await fetch(`${app.url}/404`)).status).toBe(404);
      // The store unavailable (app/(auth)/forms.ts refusalFor): try again shortly.
      expect((await fetch(`${app.url}/503`)).status).toBe(503);
    } finally {
      app.close();
    }
  });

  it('keeps concurrent requests apart', async () => {
    const app = await serve((req, res) =>
      void withActionStatus(res, async () => {
        const wait = req.url === '/slow' ? 30 : 1;
        if (req.url === '/slow') setActionStatus(409);
        await new Promise((r) => setTimeout(r, wait));
        res.end();
      }),
    );
    try {
      const [slow, fast] = await Promise.all([fetch(`${app.url}/slow`), fetch(`${app.url}/fast`)]);
      expect([slow.status, fast.status]).toEqual([409, 200]);
    } finally {
      app.close();
    }
  });
});
