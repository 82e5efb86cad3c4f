// Runs once when the server starts, before any request: migrate, seed and create the first admin.
// The page and data caches live in memory only (next.config.js), so a restarted server, or one
// started on a restored database, renders every reader page afresh from the database it serves.
export async function register() {
  // Not during `next build`: the build must not create or seed a database.
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    try {
      // A typo in the trusted proxies must stop the server, not fail every request (or trust a forged header).
      const { parseTrustedProxies } = await import('./lib/net/client-address');
      parseTrustedProxies(process.env.ERRATA_TRUSTED_PROXIES);
      // Likewise a purger setting (ERRATA_PURGER, ERRATA_PURGE_URL, …) that cannot work.
      const { purgerFromEnv } = await import('./lib/cache/purgers');
      purgerFromEnv(process.env);
      // And the webhook worker's settings (ERRATA_WEBHOOK_POLL_MS, _LOCK_MS, _BACKOFF_SCALE, _WORKER).
      const { webhookWorkerConfig } = await import('./lib/webhooks/backoff');
      const webhooks = webhookWorkerConfig(process.env);
      // A DATABASE_URL that is not PostgreSQL's would otherwise be read as "use SQLite".
      const { checkDatabaseUrl } = await import('./db/pg/connection');
      checkDatabaseUrl();
      const { initStore } = await import('./db');
      await initStore();
      // Tags another app server expired: this server purges the paths it served from the cache in front.
      const { registerRemotePurge } = await import('./scripts/support/shared-invalidations.mjs');
      const { schedulePurge } = await import('./app/(auth)/purge');
      registerRemotePurge((tags: string[]) => void schedulePurge(tags, { actorId: null }));
      // Sends the webhook outbox, starting with whatever was left due when the server last stopped.
      if (webhooks.enabled) {
        const { startWebhookWorker } = await import('./db/queries/webhook-worker');
        startWebhookWorker(webhooks);
      }
    } catch (error) {
      // Next logs an instrumentation error and serves on, every request then failing: a setting that
      // cannot work, or a database that cannot be opened, stops the server instead, with its reason.
      console.error(`Errata cannot start: ${(error as Error).message}`);
      process.exit(1);
    }
  }
}
