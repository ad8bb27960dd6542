import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { SharedPostgres } from '../store/helpers/postgres.ts';
import { startPostgresServer } from '../store/helpers/postgres-server.ts';

/**
 * One throw-away PostgreSQL cluster for the whole run, shared by the files of the `postgres`
 * project (vitest.config.ts): each file then makes its own databases on it. Starting one costs
 * initdb and pg_ctl (seconds on a loaded 2-core machine) and ran once per file before. It starts
 * while the first files run (the tests wait for it only when they need it): the files are told
 * where its state will be written, `{ url }` once it answers or `{ unavailable }` with the
 * reason. Not started when CI gives a server (KANSA_TEST_PG_URL) or when no file of the project
 * runs.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.KANSA_TEST_PG_URL) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'kansa-pg-state-'));
  const stateFile = path.join(dir, 'state.json');
  project.provide('postgres', { stateFile });
  const started = startPostgresServer().then((server) => {
    const state: SharedPostgres = typeof server === 'string' ? { unavailable: server } : { url: server.url };
    // Written whole, then renamed: a file reads no half-written state.
    writeFileSync(`${stateFile}.tmp`, JSON.stringify(state));
    renameSync(`${stateFile}.tmp`, stateFile);
    return server;
  });
  return async () => {
    const server = await started;
    if (typeof server !== 'string') server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
