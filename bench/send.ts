import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemClock } from '../src/base/calls/clock.ts';
import { DEFAULT_RETRY_POLICY } from '../src/base/calls/retry.ts';
import { type Destination, deliver } from '../src/send/deliver.ts';
import { securityHubDestination } from '../src/send/destinations/securityhub.ts';
import { sentinelDestination } from '../src/send/destinations/sentinel.ts';
import { splunkDestination } from '../src/send/destinations/splunk.ts';
import { webhookDestination } from '../src/send/destinations/webhook.ts';
import { type DeliveryRecord, deliveryRecord } from '../src/send/record.ts';
import { Spool } from '../src/send/spool.ts';
import { FakeSoc } from '../tests/fakes/soc/server.ts';

/** A round trip to a SOC service over the internet from Japan: about 100 ms. */
const LATENCY_MS = 100;
const RECORDS = 20_000;

/** What each service documents as its ceiling, in records per second (where it documents one). */
const CEILINGS: Record<string, { perSecond?: number; source: string }> = {
  securityhub: {
    perSecond: 10 * 100,
    source: 'BatchImportFindings: 10 requests/s (burst 30) × 100 findings',
  },
  sentinel: {
    perSecond: (12_000 / 60) * 1_000,
    source: 'Logs Ingestion API: 12,000 requests/min per DCR × ~1,000 records of ~0.9 KB per 1 MB call',
  },
  splunk: { source: 'HEC: no fixed limit (sized by the indexers)' },
  webhook: { source: 'the receiver’s' },
};

function records(count: number): DeliveryRecord[] {
  return Array.from({ length: count }, (_, i) =>
    deliveryRecord(
      {
        class_uid: 2003,
        time: 1_764_547_200_000,
        severity: 'High',
        message: `Bucket bucket-${i} is public: the bucket policy allows anyone (PublicRead: Principal "*" with no condition)`,
        finding_info: { uid: `finding-${i}`, title: 'S3 buckets are not public' },
        compliance: {
          control: 'aws.s3.bucket-public-access',
          requirements: ['OSK-3.1'],
          status_code: 'FAIL',
        },
        cloud: { provider: 'AWS', region: 'ap-northeast-1', account: { uid: '111122223333' } },
        resources: [{ uid: `arn:aws:s3:::bucket-${i}`, type: 'AWS::S3::Bucket', region: 'ap-northeast-1' }],
      },
      `finding-${i}`,
      'bench-scan',
      'new',
    ),
  );
}

/**
 * Delivery throughput to each destination's fake over HTTPS with a 100 ms round trip, one batch
 * in flight at a time (kansa keeps order for the spool), against the service's own ceiling.
 */
export async function benchSend(): Promise<{ markdown: string }> {
  const soc = await FakeSoc.start();
  soc.latencyMs = LATENCY_MS;
  const spoolDir = mkdtempSync(path.join(tmpdir(), 'kansa-bench-spool-'));
  const destinations: Record<string, Destination> = {
    securityhub: securityHubDestination({
      region: 'ap-northeast-1',
      accountId: '111122223333',
      credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' },
      endpoint: soc.url,
      ca: soc.ca,
    }),
    sentinel: sentinelDestination({
      endpoint: soc.url,
      ruleId: 'dcr-bench',
      stream: 'Custom-KansaFindings_CL',
      credential: { getToken: async () => ({ token: 'bench', expiresOnTimestamp: Date.now() + 3_600_000 }) },
      ca: soc.ca,
    }),
    splunk: splunkDestination({ url: soc.url, token: 'bench', clock: systemClock, ca: soc.ca }),
    webhook: webhookDestination({ url: `${soc.url}/hook`, secret: 'bench', ca: soc.ca }),
  };
  const rows: string[] = [];
  try {
    for (const [name, destination] of Object.entries(destinations)) {
      soc.received.length = 0;
      const started = performance.now();
      const report = await deliver(destination, records(RECORDS), {
        spool: new Spool(spoolDir),
        clock: systemClock,
        policy: DEFAULT_RETRY_POLICY,
      });
      const seconds = (performance.now() - started) / 1000;
      const rate = report.sent / seconds;
      const ceiling = CEILINGS[name]!;
      const share = ceiling.perSecond ? `${((rate / ceiling.perSecond) * 100).toFixed(0)} %` : '—';
      rows.push(
        `| ${name} | ${report.sent.toLocaleString('en')} | ${soc.received.length} | ${seconds.toFixed(1)} s | ${Math.round(rate).toLocaleString('en')} | ${ceiling.perSecond?.toLocaleString('en') ?? '—'} | ${share} | ${ceiling.source} |`,
      );
    }
  } finally {
    await soc.stop();
    rmSync(spoolDir, { recursive: true, force: true });
  }
  return {
    markdown: [
      '## SOC delivery against the fakes',
      '',
      `${RECORDS.toLocaleString('en')} OCSF records to each destination's fake over HTTPS, ${LATENCY_MS} ms per round trip, one batch in flight (order is kept for the spool).`,
      '',
      '| destination | records | calls | time | records/s | documented ceiling (records/s) | share | ceiling from |',
      '|---|---:|---:|---:|---:|---:|---:|---|',
      ...rows,
      '',
    ].join('\n'),
  };
}

if (import.meta.filename === process.argv[1]) {
  process.stdout.write((await benchSend()).markdown);
}
