// Next.js configuration for Errata.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2'],
  // forbidden() answers 403 to a signed-in account whose role is too low.
  experimental: { authInterrupts: true },
  async rewrites() {
    // The column's plain text for the print system lives beside its page, as DATE.txt.
    return [{ source: '/for-the-record/:date(\\d{4}-\\d{2}-\\d{2}).txt', destination: '/for-the-record/:date/text' }];
  },
};

module.exports = nextConfig;
