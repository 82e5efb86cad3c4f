// The reader caches' change stamp moves with the public record, not with anonymous traffic.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from './connection';
import { recordAudit } from './queries/audit';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-stamp-'));
  db = openDatabase(path.join(dir, 'test.db'));
});

afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const stamp = () => (db.$client.prepare('select stamp from record_stamp where id = 1').get() as { stamp: number }).stamp;

describe('record_stamp', () => {
  it('moves on desk writes and not on sign-ins or reader reports', async () => {
    expect(stamp()).toBe(0);
    await recordAudit(db, { actorId: null, action: 'article.publish', entityType: 'article', entityId: 1 });
    const published = stamp();
    expect(published).toBeGreaterThan(0);
    for (const action of ['auth.sign-in', 'auth.failed', 'auth.throttled', 'report.create']) await recordAudit(db, { actorId: null, action, entityType: 'user', entityId: 'x' });
    expect(stamp()).toBe(published);
    await recordAudit(db, { actorId: null, action: 'correction.publish', entityType: 'correction', entityId: 1 });
    expect(stamp()).toBeGreaterThan(published);
  });
});
