// Live Azure collection against the fake Azure with Resource Graph's real quota (15 queries per
// 5 s window per identity) and 300 ms per call. Three runs: a large tenancy for Resource Graph's
// paging against its quota ceiling (rows per page × allowed queries per second), a
// 5,000-resource tenancy end to end (Resource Graph, site config from its appserviceresources
// table, and the ARM reads: diagnostic settings, SQL auditing and TDE protectors, flexible
// servers' parameters, vault keys, budgets), and a few
// large subscriptions whose ARM phase is bound by ARM's read buckets (250 tokens, 25 a second
// per subscription and principal), measured against what the buckets allow.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import pino from 'pino';
import { createAzureLiveSource } from '../../src/sources/azure/live/index.ts';
import { RESOURCE_GRAPH_QUOTA } from '../../src/sources/azure/live/pacer.ts';
import type { ArmBucketQuota } from '../../tests/fakes/azure/arm-buckets.ts';
import type { Accounting } from '../../tests/fakes/azure/server.ts';
import type { WorkerInput } from '../../tests/fakes/azure/worker.ts';

const LATENCY_MS = 300;
const PAGE_ROWS = 1000;
const CONCURRENCY = 64;
/** ARM's read buckets as documented (250 burst, 25 a second; global 15 times that). */
const ARM_BUCKETS: ArmBucketQuota = { burst: 250, perSecond: 25, globalFactor: 15 };
/** ARM's latency in the bucket-bound run: a GET of a diagnostic-settings list is 100–300 ms. */
const ARM_LATENCY_MS = 200;
/**
 * The bucket-bound run in real time, and at half speed: refill halved and latency doubled,
 * so that the reads in flight a bucket needs (latency × refill) are the same, at half the calls
 * a second. On a loaded machine the real-time run also measures the CPU left to the client;
 * the half-speed one the pacing.
 */
const ARM_SPEEDS = [1, 0.5];

interface Run {
  readonly label: string;
  readonly resources: number;
  readonly ms: number;
  readonly graphCalls: number;
  readonly armCalls: number;
  readonly graphMs: number;
  readonly graphRows: number;
  readonly quotaExceeded: number;
  /** With ARM's buckets: reads each subscription's bucket let through, and the ARM phase. */
  readonly armReads: Record<string, number>;
  readonly armMs: number;
  readonly armThrottled: number;
}

async function run(
  label: string,
  size: { subscriptions: number; resources: number },
  armLatencyMs: number,
  armReads = true,
  armQuota?: ArmBucketQuota,
): Promise<Run> {
  // The fake runs in a worker thread: its HTTPS work must not slow the collector's event loop.
  const input: WorkerInput = {
    size: { seed: 7, ...size },
    options: {
      quota: { requests: RESOURCE_GRAPH_QUOTA.requests, windowMs: RESOURCE_GRAPH_QUOTA.windowMs },
      latencyMs: LATENCY_MS,
      jitterMs: 20,
      armLatencyMs,
      ...(armQuota ? { armQuota } : {}),
    },
  };
  const worker = new Worker(new URL('../../tests/fakes/azure/worker.ts', import.meta.url), {
    workerData: input,
  });
  const [fake] = (await once(worker, 'message')) as [{ endpoint: string; ca: string }];
  try {
    let resources = 0;
    const source = createAzureLiveSource({
      credential: { getToken: async () => ({ token: 'bench', expiresOnTimestamp: Date.now() + 3_600_000 }) },
      endpoint: fake.endpoint,
      tlsCa: fake.ca,
      armReads,
      // The pacer assumes ARM's documented bucket; the half-speed run's is told.
      ...(armQuota ? { armQuota: { burst: armQuota.burst, perSecond: armQuota.perSecond } } : {}),
    });
    const started = performance.now();
    const scopes = await source.collect({
      log: pino({ level: 'silent' }),
      emit: () => resources++,
      progress: () => undefined,
      concurrency: CONCURRENCY,
    });
    const ms = performance.now() - started;
    const failed = scopes.filter((scope) => scope.error);
    if (failed.length > 0) throw new Error(`bench: ${failed.length} scopes failed: ${failed[0]!.error}`);
    worker.postMessage('accounting');
    const [{ accounting }] = (await once(worker, 'message')) as [{ accounting: Accounting }];
    return {
      label,
      resources,
      ms,
      graphCalls: accounting.graph,
      armCalls: accounting.arm,
      graphMs: (accounting.graphLastAt ?? 0) - (accounting.graphFirstAt ?? 0) + LATENCY_MS,
      graphRows: accounting.pageRows.reduce((sum, rows) => sum + rows, 0),
      quotaExceeded: accounting.quotaExceeded,
      armReads: accounting.armReads,
      armMs: (accounting.armLastAt ?? 0) - (accounting.armFirstAt ?? 0),
      armThrottled: accounting.armThrottled,
    };
  } finally {
    worker.postMessage('stop');
    await once(worker, 'exit');
  }
}

/**
 * The quota ceiling: `PAGE_ROWS` rows per query at the quota's steady rate. A run also starts
 * with a full window (15 queries at once), so the best possible time for N queries is
 * (N − 15) × (5 s / 15) plus one call's latency: the schedule ratio compares with that.
 */
function ratios(r: Run) {
  const { requests, windowMs } = RESOURCE_GRAPH_QUOTA;
  const ceilingRowsPerS = PAGE_ROWS * (requests / (windowMs / 1000));
  const rowsPerS = r.graphRows / (r.graphMs / 1000);
  const bestMs = Math.max(0, r.graphCalls - requests) * (windowMs / requests) + LATENCY_MS;
  return { ceilingRowsPerS, rowsPerS, schedule: bestMs / r.graphMs };
}

/**
 * The ARM phase against the read buckets. Subscription s needs n_s reads; its bucket lets B
 * through at once and r a second after that, so the last of them can arrive no sooner than
 * (n_s − B) / r after the first (none later when n_s ≤ B), and be answered one latency L later.
 * The subscriptions' buckets are independent: the whole phase can take no less than
 * best = L + max_s max(0, n_s − B) / r. The phase's time is from the first ARM read arriving at
 * the fake to the last ARM answer. The ratio is best ÷ time: the reads achieved per second
 * against the most the buckets allow for the same reads (1 = every subscription's reads as
 * fast as its bucket lets them through; a read bounced off a bucket is not counted as a read).
 */
function bucketRatio(r: Run, quota: ArmBucketQuota, latencyMs: number) {
  const reads = Object.values(r.armReads);
  const slowest = Math.max(0, ...reads.map((n) => Math.max(0, n - quota.burst) / quota.perSecond));
  const bestMs = latencyMs + slowest * 1000;
  return {
    reads: reads.reduce((sum, n) => sum + n, 0),
    subscriptions: reads.length,
    perSubscription: [Math.min(...reads), Math.max(...reads)],
    bestMs,
    ratio: bestMs / r.armMs,
  };
}

export async function benchAzureLive(): Promise<{ markdown: string }> {
  const runs = [
    await run(
      'Resource Graph only, 100 subscriptions × 60,000 resources',
      { subscriptions: 100, resources: 60_000 },
      LATENCY_MS,
      false,
    ),
    await run(
      'end to end, 50 subscriptions × 5,000 resources',
      { subscriptions: 50, resources: 5_000 },
      LATENCY_MS,
    ),
  ];
  const lines = [
    '## Live Azure collection (fake Azure)',
    '',
    `Resource Graph quota ${RESOURCE_GRAPH_QUOTA.requests} queries / ${RESOURCE_GRAPH_QUOTA.windowMs / 1000} s per identity, ${LATENCY_MS} ms per call (± 20 ms), ${PAGE_ROWS} rows per page, --concurrency ${CONCURRENCY}. Ceiling = rows per page × allowed queries per second.`,
    '',
    '| run | resources | time | resources/s | Resource Graph calls | ARM calls | calls per resource | Graph rows/s | vs ceiling | vs best schedule | 429s |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of runs) {
    const { ceilingRowsPerS, rowsPerS, schedule } = ratios(r);
    const calls = r.graphCalls + r.armCalls;
    lines.push(
      `| ${r.label} | ${r.resources.toLocaleString('en')} | ${(r.ms / 1000).toFixed(1)} s | ${Math.round(
        r.resources / (r.ms / 1000),
      ).toLocaleString(
        'en',
      )} | ${r.graphCalls} | ${r.armCalls.toLocaleString('en')} | ${(calls / r.resources).toFixed(3)} | ${Math.round(
        rowsPerS,
      ).toLocaleString(
        'en',
      )} | ${Math.round((rowsPerS / ceilingRowsPerS) * 100)} % | ${Math.round(schedule * 100)} % | ${r.quotaExceeded} |`,
    );
  }
  lines.push(
    '',
    '"vs ceiling" exceeds 100 % on short runs: the first window\'s 15 queries go at once. "vs best schedule" compares the Resource Graph phase with the fastest the quota allows for the same number of queries. The end-to-end time of a tenancy is bound by the ARM reads (diagnostic settings: one per Key Vault, NSG, AKS cluster and subscription, five per storage account; two GETs per SQL server (auditing settings, TDE protector), a parameters listing per PostgreSQL or MySQL flexible server, a keys listing per vault and a budgets listing per subscription; site config comes from Resource Graph), which --concurrency spreads and the read bucket of each subscription paces.',
  );
  lines.push('', await benchArmBuckets());
  return { markdown: lines.join('\n') };
}

/** A few large subscriptions whose ARM phase the read buckets bind, against what they allow. */
export async function benchArmBuckets(): Promise<string> {
  const rows: string[] = [];
  for (const speed of ARM_SPEEDS) {
    const quota = { ...ARM_BUCKETS, perSecond: ARM_BUCKETS.perSecond * speed };
    const latencyMs = ARM_LATENCY_MS / speed;
    const r = await run(
      'ARM against the read buckets, 6 subscriptions × 4,500 resources',
      { subscriptions: 6, resources: 4_500 },
      latencyMs,
      true,
      quota,
    );
    const buckets = bucketRatio(r, quota, latencyMs);
    rows.push(
      `| ${speed === 1 ? 'real time' : `${speed} ×`} | ${quota.perSecond} / s | ${latencyMs} ms | ${buckets.subscriptions} | ${buckets.reads.toLocaleString('en')} | ${buckets.perSubscription.join('–')} | ${((r.graphCalls + r.armCalls) / r.resources).toFixed(3)} | ${(r.armMs / 1000).toFixed(1)} s | ${(buckets.bestMs / 1000).toFixed(1)} s | ${Math.round(buckets.ratio * 100)} % | ${r.armThrottled} |`,
    );
  }
  const { burst, perSecond, globalFactor } = ARM_BUCKETS;
  return [
    '### ARM phase against the per-subscription read buckets',
    '',
    `ARM's read buckets as documented (per subscription and principal: ${burst} tokens, refilled at ${perSecond} a second; per subscription for all principals ${globalFactor} times that), enforced by the fake, which counts a read when it arrives, answers 429 past a bucket and reports what is left on every answer (\`x-ms-ratelimit-remaining-subscription-reads\`, \`…-global-reads\`). ARM latency ${ARM_LATENCY_MS} ms (+ up to 20 ms), --concurrency ${CONCURRENCY}. Also at half speed: refill halved and latency doubled, the same reads in flight per bucket (latency × refill) at half the calls a second.`,
    '',
    '| speed | refill | ARM latency | subscriptions | ARM reads | reads per subscription | calls per resource | ARM phase | best the buckets allow | vs buckets | 429s |',
    '|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `"best the buckets allow": subscription s needs n_s reads; its bucket lets ${burst} through at once and the refill rate r after that, so its last read can arrive no sooner than (n_s − ${burst}) / r after the first, and is answered one latency L later; the buckets are independent, so the phase takes at least L + max over subscriptions of (n_s − ${burst}) / r. "ARM phase": from the first ARM read arriving at the fake to the last ARM answer. "vs buckets" = best ÷ phase: the reads achieved per second against the most the buckets allow for the same reads (reads bounced with 429 are not counted as reads). The phase starts while Resource Graph's pages still arrive, so reads not yet known count against it.`,
  ].join('\n');
}

// `node bench/live/azure.ts` runs the three; `node bench/live/azure.ts buckets` the last alone.
if (import.meta.main) {
  console.log(process.argv[2] === 'buckets' ? await benchArmBuckets() : (await benchAzureLive()).markdown);
}
