import type { TestProject } from 'vitest/node';
import { startPostgresServer } from '../store/helpers/postgres-server.ts';

/**
 * One throw-away PostgreSQL cluster for the whole run, shared by the files of the `postgres`
 * project (vitest.config.ts): each file then makes its own databases on it. Starting one costs
 * initdb and pg_ctl (seconds on a loaded 2-core machine) and ran once per file before. Not
 * started when CI gives a server (KANSA_TEST_PG_URL) or when no file of the project runs.
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (process.env.KANSA_TEST_PG_URL) return undefined;
  const server = await startPostgresServer();
  if (typeof server === 'string') {
    project.provide('postgres', { unavailable: server });
    return undefined;
  }
  project.provide('postgres', { url: server.url });
  return server.stop;
}
