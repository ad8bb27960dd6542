import type { Logger } from 'pino';
import { InputError } from '../sources/input-error.ts';
import type { LiveProgress, LiveSource, LiveTimeouts, ScopeCoverage } from '../sources/live.ts';
import { type FileCoverage, listInputFiles, readInputFile } from '../sources/read-inputs.ts';
import { addMissingAccounts } from './evaluate.ts';
import { Inventory } from './inventory.ts';

export interface InventoryRead {
  readonly inventory: Inventory;
  readonly files: readonly FileCoverage[];
  /** The scopes of the live collectors (empty for an offline scan). */
  readonly scopes: readonly ScopeCoverage[];
}

/** Where the inventory comes from: export files, live collectors, or both. */
export interface InventorySources {
  readonly inputs: readonly string[];
  readonly live: readonly LiveSource[];
  readonly saveInventoryDir?: string;
  readonly concurrency: number;
  /** `--timeout`: each live call's, and each live scope's. */
  readonly timeouts?: Partial<LiveTimeouts>;
}

export type ReadProgress = LiveProgress;

/**
 * Reads every input file and runs every live collector into one inventory. A file or a scope
 * that cannot be read is recorded in the coverage and the rest is still read: the report marks
 * the scan partial. Only when nothing at all could be read does this throw (the CLI exits 2).
 */
export async function readInventory(
  sources: InventorySources,
  log: Logger,
  onProgress?: (progress: ReadProgress) => void,
): Promise<InventoryRead> {
  const inventory = new Inventory();
  const files = sources.inputs.length > 0 ? await readFiles(sources.inputs, inventory, log, onProgress) : [];
  const scopes: ScopeCoverage[] = [];
  for (const source of sources.live) {
    const collected = await source.collect({
      log: log.child({ provider: source.provider }),
      emit: (resource) => inventory.add(resource),
      progress: (update) => onProgress?.(update),
      saveInventoryDir: sources.saveInventoryDir,
      concurrency: sources.concurrency,
      ...(sources.timeouts ? { timeouts: sources.timeouts } : {}),
    });
    for (const scope of collected) {
      if (scope.error) log.warn({ provider: scope.provider, scope: scope.scope }, scope.error);
    }
    scopes.push(...collected);
  }
  const readFile = files.some((f) => !f.error);
  const readScope = scopes.some((s) => !s.error || s.resources > 0);
  if (!readFile && !readScope) {
    const problems = [...files.map((f) => f.error), ...scopes.map((s) => `${s.scope}: ${s.error}`)];
    throw new InputError(
      [...sources.inputs, ...sources.live.map((s) => s.provider)].join(', '),
      `nothing could be read:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
  addMissingAccounts(inventory);
  return { inventory, files, scopes };
}

async function readFiles(
  inputs: readonly string[],
  inventory: Inventory,
  log: Logger,
  onProgress?: (progress: ReadProgress) => void,
): Promise<FileCoverage[]> {
  const paths = await listInputFiles(inputs);
  if (paths.length === 0) throw new InputError(inputs.join(', '), 'no files found in the input');
  const files: FileCoverage[] = [];
  let resources = 0;
  for (const [i, path] of paths.entries()) {
    try {
      const coverage = await readInputFile(path, (resource) => {
        inventory.add(resource);
        resources++;
      });
      if (coverage.error) log.warn({ file: path }, coverage.error);
      log.debug({ file: path, format: coverage.format, resources: coverage.resources }, 'read input');
      if (coverage.skipped.length > 0)
        log.info({ file: path, skipped: coverage.skipped.length }, 'records skipped');
      files.push(coverage);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      log.warn({ file: path }, error.message);
      files.push({ path, sha256: '', bytes: 0, resources: 0, skipped: [], error: error.message });
    }
    onProgress?.({ unit: 'files', done: i + 1, total: paths.length, resources });
  }
  return files;
}
