import { inShard, type ShardKey } from '../scan/shard.ts';
import type { SqlEngine } from './engine.ts';

/**
 * Where a sharded run stands (issue 17): complete only when every one of its N shards has
 * recorded a scan that read everything; otherwise partial, naming the shards not in yet and
 * the scopes and files the shards in could not read. Never complete by default.
 */
export interface RunStatus {
  readonly runId: string;
  readonly shardCount: number;
  readonly complete: boolean;
  /** The scans recorded for the run, by shard index. */
  readonly shards: readonly {
    readonly index: number;
    readonly scanId: string;
    readonly finishedAt: string;
    readonly partial: boolean;
  }[];
  /** Shard indexes with no scan recorded: their scopes are missing from the run. */
  readonly missingShards: readonly number[];
  /**
   * The scopes of the missing shards (`provider:key`), as the shards that reported saw the
   * estate: every shard discovers all scopes and keeps its own, so the others' are known.
   */
  readonly missingScopes: readonly string[];
  /** Scopes (live) and files (exports) a recorded shard could not read, with the error. */
  readonly unread: readonly { readonly shard: number; readonly what: string; readonly error: string }[];
}

interface Coverage {
  readonly files?: readonly { path: string; error?: string }[];
  readonly scopes?: readonly { provider: string; scope: string; error?: string }[];
  readonly shardKeys?: readonly ShardKey[];
}

/** The run's status; undefined when the store has no scan of that run. */
export async function runStatus(engine: SqlEngine, runId: string): Promise<RunStatus | undefined> {
  const rows = await engine.all<{
    id: string;
    shard_index: number;
    shard_count: number;
    finished_at: string;
    partial: number;
    coverage: string;
  }>(
    'SELECT id, shard_index, shard_count, finished_at, partial, coverage FROM scans WHERE run_id = ? ORDER BY shard_index',
    [runId],
  );
  if (rows.length === 0) return undefined;
  const shardCount = Math.max(...rows.map((r) => Number(r.shard_count)));
  const shards = rows.map((r) => ({
    index: Number(r.shard_index),
    scanId: r.id,
    finishedAt: r.finished_at,
    partial: Number(r.partial) === 1,
  }));
  const present = new Set(shards.map((s) => s.index));
  const missingShards = Array.from({ length: shardCount }, (_, i) => i).filter((i) => !present.has(i));
  const unread: { shard: number; what: string; error: string }[] = [];
  const missingScopes = new Set<string>();
  for (const row of rows) {
    const coverage = JSON.parse(row.coverage) as Coverage;
    const shard = Number(row.shard_index);
    for (const { provider, key } of coverage.shardKeys ?? []) {
      if (missingShards.some((index) => inShard(key, { index, count: shardCount }))) {
        missingScopes.add(`${provider}:${key}`);
      }
    }
    for (const f of coverage.files ?? []) if (f.error) unread.push({ shard, what: f.path, error: f.error });
    for (const s of coverage.scopes ?? []) {
      if (s.error) unread.push({ shard, what: `${s.provider}:${s.scope}`, error: s.error });
    }
  }
  return {
    runId,
    shardCount,
    complete: missingShards.length === 0 && shards.every((s) => !s.partial),
    shards,
    missingShards,
    missingScopes: [...missingScopes].sort(),
    unread,
  };
}

/** How many of a missing shard's scopes the terminal names; the rest are counted. */
const MISSING_SCOPES_SHOWN = 20;

/** One line per problem, for a terminal: why the run is partial (empty when complete). */
export function describeIncompleteRun(status: RunStatus): string[] {
  const lines: string[] = [];
  if (status.missingShards.length > 0) {
    lines.push(
      `run ${status.runId}: shards ${status.missingShards.map((i) => `${i}/${status.shardCount}`).join(', ')} have not reported: their scopes are missing (rerun them with --run-id ${status.runId} --shard I/${status.shardCount})`,
    );
    if (status.missingScopes.length > 0) {
      const shown = status.missingScopes.slice(0, MISSING_SCOPES_SHOWN).join(', ');
      const more = status.missingScopes.length - MISSING_SCOPES_SHOWN;
      lines.push(
        `run ${status.runId}: missing scopes (${status.missingScopes.length}): ${shown}${more > 0 ? `, and ${more} more` : ''}`,
      );
    }
  }
  for (const u of status.unread)
    lines.push(`run ${status.runId}: shard ${u.shard}: ${u.what} not read: ${u.error}`);
  for (const s of status.shards) {
    if (s.partial && !status.unread.some((u) => u.shard === s.index)) {
      lines.push(`run ${status.runId}: shard ${s.index} is partial`);
    }
  }
  return lines;
}
