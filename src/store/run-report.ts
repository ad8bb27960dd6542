import type { Mutable } from '../base/mutable.ts';
import { PROVIDERS, type Provider } from '../model/resource.ts';
import { byResourceType } from '../report/json.ts';
import { type FileFinding, type FindingsFile, parseFindings } from '../report/read-findings.ts';
import { verdict } from '../report/summary.ts';
import type { SqlEngine } from './engine.ts';
import { type RunStatus, runStatus } from './runs.ts';

/**
 * The findings file of a sharded run (issue 17): the union of its shards' findings files, as
 * one process scanning the whole estate would have written it. Findings come shard by shard
 * (each shard's in its scan order); counts, requirement verdicts, coverage and waivers are
 * summed over the shards and the verdicts decided again from the sums. A run not complete
 * (a shard missing, or one that could not read everything) is marked partial, never complete.
 * The change-monitoring requirement (OSK-8.1) takes the worst of the verdicts the history gave
 * each shard, its overdue failures summed; the store's own section (each shard's changes) is
 * left out: see `kansa history` and `kansa diff`.
 */
export async function readRunFindings(
  engine: SqlEngine,
  runId: string,
): Promise<{ file: FindingsFile; status: RunStatus } | undefined> {
  const status = await runStatus(engine, runId);
  if (!status) return undefined;
  const rows = await engine.all<{ shard_index: number; document: string | null }>(
    `SELECT s.shard_index, d.document FROM scans s LEFT JOIN scan_documents d ON d.scan_id = s.id
     WHERE s.run_id = ? ORDER BY s.shard_index`,
    [runId],
  );
  const shards: FindingsFile[] = [];
  for (const row of rows) {
    const where = `${engine.location}: run ${runId} shard ${row.shard_index}/${status.shardCount}`;
    if (row.document === null) {
      throw new Error(
        `${where} was recorded without its findings (kansa before 0.2, or no --run-id): rerun it`,
      );
    }
    shards.push(parseFindings(where, row.document));
  }
  // Each shard's file is checked against the findings schema as it is read, like any file a report reads.
  const file = withMonitoringVerdicts(
    mergeShards(shards, !status.complete),
    await monitoringRows(engine, runId),
  );
  return { file, status };
}

function mergeShards(shards: readonly FindingsFile[], partial: boolean): FindingsFile {
  const first = shards[0]!;
  const summary = {
    findings: 0,
    byStatus: { FAIL: 0, UNKNOWN: 0, PASS: 0, NOT_APPLICABLE: 0 },
    failedBySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
    waived: 0,
  };
  const requirements = new Map(
    first.requirements.map((r) => [
      r.id,
      {
        ...r,
        counts: { FAIL: 0, UNKNOWN: 0, PASS: 0, NOT_APPLICABLE: 0 },
        manual: new Map<string, unknown>(),
      },
    ]),
  );
  const files = new Map<string, FindingsFile['coverage']['files'][number]>();
  const resourcesByType = new Map<string, Mutable<FindingsFile['coverage']['resourcesByType'][number]>>();
  const notEvaluated = new Map<string, number>();
  const waivers = new Map<string, Mutable<NonNullable<FindingsFile['waivers']>[number]>>();
  for (const shard of shards) {
    summary.findings += shard.summary.findings;
    for (const key of Object.keys(summary.byStatus) as (keyof typeof summary.byStatus)[]) {
      summary.byStatus[key] += shard.summary.byStatus[key];
    }
    for (const key of Object.keys(summary.failedBySeverity) as (keyof typeof summary.failedBySeverity)[]) {
      summary.failedBySeverity[key] += shard.summary.failedBySeverity[key];
    }
    summary.waived += shard.summary.waived ?? 0;
    for (const r of shard.requirements) {
      const merged = requirements.get(r.id);
      if (!merged) throw new Error(`shards of one run scanned different frameworks (${r.id})`);
      for (const key of Object.keys(merged.counts) as (keyof typeof merged.counts)[]) {
        merged.counts[key] += r.counts[key];
      }
      for (const m of r.manual) merged.manual.set(m.provider, m);
    }
    // Every shard reads the same export files (each keeps its own accounts): one entry each.
    for (const f of shard.coverage.files) if (!files.has(f.path) || f.error) files.set(f.path, f);
    for (const r of shard.coverage.resourcesByType) {
      const key = `${r.provider}\0${r.type}\0${r.nativeType}`;
      const merged = resourcesByType.get(key);
      if (merged) merged.count += r.count;
      else resourcesByType.set(key, { ...r });
    }
    for (const n of shard.coverage.notEvaluated) {
      notEvaluated.set(n.checkId, (notEvaluated.get(n.checkId) ?? 0) + n.resources);
    }
    for (const w of shard.waivers ?? []) {
      const merged = waivers.get(w.id);
      if (merged) merged.matched += w.matched;
      else waivers.set(w.id, { ...w });
    }
  }
  const order: readonly (Provider | 'all')[] = ['all', ...PROVIDERS];
  return {
    schemaVersion: first.schemaVersion,
    findings: { [Symbol.iterator]: () => findingsOf(shards) },
    scan: {
      ...first.scan,
      startedAt: shards.map((s) => s.scan.startedAt).sort()[0]!,
      finishedAt: shards
        .map((s) => s.scan.finishedAt)
        .sort()
        .at(-1)!,
      partial: partial || shards.some((s) => s.scan.partial),
    },
    requirements: [...requirements.values()].map((r) => {
      const manual = [...r.manual.values()] as FindingsFile['requirements'][number]['manual'];
      const sorted = [...manual].sort((a, b) => order.indexOf(a.provider) - order.indexOf(b.provider));
      return {
        ...r,
        // A 確認する (confirm) requirement stays MANUAL, as in a single scan (report/summary.ts).
        status:
          r.force === 'confirm' ? 'MANUAL' : verdict(r.counts, r.checks.length > 0 && sorted.length === 0),
        manual: sorted,
      };
    }),
    summary,
    coverage: {
      files: [...files.values()],
      scopes: shards.flatMap((s) => s.coverage.scopes),
      resourcesByType: [...resourcesByType.values()].sort(byResourceType),
      notEvaluated: [...notEvaluated].map(([checkId, resources]) => ({ checkId, resources })),
    },
    ...(waivers.size > 0 ? { waivers: [...waivers.values()] } : {}),
  };
}

/** The shards' findings, shard by shard, read as they are iterated. */
function* findingsOf(shards: readonly FindingsFile[]): Generator<FileFinding> {
  for (const shard of shards) yield* shard.findings;
}

type MonitoringRow = { scan_id: string; requirement_id: string; status: string; failed: number };

/** The verdicts the history gave each shard's change-monitoring requirement (a detail is kept only for it). */
function monitoringRows(engine: SqlEngine, runId: string): Promise<MonitoringRow[]> {
  return engine.all<MonitoringRow>(
    `SELECT r.scan_id, r.requirement_id, r.status, r.failed FROM scan_requirements r JOIN scans s ON s.id = r.scan_id
     WHERE s.run_id = ? AND r.detail IS NOT NULL`,
    [runId],
  );
}

const MONITORING_RANK: Readonly<Record<string, number>> = { PASS: 0, UNKNOWN: 1, FAIL: 2 };

/** As `kansa scan` does for one scan: the requirement decided from the history, no longer MANUAL. */
function withMonitoringVerdicts(file: FindingsFile, rows: readonly MonitoringRow[]): FindingsFile {
  if (rows.length === 0) return file;
  const byRequirement = new Map<string, MonitoringRow[]>();
  for (const row of rows)
    byRequirement.set(row.requirement_id, [...(byRequirement.get(row.requirement_id) ?? []), row]);
  return {
    ...file,
    requirements: file.requirements.map((r) => {
      const verdicts = byRequirement.get(r.id);
      if (!verdicts) return r;
      const worst = verdicts.reduce((a, b) =>
        (MONITORING_RANK[b.status] ?? 1) > (MONITORING_RANK[a.status] ?? 1) ? b : a,
      );
      const overdue = verdicts.reduce((n, v) => n + Number(v.failed), 0);
      return {
        ...r,
        status: worst.status as typeof r.status,
        counts: { ...r.counts, FAIL: overdue },
        manual: [],
      };
    }),
  };
}
