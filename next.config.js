// Next.js configuration for Errata.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2'],
  // forbidden() answers 403 to a signed-in account whose role is too low.
  experimental: { authInterrupts: true },
};

module.exports = nextConfig;
