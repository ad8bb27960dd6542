import type { Finding } from '../scan/finding.ts';
import type { ScanEnd, ScanStart } from './findings-schema.ts';
import { FINDINGS_SCHEMA_VERSION } from './findings-schema.ts';
import type { FindingsFile } from './read-findings.ts';

/**
 * A scan seen as a findings file, for `kansa scan --format csv|sarif|ocsf|html`: the reports
 * are rendered straight from the scan's findings, as they are made, with no findings file in
 * between. The renderers read the requirements, summary and coverage only after the last
 * finding (`end` gives them then); the scan's finish time is when evaluation started, the
 * moment the findings are made.
 */
export function scanAsFindingsFile(args: {
  start: ScanStart;
  partial: boolean;
  evaluatedAt: Date;
  findings: Iterable<Finding>;
  end: () => ScanEnd;
}): FindingsFile {
  let end: ScanEnd | undefined;
  const ended = (): ScanEnd => {
    if (!end) throw new Error('the scan outcome was read before the last finding');
    return end;
  };
  return {
    schemaVersion: FINDINGS_SCHEMA_VERSION,
    scan: { ...args.start, finishedAt: args.evaluatedAt.toISOString(), partial: args.partial },
    get requirements() {
      return ended().requirements;
    },
    get summary() {
      return ended().summary;
    },
    get coverage() {
      return ended().coverage;
    },
    findings: {
      *[Symbol.iterator]() {
        if (end) throw new Error('a scan’s findings are read once');
        yield* args.findings;
        end = args.end();
      },
    },
  };
}
