// Readies a migrated database for serving: the settings row, the demo newsroom, the first admin.
import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { hashPasswordSync, passwordProblem } from '../lib/auth/passwords';
import { DEFAULT_SETTINGS } from '../lib/settings';
import type { Db } from './connection';
import { recordAudit } from './queries/audit';
import { articles, settings, users } from './schema';
import { demoNewsroom } from './seed/demo-content';
import { seedDemoNewsroom } from './seed';

function ensureSettings(db: Db): void {
  const { siteUrl: _siteUrl, ...defaults } = DEFAULT_SETTINGS;
  db.insert(settings).values({ id: 1, ...defaults }).onConflictDoNothing().run();
}

function ensureAdminFromEnv(db: Db, log: (line: string) => void): void {
  const email = process.env.ERRATA_ADMIN_EMAIL?.trim().toLowerCase();
  const password = process.env.ERRATA_ADMIN_PASSWORD;
  if (email && password) {
    if (db.select().from(users).where(eq(users.email, email)).get()) return;
    const problem = passwordProblem(password);
    if (problem) throw new Error(`ERRATA_ADMIN_PASSWORD is not acceptable: ${problem}`);
    createAdmin(db, email, password);
    log(`Created admin account ${email} from ERRATA_ADMIN_EMAIL.`);
    return;
  }
  const accounts = db.select({ n: count() }).from(users).get()?.n ?? 0;
  if (accounts > 0) return;
  // A newsroom with no accounts would be locked out of its own desk: make one, and say it once.
  const generated = randomBytes(18).toString('base64url');
  createAdmin(db, 'admin@localhost', generated);
  log(`No accounts existed: created admin@localhost with password ${generated} (shown once; change it at /desk/people).`);
}

function createAdmin(db: Db, email: string, password: string): void {
  db.transaction((tx) => {
    const row = tx.insert(users).values({ email, name: 'Administrator', role: 'admin', passwordHash: hashPasswordSync(password) }).returning().get();
    recordAudit(tx, { actorId: null, action: 'user.create', entityType: 'user', entityId: row.id, after: { email, role: 'admin' } });
  });
}

export function prepareDatabase(db: Db, log: (line: string) => void = console.log): void {
  ensureSettings(db);
  const empty = (db.select({ n: count() }).from(articles).get()?.n ?? 0) === 0 && (db.select({ n: count() }).from(users).get()?.n ?? 0) === 0;
  if (empty && process.env.ERRATA_SEED !== 'none') {
    seedDemoNewsroom(db, demoNewsroom);
    log('Seeded the demo newsroom.');
  }
  ensureAdminFromEnv(db, log);
}
