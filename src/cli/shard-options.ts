import { hostname } from 'node:os';
import { InvalidArgumentError, Option } from 'commander';
import { parseShard, type Shard, ShardError } from '../scan/shard.ts';
import { UsageError } from './history-command.ts';

/** `kansa scan`'s options for one shard of an org-wide run (issue 17, docs/scale-out.md). */
export function shardOptions(): Option[] {
  return [
    new Option(
      '--shard <I/N|auto/N>',
      'scan shard I of N: the scopes (live) or accounts (--input) whose stable hash falls in it; auto/N reads JOB_COMPLETION_INDEX (Kubernetes Indexed Job)',
    ).argParser((value) => {
      try {
        return parseShard(value);
      } catch (error) {
        if (error instanceof ShardError) throw new InvalidArgumentError(error.message);
        throw error;
      }
    }),
    new Option(
      '--run-id <id>',
      'the run the shards record into (default: KANSA_RUN_ID, JOB_NAME, or the Indexed Job pod name less its index)',
    ),
    new Option(
      '--quota-share <n>',
      'live scans: N processes share this identity API quota: each paces at 1/N of the rate',
    ).argParser(parseQuotaShare),
  ];
}

function parseQuotaShare(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) {
    throw new InvalidArgumentError('expected a whole number of processes, 1 to 10000');
  }
  return n;
}

/**
 * The run a scan records into: `--run-id`, else KANSA_RUN_ID or JOB_NAME, else in a pod of an
 * Indexed Job (JOB_COMPLETION_INDEX set) its name less `-INDEX-xxxxx`: the Job's name, the
 * same for every shard of one run. Undefined for a plain scan (the store gives it its own
 * run). Shards with no run id cannot be merged: that is a usage error.
 */
export function resolveRunId(
  option: string | undefined,
  shard: Shard | undefined,
  env: NodeJS.ProcessEnv = process.env,
  host: string = hostname(),
): string | undefined {
  const named = option ?? (env.KANSA_RUN_ID || env.JOB_NAME || undefined);
  if (named !== undefined) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/.test(named)) {
      throw new UsageError(`run id ${JSON.stringify(named)}: letters, digits, . _ : - only (up to 200)`);
    }
    return named;
  }
  const index = env.JOB_COMPLETION_INDEX;
  const pod = index !== undefined ? new RegExp(`^(.+)-${index}-[a-z0-9]{5}$`).exec(host) : null;
  if (pod) return pod[1];
  if (shard && shard.count > 1) {
    throw new UsageError(
      `--shard ${shard.index}/${shard.count} needs a run id shared by all the shards: give --run-id ID (or KANSA_RUN_ID)`,
    );
  }
  return undefined;
}
