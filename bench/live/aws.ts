// The live AWS collector against the fake AWS with realistic latency and a Config request
// quota: resources/s, API calls per resource, and Config's busiest second against the quota.
// `node bench/live/aws.ts` prints the section; bench/run.ts calls benchAwsLive().
import { pino } from 'pino';
import { readInventory } from '../../src/scan/read-inventory.ts';
import { awsLiveSource } from '../../src/sources/aws/live/index.ts';
import { generateScenario } from '../../tests/fakes/aws/scenario.ts';
import { startFakeAws } from '../../tests/fakes/aws/server.ts';

/** Round trip of one API call from a scanner in the same region (measured ~30–80 ms). */
const LATENCY_MS = 40;
/**
 * Config requests per second per account, region and operation before ThrottlingException.
 * AWS publishes no per-API rate for Config (Service Quotas lists none): an assumed ceiling.
 */
const CONFIG_RATE = 8;

export interface BenchOptions {
  readonly accounts?: number;
  readonly resourcesPerRegion?: number;
  readonly concurrency?: number;
}

export async function benchAwsLive(options: BenchOptions = {}): Promise<{ markdown: string }> {
  const accounts = options.accounts ?? 20;
  const resourcesPerRegion = options.resourcesPerRegion ?? 400;
  const concurrency = options.concurrency ?? 32;
  const scenario = generateScenario({ seed: 2026, accounts, resourcesPerRegion, usersPerAccount: 20 });
  const fake = await startFakeAws(scenario, { latencyMs: LATENCY_MS, configRatePerSecond: CONFIG_RATE });
  try {
    const source = awsLiveSource(
      { roleArn: 'arn:aws:iam::{account}:role/KansaAudit', accounts: scenario.accounts.map((a) => a.id) },
      // The SDK's own adaptive retry (real backoff): only the endpoint and keys are the fake's.
      { credentials: fake.credentials, endpoint: fake.endpoint },
    );
    const started = performance.now();
    const read = await readInventory({ inputs: [], live: [source], concurrency }, pino({ level: 'silent' }));
    const seconds = (performance.now() - started) / 1000;
    const resources = read.scopes.reduce((n, s) => n + s.resources, 0);
    const calls = fake.stats.total;
    const gaps = read.scopes.filter((s) => s.error && !/records only some/.test(s.error)).length;
    const rows = [
      ['estate', `${accounts} accounts × ${scenario.regions.length} regions`],
      ['resources read', String(resources)],
      ['wall time', `${seconds.toFixed(1)} s`],
      ['resources/s', (resources / seconds).toFixed(0)],
      ['API calls (retries included)', String(calls)],
      ['calls per resource', (calls / resources).toFixed(3)],
      ['throttled replies', String(fake.stats.throttled)],
      [
        'busiest Config second / quota',
        `${fake.stats.maxPerSecond} / ${CONFIG_RATE} req/s per account × region × operation`,
      ],
      ['scopes with gaps', String(gaps)],
    ];
    const markdown = [
      '### Live AWS (fake AWS, real SDK clients)',
      '',
      `Latency ${LATENCY_MS} ms per call, Config quota ${CONFIG_RATE} req/s (assumed), --concurrency ${concurrency}. ` +
        'Config SELECT lists 100 resources a call and BatchGetResourceConfig reads 100 items a call; ' +
        'the credential report covers every IAM user of an account in two calls.',
      '',
      '| measure | value |',
      '|---|---|',
      ...rows.map(([k, v]) => `| ${k} | ${v} |`),
      '',
    ].join('\n');
    return { markdown };
  } finally {
    await fake.close();
  }
}

if (import.meta.main) {
  const { markdown } = await benchAwsLive();
  process.stdout.write(markdown);
}
