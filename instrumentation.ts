// Runs once when the server starts: migrate, seed and create the first admin before any request.
export async function register() {
  // Not during `next build`: the build must not create or seed a database.
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { getDb } = await import('./db');
    getDb();
  }
}
