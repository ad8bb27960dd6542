import type { SqlEngine } from './engine.ts';

/**
 * The store's schema, as numbered migrations applied in order when a store is opened. A
 * migration is never edited once released: a change is a new migration. Both engines get the
 * same tables; only types differ where the dialects do (PostgreSQL's BIGINT for row counts).
 *
 * - scans: one row per recorded scan. `run_id` + `shard_index` / `shard_count` let several
 *   shards record one run (a run is complete when all its shards are in); a plain scan is a
 *   run of one shard.
 * - findings: the lifecycle of each finding by its stable id (check + resource): open or
 *   resolved, first seen, last seen, when the current open period began, resolved at.
 * - scan_findings: what each scan saw of the findings that ever failed, and the change it made
 *   (new, reopened, changed severity or evidence, still open, resolved), for diffs and for
 *   delivery of changes (SOC).
 * - scan_requirements: requirement verdicts and counts per scan, for trends.
 * - store_lock: the run lock, so two scheduled runs never overlap silently.
 * - scan_documents (2): the findings file of each shard of a named run (`--run-id`), whole,
 *   so `kansa report --run` renders the merged run in every format.
 * - findings_account (3): a scan reads the lifecycles of its own accounts' findings only, so
 *   recording it costs in proportion to the scan, not to every estate the store ever saw.
 * - findings_resolved (4): a partial index of the resolved findings, for `history prune`, in
 *   place of findings_open (state, provider, account), which nothing else reads since a scan
 *   reads its accounts' lifecycles through findings_account: one index less to keep up on
 *   every finding a scan records (a tenth of a big scan's recording).
 */
interface Migration {
  readonly version: number;
  readonly name: string;
  /** Statements; `BIGINT_TYPE` becomes each engine's 64-bit integer type. */
  readonly statements: readonly string[];
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'scans, findings lifecycle, requirement trend, run lock',
    statements: [
      `CREATE TABLE scans (
        id TEXT PRIMARY KEY,
        seq BIGINT_TYPE NOT NULL UNIQUE,
        run_id TEXT NOT NULL,
        shard_index INTEGER NOT NULL,
        shard_count INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        tool_version TEXT NOT NULL,
        framework_id TEXT NOT NULL,
        framework_version TEXT NOT NULL,
        scope_key TEXT NOT NULL,
        partial INTEGER NOT NULL,
        parameters TEXT NOT NULL,
        inputs TEXT NOT NULL,
        coverage TEXT NOT NULL,
        accounts_read TEXT NOT NULL,
        checks TEXT NOT NULL,
        findings BIGINT_TYPE NOT NULL,
        failed BIGINT_TYPE NOT NULL,
        unknown BIGINT_TYPE NOT NULL,
        passed BIGINT_TYPE NOT NULL,
        not_applicable BIGINT_TYPE NOT NULL,
        waived BIGINT_TYPE NOT NULL,
        failed_by_severity TEXT NOT NULL,
        UNIQUE (run_id, shard_index)
      )`,
      'CREATE INDEX scans_scope ON scans (scope_key, seq)',
      'CREATE INDEX scans_finished ON scans (finished_at)',
      `CREATE TABLE scan_requirements (
        scan_id TEXT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
        requirement_id TEXT NOT NULL,
        status TEXT NOT NULL,
        failed BIGINT_TYPE NOT NULL,
        unknown BIGINT_TYPE NOT NULL,
        passed BIGINT_TYPE NOT NULL,
        not_applicable BIGINT_TYPE NOT NULL,
        detail TEXT,
        PRIMARY KEY (scan_id, requirement_id)
      )`,
      `CREATE TABLE findings (
        finding_id TEXT PRIMARY KEY,
        check_id TEXT NOT NULL,
        provider TEXT NOT NULL,
        account TEXT NOT NULL,
        resource_id TEXT NOT NULL,
        resource_name TEXT NOT NULL,
        requirements TEXT NOT NULL,
        state TEXT NOT NULL,
        status TEXT NOT NULL,
        severity TEXT NOT NULL,
        evidence_hash TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        resolved_at TEXT,
        times_reopened INTEGER NOT NULL
      )`,
      'CREATE INDEX findings_open ON findings (state, provider, account)',
      `CREATE TABLE scan_findings (
        scan_id TEXT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
        finding_id TEXT NOT NULL,
        status TEXT NOT NULL,
        severity TEXT NOT NULL,
        evidence_hash TEXT NOT NULL,
        change TEXT NOT NULL,
        opened_at TEXT,
        waiver TEXT,
        PRIMARY KEY (scan_id, finding_id)
      )`,
      'CREATE INDEX scan_findings_finding ON scan_findings (finding_id)',
      `CREATE TABLE store_lock (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        acquired_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    name: 'findings documents of sharded runs',
    statements: [
      `CREATE TABLE scan_documents (
        scan_id TEXT PRIMARY KEY REFERENCES scans (id) ON DELETE CASCADE,
        document TEXT NOT NULL
      )`,
    ],
  },
  {
    version: 3,
    name: 'findings by account',
    statements: ['CREATE INDEX findings_account ON findings (provider, account)'],
  },
  {
    version: 4,
    name: 'resolved findings by resolution time, no index of open findings',
    statements: [
      "CREATE INDEX findings_resolved ON findings (resolved_at) WHERE state = 'resolved'",
      'DROP INDEX findings_open',
    ],
  },
];

/** The schema version this kansa writes; a store migrated further by a newer kansa is refused. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** Applies the migrations the store lacks, each in its own transaction (under the write lock). */
export async function migrate(engine: SqlEngine, now: () => Date = () => new Date()): Promise<number> {
  await engine.transaction(async (tx) => {
    await tx.run(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
  });
  let applied = 0;
  for (const migration of MIGRATIONS) {
    const done = await engine.transaction(async (tx) => {
      const rows = await tx.all('SELECT version FROM schema_migrations WHERE version = ?', [
        migration.version,
      ]);
      if (rows.length > 0) return false;
      for (const statement of migration.statements) {
        await tx.run(
          statement.replaceAll('BIGINT_TYPE', engine.dialect === 'postgres' ? 'BIGINT' : 'INTEGER'),
        );
      }
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        now().toISOString(),
      ]);
      return true;
    });
    if (done) applied++;
  }
  const [newest] = await engine.all<{ version: number }>(
    'SELECT MAX(version) AS version FROM schema_migrations',
  );
  if (Number(newest?.version) > SCHEMA_VERSION) {
    throw new Error(
      `the store ${engine.location} has schema version ${newest?.version}, newer than this kansa's ${SCHEMA_VERSION}: upgrade kansa`,
    );
  }
  return applied;
}
