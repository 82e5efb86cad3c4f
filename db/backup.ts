// Online backups with SQLite's backup API (consistent while the app keeps writing), and restores.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface BackupReport {
  file: string;
  bytes: number;
  pages: number;
  integrity: string;
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** A backup is never urgent, readers are: backup processes ask the OS to run them after everything else. */
export function lowerOwnPriority(): void {
  try {
    os.setPriority(19);
  } catch {
    // Not permitted here: the backup still works, just at normal priority.
  }
}

/** Copies the live database to `target` page by page, yielding between steps so writers go on. */
export async function backupDatabase(source: string, target: string): Promise<BackupReport> {
  if (path.resolve(source) === path.resolve(target)) throw new Error('The backup must go to another file.');
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  let pages = 0;
  try {
    await db.backup(target, {
      progress: ({ totalPages }) => {
        pages = totalPages;
        return 100; // pages per step; the API then yields to other connections
      },
    });
  } finally {
    db.close();
  }
  return { file: target, bytes: fs.statSync(target).size, pages, integrity: integrity(target) };
}

/**
 * Restores `backup` over `target`. The backup is checked first; the current database is kept
 * beside it as `<target>.before-restore-<time>`, so a restore never loses what it replaced.
 */
export async function restoreDatabase(backup: string, target: string): Promise<BackupReport & { kept: string | null }> {
  const check = integrity(backup);
  if (check !== 'ok') throw new Error(`The backup failed its integrity check: ${check}`);
  let kept: string | null = null;
  if (fs.existsSync(target)) {
    kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await backupDatabase(target, kept);
  }
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    // The backup API copying into the live file takes its locks, so a running reader never sees half.
    await source.backup(target);
  } finally {
    source.close();
  }
  return { file: target, bytes: fs.statSync(target).size, pages: 0, integrity: integrity(target), kept };
}
