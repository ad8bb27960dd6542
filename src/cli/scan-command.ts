import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Logger } from 'pino';
import type { Severity } from '../checks/check.ts';
import { loadFramework } from '../frameworks/load.ts';
import { applyOrgPolicy } from '../frameworks/org-policy.ts';
import { loadWaivers, WaiverMatcher } from '../frameworks/waivers.ts';
import type { Lang } from '../model/localized.ts';
import type { Provider } from '../model/resource.ts';
import { countResources, JsonReportWriter, OUTPUT_HIGH_WATER_MARK } from '../report/json.ts';
import { FindingTally } from '../report/summary.ts';
import { renderSummary } from '../report/terminal.ts';
import { evaluate } from '../scan/evaluate.ts';
import { readInventory } from '../scan/read-inventory.ts';
import type { LiveSource } from '../sources/live.ts';
import { storeLocation } from '../store/open.ts';
import type { RecordedScan } from '../store/record.ts';
import { renderScanHistory } from './history-text.ts';
import { progressReporter } from './progress.ts';
import { ScanHistory } from './scan-history.ts';
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
  readonly lang: Lang;
  /** `--store PATH|URL`; false with `--no-store`; else KANSA_STORE_URL or the user's data directory. */
  readonly store?: string | boolean;
  /** Seconds to wait for another run holding the store's run lock. */
  readonly storeWait?: number;
  readonly waivers?: string;
  /** Waivers expiring within this many days are warned about. */
  readonly waiverWarnDays?: number;
}

/** Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it (2 is thrown as InputError). */
export async function runScan(options: ScanOptions, log: Logger): Promise<number> {
  const startedAt = new Date();
  const base = await loadFramework(options.framework);
  const framework = options.orgPolicy ? await applyOrgPolicy(base, options.orgPolicy) : base;
  const waivers = options.waivers
    ? new WaiverMatcher(await loadWaivers(options.waivers), startedAt, options.waiverWarnDays)
    : undefined;
  const location = storeLocation(options.store);
  const history = location ? await ScanHistory.open(location, options.storeWait ?? 0, log) : undefined;
  try {
    return await scanInto(options, log, { startedAt, framework, waivers, history });
  } finally {
    await history?.close();
  }
}

async function scanInto(
  options: ScanOptions,
  log: Logger,
  {
    startedAt,
    framework,
    waivers,
    history,
  }: {
    startedAt: Date;
    framework: Awaited<ReturnType<typeof loadFramework>>;
    waivers: WaiverMatcher | undefined;
    history: ScanHistory | undefined;
  },
): Promise<number> {
  const progress = progressReporter(process.stderr);
  const { inventory, files, scopes } = await readInventory(
    {
      inputs: options.input,
      live: options.live,
      concurrency: options.concurrency,
      ...(options.saveInventory ? { saveInventoryDir: options.saveInventory } : {}),
    },
    log,
    progress.update,
  );
  progress.done();

  // The findings file goes to --output, or to stdout with --format json; the summary to the terminal otherwise.
  const jsonOut: Writable | undefined = options.output
    ? createWriteStream(options.output, { highWaterMark: OUTPUT_HIGH_WATER_MARK })
    : options.format === 'json'
      ? process.stdout
      : undefined;
  const writer = jsonOut ? new JsonReportWriter(jsonOut) : undefined;
  const tally = new FindingTally();
  await writer?.begin();
  const scanTime = startedAt.toISOString();
  for (const verdict of evaluate(inventory, framework, startedAt)) {
    let finding = verdict;
    const waiver = waivers?.match(
      finding,
      inventory.byId(finding.resource.provider, finding.resource.id)?.tags ?? {},
    );
    if (waiver) finding = { ...finding, waiver };
    const state = history?.observe(finding, scanTime);
    if (state) finding = { ...finding, history: state };
    tally.add(finding);
    await writer?.finding(finding);
  }

  const providers = new Set<Provider>(inventory.accounts().map((a) => a.provider));
  let requirements = tally.requirements(framework, providers);
  const coverage = {
    files,
    scopes,
    resourcesByType: countResources(inventory.all()),
    notEvaluated: [...tally.unknownByCheck].map(([checkId, resources]) => ({ checkId, resources })),
  };
  const scan = {
    tool: { name: 'kansa', version: VERSION },
    startedAt: scanTime,
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
    partial: files.some((f) => f.error) || scopes.some((s) => s.error),
  } as const;
  let recorded: RecordedScan | undefined;
  if (history) {
    const monitoring = framework.parameters.changeMonitoring;
    recorded = await history.commit({
      scan,
      files,
      scopes,
      accounts: inventory.accounts(),
      checks: [...new Set(framework.requirements.flatMap((r) => r.checks))],
      requirements,
      byStatus: tally.byStatus,
      waived: tally.waived,
      ...(monitoring.requirement
        ? { changeMonitoring: { ...monitoring, requirement: monitoring.requirement } }
        : {}),
    });
    const verdict = recorded.monitoring;
    if (verdict) {
      requirements = requirements.map((r) =>
        r.id === verdict.requirement
          ? { ...r, status: verdict.status, counts: { ...r.counts, FAIL: verdict.overdueCount }, manual: [] }
          : r,
      );
    }
    log.info({ scan: recorded.id, changes: recorded.changes }, 'scan recorded in the history store');
  }
  const historySection =
    recorded && history
      ? {
          store: history.location,
          scanId: recorded.id,
          seq: recorded.seq,
          changes: recorded.changes,
          ...(recorded.previous ? { previous: recorded.previous } : {}),
          ...(recorded.monitoring ? { monitoring: recorded.monitoring } : {}),
        }
      : undefined;
  const waiverOutcomes = waivers?.outcomes();
  if (writer && jsonOut) {
    await writer.end({
      scan,
      requirements,
      tally,
      coverage,
      ...(historySection ? { history: historySection } : {}),
      ...(waiverOutcomes ? { waivers: waiverOutcomes } : {}),
    });
    if (jsonOut !== process.stdout) {
      jsonOut.end();
      await finished(jsonOut);
    }
  }
  if (!(options.format === 'json' && !options.output)) {
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
        waivers: waiverOutcomes,
        tally,
        lang: options.lang,
      }),
    );
  } else {
    // Machine output on stdout: what needs a person's attention still goes to stderr.
    const notes = renderScanHistory({
      waivers: waiverOutcomes?.filter((w) => w.state !== 'active'),
      tally,
      lang: options.lang,
    });
    if (notes) process.stderr.write(notes);
  }
  return options.failOn && tally.failedAtOrAbove(options.failOn) ? 1 : 0;
}
