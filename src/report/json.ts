import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Framework } from '../frameworks/framework.ts';
import type { Resource } from '../model/resource.ts';
import type { Finding } from '../scan/finding.ts';
import type { FileCoverage } from '../sources/read-inputs.ts';
import type { FindingTally, RequirementResult } from './summary.ts';

/** Version of the findings file format (docs/findings-schema.json). Bump the major on breaking changes. */
export const FINDINGS_SCHEMA_VERSION = '1.0.0';

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
  /** Findings are written in batches: one write per finding would spend the scan waiting on the stream. */
  #batch: Buffer[] = [];
  #batchBytes = 0;

  constructor(out: Writable) {
    this.#out = out;
  }

  async begin(): Promise<void> {
    this.#add(Buffer.from(`{"schemaVersion":${JSON.stringify(FINDINGS_SCHEMA_VERSION)},"findings":[`));
  }

  async finding(finding: Finding): Promise<void> {
    if (this.#count++ > 0) this.#add(COMMA);
    for (const part of serializeFinding(finding)) this.#add(part);
    if (this.#batchBytes >= BATCH_BYTES) await this.#flush();
  }

  async end(trailer: {
    scan: ScanMetadata;
    requirements: readonly RequirementResult[];
    tally: FindingTally;
    coverage: Coverage;
  }): Promise<void> {
    const { tally } = trailer;
    const summary = {
      findings: tally.total,
      byStatus: tally.byStatus,
      failedBySeverity: tally.failedBySeverity,
    };
    const rest = {
      scan: trailer.scan,
      requirements: trailer.requirements,
      summary,
      coverage: trailer.coverage,
    };
    this.#add(Buffer.from(`\n],${JSON.stringify(rest, null, 1).slice(1)}\n`));
    await this.#flush();
  }

  #add(part: Buffer): void {
    this.#batch.push(part);
    this.#batchBytes += part.length;
  }

  async #flush(): Promise<void> {
    const chunk = Buffer.concat(this.#batch, this.#batchBytes);
    this.#batch = [];
    this.#batchBytes = 0;
    if (!this.#out.write(chunk)) await once(this.#out, 'drain');
  }
}

const BATCH_BYTES = 1 << 20;

/**
 * Buffer size for the findings file stream: large enough that the scan keeps evaluating while
 * earlier batches are written, instead of waiting for each write to finish.
 */
export const OUTPUT_HIGH_WATER_MARK = 4 << 20;
const COMMA = Buffer.from(',');

/**
 * A finding as JSON (the same as JSON.stringify gives), in parts. What a check repeats in
 * every finding (titles, remediation, requirement ids and clauses: long Japanese and English
 * texts, half of the file) is serialized and UTF-8 encoded once per check and reused, and the
 * resource description once per resource.
 */
function serializeFinding(f: Finding): Buffer[] {
  const requirements = cached(
    f.requirements,
    () => `,"requirements":${JSON.stringify(f.requirements)},"clauses":${JSON.stringify(f.clauses)}`,
  );
  const title = cached(f.title, () => `,"title":${JSON.stringify(f.title)}`);
  const remediation = cached(f.remediation, () => `,"remediation":${JSON.stringify(f.remediation)}}`);
  return [
    Buffer.from(`\n{"id":"${f.id}","checkId":${JSON.stringify(f.checkId)}`),
    requirements,
    Buffer.from(`,"status":"${f.status}","severity":"${f.severity}"`),
    title,
    Buffer.from(`,"message":${JSON.stringify(f.message)}`),
    cached(f.resource, () => `,"resource":${JSON.stringify(f.resource)}`),
    Buffer.from(`,"evidence":${JSON.stringify(f.evidence)}`),
    remediation,
  ];
}

const fragments = new WeakMap<object, Buffer>();

function cached(key: object, serialize: () => string): Buffer {
  let fragment = fragments.get(key);
  if (fragment === undefined) {
    fragment = Buffer.from(serialize());
    fragments.set(key, fragment);
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
  return [...counts.values()].sort(
    (a, b) => a.provider.localeCompare(b.provider) || a.type.localeCompare(b.type) || b.count - a.count,
  );
}
