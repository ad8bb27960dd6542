import type { CheckStatus, Severity } from '../../../src/checks/check.ts';
import type { Provider } from '../../../src/model/resource.ts';
import type { StatusCounts } from '../../../src/report/summary.ts';
import { type Finding, findingId } from '../../../src/scan/finding.ts';
import type { SqlEngine } from '../../../src/store/engine.ts';
import { type RecordedScan, ScanRecording, type ScanToRecord } from '../../../src/store/record.ts';

/** A synthetic finding: check + resource, with a status and severity (and evidence value). */
export interface Seen {
  readonly check: string;
  readonly resource: string;
  readonly status: CheckStatus;
  readonly severity?: Severity;
  readonly account?: string;
  readonly provider?: Provider;
  readonly evidence?: unknown;
  /** The id of a waiver accepting this failure. */
  readonly waiver?: string;
}

export function finding(s: Seen): Finding {
  const provider = s.provider ?? 'azure';
  const text = { ja: s.check, en: s.check };
  return {
    id: findingId(s.check, provider, s.resource),
    checkId: s.check,
    requirements: ['OSK-3.1'],
    clauses: ['c'],
    status: s.status,
    severity: s.severity ?? 'high',
    title: text,
    messageId: 'text',
    data: undefined,
    message: text,
    resource: {
      provider,
      account: s.account ?? 'sub-1',
      region: 'japaneast',
      type: 'storage.bucket',
      nativeType: 'microsoft.storage/storageaccounts',
      id: s.resource,
      name: s.resource.split('/').at(-1)!,
      classification: 2,
      origin: { file: 'x.json' },
    },
    evidence: [{ source: 'explicit', path: 'properties.x', value: s.evidence ?? 1 }],
    remediation: text,
    ...(s.waiver
      ? {
          waiver: { id: s.waiver, reason: 'r', approver: 'a', approved: '2026-01-01', expires: '2099-12-31' },
        }
      : {}),
  };
}

export interface SyntheticScan {
  readonly at: string;
  readonly findings: readonly Seen[];
  /** Accounts in the inventory (default: those of the findings, or sub-1). */
  readonly accounts?: readonly string[];
  /** A live scope that failed (names its account). */
  readonly failedScope?: string;
  readonly fileError?: boolean;
  readonly checks?: readonly string[];
  readonly framework?: string;
  readonly run?: ScanToRecord['run'];
  readonly monitoring?: ScanToRecord['changeMonitoring'];
}

export function scanToRecord(s: SyntheticScan): ScanToRecord {
  const byStatus: StatusCounts = { FAIL: 0, UNKNOWN: 0, PASS: 0, NOT_APPLICABLE: 0 };
  for (const f of s.findings) byStatus[f.status]++;
  const accounts = s.accounts ?? [...new Set(s.findings.map((f) => f.account ?? 'sub-1'))];
  const partial = s.failedScope !== undefined || s.fileError === true;
  return {
    ...(s.run ? { run: s.run } : {}),
    scan: {
      tool: { name: 'kansa', version: '0.1.0' },
      startedAt: s.at,
      finishedAt: s.at,
      inputs: ['x.json'],
      framework: {
        id: s.framework ?? 'osaka',
        version: '2024-04',
        title: { ja: 'o', en: 'o' },
        file: 'osaka.yaml',
      },
      parameters: {} as never,
      partial,
    },
    files: [
      {
        path: 'x.json',
        sha256: 'ab',
        bytes: 1,
        resources: 1,
        skipped: [],
        ...(s.fileError ? { error: 'bad' } : {}),
      },
    ],
    scopes: s.failedScope
      ? [{ provider: 'azure', scope: s.failedScope, resources: 0, requests: 1, error: 'AuthorizationFailed' }]
      : [],
    accounts: (accounts.length ? accounts : ['sub-1']).map((account) => ({
      provider: 'azure' as const,
      account,
    })),
    checks: s.checks ?? [...new Set(s.findings.map((f) => f.check)), 'c.a', 'c.b', 'c.c'],
    requirements: [
      {
        id: 'OSK-3.1',
        clause: 'c',
        force: 'must',
        orgParameters: [],
        title: { ja: 'r', en: 'r' },
        status: byStatus.FAIL > 0 ? 'FAIL' : 'PASS',
        counts: byStatus,
        checks: ['c.a'],
        manual: [],
      },
    ],
    byStatus,
    failedBySeverity: { critical: 0, high: byStatus.FAIL, medium: 0, low: 0, info: 0 },
    waived: s.findings.filter((f) => f.waiver).length,
    ...(s.monitoring ? { changeMonitoring: s.monitoring } : {}),
  };
}

/** Records a synthetic scan as `kansa scan` does: stream the findings, commit once. */
export async function record(engine: SqlEngine, s: SyntheticScan): Promise<RecordedScan> {
  const scan = scanToRecord(s);
  const recording = await ScanRecording.start(engine, scan.accounts);
  for (const f of s.findings) recording.observe(finding(f), s.at);
  return recording.commit(scan, new Date(s.at));
}
