// Next.js configuration for Errata.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2'],
  // forbidden() answers 403 to a signed-in account whose role is too low.
  // Cached (ISR) pages live only in memory, in one LRU bounded in bytes: no request can add files
  // to the disk, and the cache's size has a ceiling however many URLs are asked for. The server
  // drops it at restart anyway (instrumentation.ts).
  cacheMaxMemorySize: 48 * 1024 * 1024,
  experimental: { authInterrupts: true, isrFlushToDisk: false },
  async rewrites() {
    // The column's plain text for the print system lives beside its page, as DATE.txt.
    return [{ source: '/for-the-record/:date(\\d{4}-\\d{2}-\\d{2}).txt', destination: '/for-the-record/:date/text' }];
  },
};

module.exports = nextConfig;
