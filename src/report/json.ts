import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { compareText } from '../base/compare-text.ts';
import type { Evidence } from '../checks/check.ts';
import type { Framework } from '../frameworks/framework.ts';
import type { FileCoverage, ScopeCoverage } from '../model/coverage.ts';
import { formatValue, type Localized, placeholderNames } from '../model/localized.ts';
import type { Provider, Resource } from '../model/resource.ts';
import { mappedChecks } from '../scan/evaluate.ts';
import { CHECK_ERROR, CHECK_ERROR_TEXT, type Finding, type FindingResource } from '../scan/finding.ts';
import {
  type CheckEntry,
  type Coverage,
  EVIDENCE_WINDOW,
  FINDINGS_SCHEMA_VERSION,
  type FindingsHeader,
  type ScanEnd,
  type ScanMetadata,
  type ScanStart,
} from './findings-schema.ts';
import type { FindingTally, RequirementResult } from './summary.ts';

export type { Coverage, ScanMetadata };
export { FINDINGS_SCHEMA_VERSION };

/** The findings file's header: what is known when the scan starts. */
export function scanStart(args: {
  framework: Framework;
  inputs: readonly string[];
  startedAt: Date;
  version: string;
}): ScanStart {
  const { framework } = args;
  return {
    tool: { name: 'kansa', version: args.version },
    startedAt: args.startedAt.toISOString(),
    inputs: args.inputs,
    framework: {
      id: framework.id,
      version: framework.version,
      title: framework.title,
      file: framework.file,
      ...(framework.orgPolicyFile ? { orgPolicy: framework.orgPolicyFile } : {}),
    },
    parameters: framework.parameters,
  };
}

/** The scan's outcome once every finding is counted: verdicts per requirement, summary, coverage. */
export function scanEnd(args: {
  framework: Framework;
  tally: FindingTally;
  providers: ReadonlySet<Provider>;
  files: readonly FileCoverage[];
  scopes: readonly ScopeCoverage[];
  resources: Iterable<Resource>;
}): ScanEnd & { readonly requirements: RequirementResult[] } {
  const { tally, files, scopes } = args;
  return {
    finishedAt: new Date().toISOString(),
    partial: files.some((f) => f.error) || scopes.some((s) => s.error),
    requirements: tally.requirements(args.framework, args.providers),
    summary: {
      findings: tally.total,
      byStatus: tally.byStatus,
      failedBySeverity: tally.failedBySeverity,
      waived: tally.waived,
    },
    coverage: {
      files,
      scopes,
      resourcesByType: countResources(args.resources),
      notEvaluated: [...tally.unknownByCheck].map(([checkId, resources]) => ({ checkId, resources })),
    },
  };
}

/** The checks catalogue: each check of the framework once, with its constant texts. */
export function checksCatalogue(framework: Framework): CheckEntry[] {
  return mappedChecks(framework).map(({ check: { meta }, requirements, clauses, severity }) => ({
    id: meta.id,
    severity: severity ?? meta.severity,
    title: meta.title,
    rationale: meta.rationale,
    remediation: meta.remediation,
    requirements,
    clauses,
    messages: { ...meta.messages, [CHECK_ERROR]: CHECK_ERROR_TEXT },
    ...(meta.references ? { references: meta.references } : {}),
  }));
}

/**
 * Writes the findings file (version 2, NDJSON: see findings-schema.ts) as the scan runs: the
 * header and the checks catalogue first, then each resource once with its findings (the scan
 * yields a resource's findings together; none is kept after its line is written), then the
 * trailer. Evidence that findings share (one fact object, model/fact.ts) is written once as an
 * evidence record before the first resource line citing it, and cited by number after that.
 */
export class JsonReportWriter {
  readonly #out: Writable;
  /** Per check: the start of its findings' JSON, its severity (a finding's own is written only when it differs) and its messages. */
  readonly #checks = new Map<string, CheckLines>();
  #resource: FindingResource | undefined;
  /** The current resource's findings, as the JSON between the brackets of its `findings`. */
  #pending = '';
  /**
   * Lines are encoded straight into a batch buffer and written a batch at a time: one write,
   * or one small Buffer, per line would spend the scan on the stream and the allocator.
   */
  #batch = Buffer.allocUnsafe(BATCH_BYTES);
  #used = 0;
  /**
   * The number of each shared evidence item written as a record, while it is remembered. The
   * table is emptied at a resource's start once it holds `#window - #window / 10` items, and a
   * resource defines at most `#window / 10` records (past that, its evidence is written inline):
   * so every ref on a resource line is among the last `#window` records, as readers require.
   */
  #evidenceRefs = new Map<Evidence, string>();
  #evidenceRecords = 0;
  /** The evidence records the current resource defined, written just before its line. */
  #newRecords = '';
  #newRecordCount = 0;
  readonly #window: number;
  readonly #perResource: number;

  /** `evidenceWindow`: how many evidence records a ref may reach back (tests make it small). */
  constructor(out: Writable, options: { readonly evidenceWindow?: number } = {}) {
    this.#out = out;
    this.#window = Math.max(1, Math.min(options.evidenceWindow ?? EVIDENCE_WINDOW, EVIDENCE_WINDOW));
    this.#perResource = Math.max(1, Math.floor(this.#window / 10));
  }

  async begin(scan: ScanStart, catalogue: readonly CheckEntry[]): Promise<void> {
    const header: FindingsHeader = { schemaVersion: FINDINGS_SCHEMA_VERSION, scan };
    await this.#append(`${JSON.stringify(header)}\n`);
    for (const check of catalogue) {
      this.#checks.set(check.id, {
        head: `{"check":${JSON.stringify(check.id)},"status":"`,
        severity: check.severity,
        templates: check.messages,
        messages: new Map(),
      });
      await this.#append(`${JSON.stringify({ check })}\n`);
    }
  }

  /**
   * Adds a finding (the scan yields a resource's findings one after another). Returns a promise
   * only when a full batch is being written: wait for it then (backpressure), and a scan of
   * millions of findings does not pay a promise for each.
   */
  finding(f: Finding): Promise<void> | undefined {
    const flushed = f.resource === this.#resource ? undefined : this.#endResource();
    if (this.#resource === undefined && this.#evidenceRefs.size >= this.#window - this.#perResource) {
      this.#evidenceRefs = new Map();
    }
    this.#resource = f.resource;
    const check = this.#checks.get(f.checkId);
    if (!check) throw new Error(`finding of ${f.checkId}, which is not in the checks catalogue`);
    // The line as JSON.stringify of a LineFinding gives it, built from parts (see findings-schema.ts).
    let line = `${check.head}${f.status}"`;
    if (f.severity !== check.severity) line += `,"severity":"${f.severity}"`;
    const message = messageLine(check, f.messageId);
    line += message.json;
    if (message.names && f.data !== undefined) line += dataJson(message, f.data);
    line += `,"evidence":${this.#evidenceJson(f.evidence)}`;
    if (f.waiver) line += `,"waiver":${JSON.stringify(f.waiver)}`;
    if (f.history) line += `,"history":${JSON.stringify(f.history)}`;
    if (this.#pending !== '') line = `,${line}`;
    this.#pending += f.change ? `${line},"change":"${f.change}"}` : `${line}}`;
    return flushed;
  }

  async end(end: ScanEnd): Promise<void> {
    await this.#endResource();
    await this.#append(`${JSON.stringify({ end })}\n`);
    await this.#flush();
  }

  #endResource(): Promise<void> | undefined {
    if (this.#resource === undefined) return undefined;
    const line = `${this.#newRecords}{"resource":${JSON.stringify(this.#resource)},"findings":[${this.#pending}]}\n`;
    this.#pending = '';
    this.#resource = undefined;
    this.#newRecords = '';
    this.#newRecordCount = 0;
    return this.#append(line);
  }

  /**
   * The JSON of a finding's evidence: each shared item as a ref to its record (defined now if
   * it is not remembered), the others inline. Only what pays is shared: an item shared by
   * identity (frozen, model/fact.ts) whose JSON is longer than its ref.
   */
  #evidenceJson(evidence: readonly Evidence[]): string {
    let json = '[';
    for (let i = 0; i < evidence.length; i++) {
      const item = evidence[i]!;
      // The ref's own text is remembered: a file cites shared evidence millions of times.
      let text = this.#evidenceRefs.get(item);
      if (text === undefined) {
        text = itemJson(item);
        if (Object.isFrozen(item) && this.#newRecordCount < this.#perResource) {
          const ref = this.#evidenceRecords;
          const refText = `{"ref":${ref}}`;
          if (text.length > refText.length) {
            this.#evidenceRecords++;
            this.#evidenceRefs.set(item, refText);
            this.#newRecords += `{"ref":${ref},"evidence":${text}}\n`;
            this.#newRecordCount++;
            text = refText;
          }
        }
      }
      json += i === 0 ? text : `,${text}`;
    }
    return `${json}]`;
  }

  #append(text: string): Promise<void> | undefined {
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    const bound = text.length * 3;
    if (this.#used + bound <= this.#batch.length) {
      this.#used += this.#batch.write(text, this.#used);
      return undefined;
    }
    return this.#flush().then(() => {
      if (bound > this.#batch.length) this.#batch = Buffer.allocUnsafe(bound);
      this.#used += this.#batch.write(text, this.#used);
    });
  }

  async #flush(): Promise<void> {
    if (this.#used === 0) return;
    const chunk = this.#batch.subarray(0, this.#used);
    this.#batch = Buffer.allocUnsafe(BATCH_BYTES);
    this.#used = 0;
    if (!this.#out.write(chunk)) await once(this.#out, 'drain');
  }
}

const BATCH_BYTES = 1 << 20;

/** What the writer keeps of a check of the catalogue. */
interface CheckLines {
  readonly head: string;
  readonly severity: string;
  readonly templates: CheckEntry['messages'];
  /** Per message id, worked out on its first finding. */
  readonly messages: Map<string, MessageLine>;
}

/** A message's part of a finding's line: its id, and the names and keys of its template's values. */
interface MessageLine {
  /** `,"message":"<id>"`. */
  readonly json: string;
  /** Undefined when the check has no such template (no data is written then). */
  readonly names: readonly string[] | undefined;
  /** `"<name>":` of each name. */
  readonly keys: readonly string[];
}

function messageLine(check: CheckLines, messageId: string): MessageLine {
  let message = check.messages.get(messageId);
  if (!message) {
    const template: Localized | undefined = check.templates[messageId];
    const names = template && placeholderNames(template);
    message = {
      json: `,"message":${JSON.stringify(messageId)}`,
      names,
      keys: names?.map((name) => `${JSON.stringify(name)}:`) ?? [],
    };
    check.messages.set(messageId, message);
  }
  return message;
}

/**
 * `,"data":{…}`: the template's values (templateValues, model/localized.ts) as JSON.stringify
 * writes that object, built without it; '' when the data holds none of them.
 */
function dataJson(message: MessageLine, data: Readonly<Record<string, unknown>>): string {
  const names = message.names!;
  let json = '';
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (!(name in data)) continue;
    json += `${json === '' ? ',"data":{' : ','}${message.keys[i]}${JSON.stringify(formatValue(data[name]))}`;
  }
  return json === '' ? '' : `${json}}`;
}

/**
 * An evidence item's JSON, as JSON.stringify writes it. Most items are shared facts
 * (model/fact.ts: one frozen object serves every resource with the same setting), so the text
 * of each is made once and reused, also when the writer has forgotten its record.
 */
function itemJson(item: Evidence): string {
  let text = SHARED_EVIDENCE.get(item);
  if (text === undefined) {
    text = JSON.stringify(item);
    if (Object.isFrozen(item)) SHARED_EVIDENCE.set(item, text);
  }
  return text;
}

const SHARED_EVIDENCE = new WeakMap<object, string>();

/**
 * Buffer size for the findings file stream: large enough that the scan keeps evaluating while
 * earlier batches are written, instead of waiting for each write to finish.
 */
export const OUTPUT_HIGH_WATER_MARK = 4 << 20;

/** Resources counted by provider, kansa type and native type, for the coverage section. */
export function countResources(resources: Iterable<Resource>): Coverage['resourcesByType'] {
  type Count = { provider: Provider; type: string; nativeType: string; count: number };
  // Provider, then kansa type, then native type: no key string is built per resource.
  const counts = new Map<Provider, Map<string, Map<string, Count>>>();
  const all: Count[] = [];
  for (const r of resources) {
    let ofProvider = counts.get(r.provider);
    if (!ofProvider) {
      ofProvider = new Map();
      counts.set(r.provider, ofProvider);
    }
    let ofType = ofProvider.get(r.kansaType);
    if (!ofType) {
      ofType = new Map();
      ofProvider.set(r.kansaType, ofType);
    }
    const entry = ofType.get(r.nativeType);
    if (entry) entry.count++;
    else {
      const counted = { provider: r.provider, type: r.kansaType, nativeType: r.nativeType, count: 1 };
      ofType.set(r.nativeType, counted);
      all.push(counted);
    }
  }
  return all.sort(byResourceType);
}

/** The order of `resourcesByType`: total, so merged shards list them as one scan would. */
export function byResourceType(
  a: Coverage['resourcesByType'][number],
  b: Coverage['resourcesByType'][number],
): number {
  return (
    compareText(a.provider, b.provider) ||
    compareText(a.type, b.type) ||
    b.count - a.count ||
    compareText(a.nativeType, b.nativeType)
  );
}
