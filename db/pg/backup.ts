// Backups and restores on PostgreSQL with the server's own tools: pg_dump's custom format (a
// consistent snapshot while the app keeps writing) and pg_restore in one transaction.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findPostgresBin } from '../../scripts/pg-cluster.mjs';

function tool(name: 'pg_dump' | 'pg_restore'): string {
  const bin = findPostgresBin();
  return bin && fs.existsSync(path.join(bin, name)) ? path.join(bin, name) : name;
}

function run(name: 'pg_dump' | 'pg_restore', args: string[]): void {
  const result = spawnSync(tool(name), args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (result.error) throw new Error(`${name} could not run (${result.error.message}): install PostgreSQL's client tools (Debian: postgresql-client).`);
  if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr.trim() || `exit ${result.status}`}`);
}

export interface PgBackupReport {
  file: string;
  bytes: number;
}

/** pg_dump -Fc of the whole database into `file`: one snapshot, so the dump is consistent while writes go on. */
export function backupPgDatabase(url: string, file: string): PgBackupReport {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  run('pg_dump', ['--format=custom', '--no-owner', '--file', file, url]);
  // A dump that pg_restore cannot list is no backup.
  run('pg_restore', ['--list', file]);
  return { file, bytes: fs.statSync(file).size };
}

/**
 * Restores a pg_dump backup over the database at `url`, in one transaction (all or nothing). The
 * database it replaces is dumped first beside the backup, so a restore never loses what it replaced.
 */
export function restorePgDatabase(backup: string, url: string): PgBackupReport & { kept: string } {
  run('pg_restore', ['--list', backup]);
  const kept = `${backup}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}.dump`;
  backupPgDatabase(url, kept);
  run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', '--dbname', url, backup]);
  return { file: backup, bytes: fs.statSync(backup).size, kept };
}
