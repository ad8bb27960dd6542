import { randomUUID } from 'node:crypto';
import type { Clock } from '../../base/calls/clock.ts';
import type { Batch } from '../batches.ts';
import type { Destination, RecordRejection } from '../deliver.ts';
import { describeHttpFailure, postHttps } from '../https.ts';
import type { DeliveryRecord } from '../record.ts';

export interface SplunkOptions {
  /** The HEC base URL, e.g. `https://splunk.example.jp:8088`. */
  readonly url: string;
  /** The HEC token (from `KANSA_SPLUNK_TOKEN`): sent as `Authorization: Splunk <token>`, never printed. */
  readonly token: string;
  readonly index?: string;
  readonly sourcetype?: string;
  /** Wait for indexer acknowledgement (the token must have it enabled). */
  readonly ack?: boolean;
  readonly clock: Clock;
  /** How long to poll for an acknowledgement before the batch counts as failed. */
  readonly ackTimeoutMs?: number;
  readonly ca?: string;
}

/**
 * Splunk HTTP Event Collector: `POST /services/collector/event` with concatenated event objects
 * (`time`, `host`, `source`, `sourcetype`, `index`, `event`), at most 1 MB a request (HEC's
 * default `max_content_length`). With indexer acknowledgement, a batch counts as sent only once
 * `/services/collector/ack` says the indexers have it.
 * https://docs.splunk.com/Documentation/Splunk/latest/Data/HECRESTendpoints
 * https://docs.splunk.com/Documentation/Splunk/latest/Data/AboutHECIDXAck
 */
export function splunkDestination(options: SplunkOptions): Destination {
  const base = new URL(options.url);
  const channel = randomUUID();
  const headers = {
    authorization: `Splunk ${options.token}`,
    'content-type': 'application/json',
    ...(options.ack ? { 'x-splunk-request-channel': channel } : {}),
  };
  const post = (path: string, body: string, signal: AbortSignal) =>
    postHttps(new URL(path, base), body, { headers, signal, ...(options.ca ? { ca: options.ca } : {}) });
  return {
    name: 'splunk',
    limits: { maxRecords: 10_000, maxBytes: 1_000_000 },
    overheadBytes: 0,
    separatorBytes: 1,
    encode: (record: DeliveryRecord) =>
      JSON.stringify({
        time: Number(record.event['time'] ?? Date.now()) / 1000,
        host: 'kansa',
        source: 'kansa',
        sourcetype: options.sourcetype ?? 'kansa:ocsf:compliance_finding',
        ...(options.index ? { index: options.index } : {}),
        event: record.event,
      }),
    async send(batch: Batch, signal: AbortSignal): Promise<readonly RecordRejection[]> {
      const answer = await post('/services/collector/event', batch.encoded.join('\n'), signal);
      if (!options.ack) return [];
      const ackId = (JSON.parse(answer) as { ackId?: number }).ackId;
      if (ackId === undefined)
        throw new Error('HEC answered without an ackId: is acknowledgement enabled on the token?');
      const deadline = options.clock.now() + (options.ackTimeoutMs ?? 60_000);
      for (let wait = 250; options.clock.now() < deadline; wait = Math.min(wait * 2, 5_000)) {
        const acks = JSON.parse(
          await post('/services/collector/ack', JSON.stringify({ acks: [ackId] }), signal),
        ) as {
          acks?: Record<string, boolean>;
        };
        if (acks.acks?.[String(ackId)] === true) return [];
        await options.clock.sleep(wait, signal);
      }
      throw new Error(`HEC did not acknowledge ackId ${ackId} in time: the batch may not be indexed`);
    },
    describe: (error) => describeHttpFailure(error, 'Splunk HEC', base.origin, [options.token]),
  };
}
