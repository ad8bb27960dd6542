import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { SqlEngine } from '../../../src/store/engine.ts';
import { openStore } from '../../../src/store/open.ts';
import { startTestPostgres, type TestPostgres } from './postgres.ts';

/**
 * The two engines a store test file runs on, with the set-up every such file needs: a
 * temporary directory for SQLite stores and the run's PostgreSQL server (started before the
 * file's tests, stopped and cleaned after them). `location()` gives a new, empty store — a
 * SQLite path or a PostgreSQL database URL — and `open()` opens one; both give undefined when
 * PostgreSQL is unavailable, and `unavailable()` says why, for `context.skip`.
 */
export function storeEngines(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  let postgres: TestPostgres | string = 'not started';
  let stores = 0;
  beforeAll(async () => {
    postgres = await startTestPostgres();
    if (typeof postgres === 'string') console.warn(`PostgreSQL store tests skipped: ${postgres}`);
  }, 60_000);
  afterAll(() => {
    if (typeof postgres !== 'string') postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    unavailable: () => `PostgreSQL unavailable: ${typeof postgres === 'string' ? postgres : ''}`,
    engines: [
      { name: 'sqlite', location: async () => path.join(dir, `s${++stores}`, 'history.sqlite') },
      {
        name: 'postgres',
        location: async () => (typeof postgres === 'string' ? undefined : postgres.newDatabase()),
      },
    ].map((engine) => ({ ...engine, open: () => openNew(engine.location) })),
  };
}

/** A new, empty store opened (migrated), or undefined when its engine is unavailable. */
async function openNew(location: () => Promise<string | undefined>): Promise<SqlEngine | undefined> {
  const at = await location();
  return at === undefined ? undefined : openStore(at);
}
