// Next.js configuration for Errata.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // undici: the webhook worker's fetch and its public-only Agent (db/queries/webhook-worker.ts), required
  // from node_modules rather than bundled.
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'pg', 'undici'],
  // scripts/server.mjs compresses responses itself, after it has read each reader page to hash the
  // page's inline scripts into its CSP (Next's own compression would hand it gzip to read).
  compress: false,
  // The one cache (README, Performance and caching): reader reads are 'use cache' functions tagged
  // with lib/cache/tags.ts, and the pages rendered from them inherit their tags. Both live only in
  // memory, each in an LRU bounded in bytes by this figure: no request can add files to the disk,
  // the size has a ceiling however many URLs are asked for, and a restart starts empty.
  cacheMaxMemorySize: 48 * 1024 * 1024,
  // scripts/server.mjs sets the strong ETag (per content-encoding) and answers If-None-Match itself.
  generateEtags: false,
  experimental: {
    // forbidden() answers 403 to a signed-in account whose role is too low.
    authInterrupts: true,
    isrFlushToDisk: false,
    // 'use cache' without cacheComponents: see the README for why (measured) the route segment
    // model stays.
    useCache: true,
    // Deliberately above the server's 1 MB cap on any request body (scripts/support/request-guards.mjs),
    // so an oversized action is refused there with a 413 and a clear message, never inside Next.
    serverActions: { bodySizeLimit: '2mb' },
  },
  async rewrites() {
    // The column's plain text for the print system lives beside its page, as DATE.txt.
    return [{ source: '/for-the-record/:date(\\d{4}-\\d{2}-\\d{2}).txt', destination: '/for-the-record/:date/text' }];
  },
};

module.exports = nextConfig;
