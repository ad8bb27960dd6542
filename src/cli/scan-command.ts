import type { Logger } from 'pino';
import type { Severity } from '../checks/check.ts';
import { loadFramework } from '../frameworks/load.ts';
import type { Lang } from '../model/localized.ts';
import type { Provider } from '../model/resource.ts';
import { type AtomicFile, checkWritable, openAtomic } from '../report/atomic-file.ts';
import { type Coverage, countResources, JsonReportWriter, OUTPUT_HIGH_WATER_MARK } from '../report/json.ts';
import { FindingTally, type RequirementResult } from '../report/summary.ts';
import { renderSummary } from '../report/terminal.ts';
import { evaluate } from '../scan/evaluate.ts';
import { SEVERITY_RANK } from '../scan/finding.ts';
import { readInventory } from '../scan/read-inventory.ts';
import type { LiveSource } from '../sources/live.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { progressReporter } from './progress.ts';
import { VERSION } from './version.ts';

export interface ScanOptions {
  readonly input: readonly string[];
  readonly live: readonly LiveSource[];
  readonly concurrency: number;
  readonly saveInventory?: string;
  readonly framework: string;
  readonly orgPolicy?: string;
  readonly format: 'text' | 'json';
  readonly output?: string;
  readonly failOn?: Severity;
  /** --fail-on counts only failures a Terraform plan brings in (findings without change data count). */
  readonly onlyNew?: boolean;
  /** Exit 0/1 on a partial scan instead of 3: the user accepts that some inputs could not be read. */
  readonly allowPartial?: boolean;
  /** Bound of a gzip input's inflated size, in MiB (`--max-inflated-mib`). */
  readonly maxInflatedMib?: number;
  readonly lang: Lang;
}

/** Exit codes (see exit-codes.ts): 0, 1 (--fail-on), 3 (partial); 2 is thrown as InputError or OutputError. */
export async function runScan(options: ScanOptions, log: Logger): Promise<ExitCode> {
  const startedAt = new Date();
  // Fail before scanning, not after, when the findings file cannot be written.
  if (options.output) await checkWritable(options.output);
  const base = await loadFramework(options.framework);
  // The organisation policy brings the CEL engine: loaded only when one is given.
  const framework = options.orgPolicy
    ? await (await import('../frameworks/org-policy.ts')).applyOrgPolicy(base, options.orgPolicy)
    : base;
  const progress = progressReporter(process.stderr, options.lang);
  const { inventory, files, scopes } = await readInventory(
    {
      inputs: options.input,
      live: options.live,
      concurrency: options.concurrency,
      ...(options.saveInventory ? { saveInventoryDir: options.saveInventory } : {}),
      ...(options.maxInflatedMib ? { maxInflatedBytes: options.maxInflatedMib * 2 ** 20 } : {}),
    },
    log,
    progress.update,
  );
  progress.done();

  const partial = files.some((f) => f.error) || scopes.some((s) => s.error);
  // The findings file goes to --output, or to stdout with --format json; the summary to the terminal otherwise.
  const file: AtomicFile | undefined = options.output
    ? await openAtomic(options.output, { highWaterMark: OUTPUT_HIGH_WATER_MARK })
    : undefined;
  const jsonOut = file?.stream ?? (options.format === 'json' ? process.stdout : undefined);
  const writer = jsonOut ? new JsonReportWriter(jsonOut) : undefined;
  const tally = new FindingTally();
  let newFailureAtThreshold = false;
  const providers = new Set<Provider>(inventory.accounts().map((a) => a.provider));
  let requirements: RequirementResult[];
  let coverage: Coverage;
  try {
    await writer?.begin();
    for (const finding of evaluate(inventory, framework, startedAt)) {
      tally.add(finding);
      // A failure with no change data (an inventory export, a state) may be new: it counts.
      if (options.failOn && finding.status === 'FAIL' && finding.change !== 'kept') {
        newFailureAtThreshold ||= SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[options.failOn];
      }
      await writer?.finding(finding);
    }
    requirements = tally.requirements(framework, providers);
    coverage = {
      files,
      scopes,
      resourcesByType: countResources(inventory.all()),
      notEvaluated: [...tally.unknownByCheck].map(([checkId, resources]) => ({ checkId, resources })),
    };
    await writer?.end({
      scan: {
        tool: { name: 'kansa', version: VERSION },
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        inputs: options.input,
        framework: {
          id: framework.id,
          version: framework.version,
          title: framework.title,
          file: framework.file,
          ...(framework.orgPolicyFile ? { orgPolicy: framework.orgPolicyFile } : {}),
        },
        parameters: framework.parameters,
        partial,
      },
      requirements,
      tally,
      coverage,
    });
    await file?.commit();
  } catch (error) {
    await file?.abort();
    throw error;
  }
  const summaryShown = !(options.format === 'json' && !options.output);
  if (!summaryShown) {
    // No terminal summary lists them: each unreadable input is a warning, printed once.
    for (const f of files) if (f.error) log.warn(f.error);
    for (const s of scopes) if (s.error) log.warn({ provider: s.provider, scope: s.scope }, s.error);
  } else {
    process.stdout.write(
      renderSummary({
        framework,
        requirements,
        tally,
        coverage,
        resources: inventory.size,
        lang: options.lang,
        color: process.stdout.isTTY === true,
      }),
    );
  }
  if (options.failOn) {
    const failed = options.onlyNew ? newFailureAtThreshold : tally.failedAtOrAbove(options.failOn);
    if (failed) return EXIT.failOn;
  }
  return partial && !options.allowPartial ? EXIT.partial : EXIT.ok;
}
