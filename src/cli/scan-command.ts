import type { Logger } from 'pino';
import type { Severity } from '../checks/check.ts';
import { loadFramework } from '../frameworks/load.ts';
import type { Lang } from '../model/localized.ts';
import type { Provider } from '../model/resource.ts';
import { type AtomicFile, checkWritable, openAtomic } from '../report/atomic-file.ts';
import {
  checksCatalogue,
  JsonReportWriter,
  OUTPUT_HIGH_WATER_MARK,
  scanEnd,
  scanStart,
} from '../report/json.ts';
import { type ReportFormat, renderReport, writeReport } from '../report/render.ts';
import { FindingTally } from '../report/summary.ts';
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
  /** text: the summary only (and the findings file with --output); json: the findings file; or a report. */
  readonly format: 'text' | 'json' | ReportFormat;
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
  const progress = progressReporter(process.stderr);
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
  const tally = new FindingTally();
  let newFailureAtThreshold = false;
  const start = scanStart({ framework, inputs: options.input, startedAt, version: VERSION });
  const evaluatedAt = new Date();
  const findings = (function* () {
    for (const finding of evaluate(inventory, framework, startedAt)) {
      tally.add(finding);
      // A failure with no change data (an inventory export, a state) may be new: it counts.
      if (options.failOn && finding.status === 'FAIL' && finding.change !== 'kept') {
        newFailureAtThreshold ||= SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[options.failOn];
      }
      yield finding;
    }
  })();
  const end = () =>
    scanEnd({
      framework,
      tally,
      providers: new Set<Provider>(inventory.accounts().map((a) => a.provider)),
      files,
      scopes,
      resources: inventory.all(),
    });

  let outcome: ReturnType<typeof end>;
  if (isReportFormat(options.format)) {
    // CSV, SARIF, OCSF or HTML straight from the findings, to --output or stdout.
    const [{ scanAsFindingsFile }, { scanView }] = await Promise.all([
      import('../report/scan-findings.ts'),
      import('../report/read-findings.ts'),
    ]);
    let ended: ReturnType<typeof end> | undefined;
    const file = scanAsFindingsFile({
      start,
      partial,
      evaluatedAt,
      findings,
      end: () => {
        ended = end();
        return ended;
      },
    });
    await writeReport(
      options.output,
      await renderReport(options.format, { file, view: scanView(file), lang: options.lang }),
    );
    outcome = ended ?? end();
  } else {
    // The findings file goes to --output, or to stdout with --format json; the summary to the terminal otherwise.
    const out: AtomicFile | undefined = options.output
      ? await openAtomic(options.output, { highWaterMark: OUTPUT_HIGH_WATER_MARK })
      : undefined;
    const jsonOut = out?.stream ?? (options.format === 'json' ? process.stdout : undefined);
    const writer = jsonOut ? new JsonReportWriter(jsonOut) : undefined;
    try {
      await writer?.begin(start, checksCatalogue(framework));
      for (const finding of findings) {
        const written = writer?.finding(finding);
        if (written) await written;
      }
      outcome = end();
      await writer?.end(outcome);
      await out?.commit();
    } catch (error) {
      await out?.abort();
      throw error;
    }
  }
  const summaryShown = options.format === 'text' || options.output !== undefined;
  if (!summaryShown) {
    // No terminal summary lists them: each unreadable input is a warning, printed once.
    for (const f of files) if (f.error) log.warn(f.error);
    for (const s of scopes) if (s.error) log.warn({ provider: s.provider, scope: s.scope }, s.error);
  } else {
    process.stdout.write(
      renderSummary({
        framework,
        requirements: outcome.requirements,
        tally,
        coverage: outcome.coverage,
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

function isReportFormat(format: ScanOptions['format']): format is ReportFormat {
  return format !== 'text' && format !== 'json';
}
