import path from 'node:path';
import { type Command, Option } from 'commander';
import { compareText } from '../base/compare-text.ts';
import type { Lang } from '../model/localized.ts';
import { checkWritable } from '../report/atomic-file.ts';
import type { HistoryPoint } from '../report/html/index.ts';
import type { FindingsFile } from '../report/read-findings.ts';
import { REPORT_FORMATS, type ReportFormat, renderReport, writeReport } from '../report/render.ts';
import { escapeControls } from '../report/terminal-text.ts';
import { openExistingStore, refuseStoreAndNoStore, UsageError } from './history-command.ts';
import { defaultLang } from './lang.ts';

export interface ReportOptions {
  /** The findings file; or, with `run`, none: the run's shards in the store. */
  readonly input?: string;
  /** `--run RUN`: the merged findings of a sharded run in the store (--store or KANSA_STORE_URL). */
  readonly run?: string;
  readonly format: ReportFormat;
  readonly output?: string;
  readonly lang: Lang;
  /** Frameworks to report in (default: the scan's); several only for CSV, one file each. */
  readonly frameworkView?: readonly string[];
  /** Earlier findings files, for the HTML trend chart. */
  readonly history?: readonly string[];
  /** The history store whose earlier scans the HTML trend chart shows (`--store`, KANSA_STORE_URL). */
  readonly store?: string | boolean;
}

/**
 * `kansa report`: renders a findings file (`kansa scan --output findings.json`) as HTML, CSV,
 * OCSF or SARIF, without scanning again.
 */
export function registerReportCommand(program: Command): void {
  const report = program.command('report');
  const checkStoreFlags = refuseStoreAndNoStore(report);
  report
    .description(
      'render a findings file (kansa scan --output) as HTML, CSV, OCSF or SARIF, without rescanning',
    )
    .option('-i, --input <file>', 'the findings file (kansa scan --format json --output FILE)')
    .option(
      '--run <id>',
      'instead of --input: the merged shards of this run (kansa scan --run-id) in --store',
    )
    .addOption(new Option('--format <format>', 'output format').choices(REPORT_FORMATS).default('html'))
    .option(
      '-o, --output <file>',
      'write here (default: stdout); with several --framework-view, FILE.<framework>.csv each',
    )
    .addOption(
      new Option('--lang <lang>', 'language of the texts (HTML: the initial language)')
        .choices(['ja', 'en'])
        .default(defaultLang(), 'from the locale (LC_ALL, LC_MESSAGES, LANG)'),
    )
    .option(
      '--framework-view <names...>',
      'report in these frameworks (osaka, kobe, gov or a file; default: the scanned one); several: CSV only',
    )
    .option('--history <files...>', 'earlier findings files: the HTML report charts the trend')
    // A report reads a store only when one is named: unlike a scan's, its --store has no default store.
    .option(
      '--store <path|url>',
      'history store whose earlier scans the HTML report charts, and that --run reads: a SQLite file, or postgres://… (default: KANSA_STORE_URL; the store kansa scan records into by itself is not read)',
    )
    .option('--no-store', 'do not read scan history, not even KANSA_STORE_URL')
    .action(async function (this: Command, options: ReportOptions) {
      checkStoreFlags();
      if ((options.input === undefined) === (options.run === undefined)) {
        this.error('kansa report: give either --input FILE or --run RUN (with --store)', { exitCode: 2 });
      }
      const views = options.frameworkView ?? [];
      if (views.length > 1 && options.format !== 'csv') {
        this.error(`kansa report: several --framework-view values need --format csv (one file each)`, {
          exitCode: 2,
        });
      }
      if (views.length > 1 && !options.output) {
        this.error('kansa report: several --framework-view values need --output (one file per framework)', {
          exitCode: 2,
        });
      }
      await runReport(options);
    });
}

/** Renders the report (see registerReportCommand); errors in the input are thrown as InputError. */
export async function runReport(options: ReportOptions): Promise<void> {
  const names = options.frameworkView?.length ? options.frameworkView : [undefined];
  if (options.output) await checkWritable(options.output);
  const { loadView, readFindings } = await import('../report/read-findings.ts');
  const file = options.run
    ? await readRun(options.store, options.run, options.lang)
    : await readFindings(options.input!);
  const history = [
    ...(await readHistory(options.history ?? [])),
    ...(await storeHistory(options.store, file, options.run)),
  ].sort((a, b) => compareText(a.finishedAt, b.finishedAt));
  for (const name of names) {
    const view = await loadView(file, name);
    if (view.id !== file.scan.framework.id) {
      // Both ids come from files (a findings file, a framework file): escaped for the terminal.
      const [viewId, scanId] = [escapeControls(view.id), escapeControls(file.scan.framework.id)];
      process.stderr.write(
        `kansa: reporting in ${viewId}: the verdicts are the scan's (${scanId} parameters), mapped to ${viewId}'s requirements; scan with --framework ${viewId} for its parameters\n`,
      );
    }
    const output = options.output && names.length > 1 ? perViewPath(options.output, view.id) : options.output;
    await writeReport(
      output,
      await renderReport(options.format, { file, view, lang: options.lang, history }),
    );
  }
}

/** `out/findings.csv` + kobe → `out/findings.kobe.csv`. */
export function perViewPath(output: string, viewId: string): string {
  const ext = path.extname(output);
  return `${output.slice(0, output.length - ext.length)}.${viewId}${ext}`;
}

async function readHistory(files: readonly string[]): Promise<HistoryPoint[]> {
  const { readFindings } = await import('../report/read-findings.ts');
  const points: HistoryPoint[] = [];
  for (const f of files) {
    const { scan, summary } = await readFindings(f);
    points.push({
      finishedAt: scan.finishedAt,
      byStatus: summary.byStatus,
      failedBySeverity: summary.failedBySeverity,
    });
  }
  return points.sort((a, b) => compareText(a.finishedAt, b.finishedAt));
}

/** How many of the store's earlier scans the HTML trend chart shows. */
const STORE_TREND_SCANS = 30;

/**
 * The earlier scans of the same framework in the history store, for the trend chart: only a
 * store named with --store or KANSA_STORE_URL (a report never creates the default store).
 */
async function storeHistory(
  option: string | boolean | undefined,
  file: FindingsFile,
  /** A run's own shards are not its history. */
  runId?: string,
): Promise<HistoryPoint[]> {
  const named = namedStore(option);
  if (!named) return [];
  const { listScans } = await import('../store/history.ts');
  const engine = await openExistingStore(named);
  try {
    const scans = await listScans(engine, 1000);
    return scans
      .filter(
        (s) =>
          s.framework.id === file.scan.framework.id &&
          s.finishedAt < file.scan.finishedAt &&
          s.runId !== runId,
      )
      .slice(-STORE_TREND_SCANS)
      .map((s) => ({
        finishedAt: s.finishedAt,
        byStatus: {
          FAIL: s.counts.FAIL,
          UNKNOWN: s.counts.UNKNOWN,
          PASS: s.counts.PASS,
          NOT_APPLICABLE: s.counts.NOT_APPLICABLE,
        },
        failedBySeverity: s.counts.failedBySeverity as HistoryPoint['failedBySeverity'],
      }));
  } finally {
    await engine.close();
  }
}

/**
 * The merged findings of a sharded run in the named store. A run not complete is reported
 * partial, and what is missing (shards, scopes) is printed: it is never shown as complete.
 */
async function readRun(
  option: string | boolean | undefined,
  runId: string,
  lang: Lang,
): Promise<FindingsFile> {
  const named = namedStore(option);
  if (!named) throw new UsageError('kansa report --run needs the store: --store URL or KANSA_STORE_URL');
  const { readRunFindings } = await import('../store/run-report.ts');
  const { describeIncompleteRun } = await import('../store/runs.ts');
  const engine = await openExistingStore(named);
  try {
    const run = await readRunFindings(engine, runId);
    if (!run) throw new UsageError(`no run ${runId} in ${engine.location} (see kansa history)`);
    const { localizeProblem } = await import('../report/problem-text.ts');
    for (const line of describeIncompleteRun(run.status)) {
      process.stderr.write(`kansa: ${escapeControls(localizeProblem(line, lang))}\n`);
    }
    return run.file;
  } finally {
    await engine.close();
  }
}

/** A store named with --store or KANSA_STORE_URL (a report never creates the default store). */
function namedStore(option: string | boolean | undefined): string | undefined {
  const named =
    typeof option === 'string' ? option : option === false ? undefined : process.env.KANSA_STORE_URL;
  return named && named !== 'none' ? named : undefined;
}
