// Runs Lighthouse (best practices and SEO) on one URL in headless Chromium and prints the scores
// and every audit that lost points as JSON. A separate Node process, because Lighthouse is an ES
// module that drives its own browser: e2e/lighthouse.spec.ts calls this and asserts the scores.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const url = process.argv[2];
if (!url) {
  console.error('usage: node e2e/support/lighthouse-run.mjs URL');
  process.exit(2);
}
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  logLevel: 'silent',
});
try {
  const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['best-practices', 'seo'] });
  const lhr = result.lhr;
  const scores = Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, c.score]));
  const failing = Object.values(lhr.categories).flatMap((category) =>
    category.auditRefs
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((audit) => audit.score !== null && audit.score < 1)
      .map((audit) => ({ category: category.id, id: audit.id, title: audit.title, score: audit.score, details: JSON.stringify(audit.details?.items ?? []).slice(0, 600) })),
  );
  console.log(JSON.stringify({ url: lhr.finalDisplayedUrl, scores, failing, runtimeError: lhr.runtimeError?.message ?? null }));
} finally {
  await chrome.kill();
}
