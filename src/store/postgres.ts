import pg from 'pg';
import { type Row, type SqlEngine, type SqlRunner, type SqlValue, StoreError } from './engine.ts';

/** Deadlines for the shared store: a connection, and one statement (a scan's bulk insert included). */
const CONNECT_TIMEOUT_MS = 15_000;
const STATEMENT_TIMEOUT_MS = 300_000;
/** Key of the advisory lock that serialises writers (any 64-bit number unique to kansa). */
export const WRITE_LOCK_KEY = 0x6b616e7361; // "kansa"
/** Rows per multi-row INSERT: PostgreSQL allows 65535 parameters per statement. */
const PARAMETERS_PER_STATEMENT = 30_000;

/** `?` placeholders numbered for PostgreSQL (`$1`, `$2`…); the store's SQL has no `?` in literals. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

class PgRunner implements SqlRunner {
  protected readonly client: pg.ClientBase | pg.Pool;

  constructor(client: pg.ClientBase | pg.Pool) {
    this.client = client;
  }

  async all<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const result = await this.client.query(numberPlaceholders(sql), params as SqlValue[]);
    return result.rows as T[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<void> {
    await this.client.query(numberPlaceholders(sql), params as SqlValue[]);
  }

  /**
   * One multi-row statement per batch: a round trip per row would make a large scan slow to
   * record. An INSERT … VALUES takes many tuples; an UPDATE by key
   * (`UPDATE t SET a = ?, … WHERE k = ?`) becomes one UPDATE … FROM (VALUES …) (its values are
   * text, as the store's updated columns are).
   */
  async runMany(sql: string, rows: readonly (readonly SqlValue[])[]): Promise<void> {
    if (rows.length === 0) return;
    const match = /^(.*\bVALUES\s*)(\([^)]*\))(.*)$/is.exec(sql) ?? updateByKey(sql);
    if (!match) {
      for (const row of rows) await this.run(sql, row);
      return;
    }
    const [, head, tuple, tail] = match as unknown as [string, string, string, string];
    const width = rows[0]!.length;
    const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / width));
    for (let start = 0; start < rows.length; start += perStatement) {
      const batch = rows.slice(start, start + perStatement);
      const statement = `${head}${batch.map(() => tuple).join(',')}${tail}`;
      await this.run(statement, batch.flat());
    }
  }
}

/**
 * `UPDATE t SET a = ?, b = 'x', … WHERE k = ?` as the parts of
 * `UPDATE t SET a = v.p1, b = 'x', … FROM (VALUES (?, ?), …) AS v (p1, p2) WHERE t.k = v.p2`:
 * the statement's head, one tuple, its tail (undefined for any other statement).
 */
function updateByKey(sql: string): [string, string, string, string] | undefined {
  const match = /^\s*UPDATE\s+(\w+)\s+SET\s+(.+?)\s+WHERE\s+(\w+)\s*=\s*\?\s*$/is.exec(sql);
  if (!match) return undefined;
  const [, table, assignments, key] = match as unknown as [string, string, string, string];
  let n = 0;
  const set = assignments.replace(/\?/g, () => `v.p${++n}`);
  const columns = Array.from({ length: n + 1 }, (_, i) => `p${i + 1}`);
  return [
    sql,
    `UPDATE ${table} SET ${set} FROM (VALUES `,
    `(${columns.map(() => '?').join(', ')})`,
    `) AS v (${columns.join(', ')}) WHERE ${table}.${key} = v.p${n + 1}`,
  ];
}

/** The shared store: PostgreSQL through the pg client, for several runners writing to one store. */
export class PostgresEngine extends PgRunner implements SqlEngine {
  readonly dialect = 'postgres';
  readonly location: string;
  readonly #pool: pg.Pool;

  private constructor(pool: pg.Pool, location: string) {
    super(pool);
    this.#pool = pool;
    this.location = location;
  }

  static async open(url: string): Promise<PostgresEngine> {
    const location = redact(url);
    const pool = new pg.Pool({
      connectionString: url,
      max: 2,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      application_name: 'kansa',
      types: { getTypeParser: numbersAsNumbers },
    });
    // An idle client's error (the server restarting) must not crash the process.
    pool.on('error', () => {});
    try {
      const client = await pool.connect();
      client.release();
    } catch (error) {
      await pool.end().catch(() => {});
      throw new StoreError(`cannot connect to the store ${location}: ${(error as Error).message}`);
    }
    return new PostgresEngine(pool, location);
  }

  async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      // Released at COMMIT or ROLLBACK, and by the server if this process dies mid-transaction.
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
      try {
        const result = await work(new PgRunner(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    } finally {
      client.release();
    }
  }

  /** Writers share the server: a scan reads the lifecycles again in its transaction. */
  async changeToken(): Promise<undefined> {
    return undefined;
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}

/** BIGINT (COUNT, row counts) as numbers, as SQLite gives them; the store's counts stay far below 2^53. */
function numbersAsNumbers(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === pg.types.builtins.INT8) return Number;
  return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}
