// Runs once when the server starts: migrate, seed and create the first admin before any request.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { getDb } = await import('./db');
    getDb();
  }
}
