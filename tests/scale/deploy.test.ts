import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveRunId } from '../../src/cli/shard-options.ts';
import { parseShard } from '../../src/scan/shard.ts';

const TEMPLATE = path.resolve(import.meta.dirname, '../../deploy/azure-container-apps/sharded-job.yaml');

interface Job {
  name: string;
  identity: { type: string; userAssignedIdentities: Record<string, unknown> };
  properties: {
    configuration: {
      triggerType: string;
      scheduleTriggerConfig: { cronExpression: string; parallelism: number; replicaCompletionCount: number };
      secrets: { name: string }[];
    };
    template: {
      containers: {
        command: string[];
        args: string[];
        env: { name: string; value?: string; secretRef?: string }[];
      }[];
    };
  };
}

/** The template as its header's loop renders it for shard `index` of `count`. */
async function rendered(index: number, count: number): Promise<Job> {
  const text = (await readFile(TEMPLATE, 'utf8'))
    .replaceAll('{{SHARD}}', String(index))
    .replaceAll('{{SHARDS}}', String(count));
  return parse(text) as Job;
}

/** The scan's arguments as /bin/sh -c splits the folded line (the run id's $(date) left as written). */
function argv(job: Job): string[] {
  const [container] = job.properties.template.containers;
  expect(container!.command).toEqual(['/bin/sh', '-c']);
  const [line] = container!.args;
  expect(line).toMatch(/^exec node \/opt\/kansa\/bin\/kansa\.js scan --azure /);
  return [...line!.matchAll(/"[^"]*"|\S+/g)].map((m) => m[0].replace(/^"|"$/g, ''));
}

describe('deploy/azure-container-apps/sharded-job.yaml', () => {
  it('N jobs, one per shard: together every shard once, one run id, separate identities, the store URL a secret', async () => {
    const count = 4;
    const jobs = await Promise.all(Array.from({ length: count }, (_, i) => rendered(i, count)));
    const shards = jobs.map((job) => {
      const args = argv(job);
      return parseShard(args[args.indexOf('--shard') + 1]!, {});
    });
    expect(shards).toEqual(Array.from({ length: count }, (_, index) => ({ index, count })));
    // One run id for all: the schedule's UTC date, a valid run id once the shell expands it.
    const runIds = new Set(jobs.map((job) => argv(job)[argv(job).indexOf('--run-id') + 1]));
    expect([...runIds]).toEqual(['kansa-$(date -u +%Y%m%d)']);
    expect(resolveRunId('kansa-20261202', shards[0])).toBe('kansa-20261202');
    // Separate identities: no quota share.
    for (const job of jobs) expect(argv(job)).not.toContain('--quota-share');
    const identities = jobs.map((job) => Object.keys(job.identity.userAssignedIdentities)[0]);
    expect(new Set(identities).size).toBe(count);
    expect(new Set(jobs.map((job) => job.name)).size).toBe(count);
    for (const job of jobs) {
      const { configuration, template } = job.properties;
      expect(configuration.triggerType).toBe('Schedule');
      expect(configuration.scheduleTriggerConfig).toEqual({
        cronExpression: '0 0 * * *',
        parallelism: 1,
        replicaCompletionCount: 1,
      });
      const store = template.containers[0]!.env.find((e) => e.name === 'KANSA_STORE_URL');
      expect(store).toEqual({ name: 'KANSA_STORE_URL', secretRef: 'store-url' });
      expect(configuration.secrets.map((s) => s.name)).toContain('store-url');
    }
  });
});
