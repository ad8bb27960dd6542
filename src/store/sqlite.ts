import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { type Row, type SqlEngine, type SqlRunner, type SqlValue, StoreError } from './engine.ts';

/** How long a writer waits for another writer's transaction to finish before giving up. */
const BUSY_TIMEOUT_MS = 120_000;

/** How long opening waits, in all, for another process that is switching a new store to WAL. */
const OPEN_RETRY_MS = 30_000;
const OPEN_RETRY_STEP_MS = 50;

/**
 * Switches the store to WAL mode. When several processes open a new store at once (the shards of
 * a run), the switch needs a moment's exclusive lock and SQLite answers "database is locked"
 * without waiting on its busy timeout: retry for a while. A store already in WAL needs no switch.
 */
function useWriteAheadLog(db: DatabaseSync): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; ; waited += OPEN_RETRY_STEP_MS) {
    try {
      const mode = db.prepare('PRAGMA journal_mode').get() as { journal_mode?: string } | undefined;
      if (mode?.journal_mode?.toLowerCase() === 'wal') return;
      db.exec('PRAGMA journal_mode = WAL');
      return;
    } catch (error) {
      if (!/locked|busy/i.test((error as Error).message) || waited >= OPEN_RETRY_MS) throw error;
      Atomics.wait(pause, 0, 0, OPEN_RETRY_STEP_MS);
    }
  }
}

/**
 * The embedded store: one SQLite file through Node's built-in node:sqlite, in WAL mode so
 * readers (`kansa history`) never wait for a scan being recorded.
 */
export class SqliteEngine implements SqlEngine {
  readonly dialect = 'sqlite';
  readonly location: string;
  readonly #db: DatabaseSync;
  #inTransaction = false;

  constructor(file: string) {
    this.location = file;
    try {
      if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
      this.#db = new DatabaseSync(file, { timeout: BUSY_TIMEOUT_MS });
      useWriteAheadLog(this.#db);
      this.#db.exec('PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
    } catch (error) {
      throw new StoreError(`cannot open the store ${file}: ${(error as Error).message}`);
    }
  }

  async all<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.#db.prepare(sql).all(...(params as SQLInputValue[])) as T[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<void> {
    this.#db.prepare(sql).run(...(params as SQLInputValue[]));
  }

  async runMany(sql: string, rows: readonly (readonly SqlValue[])[]): Promise<void> {
    const statement = this.#db.prepare(sql);
    for (const row of rows) statement.run(...(row as SQLInputValue[]));
  }

  async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    if (this.#inTransaction) throw new Error('store transactions do not nest');
    this.#inTransaction = true;
    try {
      // IMMEDIATE takes the write lock now, so two writers queue instead of failing on upgrade.
      this.#db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this);
        this.#db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      this.#inTransaction = false;
    }
  }

  /**
   * SQLite's data_version, which moves when another connection commits, and the rows this
   * connection has changed (total_changes), which its own writes move.
   */
  async changeToken(): Promise<string> {
    const row = this.#db
      .prepare(
        'SELECT (SELECT data_version FROM pragma_data_version()) AS version, total_changes() AS changes',
      )
      .get() as { version: number; changes: number };
    return `${row.version}:${row.changes}`;
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }
}
