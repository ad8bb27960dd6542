import type { Severity } from '../checks/check.ts';
import type { Lang } from '../model/localized.ts';
import { evidenceLine } from './csv.ts';
import type { FileFinding, FindingsFile, FrameworkView } from './read-findings.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = 'error' | 'warning' | 'note';

/** A failure's SARIF level: critical and high break the build, medium warns, low and info note. */
const FAIL_LEVEL: Readonly<Record<Severity, Level>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** GitHub code scanning reads `security-severity` (0–10) to rank security results. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

/**
 * The findings as a SARIF 2.1.0 log for CI systems: one rule per check (help = remediation,
 * ja/en in properties), one result per FAIL (level by severity) and per UNKNOWN (kind review,
 * level none: the export could not show the setting). PASS and NOT_APPLICABLE are not results. The resource is
 * a logical location; the export file it was read from, the physical one. Written as the
 * findings are read: the results first, then the rules they refer to (JSON members have no
 * order), so a log of any size takes the memory of its rules only.
 */
export function* renderSarif(file: FindingsFile, view: FrameworkView, lang: Lang): Generator<string> {
  const rules: ReturnType<typeof rule>[] = [];
  const ruleIndex = new Map<string, number>();
  yield `{"$schema":${JSON.stringify(SARIF_SCHEMA)},"version":"2.1.0","runs":[{"results":[`;
  let chunk: string[] = [];
  let written = 0;
  for (const f of file.findings) {
    if (f.status !== 'FAIL' && f.status !== 'UNKNOWN') continue;
    let index = ruleIndex.get(f.checkId);
    if (index === undefined) {
      index = rules.length;
      rules.push(rule(f, view, lang));
      ruleIndex.set(f.checkId, index);
    }
    chunk.push(`${written++ === 0 ? '' : ','}\n${JSON.stringify(result(f, index, view, lang))}`);
    if (chunk.length === 500) {
      yield chunk.join('');
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk.join('');
  const rest = {
    tool: {
      driver: {
        name: 'kansa',
        version: file.scan.tool.version,
        semanticVersion: file.scan.tool.version,
        informationUri: 'https://kansa.dev/',
        rules,
      },
    },
    automationDetails: { id: `kansa/${view.id}/` },
    invocations: [
      {
        executionSuccessful: !file.scan.partial,
        startTimeUtc: file.scan.startedAt,
        endTimeUtc: file.scan.finishedAt,
      },
    ],
    columnKind: 'unicodeCodePoints',
    properties: {
      framework: { id: view.id, version: view.version, title: view.title },
      partial: file.scan.partial,
    },
  };
  yield `\n],${JSON.stringify(rest).slice(1)}]}\n`;
}

function rule(f: FileFinding, view: FrameworkView, lang: Lang) {
  const { requirements } = view.requirementsOf(f);
  return {
    id: f.checkId,
    name: f.checkId,
    shortDescription: { text: f.title[lang] },
    fullDescription: { text: f.title[lang] },
    help: { text: f.remediation[lang] },
    defaultConfiguration: { level: FAIL_LEVEL[f.severity] },
    properties: {
      title: f.title,
      remediation: f.remediation,
      severity: f.severity,
      'security-severity': SECURITY_SEVERITY[f.severity],
      requirements: [...requirements],
      tags: ['security', 'compliance', view.id, ...requirements],
    },
  };
}

/** The history store's state as SARIF's baselineState (§3.27.24): against the previous scan. */
const SARIF_BASELINE_STATE: Readonly<Record<NonNullable<FileFinding['history']>['state'], string>> = {
  new: 'new',
  reopened: 'new',
  'changed-severity': 'updated',
  'changed-evidence': 'updated',
  open: 'unchanged',
  unknown: 'unchanged',
  resolved: 'absent',
  passing: 'absent',
};

function result(f: FileFinding, ruleIndex: number, view: FrameworkView, lang: Lang) {
  const { requirements, clauses } = view.requirementsOf(f);
  const { origin } = f.resource;
  // A Terraform resource is annotated where it is declared, when the .tf files showed it.
  const declared = origin.iac?.declaration;
  return {
    ruleId: f.checkId,
    ruleIndex,
    // SARIF 2.1.0 §3.27.10: a result whose kind is not `fail` has the level `none`.
    kind: f.status === 'FAIL' ? 'fail' : 'review',
    level: f.status === 'FAIL' ? FAIL_LEVEL[f.severity] : 'none',
    message: { text: f.message[lang] },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: fileUri(declared?.file ?? origin.file) },
          ...(declared
            ? { region: { startLine: declared.line } }
            : origin.line !== undefined
              ? { region: { startLine: origin.line } }
              : {}),
        },
        logicalLocations: [
          {
            name: f.resource.name,
            fullyQualifiedName: origin.iac?.address ?? f.resource.id,
            kind: 'resource',
          },
        ],
      },
    ],
    partialFingerprints: { 'kansaFindingId/v1': f.id },
    ...(f.history ? { baselineState: SARIF_BASELINE_STATE[f.history.state] } : {}),
    // A waived failure is an accepted, externally recorded suppression (SARIF §3.35).
    ...(f.waiver
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: `${f.waiver.id}: ${f.waiver.reason} (${f.waiver.approver}, until ${f.waiver.expires})`,
            },
          ],
        }
      : {}),
    properties: {
      status: f.waiver ? 'WAIVED' : f.status,
      ...(f.waiver ? { waiver: f.waiver } : {}),
      ...(f.history ? { history: f.history } : {}),
      severity: f.severity,
      requirements: [...requirements],
      clauses: [...clauses],
      provider: f.resource.provider,
      account: f.resource.account,
      region: f.resource.region,
      resourceType: f.resource.type,
      nativeType: f.resource.nativeType,
      evidence: f.evidence.map((e) => evidenceLine(e, lang)),
      ...(origin.iac && { terraform: { ...origin.iac, plan: origin.file } }),
      ...(f.change && { change: f.change }),
    },
  };
}

/** A relative path as a URI reference (`/` separators, each segment percent-encoded). */
function fileUri(file: string): string {
  const normalized = file.replace(/\\/g, '/');
  const encoded = normalized
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return normalized.startsWith('/') ? `file://${encoded}` : encoded;
}
