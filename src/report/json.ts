import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { compareText } from '../base/compare-text.ts';
import type { Evidence } from '../checks/check.ts';
import type { Framework } from '../frameworks/framework.ts';
import type { FileCoverage, ScopeCoverage } from '../model/coverage.ts';
import type { Provider, Resource } from '../model/resource.ts';
import { mappedChecks } from '../scan/evaluate.ts';
import { ENGINE_MESSAGES, type Finding, type FindingResource } from '../scan/finding.ts';
import {
  ABSENT,
  type CheckLines,
  dataJson,
  itemJson,
  LineMemo,
  type LineNode,
  type MessageLine,
  memoKey,
  messageLine,
} from './finding-lines.ts';
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
    messages: { ...meta.messages, ...ENGINE_MESSAGES },
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
  readonly #memo: LineMemo;
  #resource: FindingResource | undefined;
  /**
   * The current resource's line as UTF-8, up to its last finding: findings are copied in as
   * bytes (most from the memo), and the line is copied into the batch once it is complete,
   * after the evidence records it defines.
   */
  #line = Buffer.allocUnsafe(LINE_BYTES);
  #lineUsed = 0;
  #lineFindings = 0;
  /** The citation text of each evidence item of the finding at hand (reused: no array per finding). */
  readonly #citations: string[] = [];
  #cited = 0;
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
  /**
   * Batches the stream is done with, to fill again: a 100k scan writes 140 MB, and a new 1 MB
   * buffer per batch is memory the kernel maps and V8 counts as external, which brings on
   * collections of the whole heap. Only for a stream that keeps no chunk after its write's
   * callback (a file; not a sink that collects chunks).
   */
  readonly #spareBatches: Buffer<ArrayBuffer>[] | undefined;

  /**
   * `evidenceWindow`: how many evidence records a ref may reach back; `memoNodes`: how many
   * nodes the memo of finding texts holds before it starts afresh (tests make both small);
   * `reuseChunks`: the stream is done with a chunk once its write's callback has run.
   */
  constructor(
    out: Writable,
    options: {
      readonly evidenceWindow?: number;
      readonly memoNodes?: number;
      readonly reuseChunks?: boolean;
    } = {},
  ) {
    this.#out = out;
    this.#spareBatches = options.reuseChunks ? [] : undefined;
    this.#memo = new LineMemo(options.memoNodes);
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
    if (this.#resource === undefined) {
      if (this.#evidenceRefs.size >= this.#window - this.#perResource) this.#evidenceRefs = new Map();
      this.#resource = f.resource;
      this.#lineUsed = 0;
      this.#lineFindings = 0;
      this.#lineText(`{"resource":${JSON.stringify(f.resource)},"findings":[`);
    }
    const check = this.#checks.get(f.checkId);
    if (!check) throw new Error(`finding of ${f.checkId}, which is not in the checks catalogue`);
    if (this.#lineFindings++ > 0) {
      this.#reserve(1);
      this.#line[this.#lineUsed++] = COMMA;
    }
    const message = messageLine(check, f.messageId);
    // The citations first, in order: citing an item the first time defines its record.
    const evidence = f.evidence;
    const citations = this.#citations;
    for (let i = 0; i < evidence.length; i++) citations[i] = this.#citation(evidence[i]!);
    this.#cited = evidence.length;
    const data = message.names ? f.data : undefined;
    const node = f.waiver || f.history || f.change ? undefined : this.#memoNode(f, check, message, data);
    if (node?.text) {
      this.#lineCopy(node);
      return flushed;
    }
    // The line as JSON.stringify of a LineFinding gives it, built from parts (see findings-schema.ts).
    let line = `${check.head}${f.status}"`;
    if (f.severity !== check.severity) line += `,"severity":"${f.severity}"`;
    line += message.json;
    if (data !== undefined) line += dataJson(message, data);
    line += ',"evidence":[';
    for (let i = 0; i < this.#cited; i++) line += i === 0 ? citations[i] : `,${citations[i]}`;
    line += ']';
    if (f.waiver) line += `,"waiver":${JSON.stringify(f.waiver)}`;
    if (f.history) line += `,"history":${JSON.stringify(f.history)}`;
    line += f.change ? `,"change":"${f.change}"}` : '}';
    if (node) {
      this.#memo.remember(node, line);
      this.#lineCopy(node);
    } else this.#lineText(line);
    return flushed;
  }

  async end(end: ScanEnd): Promise<void> {
    await this.#endResource();
    await this.#append(`${JSON.stringify({ end })}\n`);
    await this.#flush();
  }

  /** The memo's node of a finding's text (see LineMemo); undefined for a finding it does not remember. */
  #memoNode(
    f: Finding,
    check: CheckLines,
    message: MessageLine,
    data: Finding['data'],
  ): LineNode | undefined {
    const memo = this.#memo;
    const citations = this.#citations;
    if (f.severity !== check.severity) return undefined;
    let node = memo.root(message, f.status, this.#cited);
    if (node === undefined) return undefined;
    for (let i = 0; i < this.#cited; i++) node = memo.child(node, citations[i]);
    if (data === undefined) return node;
    const names = message.names!;
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const value = name in data ? data[name] : ABSENT;
      if (!memoKey(value)) return undefined;
      node = memo.child(node, value);
    }
    return node;
  }

  #endResource(): Promise<void> | undefined {
    if (this.#resource === undefined) return undefined;
    this.#reserve(3);
    this.#line[this.#lineUsed++] = CLOSE_BRACKET;
    this.#line[this.#lineUsed++] = CLOSE_BRACE;
    this.#line[this.#lineUsed++] = NEWLINE;
    const records = this.#newRecords;
    this.#resource = undefined;
    this.#newRecords = '';
    this.#newRecordCount = 0;
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    const bound = records.length * 3 + this.#lineUsed;
    if (this.#used + bound <= this.#batch.length) {
      this.#batchLine(records, this.#line, this.#lineUsed);
      return undefined;
    }
    // The next resource's line is made in #line while this batch is written: keep a copy.
    const kept = Buffer.from(this.#line.subarray(0, this.#lineUsed));
    return this.#flush().then(() => {
      if (bound > this.#batch.length) this.#batch = Buffer.allocUnsafe(bound);
      this.#batchLine(records, kept, kept.length);
    });
  }

  #batchLine(records: string, line: Buffer, length: number): void {
    if (records !== '') this.#used += this.#batch.write(records, this.#used);
    this.#used += line.copy(this.#batch, this.#used, 0, length);
  }

  #lineText(text: string): void {
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    this.#reserve(text.length * 3);
    this.#lineUsed += this.#line.write(text, this.#lineUsed);
  }

  #lineCopy(remembered: LineNode): void {
    this.#reserve(remembered.end - remembered.start);
    this.#lineUsed += remembered.text!.copy(this.#line, this.#lineUsed, remembered.start, remembered.end);
  }

  #reserve(bytes: number): void {
    if (this.#lineUsed + bytes <= this.#line.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.#line.length * 2, this.#lineUsed + bytes));
    this.#line.copy(grown, 0, 0, this.#lineUsed);
    this.#line = grown;
  }

  /**
   * How a finding cites an evidence item: a shared item as a ref to its record (defined now if
   * it is not remembered), the others inline. Only what pays is shared: an item shared by
   * identity (frozen, model/fact.ts) whose JSON is longer than its ref.
   */
  #citation(item: Evidence): string {
    // The ref's own text is remembered: a file cites shared evidence millions of times.
    let text = this.#evidenceRefs.get(item);
    if (text !== undefined) return text;
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
    return text;
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
    const batch = this.#batch;
    const chunk = batch.subarray(0, this.#used);
    this.#batch = this.#spareBatches?.pop() ?? Buffer.allocUnsafe(BATCH_BYTES);
    this.#used = 0;
    const spare = this.#spareBatches;
    const written = spare
      ? this.#out.write(chunk, (error) => {
          if (!error && batch.length === BATCH_BYTES) spare.push(batch);
        })
      : this.#out.write(chunk);
    if (!written) await once(this.#out, 'drain');
  }
}

const BATCH_BYTES = 1 << 20;
/** A resource line's first buffer (the 100k bench's lines average 1.5 KB); it grows as needed. */
const LINE_BYTES = 64 << 10;
const COMMA = 0x2c;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;
const NEWLINE = 0x0a;

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
