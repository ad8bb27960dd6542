import { closeSync, openSync, readSync } from 'node:fs';
import { capStrings } from '../base/cap.ts';
import { InputError } from '../base/input-error.ts';
import type { Force } from '../frameworks/force.ts';
import type { Framework } from '../frameworks/framework.ts';
import { loadFramework } from '../frameworks/load.ts';
import { type Localized, renderLocalized } from '../model/localized.ts';
import type { Provider } from '../model/resource.ts';
import { type Finding, findingId } from '../scan/finding.ts';
import { fileLines, lastLine, textLines } from './file-lines.ts';
import * as generated from './findings.validate.generated.js';
import {
  type CheckEntry,
  type Coverage,
  EVIDENCE_WINDOW,
  type EvidenceRecord,
  type EvidenceRef,
  type FileEvidence,
  type FileRequirement,
  type FileResource,
  type FindingsHeader,
  type LineFinding,
  type ResourceLine,
  type ScanEnd,
  type ScanMetadata,
} from './findings-schema.ts';
import { checkVersion, parseFindingsV1 } from './findings-v1.ts';
import { describeError, firstErrorOf } from './findings-validation.ts';
import { FindingTally } from './summary.ts';

export type { FileEvidence, FileRequirement };

/**
 * A findings file as reports read it, whatever its version: every report format is rendered
 * from this, never from the scan's objects, so any earlier scan renders again. `findings` is
 * read from the file each time it is iterated, one resource at a time.
 */
export interface FindingsFile {
  readonly schemaVersion: string;
  readonly scan: ScanMetadata;
  readonly requirements: readonly FileRequirement[];
  readonly summary: ScanEnd['summary'];
  readonly coverage: Coverage;
  /** The history store's record of the scan (kansa scan with a store). */
  readonly history?: ScanEnd['history'];
  /** What became of each waiver (`--waivers`). */
  readonly waivers?: ScanEnd['waivers'];
  readonly findings: Iterable<FileFinding>;
}

/** A finding with its check's texts and its resource: what each report row shows. */
export interface FileFinding {
  readonly id: string;
  readonly checkId: string;
  readonly requirements: readonly string[];
  readonly clauses: readonly string[];
  readonly status: Finding['status'];
  readonly severity: CheckEntry['severity'];
  readonly title: Localized;
  readonly message: Localized;
  readonly resource: FileResource;
  readonly evidence: readonly FileEvidence[];
  readonly remediation: Localized;
  /** Terraform plans only: whether the plan brings this failure in, or keeps one that exists. */
  readonly change?: LineFinding['change'];
  /** The waiver accepting this failure: reported WAIVED in every format. */
  readonly waiver?: LineFinding['waiver'];
  /** Where the finding stands in the history store (new, reopened, still open…). */
  readonly history?: LineFinding['history'];
}

/** Reads a findings file (version 2, or 1); every error names the file and what is wrong where. */
export async function readFindings(file: string): Promise<FindingsFile> {
  let start: string;
  try {
    start = firstBytes(file, 256);
  } catch (error) {
    throw new InputError(file, `cannot read the findings file (${(error as NodeJS.ErrnoException).code})`);
  }
  if (isVersion2(start)) return readV2(file, { lines: () => fileLines(file), last: () => lastLine(file) });
  const { readFile } = await import('node:fs/promises');
  return parseFindings(file, await readFile(file, 'utf8'));
}

function isVersion2(start: string): boolean {
  return /^\uFEFF?\s*\{\s*"schemaVersion"\s*:\s*"2\./.test(start);
}

/**
 * A findings file held as text (a shard's, in the history store, or a test's), version 2 or 1;
 * `where` names it in errors. Version 1 is parsed whole, or the error tells what else the text is.
 */
export function parseFindings(where: string, text: string): FindingsFile {
  if (!isVersion2(text.slice(0, 256))) return parseFindingsV1(where, text) as FindingsFile;
  const trimmed = text.trimEnd();
  return readV2(where, {
    lines: () => textLines(text),
    last: () => trimmed.slice(trimmed.lastIndexOf('\n') + 1),
  });
}

/** Where a version 2 file's lines come from: a file on disk, or text in memory. */
interface LineSource {
  lines(): Iterable<{ readonly text: string; readonly line: number }>;
  /** The last non-empty line (the trailer). */
  last(): string;
}

/** A findings file with its findings read into memory: for small files (history, tests). */
export type LoadedFindingsFile = FindingsFile & { readonly findings: readonly FileFinding[] };

export function loadAll(file: FindingsFile): LoadedFindingsFile {
  return { ...file, findings: Array.isArray(file.findings) ? file.findings : [...file.findings] };
}

function firstBytes(file: string, n: number): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(n);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

const validateHeader = firstErrorOf(generated.validateHeader);
const validateCheck = firstErrorOf(generated.validateCheckEntry);
const validateResource = firstErrorOf(generated.validateResourceLine);
const validateEvidenceRecord = firstErrorOf(generated.validateEvidenceRecord);
const validateTrailer = firstErrorOf(generated.validateTrailer);

function parseLine(file: string, text: string, line: number | undefined): unknown {
  try {
    return JSON.parse(line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const where = line === undefined ? 'the last line' : `line ${line}`;
    throw new InputError(
      file,
      `invalid JSON on ${where}: ${(error as Error).message}`,
      line ? { line } : undefined,
    );
  }
}

function validated<T>(
  file: string,
  validate: (data: unknown) => import('ajv').ErrorObject | undefined,
  data: unknown,
  line: number | undefined,
  context = '',
): T {
  const error = validate(data);
  if (!error) return data as T;
  const where = line === undefined ? ' (last line)' : '';
  throw new InputError(file, `${describeError(error, context)}${where}`, line ? { line } : undefined);
}

/** Version 2: the header and catalogue from the start, the trailer from the end, findings as iterated. */
function readV2(file: string, source: LineSource): FindingsFile {
  let header: FindingsHeader | undefined;
  const checks = new Map<string, CheckEntry>();
  let firstResourceLine = 0;
  for (const { text, line } of source.lines()) {
    if (line === 1) {
      const data = parseLine(file, text, line);
      checkVersion(file, data);
      header = validated<FindingsHeader>(file, validateHeader, data, line);
      continue;
    }
    if (!text.startsWith('{"check":')) {
      firstResourceLine = line;
      break;
    }
    const entry = validated<{ check: CheckEntry }>(
      file,
      validateCheck,
      (parseLine(file, text, line) as { check: unknown }).check,
      line,
      ' (check)',
    );
    checks.set((entry as unknown as CheckEntry).id, entry as unknown as CheckEntry);
  }
  if (!header || firstResourceLine === 0) {
    throw new InputError(file, 'the findings file ends early: the scan did not finish, or the file was cut');
  }
  const last = source.last();
  if (!last.startsWith('{"end":')) {
    throw new InputError(
      file,
      'the findings file has no trailer ({"end": …}): the scan did not finish, or the file was cut',
    );
  }
  const { end } = validated<{ end: ScanEnd }>(
    file,
    validateTrailer,
    parseLine(file, last, undefined),
    undefined,
  );
  return {
    schemaVersion: header.schemaVersion,
    scan: { ...header.scan, finishedAt: end.finishedAt, partial: end.partial },
    requirements: end.requirements,
    summary: end.summary,
    coverage: end.coverage,
    ...(end.history ? { history: end.history } : {}),
    ...(end.waivers ? { waivers: end.waivers } : {}),
    findings: { [Symbol.iterator]: () => findingsOf(file, source, checks, firstResourceLine) },
  };
}

function* findingsOf(
  file: string,
  source: LineSource,
  checks: ReadonlyMap<string, CheckEntry>,
  from: number,
): Generator<FileFinding> {
  const evidenceRecords = new EvidenceTable(file);
  for (const { text, line } of source.lines()) {
    if (line < from || text === '') continue;
    if (text.startsWith('{"end":')) return;
    const data = parseLine(file, text, line);
    if (isEvidenceRecord(data)) {
      evidenceRecords.add(validated<EvidenceRecord>(file, validateEvidenceRecord, data, line), line);
      continue;
    }
    const { resource, findings } = validated<ResourceLine>(file, validateResource, data, line);
    for (const f of findings) {
      const check = checks.get(f.check);
      if (!check)
        throw new InputError(file, `finding of check ${f.check}, which the catalogue does not list`, {
          line,
        });
      const template = check.messages[f.message];
      if (!template) throw new InputError(file, `check ${f.check} has no message "${f.message}"`, { line });
      yield {
        id: findingId(f.check, resource.provider, resource.id),
        checkId: f.check,
        requirements: check.requirements,
        clauses: check.clauses,
        status: f.status,
        severity: f.severity ?? check.severity,
        title: check.title,
        message: capStrings(renderLocalized(template, f.data)),
        resource,
        evidence: evidenceRecords.resolve(f.evidence, line),
        remediation: check.remediation,
        ...(f.change ? { change: f.change } : {}),
        ...(f.waiver ? { waiver: f.waiver } : {}),
        ...(f.history ? { history: f.history } : {}),
      };
    }
  }
  throw new InputError(file, 'the findings file has no trailer ({"end": …}): the file was cut');
}

/** An evidence record (2.1.0): `{"ref": n, "evidence": {…}}`, the only line with a top-level `ref`. */
function isEvidenceRecord(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'ref' in data && !('resource' in data);
}

/**
 * The evidence records read so far, the last EVIDENCE_WINDOW of them (a ref reaches no further
 * back: findings-schema.ts), in a ring: memory stays bounded however long the file.
 */
class EvidenceTable {
  readonly #file: string;
  readonly #slots: FileEvidence[] = [];
  #count = 0;

  constructor(file: string) {
    this.#file = file;
  }

  add(record: EvidenceRecord, line: number): void {
    if (record.ref !== this.#count) {
      throw new InputError(
        this.#file,
        `evidence record ${record.ref} out of order: records are numbered in file order, and ${this.#count} comes next`,
        { line },
      );
    }
    this.#slots[this.#count++ % EVIDENCE_WINDOW] = record.evidence;
  }

  /** A finding's evidence with each `{"ref": n}` replaced by its record's evidence. */
  resolve(evidence: readonly (FileEvidence | EvidenceRef)[], line: number): readonly FileEvidence[] {
    let resolved: FileEvidence[] | undefined;
    for (let i = 0; i < evidence.length; i++) {
      const item = evidence[i]!;
      if ('ref' in item) {
        resolved ??= evidence.slice(0, i) as FileEvidence[];
        resolved.push(this.#get(item.ref, line));
      } else resolved?.push(item);
    }
    return resolved ?? (evidence as readonly FileEvidence[]);
  }

  #get(ref: number, line: number): FileEvidence {
    if (ref >= this.#count || ref < this.#count - EVIDENCE_WINDOW) {
      throw new InputError(
        this.#file,
        `evidence ref ${ref} names no evidence record among the last ${EVIDENCE_WINDOW.toLocaleString('en')} before this line`,
        { line },
      );
    }
    return this.#slots[ref % EVIDENCE_WINDOW]!;
  }
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

/**
 * The view the scan itself was reported in. Its requirements are the file's, read when asked
 * for: a report written straight from a scan knows them only once every finding is out, so
 * such a scan gives each requirement's force (from its framework) up front.
 */
export function scanView(file: FindingsFile, forces?: ReadonlyMap<string, Force>): FrameworkView {
  const { id, version, title } = file.scan.framework;
  let forceById: ReadonlyMap<string, Force | undefined> | undefined = forces;
  const forceOf = () => (forceById ??= new Map(file.requirements.map((r) => [r.id, r.force])));
  return {
    id,
    version,
    title,
    get requirements() {
      return file.requirements;
    },
    requirementsOf: (f) => ({
      requirements: f.requirements,
      clauses: f.clauses,
      forces: f.requirements.map((r) => forceOf().get(r)),
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
  const providers = new Set<Provider>(file.coverage.resourcesByType.map((r) => r.provider));
  for (const f of file.findings) {
    // The tally reads status, severity, check id and requirement ids only.
    tally.add({ ...f, ...requirementsOf(f) } as unknown as Finding);
    providers.add(f.resource.provider);
  }
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
