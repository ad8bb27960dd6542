import { hash, randomUUID } from 'node:crypto';
import type { Severity } from '../checks/check.ts';
import type { FileCoverage, ScopeCoverage } from '../model/coverage.ts';
import type { Provider } from '../model/resource.ts';
import type { ScanMetadata } from '../report/json.ts';
import type { RequirementResult, StatusCounts } from '../report/summary.ts';
import type { Finding, FindingChange, FindingHistory } from '../scan/finding.ts';
import type { ShardKey } from '../scan/shard.ts';
import { type SqlEngine, type SqlRunner, type SqlValue, StoreError } from './engine.ts';
import { type AccountRef, type Lifecycle, lifecyclesOfAccounts } from './lifecycles.ts';
import {
  type ChangeMonitoring,
  type MonitoringVerdict,
  monitoringVerdict,
  type OpenFailure,
} from './monitoring.ts';
import {
  ByFinding,
  changeOf,
  evidenceHash,
  inFindingIdOrder,
  lifecyclesByFinding,
  type Observation,
  settled,
  type UnsettledUnknown,
} from './observation.ts';

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
 * what the history needs is kept: every failure, and the findings that have a lifecycle (their
 * UNKNOWNs and resolutions). Each finding's state (new, reopened, still open…) is told from the
 * store as it was when the scan began, for the reports; the transaction works the lifecycle out
 * again from the store as it is then, so a writer that went in between (another shard) is
 * always taken into account.
 */
export class ScanRecording {
  readonly #engine: SqlEngine;
  readonly #before: ByFinding<Lifecycle>;
  /** The accounts whose lifecycles `#before` holds, by provider. */
  readonly #accounts: ReadonlyMap<string, ReadonlySet<string>>;
  /** By finding id: a resource listed twice in the exports is one finding. */
  readonly #observations = new Map<string, Observation>();
  /** The UNKNOWNs of findings without a lifecycle: a pass of those needs no keeping (see writeScan). */
  readonly #unsettled: UnsettledUnknown[] = [];
  readonly #requirementsText = new WeakMap<readonly string[], string>();

  /** The lifecycles read at the start, by finding id, and the store's write token before the read. */
  readonly #read: { readonly lifecycles: ReadonlyMap<string, Lifecycle>; readonly token: string | undefined };

  private constructor(
    engine: SqlEngine,
    read: { readonly lifecycles: ReadonlyMap<string, Lifecycle>; readonly token: string | undefined },
    accounts: readonly AccountRef[],
  ) {
    this.#engine = engine;
    this.#read = read;
    this.#before = lifecyclesByFinding(read.lifecycles.values());
    const byProvider = new Map<string, Set<string>>();
    for (const { provider, account } of accounts) {
      byProvider.set(provider, (byProvider.get(provider) ?? new Set<string>()).add(account));
    }
    this.#accounts = byProvider;
  }

  /**
   * Starts recording a scan of these accounts (the inventory's): reads the lifecycle of every
   * finding of theirs that ever failed, and of no other account.
   */
  static async start(engine: SqlEngine, accounts: readonly AccountRef[]): Promise<ScanRecording> {
    // The token first: a write that lands during the read moves it too.
    const token = await engine.changeToken();
    const lifecycles = await lifecyclesOfAccounts(engine, accounts);
    return new ScanRecording(engine, { lifecycles, token }, accounts);
  }

  /** Keeps what the history needs of a finding, and tells where it stands (undefined: never failed, not failing). */
  observe(finding: Finding, scanTime: string): FindingHistory | undefined {
    const { provider, account, id: resourceId } = finding.resource;
    if (this.#accounts.get(provider)?.has(account) !== true) {
      throw new Error(
        `finding ${finding.id} is of ${provider} account ${account}, not one of the accounts the recording started with`,
      );
    }
    const before = this.#before.get(provider, resourceId, finding.checkId);
    // Without a lifecycle, a pass or NOT_APPLICABLE changes nothing and is not kept (nor its id
    // worked out); an UNKNOWN is kept aside, its hashes left undone.
    if (!before && finding.status !== 'FAIL') {
      if (finding.status === 'UNKNOWN')
        this.#unsettled.push({ ...this.#fields(finding), evidence: finding.evidence });
      return undefined;
    }
    const observation: Observation = {
      ...this.#fields(finding),
      // The lifecycle holds the id: a finding seen before needs no hash of its own.
      id: before?.finding_id ?? finding.id,
      evidenceHash: evidenceHash(finding.evidence),
    };
    this.#observations.set(observation.id, observation);
    const change = changeOf(observation, before);
    if (change === undefined) return undefined;
    const openedAt = change === 'new' || change === 'reopened' ? scanTime : before?.opened_at;
    return {
      state: change,
      firstSeen: before?.first_seen ?? scanTime,
      ...(openedAt && (finding.status === 'FAIL' || change === 'unknown') ? { openedAt } : {}),
    };
  }

  /** What the store keeps of a finding besides its id and evidence hash. */
  #fields(finding: Finding): Omit<Observation, 'id' | 'evidenceHash'> {
    let requirements = this.#requirementsText.get(finding.requirements);
    if (requirements === undefined) {
      requirements = JSON.stringify(finding.requirements);
      this.#requirementsText.set(finding.requirements, requirements);
    }
    return {
      checkId: finding.checkId,
      provider: finding.resource.provider,
      account: finding.resource.account,
      resourceId: finding.resource.id,
      resourceName: finding.resource.name,
      requirements,
      status: finding.status,
      severity: finding.severity,
      waiver: finding.waiver?.id ?? null,
    };
  }

  /** Records the scan and its findings in one transaction: all of it, or (on any failure) none. */
  async commit(scan: ScanToRecord, now: Date = new Date()): Promise<RecordedScan> {
    const before = this.#before;
    let unsettled: ByFinding<UnsettledUnknown> | undefined;
    // Only a finding a writer in between opened (no lifecycle at the start) can be one of them.
    const unsettledUnknown = (l: Lifecycle) => {
      if (before.get(l.provider, l.resource_id, l.check_id)) return undefined;
      if (!unsettled) {
        unsettled = new ByFinding<UnsettledUnknown>();
        for (const u of this.#unsettled) unsettled.set(u.provider, u.resourceId, u.checkId, u);
      }
      return unsettled.get(l.provider, l.resource_id, l.check_id);
    };
    return this.#engine.transaction(async (tx) => {
      // No other writer since the start: the lifecycles read then are the store's, not read again.
      const token = this.#read.token;
      const unchanged = token !== undefined && (await this.#engine.changeToken()) === token;
      const lifecycles = unchanged ? this.#read.lifecycles : await lifecyclesOfAccounts(tx, scan.accounts);
      return writeScan(tx, scan, lifecycles, this.#observations, unsettledUnknown, now);
    });
  }
}

async function writeScan(
  tx: SqlRunner,
  scan: ScanToRecord,
  /** The lifecycles of the scan's accounts as the store holds them now, by finding id. */
  lifecycles: ReadonlyMap<string, Lifecycle>,
  observations: ReadonlyMap<string, Observation>,
  unsettledUnknown: (lifecycle: Lifecycle) => UnsettledUnknown | undefined,
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
  let scanRows: SqlValue[][] = [];
  let upserts: SqlValue[][] = [];
  let stillOpen: SqlValue[][] = [];
  const openFailures: OpenFailure[] = [];
  const recordObservation = (o: Observation, before: Lifecycle | undefined) => {
    const change = changeOf(o, before);
    if (change === undefined) return;
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
    if (failing && o.waiver === null && openedAt !== null) {
      openFailures.push({
        findingId: o.id,
        checkId: o.checkId,
        resourceId: o.resourceId,
        severity: o.severity,
        openedAt,
      });
    }
    if (change === 'passing') return;
    // Still open as it was: only when it was last seen (and its names) change.
    if (change === 'open') {
      stillOpen.push([seen, o.resourceName, o.requirements, o.id]);
      return;
    }
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
  };
  for (const o of observations.values()) recordObservation(o, lifecycles.get(o.id));
  // Open findings the scan kept nothing of. A writer in between opened those it saw UNKNOWN:
  // they stay open, unverified. The others it did not see, or saw pass (a finding without a
  // lifecycle at the start, not kept): resolved where the scan read their account in full and
  // ran their check; otherwise nothing is known, and they stay open.
  const checks = new Set(scan.checks);
  const gone: string[] = [];
  for (const before of lifecycles.values()) {
    if (before.state !== 'open' || observations.has(before.finding_id)) continue;
    const unknown = unsettledUnknown(before);
    if (unknown) {
      recordObservation(settled(unknown, before), before);
      continue;
    }
    if (!checks.has(before.check_id) || !accountsRead.has(`${before.provider}:${before.account}`)) continue;
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
  // In the tables' key order: the most of a big scan's recording is these inserts.
  scanRows = inFindingIdOrder(scanRows, 1);
  upserts = inFindingIdOrder(upserts, 0);
  stillOpen = inFindingIdOrder(stillOpen, 3);
  gone.sort();
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
    'UPDATE findings SET last_seen = ?, resource_name = ?, requirements = ? WHERE finding_id = ?',
    stillOpen,
  );
  await tx.runMany(
    "UPDATE findings SET state = 'resolved', status = 'ABSENT', resolved_at = ? WHERE finding_id = ?",
    gone.map((findingId) => [seen, findingId]),
  );
  const monitoring = scan.changeMonitoring
    ? monitoringVerdict(scan.changeMonitoring, openFailures, previous, seen)
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
