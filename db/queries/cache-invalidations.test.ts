// The shared record of invalidations as a write makes it, read by another server's feed on the same
// database: on SQLite by its polls; on PostgreSQL (the 'postgres' project) woken by the write's own
// notification, with no poll asked for.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-invalidations-'));
process.env.DATABASE_PATH = path.join(dir, 'test.db');
process.env.ERRATA_SEED = 'none';
process.env.ERRATA_ADMIN_EMAIL = 'admin@example.org';
process.env.ERRATA_ADMIN_PASSWORD = 'a long enough admin password 2026';

const { initStore } = await import('../index');
const { onPostgres } = await import('../tables');
const { recordInvalidation } = await import('./cache-invalidations');
const { invalidationFeedFor } = await import('../../scripts/support/shared-invalidations.mjs');

await initStore();

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('recordInvalidation', () => {
  it("reaches another server's feed: at once on PostgreSQL (its notification), at the next poll on SQLite", async () => {
    const applied: string[][] = [];
    const feed = invalidationFeedFor(process.env, (tags) => applied.push(tags));
    try {
      await feed.poll();
      await recordInvalidation({ tags: ['article:harbour', 'site'], origin: 'A' });
      await recordInvalidation({ tags: ['article:mine'], origin: 'B-self' });
      if (onPostgres) {
        const started = Date.now();
        while (applied.flat().length < 3 && Date.now() - started < 2000) await new Promise((r) => setTimeout(r, 10));
        expect(Date.now() - started).toBeLessThan(2000);
      } else {
        expect(await feed.poll()).toBe(3);
      }
      expect(applied.flat().sort()).toEqual(['article:harbour', 'article:mine', 'site']);
    } finally {
      feed.close();
    }
  });

});
