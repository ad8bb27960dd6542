import { readFile } from 'node:fs/promises';
import { Ajv, type ErrorObject } from 'ajv';
import { InputError } from '../base/input-error.ts';
import { locateJsonError } from '../base/json-position.ts';
import type { CheckStatus, Severity } from '../checks/check.ts';
import type { Force } from '../frameworks/force.ts';
import type { Framework } from '../frameworks/framework.ts';
import { loadFramework } from '../frameworks/load.ts';
import type { Localized } from '../model/localized.ts';
import type { IacOrigin, Provider } from '../model/resource.ts';
import type { AppliedWaiver, Finding, FindingHistory } from '../scan/finding.ts';
import schema from './findings-schema.json' with { type: 'json' };
import { FindingTally, type RequirementStatus, type StatusCounts } from './summary.ts';

/**
 * The findings file as a reader sees it (src/report/findings-schema.json): every report format is
 * rendered from this, never from the scan's objects, so any earlier scan renders again.
 */
export interface FindingsFile {
  readonly schemaVersion: string;
  readonly findings: readonly FileFinding[];
  readonly scan: {
    readonly tool: { readonly name: 'kansa'; readonly version: string };
    readonly startedAt: string;
    readonly finishedAt: string;
    readonly inputs: readonly string[];
    readonly framework: {
      readonly id: string;
      readonly version: string;
      readonly title: Localized;
      readonly file: string;
      readonly orgPolicy?: string;
    };
    readonly parameters: {
      readonly allowedRegions: Partial<Record<Provider, readonly string[]>>;
      readonly [name: string]: unknown;
    };
    readonly partial: boolean;
  };
  readonly requirements: readonly FileRequirement[];
  /** The history store's record of the scan (kansa scan with a store). */
  readonly history?: {
    readonly store: string;
    readonly scanId: string;
    readonly seq: number;
    readonly changes: Readonly<Record<string, number>>;
    readonly previous?: { readonly id: string; readonly finishedAt: string };
    readonly monitoring?: unknown;
  };
  /** What became of each waiver (`--waivers`). */
  readonly waivers?: readonly {
    readonly id: string;
    readonly at: string;
    readonly state: 'active' | 'expiring' | 'expired' | 'stale';
    readonly expires: string;
    readonly matched: number;
    readonly daysLeft: number;
  }[];
  readonly summary: {
    readonly findings: number;
    readonly byStatus: StatusCounts;
    readonly failedBySeverity: Record<Severity, number>;
    readonly waived?: number;
  };
  readonly coverage: {
    readonly files: readonly {
      readonly path: string;
      readonly sha256: string;
      readonly bytes: number;
      readonly format?: string;
      readonly resources: number;
      readonly skipped: readonly {
        readonly index?: number;
        readonly line?: number;
        readonly reason: string;
      }[];
      readonly error?: string;
    }[];
    readonly scopes: readonly {
      readonly provider: Provider;
      readonly scope: string;
      readonly resources: number;
      readonly requests: number;
      readonly error?: string;
    }[];
    /** What became of deliveries of these findings to the SOC (`kansa send`, `scan --send`). */
    readonly delivery?: readonly {
      readonly destination: string;
      readonly at: string;
      readonly sent: number;
      readonly spooled: number;
      readonly rejected: readonly { readonly findingId: string; readonly message: string }[];
      readonly error?: string;
    }[];
    readonly resourcesByType: readonly {
      readonly provider: Provider;
      readonly type: string;
      readonly nativeType: string;
      readonly count: number;
    }[];
    readonly notEvaluated: readonly { readonly checkId: string; readonly resources: number }[];
  };
}

export interface FileFinding {
  readonly id: string;
  readonly checkId: string;
  readonly requirements: readonly string[];
  readonly clauses: readonly string[];
  readonly status: CheckStatus;
  readonly severity: Severity;
  readonly title: Localized;
  readonly message: Localized;
  readonly resource: {
    readonly provider: Provider;
    readonly account: string;
    readonly region: string;
    readonly type: string;
    readonly nativeType: string;
    readonly id: string;
    readonly name: string;
    readonly classification: number;
    readonly origin: {
      readonly file: string;
      readonly line?: number;
      readonly index?: number;
      readonly iac?: IacOrigin;
    };
  };
  readonly evidence: readonly FileEvidence[];
  readonly remediation: Localized;
  readonly change?: 'introduced' | 'kept';
  /** The waiver accepting this failure: reported WAIVED in every format. */
  readonly waiver?: AppliedWaiver;
  /** Where the finding stands in the history store (new, reopened, still open…). */
  readonly history?: FindingHistory;
}

export interface FileEvidence {
  readonly source: 'explicit' | 'default' | 'unknown';
  readonly path: string;
  readonly value?: unknown;
  readonly note?: Localized;
  readonly resourceId?: string;
}

export interface FileRequirement {
  readonly id: string;
  readonly clause: string;
  /** Absent in findings files written before requirements carried their force. */
  readonly force?: Force;
  readonly orgParameters?: readonly { readonly name: string; readonly value: unknown }[];
  readonly title: Localized;
  readonly status: RequirementStatus;
  readonly counts: StatusCounts;
  readonly checks: readonly string[];
  readonly manual: readonly { readonly provider: Provider | 'all'; readonly text: Localized }[];
}

/** The findings-file major version this kansa reads. */
const READABLE_MAJOR = 1;

const ajv = new Ajv({ allErrors: false, strict: false });
// RFC 3339 date-time, as JSON.stringify(new Date()) writes it (ajv-formats is a development dependency only).
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i);
const validate = ajv.compile(schema);

/** Reads and validates a findings file; every error names the file and what is wrong where. */
export async function readFindings(file: string): Promise<FindingsFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(file, `cannot read the findings file (${(error as NodeJS.ErrnoException).code})`);
  }
  return parseFindings(file, text);
}

/** Parses and validates the text of a findings file (see readFindings). */
export function parseFindings(file: string, text: string): FindingsFile {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const problem = locateJsonError(text, (error as Error).message);
    throw new InputError(file, problem.message, { line: problem.line, column: problem.column });
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || version === undefined) {
    throw new InputError(
      file,
      'not a kansa findings file (no schemaVersion): write one with `kansa scan --format json --output FILE`',
    );
  }
  const major = typeof version === 'string' ? Number(version.split('.')[0]) : Number.NaN;
  if (major !== READABLE_MAJOR) {
    throw new InputError(
      file,
      `findings file schemaVersion ${JSON.stringify(version)} is not readable by this kansa (reads ${READABLE_MAJOR}.x)`,
    );
  }
  if (!validate(data)) throw new InputError(file, describeError((validate.errors ?? [])[0]!, data));
  return data as unknown as FindingsFile;
}

function describeError(error: ErrorObject, data: unknown): string {
  const where = pointerToPath(error.instancePath) || '(top level)';
  const context = findingContext(error.instancePath, data);
  let what: string;
  switch (error.keyword) {
    case 'required':
      what = `missing property "${(error.params as { missingProperty: string }).missingProperty}"`;
      break;
    case 'additionalProperties':
      what = `unexpected property "${(error.params as { additionalProperty: string }).additionalProperty}"`;
      break;
    case 'enum':
      what = `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    default:
      what = error.message ?? error.keyword;
  }
  return `invalid findings file at ${where}${context}: ${what}`;
}

/** `/findings/12/resource/provider` → `findings[12].resource.provider`. */
function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path ? `${path}.${s}` : s), '');
}

/** Names the finding an error is in (its id), so it can be found in a large file. */
function findingContext(pointer: string, data: unknown): string {
  const match = /^\/findings\/(\d+)/.exec(pointer);
  if (!match) return '';
  const finding = (data as { findings: { id?: unknown }[] }).findings[Number(match[1])];
  return typeof finding?.id === 'string' ? ` (finding ${finding.id})` : '';
}

/**
 * The framework the findings are reported in: the scan's own (as written in the file), or
 * another framework's requirements over the same verdicts (`--framework-view kobe`), matched
 * by check id. The verdicts stay those of the scan (its parameters): a view re-maps, it does
 * not re-evaluate.
 */
export interface FrameworkView {
  readonly id: string;
  readonly version: string;
  readonly title: Localized;
  readonly requirements: readonly FileRequirement[];
  /** The view's requirement ids and clauses a finding serves. */
  requirementsOf(finding: FileFinding): {
    readonly requirements: readonly string[];
    readonly clauses: readonly string[];
    /** The force of each requirement, in the order of `requirements` (undefined in old files). */
    readonly forces: readonly (Force | undefined)[];
  };
}

/** The view the scan itself was reported in. */
export function scanView(file: FindingsFile): FrameworkView {
  const { id, version, title } = file.scan.framework;
  const forceOf = new Map(file.requirements.map((r) => [r.id, r.force]));
  return {
    id,
    version,
    title,
    requirements: file.requirements,
    requirementsOf: (f) => ({
      requirements: f.requirements,
      clauses: f.clauses,
      forces: f.requirements.map((r) => forceOf.get(r)),
    }),
  };
}

/** Another framework's view of the same findings: requirements by check id, verdicts recounted. */
export function frameworkView(file: FindingsFile, framework: Framework): FrameworkView {
  const byCheck = new Map<string, { requirements: string[]; clauses: string[]; forces: Force[] }>();
  for (const r of framework.requirements) {
    for (const checkId of r.checks) {
      let entry = byCheck.get(checkId);
      if (!entry) {
        entry = { requirements: [], clauses: [], forces: [] };
        byCheck.set(checkId, entry);
      }
      entry.requirements.push(r.id);
      entry.forces.push(r.force);
      if (!entry.clauses.includes(r.clause)) entry.clauses.push(r.clause);
    }
  }
  const none = { requirements: [], clauses: [], forces: [] };
  const requirementsOf = (f: FileFinding) => byCheck.get(f.checkId) ?? none;
  const tally = new FindingTally();
  for (const f of file.findings) {
    // The tally reads status, severity, check id and requirement ids only.
    tally.add({ ...f, ...requirementsOf(f) } as unknown as Finding);
  }
  const providers = new Set<Provider>([
    ...file.coverage.resourcesByType.map((r) => r.provider),
    ...file.findings.map((f) => f.resource.provider),
  ]);
  return {
    id: framework.id,
    version: framework.version,
    title: framework.title,
    requirements: tally.requirements(framework, providers),
    requirementsOf,
  };
}

/** `--framework-view` names: the scan's own framework, or one loaded from policies/ or a path. */
export async function loadView(file: FindingsFile, name: string | undefined): Promise<FrameworkView> {
  if (name === undefined || name === file.scan.framework.id) return scanView(file);
  return frameworkView(file, await loadFramework(name));
}
