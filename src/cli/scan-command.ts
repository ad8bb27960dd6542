import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { Severity } from '../checks/check.ts';
import { CHECKS_BY_ID } from '../checks/index.ts';
import { loadFramework } from '../frameworks/load.ts';
import type { WaiverMatcher } from '../frameworks/waivers.ts';
import type { Lang } from '../model/localized.ts';
import type { Provider } from '../model/resource.ts';
import { type AtomicFile, checkWritable, openAtomic } from '../report/atomic-file.ts';
import type { ScanEnd, ScanStart } from '../report/findings-schema.ts';
import {
  checksCatalogue,
  JsonReportWriter,
  OUTPUT_HIGH_WATER_MARK,
  scanEnd,
  scanStart,
} from '../report/json.ts';
import { type ReportFormat, renderReport, writeReport } from '../report/render.ts';
import { FindingTally, type RequirementResult } from '../report/summary.ts';
import { renderSummary } from '../report/terminal.ts';
import { evaluate } from '../scan/evaluate.ts';
import { annotate, type Finding, SEVERITY_RANK } from '../scan/finding.ts';
import { readInventory } from '../scan/read-inventory.ts';
import type { Shard } from '../scan/shard.ts';
import type { LiveSource, LiveTimeouts } from '../sources/live.ts';
import { storeLocation } from '../store/open.ts';
import type { RecordedScan, ScanToRecord } from '../store/record.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { renderScanHistory } from './history-text.ts';
import { progressReporter } from './progress.ts';
import type { ScanHistory } from './scan-history.ts';
import { VERSION } from './version.ts';

export interface ScanOptions {
  readonly input: readonly string[];
  readonly live: readonly LiveSource[];
  readonly concurrency: number;
  readonly timeout?: Partial<LiveTimeouts>;
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
  /** Bound of all the input a scan reads, inflated, in MiB (`--max-input-mib`). */
  readonly maxInputMib?: number;
  readonly lang: Lang;
  /** `--store PATH|URL`; false with `--no-store`; else KANSA_STORE_URL or the user's data directory. */
  readonly store?: string | boolean;
  /** Seconds to wait for another run holding the store's run lock. */
  readonly storeWait?: number;
  readonly waivers?: string;
  /** Waivers expiring within this many days are warned about. */
  readonly waiverWarnDays?: number;
  /** `--shard I/N`: this process scans one shard of the estate (issue 17). */
  readonly shard?: Shard;
  /** The run the shard records into (resolveRunId); undefined: the scan is its own run. */
  readonly runId?: string | undefined;
  /** `--quota-share N`: processes sharing the identity's API quota. */
  readonly quotaShare?: number;
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
  // Waivers are YAML: the YAML library is loaded only when a waivers file is given.
  const waivers = options.waivers
    ? await import('../frameworks/waivers.ts').then(
        async ({ loadWaivers, WaiverMatcher }) =>
          new WaiverMatcher(
            await loadWaivers(
              options.waivers!,
              new Set([...CHECKS_BY_ID.keys(), ...framework.customChecks.map((c) => c.meta.id)]),
            ),
            startedAt,
            options.waiverWarnDays,
          ),
      )
    : undefined;
  // The store is opened and its run lock taken before reading anything: two runs never overlap.
  const location = storeLocation(options.store);
  const run = options.runId
    ? { id: options.runId, shard: options.shard?.index ?? 0, shards: options.shard?.count ?? 1 }
    : undefined;
  // The store's code is loaded only for a scan that records into it (not with --no-store).
  const history = location
    ? await (await import('./scan-history.ts')).ScanHistory.open(location, options.storeWait ?? 0, log, run)
    : undefined;
  try {
    return await scanInto(options, log, { startedAt, framework, waivers, history });
  } finally {
    await history?.close();
  }
}

async function scanInto(
  options: ScanOptions,
  log: Logger,
  context: {
    startedAt: Date;
    framework: Awaited<ReturnType<typeof loadFramework>>;
    waivers: WaiverMatcher | undefined;
    history: ScanHistory | undefined;
  },
): Promise<ExitCode> {
  const { startedAt, framework, waivers, history } = context;
  const progress = progressReporter(process.stderr, options.lang);
  // The files' SHA-256 is printed by the findings file, the reports and the store, not the summary.
  const summaryOnly = options.format === 'text' && options.output === undefined && history === undefined;
  const { inventory, files, scopes, shardKeys } = await readInventory(
    {
      inputs: options.input,
      live: options.live,
      concurrency: options.concurrency,
      fileDigests: !summaryOnly,
      ...(options.timeout ? { timeouts: options.timeout } : {}),
      ...(options.saveInventory ? { saveInventoryDir: options.saveInventory } : {}),
      ...(options.maxInflatedMib ? { maxInflatedBytes: options.maxInflatedMib * 2 ** 20 } : {}),
      ...(options.maxInputMib ? { maxInputBytes: options.maxInputMib * 2 ** 20 } : {}),
      ...(options.shard ? { shard: options.shard } : {}),
      ...(options.quotaShare ? { quotaShare: options.quotaShare } : {}),
    },
    log,
    progress.update,
  );
  progress.done();
  await history?.begin(inventory.accounts());

  const partial = files.some((f) => f.error) || scopes.some((s) => s.error);
  const tally = new FindingTally();
  let newFailureAtThreshold = false;
  const providers = new Set<Provider>(inventory.accounts().map((a) => a.provider));
  const start = scanStart({ framework, inputs: options.input, startedAt, version: VERSION });
  const scanTime = start.startedAt;
  const evaluatedAt = new Date();
  // A shard of a named run keeps its whole findings file in the store, for `kansa report --run`:
  // its findings are kept until the scan ends, then written into it.
  const shardFindings: Finding[] | undefined = history && options.runId ? [] : undefined;
  /**
   * A finding of the evaluation as the scan reports it: with its waiver and its history state,
   * counted (the tally, --fail-on) and, for a shard of a named run, kept. Every path (the
   * summary, the findings file, a report) takes the findings through it, in the evaluation's order.
   */
  const settle = (verdict: Finding): Finding => {
    // A waiver may match on the resource's tags, which the finding does not carry.
    const waiver = waivers?.match(
      verdict,
      inventory.byId(verdict.resource.provider, verdict.resource.id)?.tags ?? {},
    );
    const withWaiver = waiver ? annotate(verdict, { waiver }) : verdict;
    const state = history?.observe(withWaiver, scanTime);
    const finding = state ? annotate(withWaiver, { history: state }) : withWaiver;
    tally.add(finding);
    // A failure with no change data (an inventory export, a state) may be new: it counts;
    // a waived failure does not.
    if (options.failOn && finding.status === 'FAIL' && !finding.waiver && finding.change !== 'kept') {
      newFailureAtThreshold ||= SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[options.failOn];
    }
    shardFindings?.push(finding);
    return finding;
  };
  const outcome = () => ({
    ...scanEnd({ framework, tally, providers, files, scopes, resources: inventory.all() }),
    ...(waivers ? { waivers: waivers.outcomes() } : {}),
  });
  /** Records the scan in the history store (when there is one), and what that changes in the verdicts. */
  const record = async (end: ReturnType<typeof outcome>) => {
    if (!history) return { end, recorded: undefined };
    const scan = { ...start, finishedAt: end.finishedAt, partial };
    const recorded = await recordScan(history, {
      scan,
      files,
      scopes,
      inventory,
      framework,
      requirements: end.requirements,
      ...(shardFindings ? { document: await shardDocument(start, framework, shardFindings, end) } : {}),
      ...(shardKeys ? { shardKeys } : {}),
      tally,
    });
    log.info({ scan: recorded.id, changes: recorded.changes }, 'scan recorded in the history store');
    return {
      end: {
        ...end,
        requirements: withMonitoringVerdict(end.requirements, recorded),
        history: historySection(recorded, history.location),
      },
      recorded,
    };
  };

  let requirements: RequirementResult[];
  let coverage: ReturnType<typeof outcome>['coverage'];
  let recorded: RecordedScan | undefined;
  if (isReportFormat(options.format)) {
    // CSV, SARIF, OCSF or HTML straight from the findings, to --output or stdout. The store
    // records the scan once the report is written: this report's verdicts are the scan's own
    // (the history's change-monitoring verdict shows in the findings file and `kansa report`).
    const [{ scanAsFindingsFile }, { scanView }] = await Promise.all([
      import('../report/scan-findings.ts'),
      import('../report/read-findings.ts'),
    ]);
    let ended: ReturnType<typeof outcome> | undefined;
    const file = scanAsFindingsFile({
      start,
      partial,
      evaluatedAt,
      findings: (function* () {
        for (const verdict of evaluate(inventory, framework, startedAt)) yield settle(verdict);
      })(),
      end: () => {
        ended = outcome();
        return ended;
      },
    });
    await writeReport(
      options.output,
      await renderReport(options.format, {
        file,
        view: scanView(file, new Map(framework.requirements.map((r) => [r.id, r.force]))),
        lang: options.lang,
      }),
    );
    const after = await record(ended ?? outcome());
    ({ requirements, coverage } = after.end);
    recorded = after.recorded;
  } else {
    // The findings file goes to --output, or to stdout with --format json; the summary to the terminal otherwise.
    const out: AtomicFile | undefined = options.output
      ? await openAtomic(options.output, { highWaterMark: OUTPUT_HIGH_WATER_MARK })
      : undefined;
    const jsonOut = out?.stream ?? (options.format === 'json' ? process.stdout : undefined);
    // The findings file's stream (FileSink) is done with a chunk once it is written.
    const writer = jsonOut
      ? new JsonReportWriter(jsonOut, { reuseChunks: jsonOut === out?.stream })
      : undefined;
    try {
      await writer?.begin(start, checksCatalogue(framework));
      // Without the findings file or the history store, only failures are shown (the summary's
      // worst, --fail-on, waivers): the other results are only counted, and make no finding.
      const counted = writer || history ? undefined : tally;
      for (const verdict of evaluate(inventory, framework, startedAt, counted)) {
        const finding = settle(verdict);
        const written = writer?.finding(finding);
        if (written) await written;
      }
      const after = await record(outcome());
      await writer?.end(after.end);
      await out?.commit();
      ({ requirements, coverage } = after.end);
      recorded = after.recorded;
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
    // Machine output on stdout: the waivers that need a person's attention go to stderr.
    const notes = renderScanHistory({
      waivers: waivers?.outcomes().filter((w) => w.state !== 'active'),
      tally,
      lang: options.lang,
    });
    if (notes) process.stderr.write(notes);
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
    process.stdout.write(
      renderScanHistory({
        recorded,
        store: history?.location,
        waivers: waivers?.outcomes(),
        tally,
        lang: options.lang,
      }),
    );
  }
  if (options.failOn) {
    const failed = options.onlyNew ? newFailureAtThreshold : tally.failedAtOrAbove(options.failOn);
    if (failed) return EXIT.failOn;
  }
  return partial && !options.allowPartial ? EXIT.partial : EXIT.ok;
}

/** Records the scan in the store, with OSK-8.1 decided from the history when the framework asks. */
function recordScan(
  history: ScanHistory,
  args: {
    scan: Parameters<ScanHistory['commit']>[0]['scan'];
    files: Parameters<ScanHistory['commit']>[0]['files'];
    scopes: Parameters<ScanHistory['commit']>[0]['scopes'];
    inventory: { accounts(): { provider: Provider; account: string }[] };
    framework: Awaited<ReturnType<typeof loadFramework>>;
    requirements: readonly RequirementResult[];
    tally: FindingTally;
    document?: string;
    shardKeys?: ScanToRecord['shardKeys'];
  },
): Promise<RecordedScan> {
  const monitoring = args.framework.parameters.changeMonitoring;
  return history.commit({
    ...(args.document !== undefined ? { document: args.document } : {}),
    ...(args.shardKeys ? { shardKeys: args.shardKeys } : {}),
    scan: args.scan,
    files: args.files,
    scopes: args.scopes,
    accounts: args.inventory.accounts(),
    checks: [...new Set(args.framework.requirements.flatMap((r) => r.checks))],
    requirements: args.requirements,
    byStatus: args.tally.byStatus,
    failedBySeverity: args.tally.failedBySeverity,
    waived: args.tally.waived,
    ...(monitoring.requirement
      ? { changeMonitoring: { ...monitoring, requirement: monitoring.requirement } }
      : {}),
  });
}

/** The change-monitoring requirement (OSK-8.1) with the verdict the history gave, no longer MANUAL. */
function withMonitoringVerdict(
  requirements: RequirementResult[],
  recorded: RecordedScan,
): RequirementResult[] {
  const verdict = recorded.monitoring;
  if (!verdict) return requirements;
  return requirements.map((r) =>
    r.id === verdict.requirement
      ? { ...r, status: verdict.status, counts: { ...r.counts, FAIL: verdict.overdueCount }, manual: [] }
      : r,
  );
}

/** A shard's findings file (version 2), as text for the store: bounded by the shard's size. */
async function shardDocument(
  start: ScanStart,
  framework: Awaited<ReturnType<typeof loadFramework>>,
  findings: readonly Finding[],
  end: ScanEnd,
): Promise<string> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    highWaterMark: OUTPUT_HIGH_WATER_MARK,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const writer = new JsonReportWriter(sink);
  await writer.begin(start, checksCatalogue(framework));
  for (const finding of findings) {
    const written = writer.finding(finding);
    if (written) await written;
  }
  await writer.end(end);
  return Buffer.concat(chunks).toString('utf8');
}

/** The findings file's `history` section. */
function historySection(recorded: RecordedScan, store: string) {
  return {
    store,
    scanId: recorded.id,
    seq: recorded.seq,
    changes: recorded.changes,
    ...(recorded.previous ? { previous: recorded.previous } : {}),
    ...(recorded.monitoring ? { monitoring: recorded.monitoring } : {}),
  };
}

function isReportFormat(format: ScanOptions['format']): format is ReportFormat {
  return format !== 'text' && format !== 'json';
}
