// LIKE filters take the reader's text literally: "%" and "_" are characters, not wildcards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

// The app's store: this file on SQLite, or (the 'postgres' project) the file's own PostgreSQL database.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-like-'));
process.env.DATABASE_PATH = path.join(dir, 'test.db');
process.env.ERRATA_SEED = 'none';

const { closeStore, getDb, initStore } = await import('../index');
const { auditEvents } = await import('../tables');
const { escapeLike, startsWithLiterally } = await import('./like');

await initStore(() => {});
const db = getDb();

// The rows are only read, so every test reads the same ones.
beforeAll(async () => {
  for (const action of ['test.50%-off', 'test.500-off', 'test.a_b', 'test.axb', 'test.back\\slash', 'test.backXslash']) {
    await db.insert(auditEvents).values({ actorId: null, action, entityType: 'test' });
  }
});

afterAll(async () => {
  await closeStore();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function actionsStartingWith(text: string): Promise<string[]> {
  return (await db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(startsWithLiterally(auditEvents.action, text)))
    .map((r) => r.action)
    .sort();
}

describe('startsWithLiterally', () => {
  it('escapes the wildcards and the escape character', () => {
    expect(escapeLike('50%_\\')).toBe('50\\%\\_\\\\');
  });

  it('finds "50%" literally, and not "500"', async () => {
    expect(await actionsStartingWith('test.50%')).toEqual(['test.50%-off']);
  });

  it('finds "a_b" literally, and not "axb"', async () => {
    expect(await actionsStartingWith('test.a_')).toEqual(['test.a_b']);
  });

  it('finds a backslash literally', async () => {
    expect(await actionsStartingWith('test.back\\')).toEqual(['test.back\\slash']);
  });

  it('still matches prefixes, and "%" alone matches nothing', async () => {
    expect(await actionsStartingWith('test.a')).toEqual(['test.a_b', 'test.axb']);
    expect(await actionsStartingWith('%')).toEqual([]);
  });
});
