import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { threadId } from 'node:worker_threads';
import pg from 'pg';
import { inject } from 'vitest';
import { startPostgresServer } from './postgres-server.ts';

/**
 * A throw-away PostgreSQL server for the store's tests: KANSA_TEST_PG_URL when CI started one,
 * else the cluster that tests/setup/postgres.ts started for the whole run (once, not per file),
 * else one of the file's own. A cluster is Debian's postgresql (initdb + pg_ctl) in a temporary
 * directory on a free port, run as the `postgres` user when the tests run as root. Undefined,
 * with the reason, when neither is possible: the tests then skip with that message.
 */
export interface TestPostgres {
  /** A URL for a fresh, empty database. */
  newDatabase(): Promise<string>;
  stop(): void;
}

/** The run's shared server, or why there is none. */
export type SharedPostgres = { readonly url: string } | { readonly unavailable: string };

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where tests/setup/postgres.ts writes the SharedPostgres once the cluster has started or failed. */
    postgres: { readonly stateFile: string };
  }
}

export async function startTestPostgres(): Promise<TestPostgres | string> {
  const external = process.env.KANSA_TEST_PG_URL;
  if (external) return databasesOn(external, () => {});
  const provided = inject('postgres');
  if (provided) {
    const shared = await sharedServer(provided.stateFile);
    // The run's cluster is stopped by the global setup's teardown, not by the file.
    return 'url' in shared ? databasesOn(shared.url, () => {}) : shared.unavailable;
  }
  const own = await startPostgresServer();
  return typeof own === 'string' ? own : databasesOn(own.url, own.stop);
}

/** Waits (bounded) for the global setup to say whether the run's cluster started. */
async function sharedServer(stateFile: string): Promise<SharedPostgres> {
  for (let waited = 0; waited < 120_000; waited += 50) {
    if (existsSync(stateFile)) return JSON.parse(readFileSync(stateFile, 'utf8')) as SharedPostgres;
    await sleep(50);
  }
  return { unavailable: "the run's PostgreSQL cluster did not start within 120 s" };
}

function databasesOn(adminUrl: string, stop: () => void): TestPostgres {
  let n = 0;
  // Files in other workers (threads of this process) make databases on the same server.
  const prefix = `kansa_test_${process.pid}_${threadId}`;
  return {
    async newDatabase() {
      const name = `${prefix}_${++n}`;
      const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name}`);
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    stop,
  };
}
