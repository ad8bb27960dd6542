import type { SqlEngine, SqlValue } from './engine.ts';
import type { FindingChange } from './record.ts';

/** A recorded scan as `kansa history` lists it. */
export interface ScanSummary {
  readonly id: string;
  readonly seq: number;
  readonly runId: string;
  readonly shard: { readonly index: number; readonly count: number };
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly toolVersion: string;
  readonly framework: { readonly id: string; readonly version: string };
  readonly scopeKey: string;
  readonly partial: boolean;
  readonly accountsRead: readonly string[];
  readonly checks: readonly string[];
  readonly counts: {
    readonly findings: number;
    readonly FAIL: number;
    readonly UNKNOWN: number;
    readonly PASS: number;
    readonly NOT_APPLICABLE: number;
    readonly WAIVED: number;
    readonly failedBySeverity: Readonly<Record<string, number>>;
  };
  readonly changes: Partial<Record<FindingChange, number>>;
}

/** One requirement's verdict and counts in one scan, for trends. */
export interface RequirementPoint {
  readonly scanId: string;
  readonly finishedAt: string;
  readonly status: string;
  readonly FAIL: number;
  readonly UNKNOWN: number;
  readonly PASS: number;
  readonly NOT_APPLICABLE: number;
}

interface ScanRow {
  id: string;
  seq: number;
  run_id: string;
  shard_index: number;
  shard_count: number;
  started_at: string;
  finished_at: string;
  tool_version: string;
  framework_id: string;
  framework_version: string;
  scope_key: string;
  partial: number;
  accounts_read: string;
  checks: string;
  findings: number;
  failed: number;
  unknown: number;
  passed: number;
  not_applicable: number;
  waived: number;
  failed_by_severity: string;
  [column: string]: SqlValue;
}

const SCAN_COLUMNS = `id, seq, run_id, shard_index, shard_count, started_at, finished_at, tool_version, framework_id,
  framework_version, scope_key, partial, accounts_read, checks, findings, failed, unknown, passed, not_applicable, waived,
  failed_by_severity`;

/** The scans, oldest first (the last `limit` of them). */
export async function listScans(engine: SqlEngine, limit = 1000): Promise<ScanSummary[]> {
  const rows = await engine.all<ScanRow>(`SELECT ${SCAN_COLUMNS} FROM scans ORDER BY seq DESC LIMIT ?`, [
    limit,
  ]);
  rows.reverse();
  return withChanges(engine, rows);
}

/**
 * A scan by reference: its id, a unique prefix of it (at least 4 characters), or its number
 * in `kansa history` (`#12` or `12`). Undefined when nothing matches.
 */
export async function findScan(engine: SqlEngine, ref: string): Promise<ScanSummary | undefined> {
  const number = /^#?(\d+)$/.exec(ref);
  let rows: ScanRow[];
  if (number) {
    rows = await engine.all<ScanRow>(`SELECT ${SCAN_COLUMNS} FROM scans WHERE seq = ?`, [Number(number[1])]);
  } else {
    if (ref.length < 4) return undefined;
    rows = await engine.all<ScanRow>(`SELECT ${SCAN_COLUMNS} FROM scans WHERE id LIKE ? ORDER BY seq`, [
      `${ref.replace(/[%_]/g, '')}%`,
    ]);
    if (rows.length > 1)
      throw new Error(`scan reference ${ref} is ambiguous: ${rows.map((r) => r.id).join(', ')}`);
  }
  return (await withChanges(engine, rows))[0];
}

/** The latest scan read in full (not partial) before `beforeSeq` (or overall), of the same scope if given. */
export async function latestCompleteScan(
  engine: SqlEngine,
  options: { beforeSeq?: number; scopeKey?: string } = {},
): Promise<ScanSummary | undefined> {
  const beforeSeq = options.beforeSeq ?? Number.MAX_SAFE_INTEGER;
  // Two statements rather than `(? = '' OR scope_key = ?)`, which no index serves: a scope's
  // scans through scans_scope, any scope's through the seq index.
  const rows = options.scopeKey
    ? await engine.all<ScanRow>(
        `SELECT ${SCAN_COLUMNS} FROM scans WHERE scope_key = ? AND partial = 0 AND seq < ? ORDER BY seq DESC LIMIT 1`,
        [options.scopeKey, beforeSeq],
      )
    : await engine.all<ScanRow>(
        `SELECT ${SCAN_COLUMNS} FROM scans WHERE partial = 0 AND seq < ? ORDER BY seq DESC LIMIT 1`,
        [beforeSeq],
      );
  return (await withChanges(engine, rows))[0];
}

/** Per requirement, its verdict and counts in each of the given scans (oldest first). */
export async function requirementTrend(
  engine: SqlEngine,
  scans: readonly ScanSummary[],
): Promise<Map<string, RequirementPoint[]>> {
  const trend = new Map<string, RequirementPoint[]>();
  if (scans.length === 0) return trend;
  const finishedAt = new Map(scans.map((s) => [s.id, s.finishedAt]));
  const rows = await engine.all<{
    scan_id: string;
    requirement_id: string;
    status: string;
    failed: number;
    unknown: number;
    passed: number;
    not_applicable: number;
  }>(
    `SELECT r.scan_id, r.requirement_id, r.status, r.failed, r.unknown, r.passed, r.not_applicable
     FROM scan_requirements r JOIN scans s ON s.id = r.scan_id WHERE s.seq >= ? AND s.seq <= ?
     ORDER BY s.seq, r.requirement_id`,
    [scans[0]!.seq, scans.at(-1)!.seq],
  );
  for (const row of rows) {
    const at = finishedAt.get(row.scan_id);
    if (at === undefined) continue;
    const points = trend.get(row.requirement_id) ?? [];
    points.push({
      scanId: row.scan_id,
      finishedAt: at,
      status: row.status,
      FAIL: Number(row.failed),
      UNKNOWN: Number(row.unknown),
      PASS: Number(row.passed),
      NOT_APPLICABLE: Number(row.not_applicable),
    });
    trend.set(row.requirement_id, points);
  }
  return trend;
}

/**
 * Deletes the scans that finished before `cutoff`, in one transaction, always keeping the
 * latest scan; and the lifecycle of findings resolved before it (a return is then "new").
 */
export async function pruneScans(engine: SqlEngine, cutoff: Date): Promise<{ scans: number }> {
  const before = cutoff.toISOString();
  return engine.transaction(async (tx) => {
    const [latest] = await tx.all<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM scans');
    const doomed = await tx.all<{ id: string }>('SELECT id FROM scans WHERE finished_at < ? AND seq < ?', [
      before,
      Number(latest?.seq ?? 0),
    ]);
    // Explicit deletes rather than ON DELETE CASCADE alone: SQLite enforces it only with foreign_keys on.
    for (const table of ['scan_findings', 'scan_requirements', 'scan_documents']) {
      await tx.runMany(
        `DELETE FROM ${table} WHERE scan_id = ?`,
        doomed.map((s) => [s.id]),
      );
    }
    await tx.runMany(
      'DELETE FROM scans WHERE id = ?',
      doomed.map((s) => [s.id]),
    );
    await tx.run("DELETE FROM findings WHERE state = 'resolved' AND resolved_at < ?", [before]);
    return { scans: doomed.length };
  });
}

async function withChanges(engine: SqlEngine, rows: readonly ScanRow[]): Promise<ScanSummary[]> {
  if (rows.length === 0) return [];
  const counts = await engine.all<{ scan_id: string; change: string; n: number }>(
    `SELECT scan_id, change, COUNT(*) AS n FROM scan_findings WHERE scan_id IN (${rows.map(() => '?').join(',')})
     GROUP BY scan_id, change`,
    rows.map((r) => r.id),
  );
  const byScan = new Map<string, Partial<Record<FindingChange, number>>>();
  for (const c of counts) {
    const entry = byScan.get(c.scan_id) ?? {};
    entry[c.change as FindingChange] = Number(c.n);
    byScan.set(c.scan_id, entry);
  }
  return rows.map((r) => ({
    id: r.id,
    seq: Number(r.seq),
    runId: r.run_id,
    shard: { index: Number(r.shard_index), count: Number(r.shard_count) },
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    toolVersion: r.tool_version,
    framework: { id: r.framework_id, version: r.framework_version },
    scopeKey: r.scope_key,
    partial: Number(r.partial) === 1,
    accountsRead: JSON.parse(r.accounts_read) as string[],
    checks: JSON.parse(r.checks) as string[],
    counts: {
      findings: Number(r.findings),
      FAIL: Number(r.failed),
      UNKNOWN: Number(r.unknown),
      PASS: Number(r.passed),
      NOT_APPLICABLE: Number(r.not_applicable),
      WAIVED: Number(r.waived),
      failedBySeverity: JSON.parse(r.failed_by_severity) as Record<string, number>,
    },
    changes: byScan.get(r.id) ?? {},
  }));
}
