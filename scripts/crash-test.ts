// Crash safety: start the app, fire concurrent writes (versions and corrections) through it,
// kill -9 it mid-burst, restart it, and check that nothing acknowledged was lost and nothing is
// half-written. `tsx scripts/crash-test.ts [runs]`; prints one line per run and exits 1 on a failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../db/connection';
import { DEMO_PASSWORD } from '../db/seed/password';
import { demoNewsroom } from '../db/seed/demo-content';
import { verifyDatabase } from '../db/verify';
import { actionManifest, need, postAction, signIn, startApp } from './support/app-client';

const ARTICLES = 40;
const WRITES = 1200;
const IN_FLIGHT = 64;

interface Acked {
  versions: { articleId: number; number: number }[];
  corrections: number[];
}

async function runOnce(run: number, port: number): Promise<{ ok: boolean; line: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-crash-'));
  const databasePath = path.join(dir, 'errata.db');
  const manifest = actionManifest();
  const createArticle = need(manifest.get('app/desk/articles/actions.ts#createArticleAction'), 'createArticleAction');
  const saveVersion = need(manifest.get('app/desk/articles/actions.ts#saveVersionAction'), 'saveVersionAction');
  const createCorrection = need(manifest.get('app/desk/corrections/actions.ts#createCorrectionAction'), 'createCorrectionAction');
  const editor = need(demoNewsroom.users.find((u) => u.role === 'editor'), 'a demo editor');

  let app = await startApp({ port, databasePath });
  const cookie = await signIn(app.base, editor.email, DEMO_PASSWORD);
  const body = 'The harbour wall will be rebuilt this winter.\n\nWork starts in January.';

  // Articles to write to, made before the burst.
  const articleIds: number[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const r = await postAction(app.base, cookie, createArticle, { slug: `crash-${run}-${i}`, section: 'Local', byline: 'Crash Test', headline: `Crash test ${i}`, standfirst: '', body });
    const id = Number(/\/desk\/articles\/(\d+)/.exec(r.redirect ?? '')?.[1]);
    if (!id) throw new Error(`could not create an article: ${r.status} ${r.text.slice(0, 200)}`);
    articleIds.push(id);
  }

  const acked: Acked = { versions: [], corrections: [] };
  const next = new Map(articleIds.map((id) => [id, 1]));
  let sent = 0;
  let killed = false;
  const killAt = Math.floor(WRITES * (0.3 + Math.random() * 0.4));

  async function write(i: number): Promise<void> {
    const articleId = articleIds[i % ARTICLES];
    if (i % 2 === 0) {
      const base = next.get(articleId) as number;
      const r = await postAction(app.base, cookie, saveVersion, { articleId: String(articleId), baseNumber: String(base), headline: `Crash test v${base + 1}`, standfirst: '', body: `${body}\n\nEdit ${i}.`, changeKind: 'update', note: `write ${i}` });
      const saved = /saved=(\d+)/.exec(r.redirect ?? '');
      if (saved) {
        acked.versions.push({ articleId, number: Number(saved[1]) });
        next.set(articleId, Math.max(next.get(articleId) as number, Number(saved[1])));
      } else if (/was saved/.test(r.text)) {
        // Refused as a lost update: catch up and carry on; nothing was acknowledged.
        const latest = /Version (\d+) was saved/.exec(r.text);
        if (latest) next.set(articleId, Math.max(next.get(articleId) as number, Number(latest[1])));
      }
    } else {
      const r = await postAction(app.base, cookie, createCorrection, { articleId: String(articleId), versionNumber: '1', claims: JSON.stringify([{ start: 4, end: 11 }]), kind: 'correction', mode: 'notice', wording: `Correction ${i}.` });
      const id = /\/desk\/corrections\/(\d+)/.exec(r.redirect ?? '');
      if (id) acked.corrections.push(Number(id[1]));
    }
  }

  async function worker(): Promise<void> {
    while (sent < WRITES && !killed) {
      const i = sent++;
      try {
        await write(i);
      } catch {
        // The connection died with the server: this write was never acknowledged.
      }
      if (!killed && acked.versions.length + acked.corrections.length >= killAt) {
        killed = true;
        await app.stop('SIGKILL');
      }
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  if (!killed) await app.stop('SIGKILL');

  // Restart on the same file: it must come back and serve.
  app = await startApp({ port, databasePath });
  await app.stop();

  const problems: string[] = [];
  const raw = new Database(databasePath, { readonly: true });
  const integrity = String(raw.pragma('integrity_check', { simple: true }));
  if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
  const hasVersion = raw.prepare('select id from versions where article_id = ? and number = ?');
  for (const v of acked.versions) if (!hasVersion.get(v.articleId, v.number)) problems.push(`acknowledged version ${v.articleId}/${v.number} is missing`);
  const hasCorrection = raw.prepare('select id from corrections where id = ?');
  for (const id of acked.corrections) if (!hasCorrection.get(id)) problems.push(`acknowledged correction ${id} is missing`);
  const claimless = raw.prepare('select count(*) as n from corrections c where not exists (select 1 from claims where correction_id = c.id)').get() as { n: number };
  if (claimless.n > 0) problems.push(`${claimless.n} corrections without claims`);
  const unaudited = raw
    .prepare("select count(*) as n from versions v where not exists (select 1 from audit_events a where a.entity_type = 'version' and a.entity_id = cast(v.id as text) and a.action = 'version.save')")
    .get() as { n: number };
  if (unaudited.n > 0) problems.push(`${unaudited.n} versions without their audit event`);
  raw.close();
  const db = openDatabase(databasePath, { migrate: false });
  const chains = await verifyDatabase(db);
  db.$client.close();
  if (chains.breaks.length) problems.push(`${chains.breaks.length} hash-chain breaks`);
  fs.rmSync(dir, { recursive: true, force: true });

  const line = `run ${run}: ${sent} writes sent, ${acked.versions.length} versions and ${acked.corrections.length} corrections acknowledged, killed after ${killAt}; integrity ${integrity}; ${problems.length ? `FAILED: ${problems.slice(0, 5).join('; ')}` : 'nothing lost, nothing half-written'}`;
  return { ok: problems.length === 0, line };
}

async function main() {
  const runs = Number(process.argv[2] ?? 1);
  const port = Number(process.env.CRASH_TEST_PORT ?? 3300);
  let failed = 0;
  for (let run = 1; run <= runs; run++) {
    const result = await runOnce(run, port);
    console.log(result.line);
    if (!result.ok) failed++;
  }
  console.log(`crash test: ${runs - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
