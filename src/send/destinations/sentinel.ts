import type { TokenCredential } from '@azure/core-auth';
import { isRestError } from '@azure/core-rest-pipeline';
import { DefaultAzureCredential } from '@azure/identity';
import { isAggregateLogsUploadError, LogsIngestionClient } from '@azure/monitor-ingestion';
import { type CallFailure, statusFailure, unansweredFailure } from '../../base/calls/failure.ts';
import type { Batch } from '../batches.ts';
import type { Destination, RecordRejection } from '../deliver.ts';
import type { DeliveryRecord } from '../record.ts';

export interface SentinelOptions {
  /** The data collection endpoint, or the DCR's own logs ingestion endpoint. */
  readonly endpoint: string;
  /** The DCR's immutable id (`dcr-…`). */
  readonly ruleId: string;
  /** The DCR's input stream. */
  readonly stream: string;
  /** Absent: DefaultAzureCredential (managed identity, workload identity, az login). */
  readonly credential?: TokenCredential;
  readonly ca?: string;
}

export const DEFAULT_SENTINEL_STREAM = 'Custom-KansaFindings_CL';

/**
 * Microsoft Sentinel through the Azure Monitor Logs Ingestion API (the HTTP Data Collector API
 * is retired), with DefaultAzureCredential and the role Monitoring Metrics Publisher on the DCR.
 * Calls stay under 1 MB and each field under 64 KB (cut with a marker). The SDK's own retry is
 * off: kansa's one retry layer honours Retry-After and spools what does not get through.
 * The stream's columns are in deploy/sentinel/ (the DCR sets TimeGenerated from `Time`).
 * https://learn.microsoft.com/azure/azure-monitor/logs/logs-ingestion-api-overview
 * https://learn.microsoft.com/azure/azure-monitor/service-limits#logs-ingestion-api
 */
export function sentinelDestination(options: SentinelOptions): Destination {
  const credential = options.credential ?? new DefaultAzureCredential();
  const client = new LogsIngestionClient(options.endpoint, credential, {
    retryOptions: { maxRetries: 0 },
    ...(options.ca ? { tlsOptions: { ca: options.ca } } : {}),
  });
  const endpoint = new URL(options.endpoint).origin;
  return {
    name: 'sentinel',
    // The SDK cuts at 1 MB of uncompressed JSON; staying under it keeps one request per batch.
    limits: { maxRecords: 5_000, maxBytes: 900_000, maxFieldBytes: 60 * 1024 },
    encode: (record) => JSON.stringify(streamRow(record)),
    async send(batch: Batch, signal: AbortSignal): Promise<readonly RecordRejection[]> {
      const rows = batch.encoded.map((text) => JSON.parse(text) as Record<string, unknown>);
      await client.upload(options.ruleId, options.stream, rows, { abortSignal: signal, maxConcurrency: 1 });
      return [];
    },
    describe: (error) => describeSentinelFailure(error, endpoint),
  };
}

/** One row of the stream: the columns a workbook filters on (null when the event has none), and the whole OCSF event. */
function streamRow(record: DeliveryRecord): Record<string, unknown> {
  const event = record.event as Record<string, Record<string, unknown> | unknown>;
  const compliance = (event['compliance'] ?? {}) as Record<string, unknown>;
  const cloud = (event['cloud'] ?? {}) as Record<string, unknown>;
  const resources = (event['resources'] ?? []) as Record<string, unknown>[];
  return {
    Time: new Date(Number(event['time'] ?? Date.now())).toISOString(),
    FindingId: record.findingId,
    ScanId: record.scanId,
    State: record.state,
    Severity: event['severity'] ?? null,
    ComplianceStatus: compliance['status_code'] ?? null,
    CheckId: compliance['control'] ?? null,
    Requirements: compliance['requirements'] ?? null,
    Standard: (compliance['standards'] as unknown[] | undefined)?.[0] ?? null,
    Cloud: cloud['provider'] ?? null,
    Account: (cloud['account'] as Record<string, unknown> | undefined)?.['uid'] ?? null,
    Region: cloud['region'] ?? null,
    ResourceId: resources[0]?.['uid'] ?? null,
    Message: event['message'] ?? null,
    Event: record.event,
  };
}

function describeSentinelFailure(error: unknown, endpoint: string): CallFailure {
  const cause = isAggregateLogsUploadError(error) ? (error.errors[0]?.cause ?? error) : error;
  if (isRestError(cause) && cause.statusCode !== undefined) {
    const status = cause.statusCode;
    return statusFailure(
      status,
      (name) => cause.response?.headers.get(name),
      `Logs Ingestion API (${endpoint}) answered HTTP ${status}: ${cause.message}`,
    );
  }
  return unansweredFailure(cause, endpoint, `Logs Ingestion API (${endpoint})`);
}
