import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files known to take seconds, longest first: on a clean clone (CI) vitest has no durations of a
 * previous run, and would order by file size, which says little about time here.
 */
const KNOWN_SLOW = [
  'tests/live/azure/collector.test.ts',
  'tests/report/browser.test.ts',
  'tests/scale/processes.test.ts',
  'tests/live/aws/live.test.ts',
  'tests/sources/azure/live-shard.test.ts',
  'tests/store/run-report.test.ts',
  'tests/send/cli.test.ts',
  'tests/live/azure/resource-listing.test.ts',
  'tests/sources/aws/live-shard.test.ts',
  'tests/sources/gcp/live-shard.test.ts',
  'tests/live/deadlines.test.ts',
];

/**
 * Longest files first, across projects, each smaller project's files together. Vitest's own
 * order runs projects one after the other (by name), which started the `postgres` project's
 * long files last, with one of the two workers idle at the end of the run. With two workers, the
 * files that take longest must start first for the run to end when the sum of its files, halved,
 * says it can. But a worker only goes on to the next file when that file is of its own project:
 * else it stops, and a new worker loads the modules again (a second or two with the cloud SDKs).
 * So a smaller project's files run as one block, placed where its longest file would be.
 */
export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const expected = new Map(files.map((spec) => [spec, this.expectedMs(spec)]));
    const longestFirst = [...files].sort((a, b) => expected.get(b)! - expected.get(a)!);
    const byProject = Map.groupBy(longestFirst, (spec) => spec.project.name);
    const largest = Math.max(...[...byProject.values()].map((specs) => specs.length));
    const order: TestSpecification[] = [];
    for (const spec of longestFirst) {
      const project = byProject.get(spec.project.name)!;
      if (project.length === largest) order.push(spec);
      else if (spec === project[0]) order.push(...project);
    }
    return order;
  }

  /** The file's duration in the previous run; else a known slow file's rank; else none. */
  private expectedMs(spec: TestSpecification): number {
    const previous = this.ctx.cache.getTestSpecificationResult(spec)?.duration;
    if (previous !== undefined) return previous;
    const rank = KNOWN_SLOW.findIndex((file) => spec.moduleId.endsWith(file));
    return rank === -1 ? 0 : (KNOWN_SLOW.length - rank) * 1_000;
  }
}
