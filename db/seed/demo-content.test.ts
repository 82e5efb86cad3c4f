// The demo newsroom keeps the rules the seeder and the product rely on, and the shape the
// end-to-end tests expect of its two election stories.
import { describe, expect, it } from 'vitest';
import { createAnchor, locateClaim } from '../../lib/anchoring';
import { ExternalId } from '../../lib/api/schemas';
import { toPlainText } from '../../lib/markdown';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { clockState, responseDue } from '../../lib/standards/clock';
import { CASE_CHANNELS, CASE_ROUTES, CASE_STATUSES, DEFAULT_STANDARDS, TAXONOMY_FIELDS, TAXONOMY_LISTS } from '../../lib/standards/config';
import { weekOf } from '../../lib/standards/stats';
import { CORRECTION_KINDS } from '../../lib/types';
import { openDatabase } from '../connection';
import { verifyDatabase } from '../verify';
import { demoNewsroom } from './demo-content';
import { seedDemoNewsroom } from './index';
import type { DemoArticle, DemoCase, DemoCorrection } from './types';

const { settings, users, articles, cases } = demoNewsroom;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The demo is set in the sixteen weeks before this moment (its corrections in the last twelve). */
const DEMO_NOW = Date.parse('2026-11-20T00:00:00Z');
const SIXTEEN_WEEKS_BEFORE = DEMO_NOW - 16 * 7 * DAY;

const WRONG = '695 council seats and nine councils';
const RIGHT = '842 council seats and 11 councils';

function occurrences(text: string, words: string): number {
  let n = 0;
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) n++;
  return n;
}

function article(slug: string): DemoArticle {
  const found = articles.find((a) => a.slug === slug);
  if (!found) throw new Error(`no demo article ${slug}`);
  return found;
}

/** Every piece of text a reader or the desk may see. */
function allTexts(): { where: string; text: string }[] {
  const texts: { where: string; text: string }[] = Object.entries(settings).map(([key, text]) => ({ where: `settings.${key}`, text: text ?? '' }));
  for (const u of users) texts.push({ where: `user ${u.email}`, text: u.name });
  for (const a of articles) {
    texts.push({ where: `${a.slug} byline`, text: a.byline });
    a.versions.forEach((v, i) => {
      for (const field of ['headline', 'standfirst', 'body', 'note'] as const) texts.push({ where: `${a.slug} v${i + 1} ${field}`, text: v[field] });
    });
    a.corrections.forEach((c, i) => {
      texts.push({ where: `${a.slug} correction ${i + 1} wording`, text: c.wording });
      if (c.withdrawnReason) texts.push({ where: `${a.slug} correction ${i + 1} reason`, text: c.withdrawnReason });
      for (const claim of c.claims) {
        texts.push({ where: `${a.slug} correction ${i + 1} claim`, text: claim.exact });
        if (claim.replacement) texts.push({ where: `${a.slug} correction ${i + 1} replacement`, text: claim.replacement });
      }
    });
  }
  cases.forEach((c, i) => {
    const where = `case ${i + 1} (${c.articles[0]?.slug})`;
    texts.push({ where: `${where} summary`, text: c.summary });
    if (c.complainantName) texts.push({ where: `${where} complainant`, text: c.complainantName });
    for (const a of c.articles) if (a.quote) texts.push({ where: `${where} quote`, text: a.quote });
    for (const n of c.notes ?? []) texts.push({ where: `${where} note`, text: n.body });
    if (c.closed) texts.push({ where: `${where} outcome note`, text: c.closed.note });
    if (c.report?.declined) texts.push({ where: `${where} decline reason`, text: c.report.declined.reason });
  });
  return texts;
}

const allCorrections: { article: DemoArticle; correction: DemoCorrection; label: string }[] = articles.flatMap((a) =>
  a.corrections.map((correction, i) => ({ article: a, correction, label: `${a.slug} correction ${i + 1}` })),
);

/** Hours after first publication a correction was drafted, as the seeder dates it. */
function draftedHours(a: DemoArticle, c: DemoCorrection): number {
  return c.draftedHoursAfterFirst ?? a.versions[c.claims[0].version - 1].hoursAfterFirst + 1;
}

/** When a published (or withdrawn) correction went out. */
function publishedAt(a: DemoArticle, c: DemoCorrection): number {
  return Date.parse(a.firstPublishedAt) + (c.publishedHoursAfterFirst ?? 0) * HOUR;
}

const publishedCorrections = allCorrections.filter(({ correction }) => correction.status === 'published');

describe('the demo newsroom: settings and people', () => {
  it('names an invented publication, the column and a contact line, in UK style', () => {
    expect(settings.publication).toBe('The Saltmarsh Courier');
    expect(settings.columnName).toBe('For the Record');
    expect(settings.contactLine).toMatch(/readers’ editor at \S+@\S+\.example/);
    expect(settings.timeZone).toBe('Europe/London');
    expect(settings.locale).toBe('en-GB');
  });

  it('has two editors, a standards editor and an admin, with unique emails on a .example domain', () => {
    const count = (role: string) => users.filter((u) => u.role === role).length;
    expect(count('editor')).toBeGreaterThanOrEqual(2);
    expect(count('standards')).toBeGreaterThanOrEqual(1);
    expect(count('admin')).toBeGreaterThanOrEqual(1);
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
    for (const u of users) {
      expect(u.email, u.email).toMatch(/^[a-z0-9.]+@[a-z0-9-]+\.example$/);
      expect(u.name.trim(), u.email).not.toBe('');
    }
  });
});

describe('the demo newsroom: articles and versions', () => {
  it('has at least 14 articles with unique kebab-case slugs', () => {
    expect(articles.length).toBeGreaterThanOrEqual(14);
    const slugs = articles.map((a) => a.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives the embed tests’ stories unique CMS ids the API accepts, and .example addresses', () => {
    const withIds = articles.filter((a) => a.externalId);
    expect(withIds.map((a) => [a.externalId, a.status]).sort()).toEqual([
      ['cms-1042', 'published'],
      ['cms-1043', 'published'],
      ['cms-1044', 'withdrawn'],
      ['cms-1045', 'draft'],
    ]);
    for (const a of withIds) expect(ExternalId.safeParse(a.externalId).success, a.slug).toBe(true);
    for (const a of articles.filter((x) => x.canonicalUrl)) expect(new URL(a.canonicalUrl ?? '').hostname).toMatch(/\.example$/);
  });

  it('spreads published articles over at least five sections; one draft, one withdrawn, the rest published', () => {
    const published = articles.filter((a) => a.status === 'published');
    expect(new Set(published.map((a) => a.section)).size).toBeGreaterThanOrEqual(5);
    expect(articles.filter((a) => a.status === 'draft')).toHaveLength(1);
    expect(articles.filter((a) => a.status === 'withdrawn')).toHaveLength(1);
    expect(published.length).toBeGreaterThan(articles.length / 2);
  });

  it('has at least five articles with three or more versions', () => {
    expect(articles.filter((a) => a.versions.length >= 3).length).toBeGreaterThanOrEqual(5);
  });

  it('is set at 20 November 2026, and dates first publication in the sixteen weeks before, as ISO strings in UTC', () => {
    expect(Date.parse(demoNewsroom.now)).toBe(DEMO_NOW);
    for (const a of articles) {
      expect(a.firstPublishedAt, a.slug).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      const at = Date.parse(a.firstPublishedAt);
      expect(at, a.slug).toBeGreaterThanOrEqual(SIXTEEN_WEEKS_BEFORE);
      expect(at, a.slug).toBeLessThan(DEMO_NOW);
    }
  });

  it('starts every history with a first publication at hour 0, then strictly later versions of other kinds', () => {
    for (const a of articles) {
      expect(a.versions.length, a.slug).toBeGreaterThanOrEqual(1);
      expect(a.versions[0].changeKind, a.slug).toBe('first_publication');
      expect(a.versions[0].hoursAfterFirst, a.slug).toBe(0);
      a.versions.slice(1).forEach((v, i) => {
        expect(v.changeKind, `${a.slug} v${i + 2}`).not.toBe('first_publication');
        expect(v.hoursAfterFirst, `${a.slug} v${i + 2}`).toBeGreaterThan(a.versions[i].hoursAfterFirst);
      });
      const last = a.versions[a.versions.length - 1];
      expect(Date.parse(a.firstPublishedAt) + last.hoursAfterFirst * HOUR, a.slug).toBeLessThan(DEMO_NOW);
    }
  });

  it('has every version saved by a known user, and changes each version it records', () => {
    const emails = new Set(users.map((u) => u.email));
    for (const a of articles) {
      a.versions.forEach((v, i) => {
        expect(emails.has(v.savedBy), `${a.slug} v${i + 1} savedBy ${v.savedBy}`).toBe(true);
        expect(v.note.trim(), `${a.slug} v${i + 1} note`).not.toBe('');
        if (i > 0) {
          const before = a.versions[i - 1];
          const same = before.headline === v.headline && before.standfirst === v.standfirst && before.body === v.body;
          expect(same, `${a.slug} v${i + 1} changes nothing`).toBe(false);
        }
      });
    }
  });

  it('includes at least one minor edit that fixes a typo', () => {
    const minor = articles.flatMap((a) => a.versions.filter((v) => v.changeKind === 'minor_edit'));
    expect(minor.length).toBeGreaterThanOrEqual(1);
    expect(minor.some((v) => /typo/i.test(v.note))).toBe(true);
  });

  it('marks a version as a correction or clarification only when a published correction amended it', () => {
    for (const a of articles) {
      a.versions.forEach((v, i) => {
        if (v.changeKind !== 'correction' && v.changeKind !== 'clarification') return;
        const amending = a.corrections.find((c) => c.amendedInVersion === i + 1 && c.status !== 'draft');
        expect(amending, `${a.slug} v${i + 1} is a ${v.changeKind} no correction explains`).toBeDefined();
      });
    }
  });

  it('writes bodies of 4–9 paragraphs and 200–600 words', () => {
    for (const a of articles) {
      a.versions.forEach((v, i) => {
        const blocks = v.body.split(/\n{2,}/);
        const paragraphs = blocks.filter((b) => !b.startsWith('#'));
        const words = toPlainText(v.body).split(/\s+/).filter(Boolean).length;
        expect(paragraphs.length, `${a.slug} v${i + 1} paragraphs`).toBeGreaterThanOrEqual(4);
        expect(paragraphs.length, `${a.slug} v${i + 1} paragraphs`).toBeLessThanOrEqual(9);
        expect(words, `${a.slug} v${i + 1} words`).toBeGreaterThanOrEqual(200);
        expect(words, `${a.slug} v${i + 1} words`).toBeLessThanOrEqual(600);
      });
    }
  });

  it('uses the Markdown a newsroom uses: links, emphasis, subheadings, a list, curly quotes, accented names', () => {
    const bodies = articles.map((a) => a.versions[a.versions.length - 1].body);
    expect(bodies.filter((b) => /\[[^\]]+\]\(https:\/\/example\.org\/[^)]*\)/.test(b)).length).toBeGreaterThanOrEqual(3);
    expect(bodies.some((b) => /(^|[^*])\*[^*\s][^*]*\*/.test(b))).toBe(true);
    expect(bodies.filter((b) => /^## \S/m.test(b)).length).toBeGreaterThanOrEqual(2);
    expect(bodies.some((b) => /^- \S/m.test(b))).toBe(true);
    expect(bodies.filter((b) => b.includes('“') && b.includes('”')).length).toBeGreaterThanOrEqual(10);
    const everything = bodies.join('\n');
    for (const name of ['Zoë', 'Ólafsdóttir', 'Joséphine']) expect(everything).toContain(name);
  });

  it('has no raw HTML and no straight quotes in any text', () => {
    for (const { where, text } of allTexts()) {
      expect(/<[a-zA-Z/!?]/.test(text), `${where} contains raw HTML`).toBe(false);
      if (!where.startsWith('settings.') && !where.startsWith('user ')) {
        expect(/["']/.test(text), `${where} contains a straight quote`).toBe(false);
      }
    }
  });

  it('links only to example.org', () => {
    for (const a of articles) {
      for (const v of a.versions) {
        for (const [, url] of v.body.matchAll(/\]\(([^)]*)\)/g)) expect(url, a.slug).toMatch(/^https:\/\/example\.org\//);
      }
    }
  });
});

describe('the demo newsroom: corrections', () => {
  it('gives every correction at least one claim on an existing version, by known people', () => {
    const roles = new Map(users.map((u) => [u.email, u.role]));
    for (const { article: a, correction: c, label } of allCorrections) {
      expect(c.claims.length, label).toBeGreaterThanOrEqual(1);
      expect(c.wording.trim(), label).not.toBe('');
      expect(roles.has(c.draftedBy), `${label} draftedBy`).toBe(true);
      for (const claim of c.claims) {
        expect(Number.isInteger(claim.version) && claim.version >= 1 && claim.version <= a.versions.length, `${label} claim version`).toBe(true);
      }
      if (c.status === 'draft') {
        expect(c.publishedBy, `${label} is a draft`).toBeUndefined();
        expect(c.withdrawnReason, `${label} is a draft`).toBeUndefined();
      } else {
        expect(['standards', 'admin'], `${label} publishedBy ${c.publishedBy}`).toContain(roles.get(c.publishedBy ?? ''));
      }
      if (c.status === 'withdrawn') expect(c.withdrawnReason?.trim(), label).toBeTruthy();
      else expect(c.withdrawnReason, label).toBeUndefined();
    }
  });

  it('quotes claims that occur exactly once in their version, in the Markdown and in its plain text, across no markup', () => {
    for (const { article: a, correction: c, label } of allCorrections) {
      for (const claim of c.claims) {
        const body = a.versions[claim.version - 1].body;
        expect(claim.exact.trim(), label).toBe(claim.exact);
        expect(claim.exact.length, label).toBeGreaterThan(0);
        expect(/[*_[\]`#\n]/.test(claim.exact), `${label}: "${claim.exact}" spans markup`).toBe(false);
        expect(occurrences(body, claim.exact), `${label}: "${claim.exact}" in the Markdown of v${claim.version}`).toBe(1);
        expect(occurrences(toPlainText(body), claim.exact), `${label}: "${claim.exact}" in the plain text of v${claim.version}`).toBe(1);
      }
    }
  });

  it('amends in the version it names: the words before it replaced, and nothing else changed', () => {
    for (const { article: a, correction: c, label } of allCorrections) {
      if (c.mode !== 'amend') continue;
      for (const claim of c.claims) expect(claim.replacement, `${label} replacement`).toBeTruthy();
      if (c.status === 'draft') {
        expect(c.amendedInVersion, `${label}: a draft has not amended anything yet`).toBeUndefined();
        // Publishing it will amend the latest version, so its words must stand there once.
        const latest = a.versions[a.versions.length - 1].body;
        for (const claim of c.claims) expect(occurrences(toPlainText(latest), claim.exact), label).toBe(1);
        continue;
      }
      const n = c.amendedInVersion;
      expect(n, `${label} amendedInVersion`).toBeDefined();
      if (n === undefined) continue;
      expect(n, label).toBeGreaterThan(Math.max(...c.claims.map((claim) => claim.version)));
      expect(n, label).toBeLessThanOrEqual(a.versions.length);
      const previous = a.versions[n - 2];
      const amended = a.versions[n - 1];
      expect(['correction', 'clarification'], `${label} v${n} changeKind`).toContain(amended.changeKind);
      expect(amended.savedBy, `${label}: the publisher saves the amending version`).toBe(c.publishedBy);
      expect(amended.headline, label).toBe(previous.headline);
      expect(amended.standfirst, label).toBe(previous.standfirst);
      let expected = previous.body;
      let expectedPlain = toPlainText(previous.body);
      for (const claim of c.claims) {
        expect(occurrences(previous.body, claim.exact), `${label}: "${claim.exact}" in v${n - 1}`).toBe(1);
        const at = expected.indexOf(claim.exact);
        expected = expected.slice(0, at) + claim.replacement + expected.slice(at + claim.exact.length);
        const pt = expectedPlain.indexOf(claim.exact);
        expectedPlain = expectedPlain.slice(0, pt) + claim.replacement + expectedPlain.slice(pt + claim.exact.length);
      }
      expect(amended.body, `${label} v${n} body`).toBe(expected);
      expect(toPlainText(amended.body), `${label} v${n} plain text`).toBe(expectedPlain);
      // From the amending version on, the right words stand once and the wrong ones are gone.
      for (const later of a.versions.slice(n - 1)) {
        for (const claim of c.claims) {
          expect(occurrences(toPlainText(later.body), claim.replacement ?? ''), `${label}: "${claim.replacement}" later`).toBe(1);
          expect(occurrences(toPlainText(later.body), claim.exact), `${label}: "${claim.exact}" later`).toBe(0);
        }
      }
    }
  });

  it('leaves the text alone for notices: the claimed words stand once in every later version, with no amending version', () => {
    for (const { article: a, correction: c, label } of allCorrections) {
      if (c.mode !== 'notice') continue;
      expect(c.amendedInVersion, label).toBeUndefined();
      for (const claim of c.claims) {
        expect(claim.replacement, label).toBeUndefined();
        for (const later of a.versions.slice(claim.version - 1)) expect(occurrences(toPlainText(later.body), claim.exact), label).toBe(1);
      }
    }
  });

  /** Where each claim lands in the article's latest version, as the reader's page finds it. */
  function locatedClaims() {
    return allCorrections.flatMap(({ article: a, correction: c, label }) => {
      const chain = a.versions.map((v, i) => ({ version: i + 1, text: toPlainText(v.body) }));
      return c.claims.map((claim) => {
        const text = chain[claim.version - 1].text;
        const start = text.indexOf(claim.exact);
        const anchor = createAnchor(text, start, start + claim.exact.length);
        return { a, c, claim, label: `${label} "${claim.exact}"`, latest: chain[chain.length - 1].text, located: locateClaim(anchor, chain.slice(claim.version - 1)) };
      });
    });
  }

  it('finds each claim again in the current text: still there for a notice or a draft, amended in the right version otherwise', () => {
    for (const { c, claim, label, latest, located } of locatedClaims()) {
      if (c.mode === 'notice' || c.status === 'draft') {
        expect(located.status, label).toBe('found');
        if (located.status === 'found') expect(latest.slice(located.start, located.end), label).toBe(claim.exact);
      } else {
        expect(located, label).toMatchObject({ status: 'amended', version: c.amendedInVersion });
      }
    }
  });

  it('marks the key story’s corrected words in its current text', () => {
    const key = locatedClaims().find(({ a }) => a.slug === 'local-elections-results');
    expect(key?.located).toMatchObject({ status: 'amended', version: 2, replacement: { text: RIGHT } });
  });

  // A replaced last word (a one-word name fix) must still be marked: mapSpan extends the span over it.
  it('marks every amended claim on exactly its replacement words', () => {
    for (const { c, claim, label, located } of locatedClaims()) {
      if (c.mode !== 'amend' || c.status === 'draft') continue;
      expect(located.status === 'amended' ? located.replacement?.text : undefined, label).toBe(claim.replacement);
    }
  });

  it('publishes after drafting and after the words it is about, within the article’s timeline', () => {
    for (const { article: a, correction: c, label } of allCorrections) {
      if (c.status === 'draft') continue;
      const hours = c.publishedHoursAfterFirst;
      expect(hours, `${label} publishedHoursAfterFirst`).toBeDefined();
      if (hours === undefined) continue;
      // The seeder drafts a correction an hour after the version its first claim quotes, unless told when.
      const drafted = draftedHours(a, c);
      expect(hours, `${label} published before it was drafted`).toBeGreaterThanOrEqual(drafted);
      for (const claim of c.claims) expect(hours, label).toBeGreaterThan(a.versions[claim.version - 1].hoursAfterFirst);
      if (c.amendedInVersion) expect(hours, `${label} published with its amending version`).toBe(a.versions[c.amendedInVersion - 1].hoursAfterFirst);
      const lastVersion = a.versions[a.versions.length - 1].hoursAfterFirst;
      expect(hours, `${label} long after the article’s last version`).toBeLessThanOrEqual(Math.max(lastVersion, 0) + 7 * 24);
      // Published (and, for a withdrawn one, withdrawn a day later) before the demo's "now".
      const withdrawn = c.status === 'withdrawn' ? 24 : 0;
      expect(Date.parse(a.firstPublishedAt) + (hours + withdrawn) * HOUR, label).toBeLessThan(DEMO_NOW);
    }
  });

  it('drafts after the words it quotes were saved, and before the demo’s now', () => {
    for (const { article: a, correction: c, label } of allCorrections) {
      const drafted = draftedHours(a, c);
      for (const claim of c.claims) expect(drafted, label).toBeGreaterThan(a.versions[claim.version - 1].hoursAfterFirst);
      expect(Date.parse(a.firstPublishedAt) + drafted * HOUR, label).toBeLessThan(DEMO_NOW);
    }
  });

  it('covers every kind among published corrections, and a withdrawn one, a draft one and a two-claim amendment', () => {
    const published = allCorrections.filter(({ correction }) => correction.status === 'published').map(({ correction }) => correction);
    for (const kind of CORRECTION_KINDS) expect(published.some((c) => c.kind === kind), kind).toBe(true);
    expect(published.some((c) => c.kind === 'clarification' && c.mode === 'notice')).toBe(true);
    expect(published.some((c) => c.kind === 'editors_note' && c.mode === 'notice')).toBe(true);
    expect(allCorrections.some(({ correction }) => correction.status === 'withdrawn')).toBe(true);
    expect(allCorrections.some(({ correction }) => correction.status === 'draft')).toBe(true);
    expect(published.some((c) => c.mode === 'amend' && c.claims.length >= 2 && new Set(c.claims.map((x) => x.version)).size === 1)).toBe(true);
    expect(published.some((c) => c.mode === 'amend' && c.claims.some((x) => x.exact === 'Ólafsdottir' && x.replacement === 'Ólafsdóttir'))).toBe(true);
  });

  it('puts the retraction on the withdrawn article', () => {
    const withdrawn = articles.filter((a) => a.status === 'withdrawn');
    for (const a of withdrawn) expect(a.corrections.some((c) => c.kind === 'retraction' && c.status === 'published'), a.slug).toBe(true);
  });
});

describe('the demo newsroom: the election stories the end-to-end tests use', () => {
  it('local-elections-results: the published amendment of the seats and councils, then an unrelated update', () => {
    const a = article('local-elections-results');
    expect(a.section).toBe('Politics');
    expect(a.status).toBe('published');
    expect(a.firstPublishedAt.startsWith('2026-11-01')).toBe(true);
    expect(a.versions.map((v) => v.changeKind)).toEqual(['first_publication', 'correction', 'update']);
    for (const v of a.versions) expect(v.headline).toBe('Alliance routed in local elections');
    const [v1, v2, v3] = a.versions.map((v) => v.body);
    expect(occurrences(v1, `lost ${WRONG}`)).toBe(1);
    expect(v1).toContain(`The Harbour Alliance lost ${WRONG}`);
    expect(v2).toBe(v1.replace(WRONG, RIGHT));
    expect(v3.startsWith(`${v2}\n\n`)).toBe(true);
    expect(occurrences(v3, RIGHT)).toBe(1);
    expect(a.corrections).toEqual([
      expect.objectContaining({
        kind: 'correction',
        mode: 'amend',
        status: 'published',
        wording: 'They actually lost 842 council seats and 11 councils.',
        claims: [{ version: 1, exact: WRONG, replacement: RIGHT }],
        amendedInVersion: 2,
      }),
    ]);
    // Words the reader-report and desk tests select or type.
    for (const v of a.versions) {
      expect(occurrences(toPlainText(v.body), '31 per cent')).toBe(1);
      expect(occurrences(toPlainText(v.body), 'Turnout')).toBe(1);
      expect(toPlainText(v.body)).toContain('its worst night in a decade');
    }
  });

  it('county-council-count: the same wrong words, once, in one version with no correction', () => {
    const a = article('county-council-count');
    expect(a.section).toBe('Politics');
    expect(a.status).toBe('published');
    expect(a.versions).toHaveLength(1);
    expect(a.corrections).toEqual([]);
    expect(a.versions[0].headline).toBe('What the county count means');
    const body = a.versions[0].body;
    expect(occurrences(body, `lost ${WRONG}`)).toBe(1);
    expect(occurrences(toPlainText(body), WRONG)).toBe(1);
    expect(body).not.toContain(RIGHT);
    expect(toPlainText(body)).toContain(`Across the county the Moorland Party lost ${WRONG}`);
  });

  it('uses the wrong words nowhere else, and names the desk’s headlines only once', () => {
    const others = articles.filter((a) => a.slug !== 'local-elections-results' && a.slug !== 'county-council-count');
    for (const a of others) {
      for (const v of a.versions) expect(v.body.includes(WRONG) || v.body.includes(RIGHT), a.slug).toBe(false);
      for (const c of a.corrections) expect(c.wording.includes(WRONG), a.slug).toBe(false);
    }
    const headlines = articles.flatMap((a) => a.versions.map((v) => ({ slug: a.slug, headline: v.headline })));
    for (const [slug, headline] of [
      ['local-elections-results', 'Alliance routed in local elections'],
      ['county-council-count', 'What the county count means'],
    ]) {
      expect(headlines.filter((h) => h.headline.includes(headline)).every((h) => h.slug === slug)).toBe(true);
    }
  });
});

describe('the demo newsroom: classification and exposure', () => {
  const config = DEFAULT_STANDARDS;

  it('classifies every correction that went out with all three taxonomy codes from the default lists; a draft may lack some', () => {
    for (const { correction: c, label } of allCorrections) {
      for (const field of TAXONOMY_FIELDS) {
        const code = c.taxonomy?.[field];
        if (c.status !== 'draft') expect(code, `${label} ${field}`).toBeTruthy();
        if (code) expect(config[TAXONOMY_LISTS[field]].map((o) => o.code), `${label} ${field}`).toContain(code);
      }
    }
    const draft = allCorrections.find(({ correction }) => correction.status === 'draft')?.correction;
    expect(TAXONOMY_FIELDS.some((f) => !draft?.taxonomy?.[f]), 'a draft still waiting for part of its classification').toBe(true);
  });

  it('uses every type of error, cause and finder among published corrections', () => {
    for (const field of TAXONOMY_FIELDS) {
      const used = new Set(publishedCorrections.map(({ correction }) => correction.taxonomy?.[field]));
      for (const option of config[TAXONOMY_LISTS[field]]) expect(used.has(option.code), `${field} ${option.code}`).toBe(true);
    }
  });

  it('publishes corrections in every one of the twelve weeks before its now, in at least five sections', () => {
    const weeks = new Set(publishedCorrections.map(({ article: a, correction: c }) => weekOf(new Date(publishedAt(a, c)).toISOString().slice(0, 10))));
    for (let i = 0; i < 12; i++) {
      const week = weekOf(new Date(DEMO_NOW - 1 - i * 7 * DAY).toISOString().slice(0, 10));
      expect(weeks.has(week), `no correction in the week of ${week}`).toBe(true);
    }
    expect(new Set(publishedCorrections.map(({ article }) => article.section)).size).toBeGreaterThanOrEqual(5);
  });

  it('trips the alert rule (≥ 3 corrections in 30 days) on one author and one section before its now', () => {
    const since = DEMO_NOW - config.alertDays * DAY;
    const recent = publishedCorrections.filter(({ article: a, correction: c }) => publishedAt(a, c) >= since && publishedAt(a, c) < DEMO_NOW);
    const most = (key: (a: DemoArticle) => string) => Math.max(...Object.values(recent.reduce<Record<string, number>>((n, { article }) => ({ ...n, [key(article)]: (n[key(article)] ?? 0) + 1 }), {})));
    expect(most((a) => a.byline)).toBeGreaterThanOrEqual(config.alertCount);
    expect(most((a) => a.section)).toBeGreaterThanOrEqual(config.alertCount);
  });
});

describe('the demo newsroom: cases', () => {
  const config = DEFAULT_STANDARDS;
  const emails = new Set(users.map((u) => u.email));
  const label = (c: DemoCase, i: number) => `case ${i + 1} (${c.articles[0]?.slug}, ${c.receivedAt})`;
  const at = (c: DemoCase, hours: number) => Date.parse(c.receivedAt) + hours * HOUR;
  const status = (c: DemoCase) => c.closed?.outcome ?? (c.report?.declined ? 'not_upheld' : 'open');
  const dueAt = (c: DemoCase) => responseDue(new Date(c.receivedAt), c.route, config, DEFAULT_SETTINGS.timeZone);

  it('has 25–40 complaints over the sixteen weeks before its now, about its own articles once they were out', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(cases.length).toBeLessThanOrEqual(40);
    cases.forEach((c, i) => {
      expect(c.receivedAt, label(c, i)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(Date.parse(c.receivedAt), label(c, i)).toBeGreaterThanOrEqual(SIXTEEN_WEEKS_BEFORE);
      expect(Date.parse(c.receivedAt), label(c, i)).toBeLessThan(DEMO_NOW);
      expect(c.articles.length, label(c, i)).toBeGreaterThanOrEqual(1);
      expect(c.summary.trim(), label(c, i)).not.toBe('');
      for (const { slug } of c.articles) {
        const a = article(slug);
        expect(a.status, `${label(c, i)}: a case about a published story`).not.toBe('draft');
        expect(Date.parse(c.receivedAt), label(c, i)).toBeGreaterThan(Date.parse(a.firstPublishedAt));
      }
    });
  });

  it('arrives by every route and channel, under several clauses, and ends in every outcome (some still open)', () => {
    for (const route of CASE_ROUTES) expect(cases.some((c) => c.route === route), route).toBe(true);
    for (const channel of CASE_CHANNELS) expect(cases.some((c) => c.channel === channel), channel).toBe(true);
    for (const s of CASE_STATUSES) expect(cases.some((c) => status(c) === s), s).toBe(true);
    const codes = config.clauses.map((o) => o.code);
    for (const c of cases) for (const clause of c.clauses) expect(codes).toContain(clause);
    expect(new Set(cases.flatMap((c) => c.clauses)).size).toBeGreaterThanOrEqual(4);
  });

  it('names known people: who logged it (all but reader reports), owners, and everyone who acted', () => {
    cases.forEach((c, i) => {
      if (c.channel === 'reader_report') {
        expect(c.loggedBy, label(c, i)).toBeUndefined();
        expect(c.complainantName, `${label(c, i)}: a reader is not named`).toBeUndefined();
        // A report's case has clauses only once standards assigns them.
        if (!c.assigned) expect(c.clauses, label(c, i)).toEqual([]);
      } else {
        expect(emails.has(c.loggedBy ?? ''), label(c, i)).toBe(true);
        expect(c.complainantName?.trim(), label(c, i)).toBeTruthy();
        expect(c.report, label(c, i)).toBeUndefined();
      }
      const actors = [c.assigned?.owner, c.assigned?.by, c.acknowledged?.by, c.closed?.by, c.report?.accepted?.by, c.report?.declined?.by, ...(c.notes ?? []).map((n) => n.by)];
      for (const who of actors.filter((x): x is string => x !== undefined)) expect(emails.has(who), `${label(c, i)}: ${who}`).toBe(true);
    });
  });

  it('opens reader reports on words that stand once in the version read, saved before the report came', () => {
    cases.forEach((c, i) => {
      if (c.channel !== 'reader_report') return;
      const a = article(c.articles[0].slug);
      expect(c.articles, label(c, i)).toHaveLength(1);
      const version = a.versions[(c.report?.version ?? 0) - 1];
      expect(version, label(c, i)).toBeDefined();
      expect(Date.parse(a.firstPublishedAt) + version.hoursAfterFirst * HOUR, label(c, i)).toBeLessThanOrEqual(Date.parse(c.receivedAt));
      expect(occurrences(toPlainText(version.body), c.articles[0].quote ?? '\u0000'), label(c, i)).toBe(1);
      expect(!!c.report?.accepted && !!c.report?.declined, `${label(c, i)}: accepted or declined, not both`).toBe(false);
      if (c.report?.declined) expect(c.closed, `${label(c, i)}: declining closes it`).toBeUndefined();
    });
  });

  it('accepts a report by opening the correction drafted from it: after the report, found by a reader', () => {
    cases.forEach((c, i) => {
      if (!c.report?.accepted) return;
      const a = article(c.articles[0].slug);
      const correction = a.corrections[c.report.accepted.correction];
      expect(correction, label(c, i)).toBeDefined();
      expect(Date.parse(a.firstPublishedAt) + draftedHours(a, correction) * HOUR, label(c, i)).toBeGreaterThanOrEqual(Date.parse(c.receivedAt));
      expect(correction.taxonomy?.foundBy, label(c, i)).toBe('reader');
    });
  });

  it('keeps each case’s clock in order, every event before its now; a case closes once, with a correction only when upheld, resolved or mediated', () => {
    cases.forEach((c, i) => {
      const events = [c.assigned?.hoursAfter, c.acknowledged?.hoursAfter, c.report?.declined?.hoursAfter, c.closed?.hoursAfter, ...(c.notes ?? []).map((n) => n.hoursAfter)];
      for (const hours of events.filter((h): h is number => h !== undefined)) {
        expect(hours, label(c, i)).toBeGreaterThanOrEqual(0);
        expect(at(c, hours), label(c, i)).toBeLessThan(DEMO_NOW);
      }
      const end = c.closed?.hoursAfter ?? c.report?.declined?.hoursAfter;
      if (end !== undefined) {
        for (const hours of [c.assigned?.hoursAfter, c.acknowledged?.hoursAfter, ...(c.notes ?? []).map((n) => n.hoursAfter)]) {
          if (hours !== undefined) expect(hours, `${label(c, i)}: nothing changes after closing`).toBeLessThanOrEqual(end);
        }
      }
      if (c.closed?.correction !== undefined) {
        expect(['resolved', 'upheld', 'mediated'], label(c, i)).toContain(c.closed.outcome);
        const a = article(c.articles[0].slug);
        const correction = a.corrections[c.closed.correction];
        expect(correction?.status, label(c, i)).toBe('published');
        expect(publishedAt(a, correction), `${label(c, i)}: closed with a correction not yet out`).toBeLessThanOrEqual(at(c, c.closed.hoursAfter));
      }
    });
  });

  it('has upheld complaints with the corrections they led to, and open ones with owners: a few overdue, a couple due soon', () => {
    expect(cases.filter((c) => c.closed?.outcome === 'upheld' && c.closed.correction !== undefined).length).toBeGreaterThanOrEqual(3);
    const open = cases.filter((c) => status(c) === 'open');
    expect(open.length).toBeGreaterThanOrEqual(5);
    expect(open.filter((c) => c.assigned?.owner).length).toBeGreaterThanOrEqual(4);
    expect(open.some((c) => !c.assigned), 'one not yet picked up').toBe(true);
    const now = new Date(DEMO_NOW);
    const clocks = open.map((c) => clockState({ status: 'open', dueAt: dueAt(c) }, now, config));
    expect(clocks.filter((s) => s === 'overdue').length).toBeGreaterThanOrEqual(2);
    expect(clocks.filter((s) => s === 'due_soon').length).toBeGreaterThanOrEqual(2);
    expect(open.filter((c, i) => clocks[i] !== 'on_time').some((c) => c.assigned?.owner && users.find((u) => u.email === c.assigned?.owner)?.role === 'editor'), 'an editor owns one needing attention').toBe(true);
    expect(cases.filter((c) => c.acknowledged).length).toBeGreaterThan(cases.length / 2);
  });
});

describe('the demo newsroom: seeding', () => {
  it('seeds into an empty database through the real write paths, with every chain intact', async () => {
    const db = openDatabase(':memory:');
    try {
      await seedDemoNewsroom(db, demoNewsroom);
      const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
      expect(count('select count(*) as n from users')).toBe(users.length);
      expect(count('select count(*) as n from articles')).toBe(articles.length);
      expect(count('select count(*) as n from versions')).toBe(articles.reduce((n, a) => n + a.versions.length, 0));
      expect(count('select count(*) as n from corrections')).toBe(allCorrections.length);
      expect(count('select count(*) as n from claims')).toBe(allCorrections.reduce((n, { correction }) => n + correction.claims.length, 0));
      expect(count("select count(*) as n from corrections where status = 'published'")).toBe(
        allCorrections.filter(({ correction }) => correction.status === 'published').length,
      );
      // Every published correction classified, with when its wrong words were first public.
      expect(count("select count(*) as n from corrections where status <> 'draft' and (error_type is null or error_cause is null or found_by is null)")).toBe(0);
      expect(count("select count(*) as n from corrections where status <> 'draft' and (exposed_from is null or exposed_from > published_at)")).toBe(0);
      const key = db.$client
        .prepare("select c.id, c.exposed_from as exposedFrom, c.published_at as publishedAt, c.error_type as errorType from corrections c join articles a on a.id = c.article_id where a.slug = 'local-elections-results'")
        .get() as { id: number; exposedFrom: number; publishedAt: number; errorType: string };
      expect(new Date(key.exposedFrom).toISOString()).toBe('2026-11-01T22:00:00.000Z');
      expect(key.errorType).toBe('number');
      // The casebook: a case per complaint, a report (and its case) per reader report.
      expect(count('select count(*) as n from cases')).toBe(cases.length);
      const reportCases = cases.filter((c) => c.channel === 'reader_report');
      expect(count('select count(*) as n from reports')).toBe(reportCases.length);
      expect(count('select count(*) as n from reports r join cases k on k.report_id = r.id')).toBe(reportCases.length);
      expect(count("select count(*) as n from cases where status = 'open'")).toBe(cases.filter((c) => !c.closed && !c.report?.declined).length);
      expect(count("select count(*) as n from reports where status = 'accepted'")).toBe(reportCases.filter((c) => c.report?.accepted).length);
      expect(count("select count(*) as n from reports r join cases k on k.report_id = r.id where r.status = 'accepted' and k.correction_id is null and k.status = 'open'")).toBe(0);
      // The key story's complaint led to its correction: first complaint to correction, 21 hours.
      const first = db.$client.prepare('select min(received_at) as at from cases where correction_id = ?').get(key.id) as { at: number };
      expect(key.publishedAt - first.at).toBe(21 * HOUR);
      // Due dates follow each route's days; a case with a correction names a published one on its article.
      for (const row of db.$client.prepare('select route, received_at as receivedAt, due_at as dueAt from cases').all() as { route: (typeof CASE_ROUTES)[number]; receivedAt: number; dueAt: number }[]) {
        expect(row.dueAt).toBe(responseDue(new Date(row.receivedAt), row.route, DEFAULT_STANDARDS, DEFAULT_SETTINGS.timeZone).getTime());
      }
      expect(count("select count(*) as n from cases k join corrections c on c.id = k.correction_id where k.status <> 'open' and c.status <> 'published'")).toBe(0);
      expect(count('select count(*) as n from cases k join corrections c on c.id = k.correction_id where not exists (select 1 from case_articles ca where ca.case_id = k.id and ca.article_id = c.article_id)')).toBe(0);
      expect((await verifyDatabase(db)).breaks).toEqual([]);
    } finally {
      db.$client.close();
    }
  });
});
