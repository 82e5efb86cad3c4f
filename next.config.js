// Next.js configuration for Errata.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2'],
  // scripts/server.mjs compresses responses itself, after it has read each reader page to hash the
  // page's inline scripts into its CSP (Next's own compression would hand it gzip to read).
  compress: false,
  // Cached (ISR) pages live only in memory, in one LRU bounded in bytes: no request can add files
  // to the disk, and the cache's size has a ceiling however many URLs are asked for.
  cacheMaxMemorySize: 48 * 1024 * 1024,
  experimental: {
    // forbidden() answers 403 to a signed-in account whose role is too low.
    authInterrupts: true,
    isrFlushToDisk: false,
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
