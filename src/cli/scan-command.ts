import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Logger } from 'pino';
import type { Severity } from '../checks/check.ts';
import { loadFramework } from '../frameworks/load.ts';
import { applyOrgPolicy } from '../frameworks/org-policy.ts';
import type { Lang } from '../model/localized.ts';
import type { Provider } from '../model/resource.ts';
import { countResources, JsonReportWriter, OUTPUT_HIGH_WATER_MARK } from '../report/json.ts';
import { FindingTally } from '../report/summary.ts';
import { renderSummary } from '../report/terminal.ts';
import { evaluate } from '../scan/evaluate.ts';
import { readInventory } from '../scan/read-inventory.ts';
import type { LiveSource, LiveTimeouts } from '../sources/live.ts';
import { progressReporter } from './progress.ts';
import { VERSION } from './version.ts';

export interface ScanOptions {
  readonly input: readonly string[];
  readonly live: readonly LiveSource[];
  readonly concurrency: number;
  readonly timeout?: Partial<LiveTimeouts>;
  readonly saveInventory?: string;
  readonly framework: string;
  readonly orgPolicy?: string;
  readonly format: 'text' | 'json';
  readonly output?: string;
  readonly failOn?: Severity;
  readonly lang: Lang;
}

/** Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it (2 is thrown as InputError). */
export async function runScan(options: ScanOptions, log: Logger): Promise<number> {
  const startedAt = new Date();
  const base = await loadFramework(options.framework);
  const framework = options.orgPolicy ? await applyOrgPolicy(base, options.orgPolicy) : base;
  const progress = progressReporter(process.stderr);
  const { inventory, files, scopes } = await readInventory(
    {
      inputs: options.input,
      live: options.live,
      concurrency: options.concurrency,
      ...(options.timeout ? { timeouts: options.timeout } : {}),
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
  for (const finding of evaluate(inventory, framework, startedAt)) {
    tally.add(finding);
    await writer?.finding(finding);
  }

  const providers = new Set<Provider>(inventory.accounts().map((a) => a.provider));
  const requirements = tally.requirements(framework, providers);
  const coverage = {
    files,
    scopes,
    resourcesByType: countResources(inventory.all()),
    notEvaluated: [...tally.unknownByCheck].map(([checkId, resources]) => ({ checkId, resources })),
  };
  if (writer && jsonOut) {
    await writer.end({
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
        partial: files.some((f) => f.error) || scopes.some((s) => s.error),
      },
      requirements,
      tally,
      coverage,
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
  }
  return options.failOn && tally.failedAtOrAbove(options.failOn) ? 1 : 0;
}
