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
  readonly framework: Pick<Framework, 'id' | 'version' | 'title' | 'file'>;
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

  constructor(out: Writable) {
    this.#out = out;
  }

  async begin(): Promise<void> {
    await this.#write(`{"schemaVersion":${JSON.stringify(FINDINGS_SCHEMA_VERSION)},"findings":[`);
  }

  async finding(finding: Finding): Promise<void> {
    await this.#write(`${this.#count++ === 0 ? '\n' : ',\n'}${JSON.stringify(finding)}`);
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
    await this.#write(`\n],${JSON.stringify(rest, null, 1).slice(1)}\n`);
  }

  async #write(chunk: string): Promise<void> {
    if (!this.#out.write(chunk)) await once(this.#out, 'drain');
  }
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
