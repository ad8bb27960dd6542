import { existsSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { counted } from '../base/counted.ts';
import type { Lang } from '../model/localized.ts';
import { diffScans, type ScanDiff } from '../store/diff.ts';
import type { SqlEngine } from '../store/engine.ts';
import {
  findScan,
  latestCompleteScan,
  listScans,
  pruneScans,
  requirementTrend,
  type ScanSummary,
} from '../store/history.ts';
import { isPostgresUrl, openStore, storeLocation } from '../store/open.ts';
import { EXIT } from './exit-codes.ts';
import { renderDiff, renderHistory } from './history-text.ts';
import { langOption } from './lang.ts';

/** `kansa history prune` keeps at least this long by default: Kobe keeps logs a year or more. */
export const DEFAULT_KEEP = '400d';

/** `--store`, which every command that reads or writes the history store takes. */
export function storeOption(): Option {
  return new Option(
    '--store <path|url>',
    'history store: a SQLite file, or postgres://… (default: KANSA_STORE_URL, else kansa/history.sqlite under the user data directory)',
  );
}

/** `--no-store`: only a scan, which can run without the store, takes it. */
export function noStoreOption(): Option {
  return new Option('--no-store', 'do not read or record scan history');
}

/**
 * `--store` and `--no-store` set one value, the last one given winning: a command given both
 * would read or record the history, or not, by their order. The check its action makes first.
 */
export function refuseStoreAndNoStore(command: Command): () => void {
  const given = new Set<string>();
  command.on('option:store', () => given.add('--store'));
  command.on('option:no-store', () => given.add('--no-store'));
  return () => {
    if (given.size === 2)
      command.error('error: --store and --no-store contradict each other: give one', {
        exitCode: EXIT.usage,
      });
  };
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** `kansa history [prune]` and `kansa diff`. */
export function registerHistoryCommands(program: Command): void {
  const formatOption = () =>
    new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');

  const history = program
    .command('history')
    .description('list recorded scans, with failures per requirement over time (a trend)')
    .option('--limit <n>', 'the last N scans', parsePositive, 30)
    .addOption(formatOption())
    .addOption(langOption());
  history.addOption(storeOption());
  history.action(
    async (options: { limit: number; format: 'text' | 'json'; lang: Lang; store?: string | boolean }) => {
      await withStore(options.store, async (engine) => {
        const scans = await listScans(engine, options.limit);
        const trend = await requirementTrend(engine, scans);
        if (options.format === 'json') {
          process.stdout.write(
            `${JSON.stringify({ store: engine.location, scans, trend: Object.fromEntries(trend) }, null, 2)}\n`,
          );
        } else {
          process.stdout.write(renderHistory(scans, trend, options.lang));
        }
      });
    },
  );

  const prune = history
    .command('prune')
    .description(
      `delete scans older than --keep (default ${DEFAULT_KEEP}: at least a year); the latest scan is always kept`,
    )
    .option(
      '--keep <age>',
      'keep this much history: Nd (days), Nw, Nm (30 days), Ny (365 days)',
      DEFAULT_KEEP,
    );
  prune.addOption(storeOption());
  prune.action(async function (this: Command) {
    // `--store` may come before or after `prune`: commander gives the parent's options to the parent.
    const options = this.optsWithGlobals<{ keep: string; store?: string | boolean }>();
    const days = parseAge(options.keep);
    await withStore(options.store, async (engine) => {
      const cutoff = new Date(Date.now() - days * 86_400_000);
      const { scans } = await pruneScans(engine, cutoff);
      process.stdout.write(
        `pruned ${counted(scans, 'scan', 'scans')} finished before ${cutoff.toISOString()} from ${engine.location}\n`,
      );
    });
  });

  const diff = program
    .command('diff')
    .description('compare two recorded scans: new, resolved, reopened, changed, still open (with age)')
    .option(
      '--from <scan>',
      'the earlier scan: #N, or an id or its prefix (default: the complete scan before --to)',
    )
    .option('--to <scan>', 'the later scan (default: the latest complete scan)')
    .addOption(formatOption())
    .addOption(langOption());
  diff.addOption(storeOption());
  diff.action(
    async (options: {
      from?: string;
      to?: string;
      format: 'text' | 'json';
      lang: Lang;
      store?: string | boolean;
    }) => {
      await withStore(options.store, async (engine) => {
        const result = await diffFromOptions(engine, options);
        process.stdout.write(
          options.format === 'json'
            ? `${JSON.stringify(result, null, 2)}\n`
            : renderDiff(result, options.lang),
        );
      });
    },
  );
}

/** The two scans `--from` / `--to` name, or by default the last two complete scans of the same scope. */
export async function diffFromOptions(
  engine: SqlEngine,
  options: { from?: string | undefined; to?: string | undefined },
): Promise<ScanDiff> {
  const resolve = async (ref: string) => {
    const scan = await findScan(engine, ref);
    if (!scan) throw new UsageError(`no scan ${ref} in ${engine.location} (see kansa history)`);
    return scan;
  };
  const to: ScanSummary | undefined = options.to
    ? await resolve(options.to)
    : await latestCompleteScan(engine);
  if (!to) throw new UsageError(`no complete scan recorded in ${engine.location} yet`);
  const from = options.from
    ? await resolve(options.from)
    : await latestCompleteScan(engine, { beforeSeq: to.seq, scopeKey: to.scopeKey });
  if (!from) {
    throw new UsageError(
      `no complete scan of the same scope before #${to.seq} in ${engine.location}: give --from`,
    );
  }
  return diffScans(engine, from, to);
}

async function withStore(option: string | boolean | undefined, work: (engine: SqlEngine) => Promise<void>) {
  const location = storeLocation(option);
  // Only KANSA_STORE_URL=none names no store here: these commands take no --no-store.
  if (!location)
    throw new UsageError(
      'this command reads the history store, and KANSA_STORE_URL=none names none: give --store PATH|URL',
    );
  const engine = await openExistingStore(location);
  try {
    await work(engine);
  } finally {
    await engine.close();
  }
}

/** Opens a store to read it: reading never creates one, so a mistyped path is an error, not an empty history. */
export async function openExistingStore(location: string): Promise<SqlEngine> {
  if (!isPostgresUrl(location) && !existsSync(location)) {
    throw new UsageError(`no history store at ${location}: record scans with kansa scan (or give --store)`);
  }
  return openStore(location);
}

/** `400d`, `52w`, `13m`, `2y` → days. */
export function parseAge(text: string): number {
  const match = /^(\d+)([dwmy])$/.exec(text.trim());
  if (!match)
    throw new UsageError(`--keep ${text}: expected a number and d, w, m or y (e.g. ${DEFAULT_KEEP})`);
  const days = Number(match[1]) * { d: 1, w: 7, m: 30, y: 365 }[match[2] as 'd' | 'w' | 'm' | 'y'];
  if (days < 1) throw new UsageError(`--keep ${text}: keep at least one day`);
  return days;
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}
