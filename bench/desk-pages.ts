// The desk at archive scale: every desk page, signed in as standards (people and audit as admin), timed one request at a time
// (p50, p99, page size), then under load (autocannon), with the server's memory. Figures only.
import autocannon from 'autocannon';
import { signIn } from '../scripts/support/app-client';

export interface DeskFigure {
  page: string;
  p50: number;
  p99: number;
  bytes: number;
  status: number;
}

const SAMPLES = 40;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function get(base: string, path: string, cookie: string) {
  const started = performance.now();
  const response = await fetch(base + path, { headers: { cookie, 'accept-encoding': 'identity' }, redirect: 'manual' });
  const text = await response.text();
  return { ms: performance.now() - started, status: response.status, text };
}

/** The list's next page, as its rel="next" link says. */
function nextOf(html: string): string | null {
  const match = /<a rel="next" href="([^"]+)"/.exec(html);
  return match ? match[1].replaceAll('&amp;', '&') : null;
}

/** People and the audit trail are the admin's pages: those are opened signed in as admin, the rest as standards. */
const ADMIN_PAGES = /^\/desk\/(people|audit)/;

export async function deskPageFigures(base: string, credentials: { standards: string; admin: string; password: string }, ids: { articleId: number; correctionId: number; caseId: number; slugWord: string }) {
  const cookie = await signIn(base, credentials.standards, credentials.password);
  const adminCookie = await signIn(base, credentials.admin, credentials.password);
  const as = (page: string) => (ADMIN_PAGES.test(page) ? adminCookie : cookie);
  const pages = [
    '/desk',
    `/desk?q=${encodeURIComponent('harbour ferry')}`,
    `/desk?q=${encodeURIComponent(ids.slugWord)}`,
    '/desk?status=published&section=Politics',
    '/desk?author=Reporter%20007&sort=oldest',
    '/desk?drafts=1',
    '/desk?reports=1',
    '/desk?since=2026-11-15',
    '/desk/reports',
    '/desk/reports?status=new&age=month',
    '/desk/corrections',
    '/desk/corrections?status=draft&kind=correction',
    '/desk/people',
    '/desk/audit',
    '/desk/column',
    `/desk/articles/${ids.articleId}`,
    `/desk/corrections/${ids.correctionId}`,
    // The casebook and the standards pages (issue 16).
    '/desk/cases',
    '/desk/cases?clock=overdue',
    '/desk/cases?status=upheld&route=ipso',
    `/desk/cases/${ids.caseId}`,
    '/desk/standards',
    '/desk/standards?section=Politics',
    '/desk/standards/statement?from=2025-11-21&to=2026-11-20',
    '/desk/standards/statement.csv?from=2025-11-21&to=2026-11-20',
  ];
  // Second pages, by following each list's rel="next" link.
  for (const first of ['/desk', `/desk?q=${encodeURIComponent('harbour ferry')}`, '/desk/reports', '/desk/corrections', '/desk/audit', '/desk/cases']) {
    const next = nextOf((await get(base, first, as(first))).text);
    if (next) pages.push(next);
  }
  const figures: DeskFigure[] = [];
  for (const page of pages) {
    for (let i = 0; i < 5; i++) await get(base, page, as(page)); // warm
    const times: number[] = [];
    let last = { status: 0, text: '' };
    for (let i = 0; i < SAMPLES; i++) {
      const r = await get(base, page, as(page));
      times.push(r.ms);
      last = r;
    }
    times.sort((a, b) => a - b);
    figures.push({ page, p50: percentile(times, 50), p99: percentile(times, 99), bytes: Buffer.byteLength(last.text), status: last.status });
  }
  return { figures, cookie };
}

export async function deskLoad(url: string, cookie: string, duration: number) {
  const result = await autocannon({ url, connections: 8, duration, headers: { cookie } });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx };
}

const SECTIONS = ['', 'Politics', 'Business', 'Local', 'Sport', 'Culture', 'Science', 'Environment', 'Health'];

/**
 * The standards dashboard and statement as a standards editor meets them: every request a different
 * range or section (nothing is cached on the desk, so each is a fresh set of queries), one at a
 * time. `count` distinct URLs of each, p50 and p99.
 */
export async function standardsMix(base: string, cookie: string, count = 120) {
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const end = Date.UTC(2026, 10, 20);
  const urls = (page: string) =>
    Array.from({ length: count }, (_, i) => {
      // Ranges from a week to a year and a half, ending on different days, across the sections.
      const weeks = 1 + ((i * 7) % 78);
      const to = end - (i % 30) * 86_400_000;
      const from = to - weeks * 7 * 86_400_000;
      const section = SECTIONS[i % SECTIONS.length];
      return `${page}?from=${day(from)}&to=${day(to)}${section ? `&section=${section}` : ''}`;
    });
  const out: { page: string; p50: number; p99: number; bytes: number; errors: number }[] = [];
  for (const page of ['/desk/standards', '/desk/standards/statement', '/desk/standards/statement.csv']) {
    const times: number[] = [];
    let bytes = 0;
    let errors = 0;
    // Warmed as the other pages are (the server's first render of a page loads its code), with
    // ranges outside the measured set.
    for (const warm of ['from=2024-01-01&to=2024-03-31', 'from=2024-04-01&to=2024-06-30', 'from=2024-07-01&to=2024-09-30']) await get(base, `${page}?${warm}`, cookie);
    for (const url of urls(page)) {
      const r = await get(base, url, cookie);
      times.push(r.ms);
      bytes = Math.max(bytes, Buffer.byteLength(r.text));
      if (r.status !== 200) errors += 1;
    }
    times.sort((a, b) => a - b);
    out.push({ page, p50: percentile(times, 50), p99: percentile(times, 99), bytes, errors });
  }
  return out;
}
