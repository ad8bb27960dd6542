import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Framework } from '../frameworks/framework.ts';
import type { FileCoverage, ScopeCoverage } from '../model/coverage.ts';
import type { Resource } from '../model/resource.ts';
import type { Finding } from '../scan/finding.ts';
import type { FindingTally, RequirementResult } from './summary.ts';

/** Version of the findings file format (src/report/findings-schema.json). Bump the major on breaking changes. */
export const FINDINGS_SCHEMA_VERSION = '1.1.0';

export interface ScanMetadata {
  readonly tool: { readonly name: 'kansa'; readonly version: string };
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly inputs: readonly string[];
  readonly framework: Pick<Framework, 'id' | 'version' | 'title' | 'file'> & { readonly orgPolicy?: string };
  readonly parameters: Framework['parameters'];
  /** True when some input could not be read: the findings cover only what was. */
  readonly partial: boolean;
}

export interface Coverage {
  readonly files: readonly FileCoverage[];
  /** The scopes a live scan read (subscriptions, accounts and regions, projects), with their errors. */
  readonly scopes: readonly ScopeCoverage[];
  readonly resourcesByType: readonly { provider: string; type: string; nativeType: string; count: number }[];
  /** Checks that could not decide, with how many resources: the export lacked the data. */
  readonly notEvaluated: readonly { checkId: string; resources: number }[];
}

/**
 * Writes the findings file as the scan runs: findings are streamed into the `findings` array
 * (none is kept in memory), and the scan metadata, requirement verdicts, summary and coverage
 * follow once the scan is done.
 */
export class JsonReportWriter {
  readonly #out: Writable;
  #count = 0;
  /**
   * Findings are encoded straight into a batch buffer and written a batch at a time: one write,
   * or one small Buffer, per finding would spend the scan on the stream and the allocator.
   */
  #batch = Buffer.allocUnsafe(BATCH_BYTES);
  #used = 0;

  constructor(out: Writable) {
    this.#out = out;
  }

  async begin(): Promise<void> {
    await this.#append([`{"schemaVersion":${JSON.stringify(FINDINGS_SCHEMA_VERSION)},"findings":[`]);
  }

  async finding(finding: Finding): Promise<void> {
    await this.#append(serializeFinding(finding, this.#count++ === 0 ? '\n' : ',\n'));
  }

  async end(trailer: {
    scan: ScanMetadata;
    requirements: readonly RequirementResult[];
    tally: FindingTally;
    coverage: Coverage;
    /** The history store's record of this scan (changes, OSK-8.1 verdict), when it has one. */
    history?: unknown;
    /** What became of each waiver (`--waivers`). */
    waivers?: unknown;
  }): Promise<void> {
    const { tally } = trailer;
    const summary = {
      findings: tally.total,
      byStatus: tally.byStatus,
      failedBySeverity: tally.failedBySeverity,
      waived: tally.waived,
    };
    const rest = {
      scan: trailer.scan,
      requirements: trailer.requirements,
      summary,
      coverage: trailer.coverage,
      ...(trailer.history ? { history: trailer.history } : {}),
      ...(trailer.waivers ? { waivers: trailer.waivers } : {}),
    };
    await this.#append([`\n],${JSON.stringify(rest, null, 1).slice(1)}\n`]);
    await this.#flush();
  }

  async #append(parts: readonly (string | Buffer)[]): Promise<void> {
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    const bound = parts.reduce(
      (n, part) => n + (typeof part === 'string' ? part.length * 3 : part.length),
      0,
    );
    if (this.#used + bound > this.#batch.length) {
      await this.#flush();
      if (bound > this.#batch.length) this.#batch = Buffer.allocUnsafe(bound);
    }
    for (const part of parts) {
      if (typeof part === 'string') this.#used += this.#batch.write(part, this.#used);
      else this.#used += part.copy(this.#batch, this.#used);
    }
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

/**
 * Buffer size for the findings file stream: large enough that the scan keeps evaluating while
 * earlier batches are written, instead of waiting for each write to finish.
 */
export const OUTPUT_HIGH_WATER_MARK = 4 << 20;

/**
 * A finding as JSON (the same as JSON.stringify gives), in parts. What a check repeats in
 * every finding (titles, remediation, requirement ids and clauses: long Japanese and English
 * texts, half of the file) is serialized and UTF-8 encoded once per check, and the resource
 * description once per resource.
 */
function serializeFinding(f: Finding, separator: string): (string | Buffer)[] {
  const requirements = encodedOnce(
    f.requirements,
    () => `,"requirements":${JSON.stringify(f.requirements)},"clauses":${JSON.stringify(f.clauses)}`,
  );
  const title = encodedOnce(f.title, () => `,"title":${JSON.stringify(f.title)}`);
  const remediation = encodedOnce(f.remediation, () => `,"remediation":${JSON.stringify(f.remediation)}}`);
  return [
    `${separator}{"id":"${f.id}","checkId":${JSON.stringify(f.checkId)}`,
    requirements,
    `,"status":"${f.status}","severity":"${f.severity}"`,
    title,
    `,"message":${JSON.stringify(f.message)}`,
    serializedOnce(f.resource, () => `,"resource":${JSON.stringify(f.resource)}`),
    `,"evidence":${JSON.stringify(f.evidence)}`,
    f.change ? `,"change":"${f.change}"` : '',
    f.waiver ? `,"waiver":${JSON.stringify(f.waiver)}` : '',
    f.history ? `,"history":${JSON.stringify(f.history)}` : '',
    remediation,
  ];
}

/** Per check (a handful of objects): kept encoded. */
const encoded = new WeakMap<object, Buffer>();
/** Per resource (millions): kept as a string, which the garbage collector frees with the resource. */
const serialized = new WeakMap<object, string>();

function encodedOnce(key: object, serialize: () => string): Buffer {
  let fragment = encoded.get(key);
  if (fragment === undefined) {
    fragment = Buffer.from(serialize());
    encoded.set(key, fragment);
  }
  return fragment;
}

function serializedOnce(key: object, serialize: () => string): string {
  let fragment = serialized.get(key);
  if (fragment === undefined) {
    fragment = serialize();
    serialized.set(key, fragment);
  }
  return fragment;
}

/** Resources counted by provider, kansa type and native type, for the coverage section. */
export function countResources(resources: Iterable<Resource>): Coverage['resourcesByType'] {
  const counts = new Map<string, { provider: string; type: string; nativeType: string; count: number }>();
  for (const r of resources) {
    const key = `${r.provider}\0${r.kansaType}\0${r.nativeType}`;
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { provider: r.provider, type: r.kansaType, nativeType: r.nativeType, count: 1 });
  }
  return [...counts.values()].sort(byResourceType);
}

/** The order of `resourcesByType`: total, so merged shards list them as one scan would. */
export function byResourceType(
  a: Coverage['resourcesByType'][number],
  b: Coverage['resourcesByType'][number],
): number {
  return (
    a.provider.localeCompare(b.provider) ||
    a.type.localeCompare(b.type) ||
    b.count - a.count ||
    a.nativeType.localeCompare(b.nativeType)
  );
}
