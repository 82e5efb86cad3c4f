// A backup taken while another process keeps writing is consistent, and restores round-trip.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from './backup';
import { openDatabase } from './connection';
import { prepareDatabase } from './setup';
import { verifyDatabase } from './verify';

let dir: string;
let live: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-backup-'));
  live = path.join(dir, 'live.db');
  const db = openDatabase(live);
  await prepareDatabase(db, () => {});
  db.$client.close();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Another process appending audit events as fast as it can, for `ms` milliseconds. */
function busyWriter(ms: number) {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(live)});
    db.pragma('busy_timeout = 5000');
    const insert = db.prepare("insert into audit_events (action, entity_type, entity_id) values ('load', 'test', ?)");
    const until = Date.now() + ${ms};
    let n = 0;
    while (Date.now() < until) { insert.run(String(n++)); }
    process.stdout.write(String(n));
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd() });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  return new Promise<number>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`writer exited ${code}`))));
  });
}

function count(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('backup and restore', () => {
  it('takes a consistent online backup of a busy database and restores it', async () => {
    const writing = busyWriter(1500);
    await new Promise((r) => setTimeout(r, 300));
    const backup = path.join(dir, 'backup.db');
    const report = await backupDatabase(live, backup);
    const written = await writing;
    expect(written).toBeGreaterThan(100);
    expect(report.integrity).toBe('ok');
    const inBackup = count(backup, 'audit_events');
    expect(inBackup).toBeGreaterThan(0);
    expect(inBackup).toBeLessThanOrEqual(count(live, 'audit_events'));
    expect(count(backup, 'versions')).toBe(count(live, 'versions'));

    const restored = path.join(dir, 'restored.db');
    fs.copyFileSync(live, restored);
    const result = await restoreDatabase(backup, restored);
    expect(result.integrity).toBe('ok');
    expect(result.kept).not.toBeNull();
    expect(count(restored, 'audit_events')).toBe(inBackup);
    expect(count(result.kept as string, 'audit_events')).toBe(count(live, 'audit_events'));
    const db = openDatabase(restored, { migrate: false });
    expect((await verifyDatabase(db)).breaks).toEqual([]);
    db.$client.close();
  });

  it('refuses to back up a file onto itself, and to restore a damaged backup', async () => {
    await expect(async () => backupDatabase(live, live)).rejects.toThrow(/another file/);
    const damaged = path.join(dir, 'damaged.db');
    fs.writeFileSync(damaged, 'not a database');
    await expect(async () => restoreDatabase(damaged, path.join(dir, 'x.db'))).rejects.toThrow();
  });
});
