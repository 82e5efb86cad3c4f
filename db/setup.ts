// Readies a migrated database for serving: the settings row, the demo newsroom, the first admin.
import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { hashPasswordSync, passwordProblem } from '../lib/auth/passwords';
import { DEFAULT_SETTINGS } from '../lib/settings';
import type { Db } from './connection';
import { recordAudit } from './queries/audit';
import { articles, settings, users } from './tables';
import { demoNewsroom } from './seed/demo-content';
import { seedDemoNewsroom } from './seed';
import { transaction } from './store';

async function ensureSettings(db: Db): Promise<void> {
  const { siteUrl: _siteUrl, ...defaults } = DEFAULT_SETTINGS;
  await db.insert(settings).values({ id: 1, ...defaults }).onConflictDoNothing();
}

async function ensureAdminFromEnv(db: Db, log: (line: string) => void): Promise<void> {
  const email = process.env.ERRATA_ADMIN_EMAIL?.trim().toLowerCase();
  const password = process.env.ERRATA_ADMIN_PASSWORD;
  if (email && password) {
    if ((await db.select().from(users).where(eq(users.email, email)).limit(1))[0]) return;
    const problem = passwordProblem(password);
    if (problem) throw new Error(`ERRATA_ADMIN_PASSWORD is not acceptable: ${problem}`);
    await createAdmin(db, email, password);
    log(`Created admin account ${email} from ERRATA_ADMIN_EMAIL.`);
    return;
  }
  const accounts = (await db.select({ n: count() }).from(users).limit(1))[0]?.n ?? 0;
  if (accounts > 0) return;
  // A newsroom with no accounts would be locked out of its own desk: make one, and say it once.
  const generated = randomBytes(18).toString('base64url');
  await createAdmin(db, 'admin@localhost', generated);
  log(`No accounts existed: created admin@localhost with password ${generated} (shown once; change it at /desk/people).`);
}

async function createAdmin(db: Db, email: string, password: string): Promise<void> {
  await transaction(db, async (tx) => {
    const row = (await tx.insert(users).values({ email, name: 'Administrator', role: 'admin', passwordHash: hashPasswordSync(password) }).returning())[0];
    await recordAudit(tx, { actorId: null, action: 'user.create', entityType: 'user', entityId: row.id, after: { email, role: 'admin' } });
  });
}

export async function prepareDatabase(db: Db, log: (line: string) => void = console.log): Promise<void> {
  await ensureSettings(db);
  const empty = ((await db.select({ n: count() }).from(articles).limit(1))[0]?.n ?? 0) === 0 && ((await db.select({ n: count() }).from(users).limit(1))[0]?.n ?? 0) === 0;
  if (empty && process.env.ERRATA_SEED !== 'none') {
    await seedDemoNewsroom(db, demoNewsroom);
    log('Seeded the demo newsroom.');
  }
  await ensureAdminFromEnv(db, log);
}
