// Transactions with async bodies on SQLite's one write connection: one at a time, never sharing
// their connection with a write from outside, never merged across databases, and never silently
// left open.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from './connection';
import { throttleEvents } from './tables';
import type { Tx } from './queries/types';
import { currentTx, gatedSqliteHandle, StuckConnectionError, transaction } from './store';

let dir: string;
let write: Db;
let read: Db;
let handle: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-store-'));
  write = openDatabase(path.join(dir, 'errata.db'));
  read = openDatabase(path.join(dir, 'errata.db'), { migrate: false });
  handle = gatedSqliteHandle(read, write) as Db;
});

afterEach(() => {
  read.$client.close();
  write.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function rows(bucket: string): Promise<number> {
  return (await handle.select({ n: count() }).from(throttleEvents).where(eq(throttleEvents.bucket, bucket)))[0].n;
}

describe('transaction() on SQLite', () => {
  it('runs transactions on one connection one at a time, even across real awaits', async () => {
    const log: string[] = [];
    const body = (name: string) => async (tx: Tx) => {
      log.push(`${name} begins`);
      await tx.insert(throttleEvents).values({ bucket: name, key: 'k', at: 1 });
      await pause(20);
      log.push(`${name} ends`);
    };
    await Promise.all([transaction(handle, body('a')), transaction(handle, body('b'))]);
    expect(log).toEqual(['a begins', 'a ends', 'b begins', 'b ends']);
  });

  it('rolls back every write of a body that throws, and reports the error', async () => {
    await expect(
      transaction(handle, async (tx) => {
        await tx.insert(throttleEvents).values({ bucket: 'rolled', key: 'k', at: 1 });
        await pause(5);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await rows('rolled')).toBe(0);
  });

  it('keeps a write made outside it out of an open transaction: it waits, and survives its rollback', async () => {
    const inside = transaction(handle, async (tx) => {
      await tx.insert(throttleEvents).values({ bucket: 'inside', key: 'k', at: 1 });
      await pause(30);
      throw new Error('rolled back');
    });
    await pause(5);
    // Both the awaited form and .catch() go through the lock (catch once bypassed it).
    const outside = handle.insert(throttleEvents).values({ bucket: 'outside', key: 'k', at: 1 });
    const viaCatch = handle
      .insert(throttleEvents)
      .values({ bucket: 'outside', key: 'c', at: 1 })
      .catch(() => 'failed');
    await expect(inside).rejects.toThrow('rolled back');
    await outside;
    expect(await viaCatch).not.toBe('failed');
    expect(await rows('inside')).toBe(0);
    expect(await rows('outside')).toBe(2);
  });

  it('refuses the synchronous ways to run a write outside a transaction', () => {
    const builder = handle.insert(throttleEvents).values({ bucket: 'sync', key: 'k', at: 1 });
    expect(() => builder.run()).toThrow(/only when awaited/);
    expect(() => handle.transaction(() => undefined)).toThrow(/transaction\(\) from db\/store/);
  });

  it('reads outside a transaction see only what was committed', async () => {
    let seenDuring = -1;
    await transaction(handle, async (tx) => {
      await tx.insert(throttleEvents).values({ bucket: 'committed', key: 'k', at: 1 });
      seenDuring = (await read.select({ n: count() }).from(throttleEvents).where(eq(throttleEvents.bucket, 'committed')))[0].n;
    });
    expect(seenDuring).toBe(0);
    expect(await rows('committed')).toBe(1);
  });

  it('joins a nested transaction on the same database, and refuses one on another', async () => {
    const other = openDatabase(path.join(dir, 'other.db'));
    try {
      await transaction(handle, async (tx) => {
        await transaction(handle, async (inner) => {
          expect(inner).toBe(tx);
          await inner.insert(throttleEvents).values({ bucket: 'nested', key: 'k', at: 1 });
        });
        await expect(transaction(other, async () => undefined)).rejects.toThrow(/another database/);
      });
      expect(await rows('nested')).toBe(1);
    } finally {
      other.$client.close();
    }
  });

  it('lets work started inside a transaction and finishing after it run outside it', async () => {
    let later: Promise<unknown> = Promise.resolve();
    await transaction(handle, async () => {
      expect(currentTx()).toBeDefined();
      later = pause(10).then(() => currentTx());
    });
    expect(await later).toBeUndefined();
  });

  it('never leaves a transaction open silently: a connection that cannot end one refuses every later write', async () => {
    let cursor: IterableIterator<unknown> | undefined;
    await expect(
      transaction(handle, async (tx) => {
        await tx.insert(throttleEvents).values({ bucket: 'stuck', key: 'k', at: 1 });
        // A statement left running on the write connection: neither COMMIT nor ROLLBACK can run.
        cursor = write.$client.prepare('SELECT id FROM throttle_events').iterate();
        cursor.next();
      }),
    ).rejects.toThrow();
    await expect(transaction(handle, async () => undefined)).rejects.toThrow(StuckConnectionError);
    await expect(handle.insert(throttleEvents).values({ bucket: 'after', key: 'k', at: 1 })).rejects.toThrow(StuckConnectionError);
    cursor?.return?.();
  });
});
