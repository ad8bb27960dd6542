/**
 * The one SQL surface the store is written against, so that the same statements run on the
 * embedded SQLite store and on a shared PostgreSQL store. Statements use `?` placeholders;
 * the PostgreSQL engine numbers them. Values are strings, numbers and null only: timestamps
 * are ISO 8601 text (which sorts by time) and structured values JSON text, on both engines.
 */
export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

export interface SqlRunner {
  all<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  run(sql: string, params?: readonly SqlValue[]): Promise<void>;
  /** Runs one statement for each row of parameters (a bulk insert). */
  runMany(sql: string, rows: readonly (readonly SqlValue[])[]): Promise<void>;
}

export interface SqlEngine extends SqlRunner {
  readonly dialect: 'sqlite' | 'postgres';
  /** Where the store is, for messages (never with a password). */
  readonly location: string;
  /**
   * Runs `work` in one transaction that no other writer interleaves with: it holds the
   * store's write lock from its first statement (SQLite BEGIN IMMEDIATE, a PostgreSQL
   * transaction-scoped advisory lock), and rolls back on any error.
   */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /**
   * A token that changes whenever a write to the store is made, by this connection or another,
   * or undefined where the engine cannot tell (PostgreSQL): two equal tokens, the second taken
   * in a transaction, say that what was read after the first is still what the store holds.
   */
  changeToken(): Promise<string | undefined>;
  close(): Promise<void>;
}

/** Thrown for a store that cannot be opened or written; the message says which and why. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}
