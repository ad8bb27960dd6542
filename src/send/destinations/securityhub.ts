import { Agent } from 'node:https';
import {
  type AwsSecurityFinding,
  BatchImportFindingsCommand,
  type ComplianceStatus,
  SecurityHubClient,
  type SecurityHubClientConfig,
  type SeverityLabel,
} from '@aws-sdk/client-securityhub';
import { type CallFailure, oneLine, statusFailure, unansweredFailure } from '../../base/calls/failure.ts';
import type { Batch } from '../batches.ts';
import type { Destination, RecordRejection } from '../deliver.ts';
import type { DeliveryRecord } from '../record.ts';

export interface SecurityHubOptions {
  /** The Region whose Security Hub receives the findings (one aggregation Region is usual). */
  readonly region: string;
  /** The account the findings are imported into (the product ARN's and each finding's account). */
  readonly accountId: string;
  /** Absent: the SDK's default chain. */
  readonly credentials?: SecurityHubClientConfig['credentials'];
  /** A test's fake endpoint. */
  readonly endpoint?: string;
  readonly ca?: string;
}

/** ASFF severity labels by OCSF severity. */
const SEVERITY_LABEL: Readonly<Record<string, SeverityLabel>> = {
  Informational: 'INFORMATIONAL',
  Low: 'LOW',
  Medium: 'MEDIUM',
  High: 'HIGH',
  Critical: 'CRITICAL',
};

/** ASFF Compliance.Status by kansa status. */
const COMPLIANCE_STATUS: Readonly<Record<string, ComplianceStatus>> = {
  PASS: 'PASSED',
  FAIL: 'FAILED',
  UNKNOWN: 'WARNING',
  NOT_APPLICABLE: 'NOT_AVAILABLE',
};

/**
 * AWS Security Hub CSPM `BatchImportFindings` in the AWS Security Finding Format: at most 100
 * findings and 240 KB per finding a call. Each finding's `Id` is kansa's stable finding id, so a
 * rescan updates the finding and never duplicates it; a resolved finding is sent with
 * `Workflow.Status` RESOLVED and `RecordState` ARCHIVED. Findings Security Hub refuses one by one
 * (`FailedFindings`) are reported with its message.
 * https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_BatchImportFindings.html
 * https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-findings-format.html
 */
export function securityHubDestination(options: SecurityHubOptions): Destination {
  const client = new SecurityHubClient({
    region: options.region,
    maxAttempts: 1, // one retry layer: kansa's
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.ca ? { requestHandler: { httpsAgent: new Agent({ ca: options.ca, keepAlive: true }) } } : {}),
  });
  const productArn = `arn:aws:securityhub:${options.region}:${options.accountId}:product/${options.accountId}/default`;
  return {
    name: 'securityhub',
    limits: { maxRecords: 100, maxBytes: 100 * 240 * 1024, maxFieldBytes: 32 * 1024 },
    overheadBytes: 16,
    separatorBytes: 1,
    encode: (record) => JSON.stringify(asffFinding(record, productArn, options)),
    async send(batch: Batch, signal: AbortSignal): Promise<readonly RecordRejection[]> {
      const Findings = batch.encoded.map((text) => JSON.parse(text) as AwsSecurityFinding);
      const answer = await client.send(new BatchImportFindingsCommand({ Findings }), { abortSignal: signal });
      return (answer.FailedFindings ?? []).map((failed) => ({
        findingId: failed.Id ?? '(no id)',
        message: oneLine(
          `Security Hub refused the finding: ${failed.ErrorCode ?? ''} ${failed.ErrorMessage ?? ''}`,
        ),
      }));
    },
    describe: (error) =>
      describeSecurityHubFailure(error, options.endpoint ?? `securityhub.${options.region}`),
  };
}

/** One finding in ASFF: the OCSF event's facts in Security Hub's fields. */
export function asffFinding(
  record: DeliveryRecord,
  productArn: string,
  options: SecurityHubOptions,
): AwsSecurityFinding {
  const event = record.event as Record<string, unknown>;
  const info = (event['finding_info'] ?? {}) as Record<string, unknown>;
  const compliance = (event['compliance'] ?? {}) as Record<string, unknown>;
  const cloud = (event['cloud'] ?? {}) as Record<string, unknown>;
  const kansa = ((event['unmapped'] as Record<string, unknown> | undefined)?.['kansa'] ?? {}) as Record<
    string,
    unknown
  >;
  const resource = ((event['resources'] as Record<string, unknown>[] | undefined) ?? [])[0] ?? {};
  const time = new Date(Number(event['time'] ?? Date.now())).toISOString();
  const resolved = record.state === 'resolved';
  const text = (value: unknown, max: number) => String(value ?? '').slice(0, max) || '-';
  return {
    SchemaVersion: '2018-10-08',
    Id: record.findingId,
    ProductArn: productArn,
    GeneratorId: `kansa/${String(compliance['control'] ?? info['uid'] ?? 'check')}`,
    AwsAccountId: options.accountId,
    Types: ['Software and Configuration Checks/Industry and Regulatory Standards'],
    CreatedAt: time,
    UpdatedAt: time,
    // The event's severity (INFORMATIONAL for a pass, as ASFF defines it), and the check's own in
    // Original, "the native severity from the finding product" (API_Severity).
    Severity: {
      Label: SEVERITY_LABEL[String(event['severity'])] ?? 'INFORMATIONAL',
      ...(kansa['severity'] !== undefined ? { Original: String(kansa['severity']) } : {}),
    },
    Title: text(info['title'], 256),
    Description: text(event['message'], 1024),
    Remediation: {
      Recommendation: {
        Text: text((event['remediation'] as Record<string, unknown> | undefined)?.['desc'], 512),
      },
    },
    Resources: [
      {
        Type: 'Other',
        Id: text(resource['uid'], 512),
        Partition: 'aws',
        Region: text(resource['region'] ?? options.region, 16),
        Details: {
          Other: {
            cloud: text(cloud['provider'], 32),
            account: text((cloud['account'] as Record<string, unknown> | undefined)?.['uid'], 128),
            nativeType: text(resource['type'], 128),
          },
        },
      },
    ],
    Compliance: {
      Status: resolved ? 'PASSED' : (COMPLIANCE_STATUS[String(compliance['status_code'])] ?? 'NOT_AVAILABLE'),
      RelatedRequirements: ((compliance['requirements'] as string[] | undefined) ?? []).slice(0, 32),
    },
    Workflow: { Status: resolved ? 'RESOLVED' : record.state === 'waived' ? 'SUPPRESSED' : 'NEW' },
    RecordState: resolved ? 'ARCHIVED' : 'ACTIVE',
    ProductFields: { 'kansa/ScanId': record.scanId, 'kansa/State': record.state },
  };
}

function describeSecurityHubFailure(error: unknown, endpoint: string): CallFailure {
  const e = error as {
    name?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
    $response?: { headers?: Record<string, string | undefined> };
  };
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined) {
    return statusFailure(
      status,
      (name) => e.$response?.headers?.[name],
      `Security Hub (${endpoint}) answered HTTP ${status} ${e.name ?? ''}: ${e.message ?? ''}`,
      {
        ...(e.name !== undefined ? { code: e.name } : {}),
        throttled: status === 429 || e.name === 'LimitExceededException' || e.name === 'ThrottlingException',
      },
    );
  }
  return unansweredFailure(error, endpoint, `Security Hub (${endpoint})`);
}
