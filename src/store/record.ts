import { hash, randomUUID } from 'node:crypto';
import type { CheckStatus, Severity } from '../checks/check.ts';
import type { FileCoverage, ScopeCoverage } from '../model/coverage.ts';
import type { Provider } from '../model/resource.ts';
import type { ScanMetadata } from '../report/json.ts';
import type { RequirementResult, StatusCounts } from '../report/summary.ts';
import type { Finding, FindingChange, FindingHistory } from '../scan/finding.ts';
import type { ShardKey } from '../scan/shard.ts';
import { type SqlEngine, type SqlRunner, type SqlValue, StoreError } from './engine.ts';
import {
  type AccountRef,
  type Lifecycle,
  lifecyclesById,
  lifecyclesOfAccounts,
  openLifecyclesOfAccounts,
} from './lifecycles.ts';

export type { FindingChange };

/** Everything about a scan the store keeps besides its findings. */
export interface ScanToRecord {
  /** Several shards of one run (issue 17) share the run id; a plain scan is its own run. */
  readonly run?: { readonly id: string; readonly shard: number; readonly shards: number };
  readonly scan: ScanMetadata;
  readonly files: readonly FileCoverage[];
  readonly scopes: readonly ScopeCoverage[];
  /** The accounts (subscriptions, projects) the inventory held. */
  readonly accounts: readonly { readonly provider: Provider; readonly account: string }[];
  /** The checks the framework ran: a finding of another check is never resolved by absence. */
  readonly checks: readonly string[];
  readonly requirements: readonly RequirementResult[];
  readonly byStatus: StatusCounts;
  readonly failedBySeverity: Readonly<Record<Severity, number>>;
  readonly waived: number;
  /** The framework's change-monitoring requirement (OSK-8.1) and its thresholds, when it has one. */
  readonly changeMonitoring?: ChangeMonitoring;
  /** The shard's whole findings file (JSON text), kept for `kansa report --run` to merge. */
  readonly document?: string;
  /** A shard's view of the estate (read-inventory.ts): a run missing a shard names its scopes from it. */
  readonly shardKeys?: readonly ShardKey[];
}

export interface ChangeMonitoring {
  readonly requirement: string;
  /** Longest gap between two complete scans of the same scope for monitoring to count as periodic. */
  readonly maxScanIntervalDays: number;
  /** Longest a failure of each severity may stay open (unwaived); severities absent have no limit. */
  readonly maxOpenDays: Readonly<Partial<Record<Severity, number>>>;
}

/** The change-monitoring requirement's verdict, worked out from the history. */
export interface MonitoringVerdict {
  readonly requirement: string;
  readonly status: 'PASS' | 'FAIL' | 'UNKNOWN';
  /** The previous complete scan of the same scope, and the days between. */
  readonly previous?: { readonly id: string; readonly finishedAt: string; readonly intervalDays: number };
  readonly maxScanIntervalDays: number;
  /** Unwaived failures open longer than their severity allows (the first 100), and how many in all. */
  readonly overdue: readonly {
    readonly findingId: string;
    readonly checkId: string;
    readonly resourceId: string;
    readonly severity: Severity;
    readonly openedAt: string;
    readonly ageDays: number;
    readonly limitDays: number;
  }[];
  readonly overdueCount: number;
}

/** A finding as the store keeps it: identity, verdict and a hash of the evidence. */
interface Observation {
  readonly id: string;
  readonly checkId: string;
  readonly provider: Provider;
  readonly account: string;
  readonly resourceId: string;
  readonly resourceName: string;
  readonly requirements: string;
  readonly status: CheckStatus;
  readonly severity: Severity;
  readonly evidenceHash: string;
  readonly waiver: string | null;
}

export interface RecordedScan {
  readonly id: string;
  readonly seq: number;
  readonly runId: string;
  /** How many findings each change touched. */
  readonly changes: Readonly<Record<FindingChange, number>>;
  /** The complete scan of the same scope before this one: what the changes are counted against. */
  readonly previous?: { readonly id: string; readonly finishedAt: string };
  readonly monitoring?: MonitoringVerdict;
}

/**
 * Collects a scan's findings as they stream past and records them in one transaction. Only
 * what the history needs is kept: every failure and UNKNOWN, and the passes of findings that
 * failed before (their resolution). Each finding's state (new, reopened, still open…) is told
 * from the store as it was when the scan began, for the reports; the transaction works the
 * lifecycle out again from the store as it is then, so a writer that went in between (another
 * shard) is always taken into account.
 */
export class ScanRecording {
  readonly #engine: SqlEngine;
  readonly #before: ReadonlyMap<string, Lifecycle>;
  /** The accounts whose lifecycles `#before` holds, as `provider:account`. */
  readonly #accounts: ReadonlySet<string>;
  /** By finding id: a resource listed twice in the exports is one finding. */
  readonly #observations = new Map<string, Observation>();
  readonly #requirementsText = new WeakMap<readonly string[], string>();

  private constructor(
    engine: SqlEngine,
    before: ReadonlyMap<string, Lifecycle>,
    accounts: ReadonlySet<string>,
  ) {
    this.#engine = engine;
    this.#before = before;
    this.#accounts = accounts;
  }

  /**
   * Starts recording a scan of these accounts (the inventory's): reads the lifecycle of every
   * finding of theirs that ever failed, and of no other account.
   */
  static async start(engine: SqlEngine, accounts: readonly AccountRef[]): Promise<ScanRecording> {
    const before = await lifecyclesOfAccounts(engine, accounts);
    return new ScanRecording(engine, before, new Set(accounts.map((a) => `${a.provider}:${a.account}`)));
  }

  /** Keeps what the history needs of a finding, and tells where it stands (undefined: never failed, passing). */
  observe(finding: Finding, scanTime: string): FindingHistory | undefined {
    if (!this.#accounts.has(`${finding.resource.provider}:${finding.resource.account}`)) {
      throw new Error(
        `finding ${finding.id} is of ${finding.resource.provider} account ${finding.resource.account}, not one of the accounts the recording started with`,
      );
    }
    const before = this.#before.get(finding.id);
    const passing = finding.status === 'PASS' || finding.status === 'NOT_APPLICABLE';
    if (passing && !before) return undefined;
    let requirements = this.#requirementsText.get(finding.requirements);
    if (requirements === undefined) {
      requirements = JSON.stringify(finding.requirements);
      this.#requirementsText.set(finding.requirements, requirements);
    }
    const observation: Observation = {
      id: finding.id,
      checkId: finding.checkId,
      provider: finding.resource.provider,
      account: finding.resource.account,
      resourceId: finding.resource.id,
      resourceName: finding.resource.name,
      requirements,
      status: finding.status,
      severity: finding.severity,
      evidenceHash: hash('sha256', JSON.stringify(finding.evidence)).slice(0, 32),
      waiver: finding.waiver?.id ?? null,
    };
    this.#observations.set(finding.id, observation);
    const change = changeOf(observation, before);
    if (change === undefined) return undefined;
    const openedAt = change === 'new' || change === 'reopened' ? scanTime : before?.opened_at;
    return {
      state: change,
      firstSeen: before?.first_seen ?? scanTime,
      ...(openedAt && (finding.status === 'FAIL' || change === 'unknown') ? { openedAt } : {}),
    };
  }

  /** Records the scan and its findings in one transaction: all of it, or (on any failure) none. */
  async commit(scan: ScanToRecord, now: Date = new Date()): Promise<RecordedScan> {
    return this.#engine.transaction((tx) => writeScan(tx, scan, [...this.#observations.values()], now));
  }
}

async function writeScan(
  tx: SqlRunner,
  scan: ScanToRecord,
  observations: readonly Observation[],
  now: Date,
): Promise<RecordedScan> {
  const id = randomUUID();
  const run = scan.run ?? { id, shard: 0, shards: 1 };
  if (scan.run) await replaceEarlierAttempt(tx, scan.run);
  const [last] = await tx.all<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM scans');
  const seq = Number(last?.seq ?? 0) + 1;
  const seen = scan.scan.finishedAt;
  const accountsRead = accountsReadInFull(scan);
  const [previous] = await tx.all<{ id: string; finished_at: string }>(
    'SELECT id, finished_at FROM scans WHERE partial = 0 AND scope_key = ? ORDER BY seq DESC LIMIT 1',
    [scopeKey(scan)],
  );
  await tx.run(
    `INSERT INTO scans (id, seq, run_id, shard_index, shard_count, started_at, finished_at, recorded_at,
       tool_version, framework_id, framework_version, scope_key, partial, parameters, inputs, coverage,
       accounts_read, checks, findings, failed, unknown, passed, not_applicable, waived, failed_by_severity)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      seq,
      run.id,
      run.shard,
      run.shards,
      scan.scan.startedAt,
      scan.scan.finishedAt,
      now.toISOString(),
      scan.scan.tool.version,
      scan.scan.framework.id,
      scan.scan.framework.version,
      scopeKey(scan),
      scan.scan.partial ? 1 : 0,
      JSON.stringify(scan.scan.parameters),
      JSON.stringify(scan.files.map((f) => ({ path: f.path, sha256: f.sha256, bytes: f.bytes }))),
      JSON.stringify({
        files: scan.files.filter((f) => f.error).map((f) => ({ path: f.path, error: f.error })),
        scopes: scan.scopes,
        ...(scan.shardKeys ? { shardKeys: scan.shardKeys } : {}),
      }),
      JSON.stringify([...accountsRead].sort()),
      JSON.stringify([...scan.checks].sort()),
      Object.values(scan.byStatus).reduce((a, b) => a + b, 0),
      scan.byStatus.FAIL,
      scan.byStatus.UNKNOWN,
      scan.byStatus.PASS,
      scan.byStatus.NOT_APPLICABLE,
      scan.waived,
      JSON.stringify(scan.failedBySeverity),
    ],
  );
  if (scan.document !== undefined) {
    await tx.run('INSERT INTO scan_documents (scan_id, document) VALUES (?, ?)', [id, scan.document]);
  }
  await tx.runMany(
    `INSERT INTO scan_requirements (scan_id, requirement_id, status, failed, unknown, passed, not_applicable, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    scan.requirements.map((r) => [
      id,
      r.id,
      r.status,
      r.counts.FAIL,
      r.counts.UNKNOWN,
      r.counts.PASS,
      r.counts.NOT_APPLICABLE,
      null,
    ]),
  );

  // The store as it is now (another shard may have written since the scan began): the
  // observed findings by id, and the open findings of the accounts read in full, which the
  // scan resolves when it did not see them.
  const lifecycles = await lifecyclesById(
    tx,
    observations.map((o) => o.id),
  );
  const openInRead = await openLifecyclesOfAccounts(
    tx,
    scan.accounts.filter((a) => accountsRead.has(`${a.provider}:${a.account}`)),
  );
  const changes: Record<FindingChange, number> = {
    new: 0,
    reopened: 0,
    'changed-severity': 0,
    'changed-evidence': 0,
    open: 0,
    unknown: 0,
    resolved: 0,
    passing: 0,
  };
  const scanRows: SqlValue[][] = [];
  const upserts: SqlValue[][] = [];
  const observed = new Set<string>();
  for (const o of observations) {
    observed.add(o.id);
    const before = lifecycles.get(o.id);
    const change = changeOf(o, before);
    if (change === undefined) continue;
    changes[change]++;
    const failing = o.status === 'FAIL';
    const openedAt = change === 'new' || change === 'reopened' ? seen : (before?.opened_at ?? null);
    scanRows.push([
      id,
      o.id,
      o.status,
      o.severity,
      o.evidenceHash,
      change,
      failing || change === 'unknown' ? openedAt : null,
      o.waiver,
    ]);
    if (change === 'passing') continue;
    upserts.push([
      o.id,
      o.checkId,
      o.provider,
      o.account,
      o.resourceId,
      o.resourceName,
      o.requirements,
      change === 'resolved' ? 'resolved' : 'open',
      o.status,
      o.severity,
      o.evidenceHash,
      before?.first_seen ?? seen,
      seen,
      openedAt ?? seen,
      change === 'resolved' ? seen : null,
      (before?.times_reopened ?? 0) + (change === 'reopened' ? 1 : 0),
    ]);
  }
  // Open findings this scan did not see: resolved only where the scan read their account in
  // full and ran their check (the resource is gone); otherwise nothing is known, and they stay open.
  const checks = new Set(scan.checks);
  const gone: string[] = [];
  for (const before of openInRead.values()) {
    if (observed.has(before.finding_id) || !checks.has(before.check_id)) continue;
    gone.push(before.finding_id);
    changes.resolved++;
    scanRows.push([
      id,
      before.finding_id,
      'ABSENT',
      before.severity,
      before.evidence_hash,
      'resolved',
      null,
      null,
    ]);
  }
  await tx.runMany(
    `INSERT INTO scan_findings (scan_id, finding_id, status, severity, evidence_hash, change, opened_at, waiver)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    scanRows,
  );
  await tx.runMany(
    `INSERT INTO findings (finding_id, check_id, provider, account, resource_id, resource_name, requirements,
       state, status, severity, evidence_hash, first_seen, last_seen, opened_at, resolved_at, times_reopened)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (finding_id) DO UPDATE SET state = excluded.state, status = excluded.status,
       severity = excluded.severity, evidence_hash = excluded.evidence_hash, last_seen = excluded.last_seen,
       opened_at = excluded.opened_at, resolved_at = excluded.resolved_at,
       times_reopened = excluded.times_reopened, resource_name = excluded.resource_name,
       requirements = excluded.requirements`,
    upserts,
  );
  await tx.runMany(
    "UPDATE findings SET state = 'resolved', status = 'ABSENT', resolved_at = ? WHERE finding_id = ?",
    gone.map((findingId) => [seen, findingId]),
  );
  const monitoring = scan.changeMonitoring
    ? monitoringVerdict(scan.changeMonitoring, observations, scanRows, previous, seen)
    : undefined;
  if (monitoring) {
    await tx.run(
      'UPDATE scan_requirements SET status = ?, failed = ?, detail = ? WHERE scan_id = ? AND requirement_id = ?',
      [monitoring.status, monitoring.overdueCount, JSON.stringify(monitoring), id, monitoring.requirement],
    );
  }
  return {
    id,
    seq,
    runId: run.id,
    changes,
    ...(previous ? { previous: { id: previous.id, finishedAt: previous.finished_at } } : {}),
    ...(monitoring ? { monitoring } : {}),
  };
}

/**
 * A shard's rerun supersedes its earlier attempt in the run (one scan per shard, so the run
 * merges each scope once); the findings' lifecycle the attempt moved stays as it is. A shard
 * of another shard count is refused: the run's scopes were split another way.
 */
async function replaceEarlierAttempt(tx: SqlRunner, run: NonNullable<ScanToRecord['run']>): Promise<void> {
  const shards = await tx.all<{ id: string; shard_index: number; shard_count: number }>(
    'SELECT id, shard_index, shard_count FROM scans WHERE run_id = ?',
    [run.id],
  );
  const other = shards.find((s) => Number(s.shard_count) !== run.shards);
  if (other) {
    throw new StoreError(
      `run ${run.id} was split into ${other.shard_count} shards, not ${run.shards}: rerun its shards with --shard I/${other.shard_count}, or give a new --run-id`,
    );
  }
  const earlier = shards.filter((s) => Number(s.shard_index) === run.shard).map((s) => [s.id]);
  for (const table of ['scan_findings', 'scan_requirements', 'scan_documents']) {
    await tx.runMany(`DELETE FROM ${table} WHERE scan_id = ?`, earlier);
  }
  await tx.runMany('DELETE FROM scans WHERE id = ?', earlier);
}

const DAY_MS = 86_400_000;

/**
 * OSK-8.1 (settings monitored, changes caught and put right quickly): UNKNOWN on the first scan
 * of a scope (no history yet); FAIL when the previous complete scan is further back than the
 * framework allows (not periodic), or when an unwaived failure has stayed open longer than its
 * severity allows; else PASS.
 */
function monitoringVerdict(
  thresholds: ChangeMonitoring,
  observations: readonly Observation[],
  scanRows: readonly SqlValue[][],
  previous: { id: string; finished_at: string } | undefined,
  at: string,
): MonitoringVerdict {
  const now = Date.parse(at);
  const openedAt = new Map(scanRows.map((row) => [row[1] as string, row[6] as string | null]));
  const overdue: MonitoringVerdict['overdue'][number][] = [];
  for (const o of observations) {
    const limit = thresholds.maxOpenDays[o.severity];
    const since = openedAt.get(o.id);
    if (o.status !== 'FAIL' || o.waiver !== null || limit === undefined || !since) continue;
    const ageDays = Math.floor((now - Date.parse(since)) / DAY_MS);
    if (ageDays > limit) {
      overdue.push({
        findingId: o.id,
        checkId: o.checkId,
        resourceId: o.resourceId,
        severity: o.severity,
        openedAt: since,
        ageDays,
        limitDays: limit,
      });
    }
  }
  overdue.sort((a, b) => b.ageDays - a.ageDays);
  const intervalDays = previous ? (now - Date.parse(previous.finished_at)) / DAY_MS : undefined;
  const status =
    intervalDays === undefined
      ? 'UNKNOWN'
      : intervalDays > thresholds.maxScanIntervalDays || overdue.length > 0
        ? 'FAIL'
        : 'PASS';
  return {
    requirement: thresholds.requirement,
    status,
    ...(previous && intervalDays !== undefined
      ? {
          previous: {
            id: previous.id,
            finishedAt: previous.finished_at,
            intervalDays: Math.round(intervalDays * 10) / 10,
          },
        }
      : {}),
    maxScanIntervalDays: thresholds.maxScanIntervalDays,
    overdue: overdue.slice(0, 100),
    overdueCount: overdue.length,
  };
}

/** The change a scan's observation makes to a finding's lifecycle (undefined: nothing to keep). */
function changeOf(o: Observation, before: Lifecycle | undefined): FindingChange | undefined {
  if (o.status === 'FAIL') {
    if (!before) return 'new';
    if (before.state === 'resolved') return 'reopened';
    if (before.severity !== o.severity) return 'changed-severity';
    if (before.evidence_hash !== o.evidenceHash) return 'changed-evidence';
    return 'open';
  }
  // UNKNOWN settles nothing: an open failure stays open, unverified.
  if (o.status === 'UNKNOWN') return before?.state === 'open' ? 'unknown' : undefined;
  if (!before) return undefined;
  return before.state === 'open' ? 'resolved' : 'passing';
}

/**
 * The accounts whose resources this scan read in full, as `provider:account`. An export file
 * that could not be read may have held any account, so then none counts; a live scope that
 * failed takes out the account it names, or every account of its cloud when it names none.
 */
export function accountsReadInFull(scan: Pick<ScanToRecord, 'files' | 'scopes' | 'accounts'>): Set<string> {
  const read = new Set<string>();
  if (scan.files.some((f) => f.error)) return read;
  const failed = scan.scopes.filter((s) => s.error);
  for (const { provider, account } of scan.accounts) {
    const ofCloud = failed.filter((s) => s.provider === provider);
    const names = (s: ScopeCoverage) => s.scope.includes(account);
    const named = ofCloud.filter((s) =>
      scan.accounts.some((a) => a.provider === provider && s.scope.includes(a.account)),
    );
    if (ofCloud.some(names) || named.length < ofCloud.length) continue;
    read.add(`${provider}:${account}`);
  }
  return read;
}

/** Scans of the same framework over the same accounts compare with each other by default. */
function scopeKey(scan: ScanToRecord): string {
  const accounts = [...new Set(scan.accounts.map((a) => `${a.provider}:${a.account}`))].sort();
  return hash('sha256', JSON.stringify([scan.scan.framework.id, accounts])).slice(0, 16);
}
