// The demo newsroom keeps the rules the seeder and the product rely on, and the shape the
// end-to-end tests expect of its two election stories.
import { describe, expect, it } from 'vitest';
import { createAnchor, locateClaim } from '../../lib/anchoring';
import { toPlainText } from '../../lib/markdown';
import { CORRECTION_KINDS } from '../../lib/types';
import { openDatabase } from '../connection';
import { verifyDatabase } from '../verify';
import { demoNewsroom } from './demo-content';
import { seedDemoNewsroom } from './index';
import type { DemoArticle, DemoCorrection } from './types';

const { settings, users, articles } = demoNewsroom;
const HOUR = 3_600_000;
/** The demo is set in the six weeks before this moment. */
const DEMO_NOW = Date.parse('2026-11-20T00:00:00Z');
const SIX_WEEKS_BEFORE = DEMO_NOW - 42 * 24 * HOUR;

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
  return texts;
}

const allCorrections: { article: DemoArticle; correction: DemoCorrection; label: string }[] = articles.flatMap((a) =>
  a.corrections.map((correction, i) => ({ article: a, correction, label: `${a.slug} correction ${i + 1}` })),
);

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

  it('dates first publication in the six weeks before 20 November 2026, as ISO strings in UTC', () => {
    for (const a of articles) {
      expect(a.firstPublishedAt, a.slug).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      const at = Date.parse(a.firstPublishedAt);
      expect(at, a.slug).toBeGreaterThanOrEqual(SIX_WEEKS_BEFORE);
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
      // The seeder drafts a correction an hour after the version its first claim quotes.
      const drafted = a.versions[c.claims[0].version - 1].hoursAfterFirst + 1;
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

describe('the demo newsroom: seeding', () => {
  it('seeds into an empty database through the real write paths, with every chain intact', () => {
    const db = openDatabase(':memory:');
    try {
      seedDemoNewsroom(db, demoNewsroom);
      const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
      expect(count('select count(*) as n from users')).toBe(users.length);
      expect(count('select count(*) as n from articles')).toBe(articles.length);
      expect(count('select count(*) as n from versions')).toBe(articles.reduce((n, a) => n + a.versions.length, 0));
      expect(count('select count(*) as n from corrections')).toBe(allCorrections.length);
      expect(count('select count(*) as n from claims')).toBe(allCorrections.reduce((n, { correction }) => n + correction.claims.length, 0));
      expect(count("select count(*) as n from corrections where status = 'published'")).toBe(
        allCorrections.filter(({ correction }) => correction.status === 'published').length,
      );
      expect(verifyDatabase(db).breaks).toEqual([]);
    } finally {
      db.$client.close();
    }
  });
});
