import type { CheckStatus, Severity } from '../checks/check.ts';
import type { Lang } from '../model/localized.ts';
import type { Provider } from '../model/resource.ts';
import type { FileFinding, FindingsFile, FrameworkView } from './read-findings.ts';

/** The OCSF schema version the events follow (vendor/ocsf/compliance_finding-1.3.0.schema.json). */
export const OCSF_VERSION = '1.3.0';

const CLASS_UID = 2003;
const CATEGORY_UID = 2;

/** OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical. */
export const OCSF_SEVERITY: Readonly<Record<Severity, { id: number; name: string }>> = {
  info: { id: 1, name: 'Informational' },
  low: { id: 2, name: 'Low' },
  medium: { id: 3, name: 'Medium' },
  high: { id: 4, name: 'High' },
  critical: { id: 5, name: 'Critical' },
};

/**
 * The event's severity: the check's for a result that asks for action (FAIL, a waived FAIL,
 * UNKNOWN), 1 Informational for one that asks none (PASS, NOT_APPLICABLE). OCSF defines
 * severity_id 1 as "Informational message. No action required." (base_event, schema.ocsf.io
 * 1.3.0), and AWS Security Hub's ASFF the same: Severity.Label "INFORMATIONAL - No issue was
 * found", with the provider's own value in Severity.Original
 * (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_Severity.html). A passed check
 * at its check's severity would read in a SIEM as a high or critical event. Prowler's OCSF and
 * ASFF outputs (prowler/lib/outputs/ocsf/ocsf.py, asff/asff.py) keep the check's severity on a
 * PASS; kansa follows the standards' definitions instead. The check's severity stays in
 * `unmapped.kansa.severity` (Compliance Finding 1.3.0 has no attribute of its own for it), and
 * `finding_info.uid` is the same whatever the status.
 */
function ocsfSeverity(f: Pick<FileFinding, 'status' | 'severity'>): { id: number; name: string } {
  return f.status === 'PASS' || f.status === 'NOT_APPLICABLE'
    ? OCSF_SEVERITY.info
    : OCSF_SEVERITY[f.severity];
}

/**
 * compliance.status_id: 1 Pass, 2 Warning ("did not yield a result due to missing
 * information": kansa's UNKNOWN), 3 Fail, 99 Other (not applicable to the resource).
 */
export const OCSF_COMPLIANCE_STATUS: Readonly<Record<CheckStatus, { id: number; name: string }>> = {
  PASS: { id: 1, name: 'Pass' },
  UNKNOWN: { id: 2, name: 'Warning' },
  FAIL: { id: 3, name: 'Fail' },
  NOT_APPLICABLE: { id: 99, name: 'Not Applicable' },
};

/**
 * The finding's own status_id (its triage state): 3 Suppressed for a waived failure, 4 Resolved
 * for one the history store saw resolved, else 1 New.
 */
export const OCSF_FINDING_STATUS = {
  new: { id: 1, name: 'New' },
  suppressed: { id: 3, name: 'Suppressed' },
  resolved: { id: 4, name: 'Resolved' },
} as const;

/** The event's activity from the history store's state: 1 Create (first seen, or no store), 2 Update, 3 Close. */
function activityOf(f: FileFinding): { id: number; name: string } {
  const state = f.history?.state;
  if (state === undefined || state === 'new') return { id: 1, name: 'Create' };
  if (state === 'resolved' || state === 'passing') return { id: 3, name: 'Close' };
  return { id: 2, name: 'Update' };
}

const CLOUD: Readonly<Record<Provider, { provider: string; accountType: string }>> = {
  aws: { provider: 'AWS', accountType: 'AWS Account' },
  azure: { provider: 'Azure', accountType: 'Azure Subscription' },
  gcp: { provider: 'GCP', accountType: 'GCP Project' },
};

/**
 * The findings as OCSF Compliance Finding events (class 2003), one JSON object per line
 * (NDJSON), texts in `lang`. `finding_info.uid` is the kansa finding id: the same check on the
 * same resource has the same uid in every scan, so a SIEM can follow it over time.
 */
export function* renderOcsf(file: FindingsFile, view: FrameworkView, lang: Lang): Generator<string> {
  const time = Date.parse(file.scan.finishedAt);
  let chunk: string[] = [];
  for (const finding of file.findings) {
    chunk.push(`${JSON.stringify(ocsfEvent(finding, file, view, lang, time))}\n`);
    if (chunk.length === 500) {
      yield chunk.join('');
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk.join('');
}

export function ocsfEvent(f: FileFinding, file: FindingsFile, view: FrameworkView, lang: Lang, time: number) {
  const { requirements, clauses } = view.requirementsOf(f);
  const severity = ocsfSeverity(f);
  const compliance = OCSF_COMPLIANCE_STATUS[f.status];
  const status = f.waiver
    ? OCSF_FINDING_STATUS.suppressed
    : f.history?.state === 'resolved' || f.history?.state === 'passing'
      ? OCSF_FINDING_STATUS.resolved
      : OCSF_FINDING_STATUS.new;
  const activity = activityOf(f);
  const cloud = CLOUD[f.resource.provider];
  const { origin } = f.resource;
  return {
    activity_id: activity.id,
    activity_name: activity.name,
    category_uid: CATEGORY_UID,
    category_name: 'Findings',
    class_uid: CLASS_UID,
    class_name: 'Compliance Finding',
    type_uid: CLASS_UID * 100 + activity.id,
    type_name: `Compliance Finding: ${activity.name}`,
    time,
    severity_id: severity.id,
    severity: severity.name,
    status_id: status.id,
    status: status.name,
    status_code: f.waiver ? 'WAIVED' : f.status,
    status_detail: f.waiver
      ? `${f.waiver.id}: ${f.waiver.reason} (${f.waiver.approver}, ${f.waiver.expires})`
      : f.message[lang],
    message: f.message[lang],
    metadata: {
      version: OCSF_VERSION,
      profiles: ['cloud'],
      product: {
        name: 'kansa',
        vendor_name: 'kansa',
        version: file.scan.tool.version,
        lang,
      },
      log_name: 'kansa-findings',
      original_time: file.scan.finishedAt,
    },
    finding_info: {
      uid: f.id,
      title: f.title[lang],
      desc: f.message[lang],
      types: [f.checkId],
      created_time: time,
      ...(f.history
        ? {
            first_seen_time: Date.parse(f.history.firstSeen),
            last_seen_time: time,
            ...(f.history.openedAt ? { modified_time: Date.parse(f.history.openedAt) } : {}),
          }
        : {}),
      analytic: { uid: f.checkId, name: f.checkId, type: 'Rule', type_id: 1 },
    },
    compliance: {
      standards: [view.id],
      requirements: [...requirements],
      control: f.checkId,
      status_id: compliance.id,
      status: compliance.name,
      status_code: f.status,
      status_detail: f.message[lang],
    },
    cloud: {
      provider: cloud.provider,
      region: f.resource.region,
      account: { uid: f.resource.account, type: cloud.accountType },
    },
    resources: [
      {
        uid: f.resource.id,
        name: f.resource.name,
        type: f.resource.nativeType,
        region: f.resource.region,
        data: {
          kansa_type: f.resource.type,
          classification: f.resource.classification,
          origin: origin.line !== undefined || origin.index !== undefined ? origin : { file: origin.file },
        },
      },
    ],
    remediation: { desc: f.remediation[lang] },
    unmapped: {
      kansa: {
        framework: { id: view.id, version: view.version },
        clauses: [...clauses],
        evidence: f.evidence,
        status: f.status,
        severity: f.severity,
        ...(f.waiver ? { waiver: f.waiver } : {}),
        ...(f.history ? { history: f.history } : {}),
      },
    },
  };
}
