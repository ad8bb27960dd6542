import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/base/calls/clock.ts';
import type { RetryPolicy } from '../../src/base/calls/retry.ts';
import { type Destination, deliver } from '../../src/send/deliver.ts';
import { securityHubDestination } from '../../src/send/destinations/securityhub.ts';
import { sentinelDestination } from '../../src/send/destinations/sentinel.ts';
import { splunkDestination } from '../../src/send/destinations/splunk.ts';
import { verifyWebhookSignature, webhookDestination } from '../../src/send/destinations/webhook.ts';
import { type DeliveryRecord, deliveryRecord } from '../../src/send/record.ts';
import { Spool } from '../../src/send/spool.ts';
import { FakeSoc } from '../fakes/soc/server.ts';

const POLICY: RetryPolicy = { attempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, timeoutMs: 5_000 };

/**
 * Virtual time for backoffs and Retry-After; attempt timeouts stay real, capped at `timeoutCapMs`:
 * the policy's 5 s, so that a loaded machine never turns a slow answer into a timeout, or 200 ms
 * where a test waits out an answer that never comes.
 */
function testClock(timeoutCapMs = POLICY.timeoutMs): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
    timeout: (ms) => AbortSignal.timeout(Math.min(ms, timeoutCapMs)),
  };
}

const SECRET_TOKEN = 'hec-token-never-printed-5b1e';

function records(count: number, scanId = 'scan-1', size = 50): DeliveryRecord[] {
  return Array.from({ length: count }, (_, i) =>
    deliveryRecord(
      {
        class_uid: 2003,
        time: 1_764_547_200_000,
        severity: 'High',
        message: `finding ${i} ${'x'.repeat(size)}`,
        finding_info: { uid: `f-${i}`, title: `check ${i}` },
        compliance: {
          control: 'aws.s3.bucket-public-access',
          requirements: ['OSK-3.1'],
          status_code: 'FAIL',
        },
        cloud: { provider: 'AWS', region: 'ap-northeast-1', account: { uid: '111122223333' } },
        resources: [{ uid: `arn:aws:s3:::bucket-${i}`, type: 'AWS::S3::Bucket', region: 'ap-northeast-1' }],
      },
      `f-${i}`,
      scanId,
      'new',
    ),
  );
}

let soc: FakeSoc;
let spoolDir: string;
beforeAll(async () => {
  soc = await FakeSoc.start();
});
afterAll(async () => soc.stop());
beforeEach(() => {
  spoolDir = mkdtempSync(path.join(tmpdir(), 'kansa-spool-'));
  soc.received.length = 0;
  soc.faults.length = 0;
  soc.webhookBatches.clear();
  soc.maxBodyBytes = 4 * 1024 * 1024;
});
afterEach(() => rmSync(spoolDir, { recursive: true, force: true }));

const destinations: Record<string, () => Destination> = {
  splunk: () =>
    splunkDestination({ url: soc.url, token: SECRET_TOKEN, ack: true, clock: testClock(), ca: soc.ca }),
  webhook: () => webhookDestination({ url: `${soc.url}/hook`, secret: 'hmac-secret', ca: soc.ca }),
  sentinel: () =>
    sentinelDestination({
      endpoint: soc.url,
      ruleId: 'dcr-00000000000000000000000000000000',
      stream: 'Custom-KansaFindings_CL',
      credential: {
        getToken: async () => ({ token: 'entra-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
      },
      ca: soc.ca,
    }),
  securityhub: () =>
    securityHubDestination({
      region: 'ap-northeast-1',
      accountId: '111122223333',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      endpoint: soc.url,
      ca: soc.ca,
    }),
};

/** The finding ids a destination's fake received, in the order they arrived. */
function receivedIds(name: string): string[] {
  if (name === 'splunk')
    return soc
      .bodies('/services/collector/event')
      .flatMap((body) =>
        body
          .split('\n')
          .map(
            (line) =>
              (JSON.parse(line) as { event: { finding_info: { uid: string } } }).event.finding_info.uid,
          ),
      );
  if (name === 'webhook')
    return [...soc.webhookBatches.values()].flatMap((body) =>
      (JSON.parse(body) as { records: { finding_info: { uid: string } }[] }).records.map(
        (r) => r.finding_info.uid,
      ),
    );
  if (name === 'sentinel')
    return soc
      .bodies('/dataCollectionRules/')
      .flatMap((body) => (JSON.parse(body) as { FindingId: string }[]).map((r) => r.FindingId));
  return soc
    .bodies('/findings/import')
    .flatMap((body) => (JSON.parse(body) as { Findings: { Id: string }[] }).Findings.map((f) => f.Id));
}

describe.each(Object.keys(destinations))('delivery to %s', (name) => {
  const make = () => destinations[name]!();

  it('delivers every record once, in batches under the limits', async () => {
    const destination = make();
    const report = await deliver(destination, records(250), {
      spool: new Spool(spoolDir),
      clock: testClock(),
      policy: POLICY,
    });
    expect(report).toMatchObject({ sent: 250, spooled: 0, rejected: [] });
    expect(receivedIds(name).sort()).toEqual(
      records(250)
        .map((r) => r.findingId)
        .sort(),
    );
    for (const request of soc.received)
      expect(Buffer.byteLength(request.body)).toBeLessThanOrEqual(destination.limits.maxBytes);
  });

  it('honours Retry-After on 429 and retries a 500', async () => {
    soc.faults.push({ status: 429, retryAfter: '7' }, { status: 500 });
    const clock = testClock();
    const report = await deliver(make(), records(3), { spool: new Spool(spoolDir), clock, policy: POLICY });
    expect(report).toMatchObject({ sent: 3, retried: 2, spooled: 0 });
    expect(clock.slept[0]).toBeGreaterThanOrEqual(7_000);
    expect(receivedIds(name)).toHaveLength(3);
  });

  it('spools what fails after its retries, and the next run sends it first, oldest first', async () => {
    soc.faults.push({ status: 503 }, { status: 503 }, { status: 503 });
    const first = await deliver(make(), records(2, 'scan-1'), {
      spool: new Spool(spoolDir),
      clock: testClock(),
      policy: POLICY,
    });
    expect(first).toMatchObject({ sent: 0, spooled: 2 });
    expect(first.error).toMatch(/503/);
    expect(readdirSync(path.join(spoolDir, name))).toHaveLength(1);

    const second = await deliver(
      make(),
      records(1, 'scan-2').map((r) => ({ ...r, findingId: 'later' })),
      {
        spool: new Spool(spoolDir),
        clock: testClock(),
        policy: POLICY,
      },
    );
    expect(second).toMatchObject({ replayed: 2, sent: 3, spooled: 0 });
    expect(readdirSync(path.join(spoolDir, name))).toEqual([]);
    const ids = receivedIds(name);
    expect(ids.slice(0, 2).sort()).toEqual(['f-0', 'f-1']);
  });

  it('gives up on an answer that never comes within the attempt timeout, and spools', async () => {
    soc.faults.push('hang', 'hang', 'hang');
    const report = await deliver(make(), records(1), {
      spool: new Spool(spoolDir),
      clock: testClock(200),
      policy: POLICY,
    });
    expect(report).toMatchObject({ sent: 0, spooled: 1 });
    expect(report.error).toMatch(/no answer within/);
  });
});

describe('nothing doubled, nothing lost at the edges', () => {
  it('a connection reset after the webhook took the batch is retried with the same Idempotency-Key: no duplicate', async () => {
    soc.faults.push('reset-after-body');
    const report = await deliver(destinations['webhook']!(), records(5), {
      spool: new Spool(spoolDir),
      clock: testClock(),
      policy: POLICY,
    });
    expect(report).toMatchObject({ sent: 5, retried: 1 });
    expect(soc.received).toHaveLength(2);
    expect(receivedIds('webhook').sort()).toEqual(['f-0', 'f-1', 'f-2', 'f-3', 'f-4']);
  });

  it('a 413 splits the batch and sends the halves', async () => {
    soc.maxBodyBytes = 2_500;
    const report = await deliver(destinations['splunk']!(), records(20), {
      spool: new Spool(spoolDir),
      clock: testClock(),
      policy: POLICY,
    });
    expect(report).toMatchObject({ sent: 20, spooled: 0, rejected: [] });
    expect(soc.received.some((r) => !r.answered)).toBe(true);
    expect(new Set(receivedIds('splunk')).size).toBe(20);
  });

  it('Sentinel: a field over 64 KB is cut with a marker; the call stays under 1 MB', async () => {
    const [big] = records(1, 'scan-1', 200_000);
    const report = await deliver(destinations['sentinel']!(), [big!], {
      spool: new Spool(spoolDir),
      clock: testClock(),
      policy: POLICY,
    });
    expect(report.sent).toBe(1);
    const row = (JSON.parse(soc.bodies('/dataCollectionRules/')[0]!) as { Message: string }[])[0]!;
    expect(Buffer.byteLength(row.Message)).toBeLessThanOrEqual(60 * 1024);
    expect(row.Message).toMatch(/…\[truncated by kansa: \d+ bytes, sha256 [0-9a-f]{64}\]$/);
  });

  it('Security Hub: at most 100 findings a call; a finding refused alone is reported with the service message', async () => {
    const batch = records(150);
    batch[7] = { ...batch[7]!, event: { ...batch[7]!.event, finding_info: { uid: 'f-7', title: 'REFUSE' } } };
    const report = await deliver(destinations['securityhub']!(), batch, {
      spool: new Spool(spoolDir),
      clock: testClock(),
      policy: POLICY,
    });
    expect(report.sent).toBe(149);
    expect(report.rejected).toEqual([{ findingId: 'f-7', message: expect.stringContaining('InvalidInput') }]);
    const calls = soc
      .bodies('/findings/import')
      .map((b) => (JSON.parse(b) as { Findings: unknown[] }).Findings.length);
    expect(Math.max(...calls)).toBeLessThanOrEqual(100);
  });

  it('Security Hub: a resolved finding is sent RESOLVED and ARCHIVED under the same id', async () => {
    const resolved = deliveryRecord(records(1)[0]!.event, 'f-0', 'scan-2', 'resolved');
    await deliver(destinations['securityhub']!(), [resolved], {
      spool: new Spool(spoolDir),
      clock: testClock(),
      policy: POLICY,
    });
    const finding = (
      JSON.parse(soc.bodies('/findings/import')[0]!) as { Findings: Record<string, unknown>[] }
    ).Findings[0]!;
    expect(finding).toMatchObject({
      Id: 'f-0',
      Workflow: { Status: 'RESOLVED' },
      RecordState: 'ARCHIVED',
      Compliance: { Status: 'PASSED' },
    });
  });

  it('the webhook signature verifies with the secret, and fails with another or after the tolerance', async () => {
    await deliver(destinations['webhook']!(), records(1), {
      spool: new Spool(spoolDir),
      clock: testClock(),
      policy: POLICY,
    });
    const request = soc.received[0]!;
    const timestamp = String(request.headers['x-kansa-timestamp']);
    const signature = String(request.headers['x-kansa-signature']);
    const now = Number(timestamp);
    expect(verifyWebhookSignature('hmac-secret', timestamp, request.body, signature, now)).toBe(true);
    expect(verifyWebhookSignature('other-secret', timestamp, request.body, signature, now)).toBe(false);
    expect(verifyWebhookSignature('hmac-secret', timestamp, request.body, signature, now + 3_600)).toBe(
      false,
    );
  });

  it('secrets never reach a report: a 401 message carries no token', async () => {
    soc.faults.push({ status: 401, body: `{"text":"Invalid token Splunk ${SECRET_TOKEN}"}` });
    const report = await deliver(destinations['splunk']!(), records(1), {
      spool: new Spool(spoolDir),
      clock: testClock(),
      policy: POLICY,
    });
    expect(report.spooled).toBe(1);
    expect(JSON.stringify(report)).not.toContain(SECRET_TOKEN);
  });

  it('the spool keeps under its cap by dropping the oldest batches, and counts them', async () => {
    const spool = new Spool(spoolDir, 3_000);
    soc.faults.push(...Array.from({ length: 30 }, () => ({ status: 503 })));
    const first = await deliver(destinations['webhook']!(), records(5, 'scan-1'), {
      spool,
      clock: testClock(),
      policy: POLICY,
    });
    const second = await deliver(destinations['webhook']!(), records(5, 'scan-2'), {
      spool,
      clock: testClock(),
      policy: POLICY,
    });
    expect(first.spooled + second.spooled).toBe(10);
    expect(second.dropped).toBeGreaterThan(0);
  });
});
