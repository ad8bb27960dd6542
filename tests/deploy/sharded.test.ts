import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseShard } from '../../src/scan/shard.ts';

const DEPLOY = path.resolve(import.meta.dirname, '../../deploy');

describe('deploy/kubernetes/indexed-job.yaml', () => {
  it('a CronJob of an Indexed Job: N pods, each one shard of N, one run id, the store URL from a Secret', async () => {
    const docs = parseAllDocuments(
      await readFile(path.join(DEPLOY, 'kubernetes/indexed-job.yaml'), 'utf8'),
    ).map((d) => {
      expect(d.errors).toEqual([]);
      return d.toJS() as { kind: string };
    });
    expect(docs.map((d) => d.kind)).toEqual(['ServiceAccount', 'CronJob']);
    const [sa, cron] = docs;
    expect(() =>
      new ServiceAccount(sa as ConstructorParameters<typeof ServiceAccount>[0]).validate(),
    ).not.toThrow();
    const cronJob = new CronJob(cron as ConstructorParameters<typeof CronJob>[0]);
    expect(() => cronJob.validate()).not.toThrow();
    expect(cronJob.spec!.concurrencyPolicy).toBe('Forbid');

    const job = cronJob.spec!.jobTemplate.spec!;
    expect(job.completionMode).toBe('Indexed');
    const n = job.completions!;
    expect(job.parallelism).toBe(n);
    const pod = job.template.spec!;
    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    expect(job.template.metadata?.labels?.['azure.workload.identity/use']).toBe('true');
    const [container] = pod.containers;
    const args = container!.args!;
    const flag = (name: string) => args[args.indexOf(name) + 1];
    expect(args[0]).toBe('scan');
    // Every index the Job gives its pods is a valid shard, and together they are all N shards.
    const shards = Array.from({ length: n }, (_, i) =>
      parseShard(flag('--shard')!, { JOB_COMPLETION_INDEX: `${i}` }),
    );
    expect(shards).toEqual(Array.from({ length: n }, (_, index) => ({ index, count: n })));
    // The pods share one identity: each paces at 1/N of its quota.
    expect(flag('--quota-share')).toBe(`${n}`);

    const env = new Map(container!.env!.map((e) => [e.name, e]));
    expect(env.get('KANSA_RUN_ID')?.valueFrom?.fieldRef?.fieldPath).toBe(
      "metadata.labels['batch.kubernetes.io/job-name']",
    );
    expect(env.get('KANSA_STORE_URL')?.valueFrom?.secretKeyRef).toEqual({ name: 'kansa-store', key: 'url' });
    expect(env.get('KANSA_STORE_URL')?.value).toBeUndefined();
  });
});
