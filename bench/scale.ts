// Issue 17's measurement: an estate of 2,000 Azure subscriptions scanned by 1, 2 and 4 shards,
// each shard a `kansa scan --azure --shard I/N` process (the real CLI; its Azure identity and
// endpoint point at the fake), all at once against one fake Azure in a worker thread. The fake
// enforces Resource Graph's quota per identity (15 queries per 5 s window, by bearer token) in
// real time, with 300 ms per call: the part of a scan that one identity's quota bounds. The ARM
// reads are left out (armReads: false): their bucket is per subscription, which is in one
// shard only, so shards do not share it; on this 2-core machine their thousands of HTTPS calls
// would measure the cores, not the quota (docs/scale-out.md sizes them apart).
//
// `node bench/scale.ts` runs it alone; bench/run.ts calls benchScale().
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readFindings } from '../src/report/read-findings.ts';
import { RESOURCE_GRAPH_QUOTA } from '../src/sources/azure/live/pacer.ts';
import type { Accounting } from '../tests/fakes/azure/server.ts';
import type { WorkerInput } from '../tests/fakes/azure/worker.ts';

const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..');
/** BENCH_SCALE_SCOPES=200 for a quick look; the figure is 2,000. */
export const SCOPES = Number(process.env.BENCH_SCALE_SCOPES ?? 2_000);
/** Rows of the `resources` table: 20 a subscription (resource groups, role assignments and assessments on top). */
const RESOURCES = SCOPES * 20;
const LATENCY_MS = 300;
const CONCURRENCY = 32;

/** What a shard process is told (as JSON in argv) and prints back. */
interface ShardJob {
  readonly endpoint: string;
  readonly caFile: string;
  readonly token: string;
  readonly shard: string;
  readonly quotaShare: number;
  readonly runId: string;
  readonly output: string;
}
interface ShardResult {
  readonly shard: string;
  readonly identity: string;
  readonly ms: number;
  /** CPU time of the process (user + system): what it costs on a core of its own. */
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly subscriptions: number;
  readonly graphQueries: number;
  readonly armCalls: number;
}

/** One shard's process: the real CLI, with the fake's identity and endpoint. */
async function shardProcess(job: ShardJob): Promise<void> {
  const [{ main }, { createAzureLiveSource }, { azureLiveFlags }] = await Promise.all([
    import('../src/cli/main.ts'),
    import('../src/sources/azure/live/index.ts'),
    import('../src/sources/azure/live/flags.ts'),
  ]);
  const tlsCa = readFileSync(job.caFile, 'utf8');
  const real = azureLiveFlags.fromOptions.bind(azureLiveFlags);
  azureLiveFlags.fromOptions = (options) =>
    real(options)
      ? createAzureLiveSource({
          credential: {
            getToken: async () => ({ token: job.token, expiresOnTimestamp: Date.now() + 3_600_000 }),
          },
          endpoint: job.endpoint,
          tlsCa,
          armReads: false,
        })
      : undefined;
  const started = performance.now();
  const code = await main([
    'scan',
    '--azure',
    '--no-store',
    '--shard',
    job.shard,
    '--run-id',
    job.runId,
    '--quota-share',
    String(job.quotaShare),
    '--concurrency',
    String(CONCURRENCY),
    '-o',
    job.output,
  ]);
  const ms = performance.now() - started;
  // maxRSS is in KiB: the process's peak, the scan and the findings file included; CPU in µs.
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stdout.write(`${JSON.stringify({ code, ms, cpuMs, maxRssMb: usage.maxRSS / 1024 })}\n`);
  process.exitCode = code;
}

interface Config {
  readonly label: string;
  readonly shards: number;
  /** Shards per identity: 1 = each shard its own identity; N = all under one (`--quota-share N`). */
  readonly quotaShare: number;
}

interface ConfigRun {
  readonly config: Config;
  readonly wallMs: number;
  readonly shards: ShardResult[];
  readonly accounting: Accounting;
}

async function runConfig(config: Config, fake: { endpoint: string; caFile: string }, dir: string) {
  const jobs = Array.from({ length: config.shards }, (_, i) => ({
    endpoint: fake.endpoint,
    caFile: fake.caFile,
    token: config.quotaShare > 1 ? `${config.label}-shared` : `${config.label}-identity-${i}`,
    shard: `${i}/${config.shards}`,
    quotaShare: config.quotaShare,
    runId: `bench-${config.label}`,
    output: path.join(dir, `${config.shards}-${config.quotaShare}-${i}.json`),
  }));
  const started = performance.now();
  const results = await Promise.all(
    jobs.map(async (job): Promise<ShardResult> => {
      const child = spawn(process.execPath, [SELF, '--shard-process', JSON.stringify(job)], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk;
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk;
      });
      const [code] = (await once(child, 'close')) as [number | null];
      if (code !== 0) throw new Error(`bench: shard ${job.shard} exited ${code}: ${stderr.trim()}`);
      const measured = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
        ms: number;
        cpuMs: number;
        maxRssMb: number;
      };
      const file = await readFindings(job.output);
      const scopes = file.coverage.scopes;
      const subscriptions = scopes.filter((s) => s.scope.startsWith('subscription '));
      return {
        shard: job.shard,
        identity: job.token,
        ms: measured.ms,
        cpuMs: measured.cpuMs,
        maxRssMb: measured.maxRssMb,
        subscriptions: subscriptions.length,
        graphQueries: scopes.find((s) => s.scope === 'resource graph')?.requests ?? 0,
        armCalls: subscriptions.reduce((sum, s) => sum + s.requests, 0),
      };
    }),
  );
  return { wallMs: performance.now() - started, shards: results };
}

/** Quota utilisation of one identity: its queries over what its quota allowed in the run's wall time. */
function utilisation(queries: number, wallMs: number): number {
  const { requests, windowMs } = RESOURCE_GRAPH_QUOTA;
  const allowed = requests + (wallMs / windowMs) * requests;
  return queries / allowed;
}

export async function benchScale(): Promise<{ markdown: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kansa-bench-scale-'));
  const input: WorkerInput = {
    size: { seed: 17, subscriptions: SCOPES, resources: RESOURCES },
    options: {
      quota: { requests: RESOURCE_GRAPH_QUOTA.requests, windowMs: RESOURCE_GRAPH_QUOTA.windowMs },
      latencyMs: LATENCY_MS,
      jitterMs: 20,
    },
  };
  const worker = new Worker(new URL('../tests/fakes/azure/worker.ts', import.meta.url), {
    workerData: input,
  });
  const [started] = (await once(worker, 'message')) as [{ endpoint: string; ca: string }];
  const caFile = path.join(dir, 'ca.pem');
  writeFileSync(caFile, started.ca);
  const configs: Config[] = [
    { label: 'n1', shards: 1, quotaShare: 1 },
    { label: 'n2', shards: 2, quotaShare: 1 },
    { label: 'n4', shards: 4, quotaShare: 1 },
    { label: 'n4-shared', shards: 4, quotaShare: 4 },
  ];
  const runs: ConfigRun[] = [];
  let previous: Accounting | undefined;
  try {
    for (const config of configs) {
      const run = await runConfig(config, { endpoint: started.endpoint, caFile }, dir);
      worker.postMessage('accounting');
      const [{ accounting }] = (await once(worker, 'message')) as [{ accounting: Accounting }];
      // The fake's counts are cumulative: this run's are the difference.
      const since: Accounting = {
        ...accounting,
        graph: accounting.graph - (previous?.graph ?? 0),
        arm: accounting.arm - (previous?.arm ?? 0),
        quotaExceeded: accounting.quotaExceeded - (previous?.quotaExceeded ?? 0),
        armThrottled: accounting.armThrottled - (previous?.armThrottled ?? 0),
      };
      previous = accounting;
      runs.push({ config, ...run, accounting: since });
      console.log(
        `scale ${config.label}: ${(run.wallMs / 1000).toFixed(1)} s, peak RSS ${run.shards.map((s) => s.maxRssMb.toFixed(0)).join('/')} MB`,
      );
    }
  } finally {
    worker.postMessage('stop');
    await once(worker, 'exit');
    rmSync(dir, { recursive: true, force: true });
  }
  return { markdown: markdown(runs) };
}

function markdown(runs: readonly ConfigRun[]): string {
  const base = runs[0]!.wallMs;
  const lines = [
    `## Shards: ${SCOPES.toLocaleString('en')} subscriptions (issue 17)`,
    '',
    `One fake Azure tenancy of ${SCOPES.toLocaleString('en')} subscriptions and ${RESOURCES.toLocaleString('en')} resources (plus resource groups, role assignments, assessments), scanned by N \`kansa scan --azure --shard I/N\` processes at once (the real CLI, findings file written, no store), --concurrency ${CONCURRENCY} each. The fake enforces Resource Graph's real quota, ${RESOURCE_GRAPH_QUOTA.requests} queries per ${RESOURCE_GRAPH_QUOTA.windowMs / 1000} s per identity (bearer token), in real time, ${LATENCY_MS} ms per call, 1,000 rows a page. The ARM reads are off (their bucket is per subscription, never shared by shards); the wall time is the Resource Graph phase plus each process's start, discovery, evaluation and findings file. The machine has ${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores shared with other work: shards compete for them.`,
    '',
    '| shards | identities | wall | speed-up | per shard: subscriptions | CPU s | peak RSS MB | Resource Graph queries | ARM calls | quota used per identity | 429s |',
    '|---:|---|---:|---:|---|---|---|---|---:|---|---:|',
  ];
  for (const run of runs) {
    const { config, shards } = run;
    const identities =
      config.quotaShare > 1 ? `1 (--quota-share ${config.quotaShare})` : String(config.shards);
    const byIdentity = new Map<string, number>();
    for (const s of shards) byIdentity.set(s.identity, (byIdentity.get(s.identity) ?? 0) + s.graphQueries);
    const used = [...byIdentity.values()].map((q) => `${Math.round(utilisation(q, run.wallMs) * 100)} %`);
    lines.push(
      `| ${config.shards} | ${identities} | ${(run.wallMs / 1000).toFixed(1)} s | ${(base / run.wallMs).toFixed(2)}× | ${shards.map((s) => s.subscriptions).join(' / ')} | ${shards.map((s) => (s.cpuMs / 1000).toFixed(1)).join(' / ')} | ${shards.map((s) => s.maxRssMb.toFixed(0)).join(' / ')} | ${shards.map((s) => s.graphQueries).join(' / ')} | ${run.accounting.arm.toLocaleString('en')} | ${used.join(' / ')} | ${run.accounting.quotaExceeded} |`,
    );
  }
  lines.push(
    '',
    '"CPU s": each shard process\'s CPU time (user + system), what it needs on a core of its own; with more shards than free cores the wall time is bound by the cores, not the quota. "quota used per identity": the Resource Graph queries of the identity over what its quota allowed during the run’s wall time (a first window of 15, then 3 a second). Each shard discovers the subscriptions (one listing) and then reads only its own. The findings of the shards together are those of the single process (tests/scale/processes.test.ts checks it on a small tenancy).',
  );
  return lines.join('\n');
}

if (process.argv[1] === SELF) {
  if (process.argv[2] === '--shard-process') await shardProcess(JSON.parse(process.argv[3]!) as ShardJob);
  else console.log((await benchScale()).markdown);
}
