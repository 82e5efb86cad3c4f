// The write path on a long-lived article: 50 versions of 10,000 words. Times, through the app's own
// write functions and the stealth-edit check the save action runs, publishing a correction (notice,
// amend, and amend drafted on version 1 so its claims are re-anchored through 49 later versions)
// and saving version 51. Figures, never assertions: `npm run bench:write [-- --articles N]`.
// Runs with the react-server condition (the queries import 'server-only').
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/connection';
import { appendVersion } from '../db/queries/version-writes';
import { articles, settings, users } from '../db/tables';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { seededRandom as prng } from '../lib/random';
import { transaction } from '../db/store';

/** Every correction is classified before it is published (lib/standards/config.ts). */
const BENCH_TAXONOMY = { errorType: 'fact', errorCause: 'reporting', foundBy: 'staff' };

const VERSIONS = 50;
const PARAGRAPHS = 100;
const WORDS_PER_PARAGRAPH = 100;
/** Paragraphs holding the claims; later versions edit them too, so the claims' paragraphs change around them. */
const CLAIM_PARAGRAPHS = [12, 47, 83];


const COMMON = (
  'the of and to a in that is was he for it with as his on be at by had are but from or have an they which you were her all she there would ' +
  'their we him been has when who will more if out so said what up its about into than them can only other new some could time these may then ' +
  'do any my now such like our over me even most made after also did many before must through back years where much your way well down should ' +
  'because each just those people how too council seats party leader election minister government police report court city week year night ' +
  'vote result harbour ferry quay tide budget ward mayor cannery lifeboat appeal festival survey storm planning committee residents traders'
).split(' ');
const NAMES = 'Hart Quinlan Oyelaran Raman Dunmore Rhys Vale Okafor Lindqvist Moreau Castellano Brennan'.split(' ');

/** A paragraph of Markdown: sentences with names, numbers, emphasis and the odd link, as typed. */
function paragraph(rand: () => number, claim?: string): string {
  const words: string[] = [];
  while (words.length < WORDS_PER_PARAGRAPH) {
    const length = 8 + Math.floor(rand() * 14);
    for (let i = 0; i < length; i++) {
      const u = rand();
      let w = u < 0.03 ? String(100 + Math.floor(rand() * 9000)) : u < 0.07 ? NAMES[Math.floor(rand() * NAMES.length)] : COMMON[Math.floor(Math.pow(rand(), 1.8) * COMMON.length)];
      if (i === 0) w = w[0].toUpperCase() + w.slice(1);
      if (i > 2 && i < length - 2 && rand() < 0.06) w += ',';
      if (rand() < 0.01) w = `*${w}*`;
      if (rand() < 0.004) w = `[${w}](https://example.org/${Math.floor(rand() * 100)})`;
      words.push(i === length - 1 ? `${w}.` : w);
    }
  }
  if (claim) words.splice(40, 0, 'lost', claim, 'council', 'seats');
  return words.join(' ');
}

/** Claim words: numbers no edit touches and the generator never writes. */
const claimWord = (k: number) => `${k + 1}0,${k + 1}01`;

function firstBody(rand: () => number): string[] {
  const claims = new Map(CLAIM_PARAGRAPHS.map((p, k) => [p, claimWord(k)]));
  const paras = Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(rand, claims.get(i)));
  paras[30] = `## ${paras[30].split(' ').slice(0, 6).join(' ')}`;
  return paras;
}

/** An editor's change: a few plain words replaced in two paragraphs (one of them, often, a claim's). */
function edit(paras: string[], rand: () => number): string[] {
  const out = [...paras];
  const targets = [Math.floor(rand() * PARAGRAPHS), rand() < 0.5 ? CLAIM_PARAGRAPHS[Math.floor(rand() * CLAIM_PARAGRAPHS.length)] : Math.floor(rand() * PARAGRAPHS)];
  for (const p of targets) {
    const words = out[p].split(' ');
    for (let k = 0; k < 4; k++) {
      const i = Math.floor(rand() * words.length);
      if (/^[a-z]+$/.test(words[i])) words[i] = COMMON[Math.floor(rand() * COMMON.length)];
    }
    out[p] = words.join(' ');
  }
  // Now and then a paragraph is added at the end.
  if (rand() < 0.1) out.push(paragraph(rand));
  return out;
}

interface Fixture {
  articleId: number;
  bodies: string[];
}

async function writeArticle(db: ReturnType<typeof openDatabase>, slug: string, seed: number, editor: number): Promise<Fixture> {
  const rand = prng(seed);
  const article = (await db.insert(articles).values({ slug, section: 'Politics', byline: 'Bench Reporter', status: 'published', firstPublishedAt: new Date(), firstPublicVersion: 1, createdBy: editor }).returning())[0];
  let paras = firstBody(rand);
  const bodies: string[] = [];
  await transaction(db, async (tx) => {
    for (let n = 1; n <= VERSIONS; n++) {
      if (n > 1) paras = edit(paras, rand);
      const body = paras.join('\n\n');
      bodies.push(body);
      (await appendVersion(tx, { articleId: article.id, headline: `Alliance loses council seats (${slug})`, standfirst: 'What happened on election night.', body, changeKind: n === 1 ? 'first_publication' : 'update', note: n === 1 ? '' : 'More detail', savedBy: editor }));
    }
  });
  return { articleId: article.id, bodies };
}

function stats(samples: number[]): { median: number; p95: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}

// CPU time beside wall time: on a shared machine the wall clock also counts other processes' turns.
const cpu = new Map<number[], number[]>();

async function timed<T>(samples: number[], fn: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const used = process.cpuUsage();
  const result = await fn();
  const spent = process.cpuUsage(used);
  samples.push(performance.now() - start);
  if (!cpu.has(samples)) cpu.set(samples, []);
  cpu.get(samples)?.push((spent.user + spent.system) / 1000);
  return result;
}

async function main() {
  const { values } = parseArgs({ options: { articles: { type: 'string' }, json: { type: 'boolean' } } });
  const n = Number(values.articles ?? 6);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-write-scale-'));
  const file = path.join(dir, 'write.db');
  const started = Date.now();
  const setup = openDatabase(file);
  const { siteUrl: _siteUrl, ...defaults } = DEFAULT_SETTINGS;
  await setup.insert(settings).values({ id: 1, ...defaults });
  const editor = (await setup.insert(users).values({ email: 'editor@bench.example', name: 'Bench Editor', role: 'editor', passwordHash: 'x' }).returning())[0].id;
  const standards = (await setup.insert(users).values({ email: 'standards@bench.example', name: 'Bench Standards', role: 'standards', passwordHash: 'x' }).returning())[0].id;
  // Three groups of articles, so every timed write starts from an article of exactly 50 versions.
  // One article at a time: the writes stay in order on the one connection.
  const groups: Fixture[][] = [];
  for (const g of [0, 1, 2]) {
    const group: Fixture[] = [];
    for (let i = 0; i < n; i++) group.push(await writeArticle(setup, `long-${g}-${i}`, 1000 * g + i + 1, editor));
    groups.push(group);
  }
  setup.$client.close();
  const words = groups[0][0].bodies[VERSIONS - 1].split(/\s+/).length;
  console.log(`${3 * n} articles of ${VERSIONS} versions (~${words} words each) written in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

  process.env.DATABASE_PATH = file;
  process.env.ERRATA_SEED = 'none';
  const { toPlainText } = await import('../lib/markdown');
  const { createDraft, publishCorrection } = await import('../db/queries/correction-writes');
  const { getVersionText, saveVersion } = await import('../db/queries/article-writes');
  const { latestVersion } = await import('../db/queries/version-writes');
  const { findSubstantiveChanges, versionFacts } = await import('../lib/stealth-edit');
  const { getDb, initStore } = await import('../db');
  await initStore();
  const db = getDb();

  const claimsOn = (body: string, replace: boolean) => {
    const text = toPlainText(body);
    return CLAIM_PARAGRAPHS.map((_, k) => {
      const start = text.indexOf(claimWord(k));
      return { start, end: start + claimWord(k).length, replacement: replace ? `${k + 1}2,${k + 1}02` : null };
    });
  };
  const t = { draft: [] as number[], notice: [] as number[], amend: [] as number[], confirm: [] as number[], reanchored: [] as number[], check: [] as number[], save: [] as number[] };

  for (const f of groups[0]) {
    // Drafted on version 1, published at version 50: the claims are followed through 49 versions,
    // once to show the standards editor where they stand, again when they confirm.
    const draft = await timed(t.draft, () => createDraft({ articleId: f.articleId, versionNumber: 1, kind: 'correction', mode: 'amend', wording: 'The alliance lost fewer seats.', claims: claimsOn(f.bodies[0], true), actorId: standards }));
    const shown = await timed(t.confirm, () => publishCorrection({ correctionId: draft.id, actorId: standards, revision: draft.revision, taxonomy: BENCH_TAXONOMY }));
    if (shown.ok || shown.reason !== 'confirm') throw new Error(`expected a confirmation, got ${JSON.stringify(shown).slice(0, 200)}`);
    const done = await timed(t.reanchored, () => publishCorrection({ correctionId: draft.id, actorId: standards, revision: draft.revision, confirmedVersion: VERSIONS, taxonomy: BENCH_TAXONOMY }));
    if (!done.ok || done.amendedVersion !== VERSIONS + 1) throw new Error('re-anchored amend was not published');
  }
  for (const f of groups[1]) {
    const notice = await createDraft({ articleId: f.articleId, versionNumber: VERSIONS, kind: 'clarification', mode: 'notice', wording: 'To be clear.', claims: claimsOn(f.bodies[VERSIONS - 1], false), actorId: standards });
    const a = await timed(t.notice, () => publishCorrection({ correctionId: notice.id, actorId: standards, revision: notice.revision, taxonomy: BENCH_TAXONOMY }));
    if (!a.ok) throw new Error('notice was not published');
    const amend = await createDraft({ articleId: f.articleId, versionNumber: VERSIONS, kind: 'correction', mode: 'amend', wording: 'The alliance lost fewer seats.', claims: claimsOn(f.bodies[VERSIONS - 1], true), actorId: standards });
    const b = await timed(t.amend, () => publishCorrection({ correctionId: amend.id, actorId: standards, revision: amend.revision, taxonomy: BENCH_TAXONOMY }));
    if (!b.ok || b.amendedVersion !== VERSIONS + 1) throw new Error('amend was not published');
  }
  for (const f of groups[2]) {
    // Version 51 saved as a minor edit: the save action's stealth-edit check, then the save itself.
    const latest = await latestVersion(db, f.articleId);
    if (!latest) throw new Error('no version');
    const next = { headline: latest.headline, standfirst: latest.standfirst, body: latest.body.replace(' the ', ' teh ').replace(' said ', ' told ') };
    // As the action does: the latest version's stored plain text, the new body's worked out once.
    const plain = await timed(t.check, async () => {
      const text = toPlainText(next.body);
      findSubstantiveChanges(versionFacts(latest, await getVersionText(latest)), versionFacts(next, text));
      return text;
    });
    const saved = await timed(t.save, () => saveVersion({ articleId: f.articleId, baseNumber: VERSIONS, ...next, plain, changeKind: 'minor_edit', note: 'Typo', actorId: editor }));
    if (!saved.ok) throw new Error('save refused');
  }
  const checkAndSave = t.check.map((c, i) => c + t.save[i]);
  const [checkCpu, saveCpu] = [cpu.get(t.check) ?? [], cpu.get(t.save) ?? []];
  cpu.set(checkAndSave, checkCpu.map((c, i) => c + saveCpu[i]));

  const rows = [
    { what: 'draft a correction (3 claims) on version 1', samples: t.draft, target: undefined },
    { what: 'publish a notice correction (3 claims, drafted on v50)', samples: t.notice, target: 250 },
    { what: 'publish an amend correction (drafted on v50, appends v51)', samples: t.amend, target: 250 },
    { what: 'publish, drafted on v1: claims re-anchored, shown for confirmation', samples: t.confirm, target: 250 },
    { what: 'publish, drafted on v1, confirmed: re-anchored, amended, appends v51', samples: t.reanchored, target: 250 },
    { what: 'save version 51: stealth-edit check', samples: t.check, target: undefined },
    { what: 'save version 51: the save transaction', samples: t.save, target: undefined },
    { what: 'save version 51 (minor edit): check and save', samples: checkAndSave, target: 100 },
  ];
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  console.log(`\n${'step'.padEnd(72)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)} ${'cpu med'.padStart(8)}  target   ratio`);
  const out = [];
  for (const r of rows) {
    const s = stats(r.samples);
    const cpuMedian = stats(cpu.get(r.samples) ?? [0]).median;
    const ratio = r.target ? s.max / r.target : undefined;
    out.push({ what: r.what, ...s, cpuMedian, target: r.target, ratio });
    const f = (x: number) => x.toFixed(1).padStart(8);
    console.log(`${r.what.padEnd(72)} ${f(s.median)} ${f(s.p95)} ${f(s.max)} ${f(cpuMedian)}  ${(r.target ? `<${r.target} ms` : '').padEnd(8)} ${ratio ? `${ratio.toFixed(2)}x of target (max)` : ''}`);
  }
  console.log(`\n${n} samples per step (ms: wall clock, and the median CPU time the process spent); ratio = slowest sample / target.`);
  if (values.json) console.log(JSON.stringify(out));
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
