import type { Clock } from '../base/calls/clock.ts';
import { CallError, type CallFailure } from '../base/calls/failure.ts';
import { callWithRetry, type RetryPolicy } from '../base/calls/retry.ts';
import { type Batch, type BatchLimits, halves, packBatches } from './batches.ts';
import type { DeliveryRecord } from './record.ts';
import type { Spool } from './spool.ts';

/** One SOC destination: how it batches, encodes and sends. */
export interface Destination {
  /** `sentinel`, `splunk`, `securityhub`, `webhook`: also the spool folder's name. */
  readonly name: string;
  readonly limits: BatchLimits;
  /** Bytes the body adds around the records, and per record (JSON array: 2 and 1). */
  readonly overheadBytes?: number;
  readonly separatorBytes?: number;
  encode(record: DeliveryRecord): string;
  /**
   * Sends one batch; `signal` aborts it at the attempt's timeout. Throws what `describe` reads.
   * Records the service accepted the call but refused one by one are returned.
   */
  send(batch: Batch, signal: AbortSignal): Promise<readonly RecordRejection[]>;
  /** The destination's reading of a failed call (HTTP status, Retry-After, the service's message). */
  describe(error: unknown): CallFailure;
}

export interface RecordRejection {
  readonly findingId: string;
  readonly message: string;
}

/** What became of a delivery: the findings file's coverage and the terminal summary show it. */
export interface DeliveryReport {
  readonly destination: string;
  /** Records the destination accepted (replayed ones included). */
  sent: number;
  /** Of those, records from earlier runs' spool. */
  replayed: number;
  /** Attempts that were retried (throttling, 5xx, timeouts, resets). */
  retried: number;
  /** Records written to the spool for the next run. */
  spooled: number;
  /** Records the spool dropped to stay under its cap (oldest first). */
  dropped: number;
  /** Records the service refused for good (malformed, or too large alone), with its message. */
  readonly rejected: RecordRejection[];
  /** Why delivery stopped, when it did. */
  error?: string;
}

export interface DeliveryOptions {
  readonly spool: Spool;
  readonly clock: Clock;
  readonly policy: RetryPolicy;
  readonly random?: () => number;
}

/**
 * Delivers records to one destination. What earlier runs spooled goes first, oldest first; then
 * this run's records in batches under the destination's limits. A batch that fails after its
 * retries, or meets a configuration problem (credentials, permissions, a wrong endpoint), is
 * spooled with everything after it, in order; a batch the service calls too large is split;
 * records the service refuses as malformed are reported as rejected (another try would fail
 * the same way).
 */
export async function deliver(
  destination: Destination,
  records: Iterable<DeliveryRecord>,
  options: DeliveryOptions,
): Promise<DeliveryReport> {
  const report: DeliveryReport = {
    destination: destination.name,
    sent: 0,
    replayed: 0,
    retried: 0,
    spooled: 0,
    dropped: 0,
    rejected: [],
  };
  let blocked = false;
  for (const spooled of await options.spool.pending(destination.name)) {
    const { batches, oversize } = pack(destination, spooled.records);
    for (const big of oversize) report.rejected.push(tooLarge(big.record.findingId, big.bytes, destination));
    let delivered = 0;
    for (const batch of batches) {
      const outcome = await sendSplitting(destination, batch, options, report);
      if (outcome.failure) {
        report.error = outcome.failure;
        blocked = true;
        break;
      }
      delivered += batch.records.length;
    }
    if (blocked) break;
    report.replayed += delivered;
    await options.spool.remove(spooled);
  }

  const { batches, oversize } = pack(destination, records);
  for (const big of oversize) report.rejected.push(tooLarge(big.record.findingId, big.bytes, destination));
  for (const batch of batches) {
    if (!blocked) {
      const outcome = await sendSplitting(destination, batch, options, report);
      if (!outcome.failure) continue;
      report.error = outcome.failure;
      blocked = true;
    }
    report.dropped += await options.spool.add(destination.name, batch.records);
    report.spooled += batch.records.length;
  }
  return report;
}

function pack(destination: Destination, records: Iterable<DeliveryRecord>) {
  return packBatches(
    records,
    destination.limits,
    (record) => destination.encode(record),
    destination.overheadBytes,
    destination.separatorBytes,
  );
}

function tooLarge(findingId: string, bytes: number, destination: Destination): RecordRejection {
  return {
    findingId,
    message: `${bytes} bytes encoded, over ${destination.name}'s ${destination.limits.maxBytes}-byte limit per call`,
  };
}

/**
 * Sends one batch with retries. 413 splits it and sends the halves; a malformed-request refusal
 * rejects its records; anything else that is not delivered is the failure returned.
 */
async function sendSplitting(
  destination: Destination,
  batch: Batch,
  options: DeliveryOptions,
  report: DeliveryReport,
): Promise<{ failure?: string }> {
  try {
    const refused = await callWithRetry((signal) => destination.send(batch, signal), {
      policy: options.policy,
      clock: options.clock,
      describe: (error) => destination.describe(error),
      what: `${destination.name} batch of ${batch.records.length}`,
      onRetry: () => {
        report.retried++;
      },
      ...(options.random ? { random: options.random } : {}),
    });
    report.sent += batch.records.length - refused.length;
    report.rejected.push(...refused);
    return {};
  } catch (error) {
    const failure = error instanceof CallError ? error.failure : destination.describe(error);
    if (failure.status === 413) {
      if (batch.records.length === 1) {
        report.rejected.push(...rejectAll(batch, failure));
        return {};
      }
      for (const half of halves(batch)) {
        const outcome = await sendSplitting(destination, half, options, report);
        if (outcome.failure) return outcome;
      }
      return {};
    }
    if (failure.kind === 'client' && failure.status !== 404) {
      report.rejected.push(...rejectAll(batch, failure));
      return {};
    }
    return { failure: `${destination.name}: ${failure.message}` };
  }
}

function rejectAll(batch: Batch, failure: CallFailure): RecordRejection[] {
  return batch.records.map((record) => ({ findingId: record.findingId, message: failure.message }));
}
