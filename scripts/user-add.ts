// `npm run user:add -- --email a@b --role editor [--name "A B"]`: adds an account from the shell.
// The password is read from ERRATA_NEW_PASSWORD, or generated and printed once.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { openDatabase } from '../db/connection';
import { recordAudit } from '../db/queries/audit';
import { users } from '../db/tables';
import { hashPasswordSync, passwordProblem } from '../lib/auth/passwords';
import { ROLES } from '../lib/types';
import { transaction } from '../db/store';

const { values } = parseArgs({ options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } });
const input = z
  .object({ email: z.email('--email must be an email address'), role: z.enum(ROLES, { error: `--role must be one of ${ROLES.join(', ')}` }), name: z.string().min(1).max(200).optional() })
  .safeParse(values);
if (!input.success) {
  for (const issue of input.error.issues) console.error(`${String(issue.path[0])}: ${issue.message}`);
  console.error('usage: npm run user:add -- --email someone@example.org --role editor|standards|admin [--name "Full Name"]');
  process.exit(2);
}
const data = input.data;
const email = data.email.trim().toLowerCase();
const generated = !process.env.ERRATA_NEW_PASSWORD;
const password = process.env.ERRATA_NEW_PASSWORD ?? randomBytes(18).toString('base64url');
const problem = passwordProblem(password);
if (problem) {
  console.error(`ERRATA_NEW_PASSWORD: ${problem}`);
  process.exit(2);
}
async function main(): Promise<void> {
  const db = openDatabase();
  if ((await db.select().from(users).where(eq(users.email, email)).limit(1))[0]) {
    console.error(`An account for ${email} already exists.`);
    process.exit(1);
  }
  await transaction(db, async (tx) => {
    const user = (await tx
      .insert(users)
      .values({ email, name: data.name ?? email.split('@')[0], role: data.role, passwordHash: hashPasswordSync(password) })
      .returning())[0];
    await recordAudit(tx, { actorId: null, action: 'user.create', entityType: 'user', entityId: user.id, after: { email, role: user.role, via: 'shell' } });
  });
  console.log(`Added ${data.role} ${email}.${generated ? ` Password (shown once): ${password}` : ''}`);
}

void main();
