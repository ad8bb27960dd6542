import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Batch } from '../batches.ts';
import type { Destination, RecordRejection } from '../deliver.ts';
import { describeHttpFailure, postHttps } from '../https.ts';
import type { DeliveryRecord } from '../record.ts';

export interface WebhookOptions {
  readonly url: string;
  /** The shared secret (from `KANSA_WEBHOOK_SECRET`): signs each request, never printed. */
  readonly secret: string;
  /** Seconds since the epoch, for the signature's timestamp (injected in tests). */
  readonly now?: () => number;
  readonly ca?: string;
}

/**
 * A dashboard that takes a push: `POST` of `{"batch_id", "records": [OCSF events]}` over HTTPS.
 * `X-Kansa-Signature: sha256=<hex>` is the HMAC-SHA256 of `<timestamp>.<body>` with the shared
 * secret and `X-Kansa-Timestamp` the timestamp, so a receiver can reject forged and replayed
 * requests; `Idempotency-Key` (the batch's content hash) lets it drop a retry it already took.
 */
export function webhookDestination(options: WebhookOptions): Destination {
  const url = new URL(options.url);
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  return {
    name: 'webhook',
    limits: { maxRecords: 500, maxBytes: 1_000_000 },
    overheadBytes: 64,
    separatorBytes: 1,
    encode: (record: DeliveryRecord) => JSON.stringify(record.event),
    async send(batch: Batch, signal: AbortSignal): Promise<readonly RecordRejection[]> {
      const records = `[${batch.encoded.join(',')}]`;
      const batchId = createHash('sha256').update(records).digest('hex');
      const body = `{"batch_id":"${batchId}","records":${records}}`;
      const timestamp = String(now());
      const signature = createHmac('sha256', options.secret).update(`${timestamp}.${body}`).digest('hex');
      await postHttps(url, body, {
        headers: {
          'content-type': 'application/json',
          'idempotency-key': batchId,
          'x-kansa-timestamp': timestamp,
          'x-kansa-signature': `sha256=${signature}`,
        },
        signal,
        ...(options.ca ? { ca: options.ca } : {}),
      });
      return [];
    },
    describe: (error) => describeHttpFailure(error, 'webhook', url.origin, [options.secret]),
  };
}

/** The receiver's side of the signature, for dashboards written in JavaScript (and for the tests). */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
  const given = Buffer.from(signature);
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
