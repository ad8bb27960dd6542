import { createHash } from 'node:crypto';
import type { DeliveryRecord } from './record.ts';

/** What one call to a destination may carry. */
export interface BatchLimits {
  readonly maxRecords: number;
  /** The encoded body, in bytes. */
  readonly maxBytes: number;
  /** Longest string field, in bytes; longer values are cut with a marker (Sentinel: 64 KB per field). */
  readonly maxFieldBytes?: number;
}

export interface Batch {
  readonly records: readonly DeliveryRecord[];
  /** Each record encoded as the destination sends it, in order. */
  readonly encoded: readonly string[];
  readonly bytes: number;
}

/** A record too large to send even alone: reported as rejected, never sent in pieces. */
export interface OversizeRecord {
  readonly record: DeliveryRecord;
  readonly bytes: number;
}

/**
 * Packs records into batches under the destination's limits, in order. `separatorBytes` is what
 * the body adds per record (a comma in a JSON array, nothing for Splunk's concatenated events).
 */
export function packBatches(
  records: Iterable<DeliveryRecord>,
  limits: BatchLimits,
  encode: (record: DeliveryRecord) => string,
  overheadBytes = 2,
  separatorBytes = 1,
): { batches: Batch[]; oversize: OversizeRecord[] } {
  const batches: Batch[] = [];
  const oversize: OversizeRecord[] = [];
  let current: { records: DeliveryRecord[]; encoded: string[]; bytes: number } = empty(overheadBytes);
  for (const original of records) {
    const record = limits.maxFieldBytes ? truncateFields(original, limits.maxFieldBytes) : original;
    const text = encode(record);
    const size = Buffer.byteLength(text) + separatorBytes;
    if (size + overheadBytes > limits.maxBytes) {
      oversize.push({ record, bytes: size });
      continue;
    }
    if (current.records.length >= limits.maxRecords || current.bytes + size > limits.maxBytes) {
      batches.push(current);
      current = empty(overheadBytes);
    }
    current.records.push(record);
    current.encoded.push(text);
    current.bytes += size;
  }
  if (current.records.length > 0) batches.push(current);
  return { batches, oversize };
}

function empty(overheadBytes: number) {
  return { records: [] as DeliveryRecord[], encoded: [] as string[], bytes: overheadBytes };
}

/** Splits a batch in two (a 413 from the receiver): each half is retried on its own. */
export function halves(batch: Batch): [Batch, Batch] {
  const middle = Math.ceil(batch.records.length / 2);
  const part = (from: number, to: number): Batch => {
    const encoded = batch.encoded.slice(from, to);
    return {
      records: batch.records.slice(from, to),
      encoded,
      bytes: encoded.reduce((sum, text) => sum + Buffer.byteLength(text) + 1, 2),
    };
  };
  return [part(0, middle), part(middle, batch.records.length)];
}

/** The marker that replaces the cut end of a value: its full length and SHA-256, so it can be matched. */
function truncated(value: string, maxBytes: number): string {
  const bytes = Buffer.byteLength(value);
  const digest = createHash('sha256').update(value).digest('hex');
  const marker = `…[truncated by kansa: ${bytes} bytes, sha256 ${digest}]`;
  const keep = Buffer.from(value).subarray(0, Math.max(0, maxBytes - Buffer.byteLength(marker)));
  // Drop a multi-byte character cut in half.
  return `${keep.toString('utf8').replace(/\uFFFD$/, '')}${marker}`;
}

/** The record with every string longer than `maxBytes` (at any depth) cut with a marker. */
export function truncateFields(record: DeliveryRecord, maxBytes: number): DeliveryRecord {
  let changed = false;
  const visit = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (value.length * 3 <= maxBytes || Buffer.byteLength(value) <= maxBytes) return value;
      changed = true;
      return truncated(value, maxBytes);
    }
    if (Array.isArray(value)) return value.map(visit);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, visit(inner)]));
    }
    return value;
  };
  const event = visit(record.event) as Record<string, unknown>;
  return changed ? { ...record, event } : record;
}
