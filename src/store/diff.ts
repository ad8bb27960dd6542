import { compareText } from '../base/compare-text.ts';
import type { SqlEngine, SqlValue } from './engine.ts';
import type { ScanSummary } from './history.ts';
import type { FindingChange } from './record.ts';

/** Where a finding stands between two scans. */
export type DiffState =
  | 'new'
  | 'reopened'
  | 'resolved'
  | 'changed-severity'
  | 'changed-evidence'
  | 'open'
  /** Failing before; the later scan did not read it (scope not read, or UNKNOWN): not resolved. */
  | 'unverified';

export const DIFF_STATES: readonly DiffState[] = [
  'new',
  'reopened',
  'resolved',
  'changed-severity',
  'changed-evidence',
  'open',
  'unverified',
];

export interface DiffEntry {
  readonly findingId: string;
  readonly state: DiffState;
  readonly checkId: string;
  readonly provider: string;
  readonly account: string;
  readonly resourceId: string;
  readonly resourceName: string;
  readonly requirements: readonly string[];
  readonly severity: string;
  /** The severity in the earlier scan, where it changed. */
  readonly previousSeverity?: string;
  /** Start of the current open period, and its length in days at the later scan. */
  readonly openedAt?: string;
  readonly ageDays?: number;
  /** The waiver id that applied in the later scan. */
  readonly waiver?: string;
}

export interface ScanDiff {
  readonly from: ScanSummary;
  readonly to: ScanSummary;
  readonly entries: readonly DiffEntry[];
  readonly counts: Readonly<Record<DiffState, number>>;
}

interface SeenRow {
  finding_id: string;
  status: string;
  severity: string;
  evidence_hash: string;
  change: string;
  opened_at: string | null;
  waiver: string | null;
  [column: string]: SqlValue;
}

interface FindingRow {
  finding_id: string;
  check_id: string;
  provider: string;
  account: string;
  resource_id: string;
  resource_name: string;
  requirements: string;
  [column: string]: SqlValue;
}

const DAY_MS = 86_400_000;

/** Bound parameters per statement: well under both engines' limits. */
const CHUNK = 500;

/** Compares two recorded scans: what is new, resolved, reopened, changed, still open (with age). */
export async function diffScans(engine: SqlEngine, from: ScanSummary, to: ScanSummary): Promise<ScanDiff> {
  const seenIn = async (scanId: string) =>
    new Map(
      (
        await engine.all<SeenRow>(
          'SELECT finding_id, status, severity, evidence_hash, change, opened_at, waiver FROM scan_findings WHERE scan_id = ?',
          [scanId],
        )
      ).map((r) => [r.finding_id, r]),
    );
  const [before, after] = await Promise.all([seenIn(from.id), seenIn(to.id)]);
  // New or reopened: asked only of the findings failing in the later scan and not the earlier.
  const failedUpTo = await failedBy(
    engine,
    [...after.values()]
      .filter((b) => b.status === 'FAIL' && before.get(b.finding_id)?.status !== 'FAIL')
      .map((b) => b.finding_id),
    from.seq,
  );
  const meta = await findingMeta(engine, [...new Set([...before.keys(), ...after.keys()])]);
  const accountsRead = new Set(to.accountsRead);
  const checksRun = new Set(to.checks);
  const entries: DiffEntry[] = [];
  const ids = new Set([...before.keys(), ...after.keys()]);
  for (const id of ids) {
    const a = before.get(id);
    const b = after.get(id);
    const m = meta.get(id);
    if (!m) continue;
    const failingBefore = a?.status === 'FAIL';
    const failingAfter = b?.status === 'FAIL';
    let state: DiffState | undefined;
    if (failingAfter) {
      if (!failingBefore) state = failedUpTo.has(id) ? 'reopened' : 'new';
      else if (a.severity !== b.severity) state = 'changed-severity';
      else if (a.evidence_hash !== b.evidence_hash) state = 'changed-evidence';
      else state = 'open';
    } else if (failingBefore) {
      const passed =
        b !== undefined && (b.status === 'PASS' || b.status === 'NOT_APPLICABLE' || b.status === 'ABSENT');
      const goneFromReadScope =
        b === undefined && accountsRead.has(`${m.provider}:${m.account}`) && checksRun.has(m.check_id);
      state = passed || goneFromReadScope ? 'resolved' : 'unverified';
    }
    if (!state) continue;
    const latest = b && b.status !== 'ABSENT' ? b : a!;
    const openedAt = failingAfter
      ? (b.opened_at ?? undefined)
      : state === 'unverified'
        ? (a!.opened_at ?? undefined)
        : undefined;
    entries.push({
      findingId: id,
      state,
      checkId: m.check_id,
      provider: m.provider,
      account: m.account,
      resourceId: m.resource_id,
      resourceName: m.resource_name,
      requirements: JSON.parse(m.requirements) as string[],
      severity: latest.severity,
      ...(state === 'changed-severity' ? { previousSeverity: a!.severity } : {}),
      ...(openedAt
        ? { openedAt, ageDays: Math.floor((Date.parse(to.finishedAt) - Date.parse(openedAt)) / DAY_MS) }
        : {}),
      ...(b?.waiver ? { waiver: b.waiver } : {}),
    });
  }
  const order = new Map(DIFF_STATES.map((s, i) => [s, i]));
  entries.sort(
    (x, y) =>
      order.get(x.state)! - order.get(y.state)! ||
      compareText(x.checkId, y.checkId) ||
      compareText(x.resourceId, y.resourceId),
  );
  const counts = Object.fromEntries(DIFF_STATES.map((s) => [s, 0])) as Record<DiffState, number>;
  for (const e of entries) counts[e.state]++;
  return { from, to, entries, counts };
}

/** A finding's change as one scan recorded it: what delivery to a SOC (issue 15) sends. */
export interface RecordedChange {
  readonly findingId: string;
  readonly change: FindingChange;
  readonly status: string;
  readonly severity: string;
  readonly checkId: string;
  readonly provider: string;
  readonly account: string;
  readonly resourceId: string;
  readonly openedAt?: string;
  readonly waiver?: string;
}

/** The changes a recorded scan made: new, reopened, changed, resolved (not the unchanged). */
export async function changesOf(engine: SqlEngine, scanId: string): Promise<RecordedChange[]> {
  const rows = await engine.all<SeenRow>(
    `SELECT finding_id, status, severity, evidence_hash, change, opened_at, waiver FROM scan_findings
     WHERE scan_id = ? AND change IN ('new', 'reopened', 'changed-severity', 'changed-evidence', 'resolved')
     ORDER BY finding_id`,
    [scanId],
  );
  const meta = await findingMeta(
    engine,
    rows.map((r) => r.finding_id),
  );
  return rows.flatMap((r) => {
    const m = meta.get(r.finding_id);
    if (!m) return [];
    return [
      {
        findingId: r.finding_id,
        change: r.change as FindingChange,
        status: r.status,
        severity: r.severity,
        checkId: m.check_id,
        provider: m.provider,
        account: m.account,
        resourceId: m.resource_id,
        ...(r.opened_at ? { openedAt: r.opened_at } : {}),
        ...(r.waiver ? { waiver: r.waiver } : {}),
      },
    ];
  });
}

/** Which of these findings failed in a scan up to `seq` (through scan_findings_finding, not every scan's rows). */
async function failedBy(engine: SqlEngine, ids: readonly string[], seq: number): Promise<Set<string>> {
  const failed = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await engine.all<{ finding_id: string }>(
      `SELECT DISTINCT sf.finding_id FROM scan_findings sf JOIN scans s ON s.id = sf.scan_id
       WHERE sf.finding_id IN (${chunk.map(() => '?').join(',')}) AND s.seq <= ? AND sf.status = 'FAIL'`,
      [...chunk, seq],
    );
    for (const r of rows) failed.add(r.finding_id);
  }
  return failed;
}

async function findingMeta(engine: SqlEngine, ids: readonly string[]): Promise<Map<string, FindingRow>> {
  const meta = new Map<string, FindingRow>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await engine.all<FindingRow>(
      `SELECT finding_id, check_id, provider, account, resource_id, resource_name, requirements FROM findings
       WHERE finding_id IN (${chunk.map(() => '?').join(',')})`,
      chunk,
    );
    for (const r of rows) meta.set(r.finding_id, r);
  }
  return meta;
}
