// Vitest's global set-up: one throw-away PostgreSQL cluster for the whole run (scripts/pg-cluster.mjs),
// or the one ERRATA_TEST_PG_URL names. Each test file makes its own database on it (db/pg/test-support).
import type { TestProject } from 'vitest/node';
import type {} from './db/pg/test-support';
import { ensurePostgres, startCluster } from './scripts/pg-cluster.mjs';

export default async function setup(project: TestProject) {
  if (process.env.ERRATA_TEST_PG_URL) {
    project.provide('pgUrl', process.env.ERRATA_TEST_PG_URL);
    project.provide('pgProblem', null);
    return;
  }
  const found = ensurePostgres({ install: process.env.CI === 'true' });
  if (found.problem) {
    // No silent skip: every PostgreSQL test fails with this message.
    project.provide('pgUrl', null);
    project.provide('pgProblem', found.problem);
    return;
  }
  const cluster = await startCluster({ bin: found.bin });
  project.provide('pgUrl', cluster.url);
  project.provide('pgProblem', null);
  return () => cluster.stop();
}
