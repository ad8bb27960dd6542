import { createHash } from 'node:crypto';
import type { Provider } from '../model/resource.ts';

/**
 * Shard selection for org-wide scans split over several processes (issue 17): shard I of N
 * takes the scopes (a subscription id, an `account/region`, a project, an export's account)
 * whose stable hash falls in I, so every scope is in exactly one shard whatever process, host
 * or discovery order sees it.
 */
export interface Shard {
  /** 0-based: a Kubernetes Indexed Job's JOB_COMPLETION_INDEX. */
  readonly index: number;
  readonly count: number;
}

/** A scope as shards divide the estate: `key` is what `inShard` hashes. */
export interface ShardKey {
  readonly provider: Provider;
  readonly key: string;
}

/** The whole estate in one process: a plain scan. */
export const WHOLE: Shard = { index: 0, count: 1 };

/** More shards than this is a typo, not an estate (Kubernetes caps an Indexed Job at 100,000). */
export const MAX_SHARDS = 100_000;

export class ShardError extends Error {
  override readonly name = 'ShardError';
}

/**
 * `I/N` (0 ≤ I < N) or `auto/N`, which reads the index from JOB_COMPLETION_INDEX (set in each
 * pod of a Kubernetes Job with completionMode: Indexed). Anything else is a clear error.
 */
export function parseShard(text: string, env: NodeJS.ProcessEnv = process.env): Shard {
  const match = /^(auto|\d+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new ShardError(`--shard ${text}: expected I/N (e.g. 0/4) or auto/N`);
  const count = Number(match[2]);
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_SHARDS) {
    throw new ShardError(`--shard ${text}: the shard count must be 1 to ${MAX_SHARDS}`);
  }
  let indexText = match[1]!;
  let from = `--shard ${text}`;
  if (indexText === 'auto') {
    const fromEnv = env.JOB_COMPLETION_INDEX;
    if (fromEnv === undefined || fromEnv === '') {
      throw new ShardError(
        `--shard ${text}: JOB_COMPLETION_INDEX is not set (it is set in the pods of a Kubernetes Job with completionMode: Indexed); give the index as I/${count}`,
      );
    }
    indexText = fromEnv.trim();
    from = `JOB_COMPLETION_INDEX=${fromEnv} (--shard ${text})`;
  }
  if (!/^\d+$/.test(indexText)) throw new ShardError(`${from}: the index is not a whole number`);
  const index = Number(indexText);
  if (index >= count) {
    throw new ShardError(`${from}: the index must be 0 to ${count - 1} (N = ${count} shards)`);
  }
  return { index, count };
}

/** `I/N`, as parseShard reads it. */
export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** The shard a scope key belongs to: SHA-256 of the key, its first 48 bits mod N. */
export function shardOf(scopeKey: string, count: number): number {
  if (count === 1) return 0;
  const digest = createHash('sha256').update(scopeKey, 'utf8').digest();
  return digest.readUIntBE(0, 6) % count;
}

/** Whether the scope belongs to this shard. */
export function inShard(scopeKey: string, shard: Shard): boolean {
  return shardOf(scopeKey, shard.count) === shard.index;
}
