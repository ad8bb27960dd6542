import type { Logger } from 'pino';
import { InputError } from '../base/input-error.ts';
import { InputBudget } from '../base/limits.ts';
import type { FileCoverage, ScopeCoverage } from '../model/coverage.ts';
import type { Provider } from '../model/resource.ts';
import type { LiveProgress, LiveSource, LiveTimeouts } from '../sources/live.ts';
import { readInput } from '../sources/read-inputs.ts';
import { RootModules } from '../sources/terraform/root-modules.ts';
import { walkInputs } from '../sources/walk-inputs.ts';
import { addMissingAccounts } from './evaluate.ts';
import { Inventory } from './inventory.ts';
import { placeManagementGroupAssignments } from './management-groups.ts';
import { inShard, type Shard, type ShardKey } from './shard.ts';

export interface InventoryRead {
  readonly inventory: Inventory;
  readonly files: readonly FileCoverage[];
  /** The scopes of the live collectors (empty for an offline scan). */
  readonly scopes: readonly ScopeCoverage[];
  /**
   * A shard's view of the whole estate: every scope key it saw, its own and the other shards'
   * (live: each key the collectors asked about; exports: each account). A run missing a shard
   * names that shard's scopes from these (store/runs.ts). Absent when the scan is not sharded.
   */
  readonly shardKeys?: readonly ShardKey[];
}

/** Where the inventory comes from: export files, live collectors, or both. */
export interface InventorySources {
  readonly inputs: readonly string[];
  readonly live: readonly LiveSource[];
  readonly saveInventoryDir?: string;
  readonly concurrency: number;
  /** `--timeout`: each live call's, and each live scope's. */
  readonly timeouts?: Partial<LiveTimeouts>;
  /** Bound of a gzip input's inflated size (default: read-inputs' DEFAULT_MAX_INFLATED_BYTES). */
  readonly maxInflatedBytes?: number;
  /** Bound of all the input files' bytes, inflated (default: limits' DEFAULT_MAX_INPUT_BYTES). */
  readonly maxInputBytes?: number;
  /** Whether each file's coverage has its SHA-256 (default true): see ReadOptions.digest. */
  readonly fileDigests?: boolean;
  /** `--shard I/N`: only the scopes (live) and accounts (export files) of this shard. */
  readonly shard?: Shard;
  /** `--quota-share N`: processes sharing the identity's API quota (see LiveContext). */
  readonly quotaShare?: number;
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
  const shard = sources.shard && sources.shard.count > 1 ? sources.shard : undefined;
  const files = sources.inputs.length > 0 ? await readFiles(sources, inventory, log, onProgress) : [];
  const scopes: ScopeCoverage[] = [];
  // What the live collectors read is this shard's: they read only the shard's scopes.
  const readLive = new Set<string>();
  const shardKeys = new Map<string, ShardKey>();
  const sawKey = (provider: Provider, key: string) => shardKeys.set(`${provider}\0${key}`, { provider, key });
  for (const source of sources.live) {
    const collected = await source.collect({
      log: log.child({ provider: source.provider }),
      emit: (resource) => {
        if (shard) readLive.add(`${resource.provider}/${resource.account}`);
        inventory.add(resource);
      },
      progress: (update) => onProgress?.(update),
      saveInventoryDir: sources.saveInventoryDir,
      concurrency: sources.concurrency,
      ...(shard
        ? {
            includeScope: (scopeKey: string) => {
              sawKey(source.provider, scopeKey);
              return inShard(scopeKey, shard);
            },
          }
        : {}),
      ...(sources.quotaShare ? { quotaShare: sources.quotaShare } : {}),
      ...(sources.timeouts ? { timeouts: sources.timeouts } : {}),
    });
    // A scope's error is printed once, by the CLI (terminal summary or warning), not logged here.
    for (const scope of collected) {
      if (scope.error) log.debug({ provider: scope.provider, scope: scope.scope }, scope.error);
    }
    scopes.push(...collected);
  }
  // A file read in part (an errored Terraform plan, NDJSON with a malformed line) was read, as a
  // scope read in part was: the scan is partial, not empty.
  const readFile = files.some((f) => (!f.error && !f.ignored) || f.resources > 0);
  const readScope = scopes.some((s) => !s.error || s.resources > 0);
  // A shard may hold no scope at all (more shards than scopes): it reads nothing, and that is whole.
  const emptyShard = shard !== undefined && sources.inputs.length === 0 && scopes.length === 0;
  if (!readFile && !readScope && !emptyShard) {
    const problems = [
      ...files.map((f) => f.error ?? `${f.path}: ${f.ignored}`),
      ...scopes.map((s) => `${s.scope}: ${s.error}`),
    ];
    throw new InputError(
      [...sources.inputs, ...sources.live.map((s) => s.provider)].join(', '),
      `nothing could be read:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
  inventory.unifyAccountAliases();
  reportUnplaced(inventory, files);
  placeManagementGroupAssignments(inventory);
  addMissingAccounts(inventory);
  if (shard) {
    // A live collector shards by its scopes (an organization or a folder of Google Cloud is read
    // whole by one shard): the accounts it read are this shard's, whatever their own hash.
    const live = new Set<string>();
    for (const resource of inventory.all()) {
      const read = (account: string | undefined) =>
        account !== undefined && readLive.has(`${resource.provider}/${account}`);
      if (read(resource.account) || read(resource.accountAlias))
        live.add(`${resource.provider}/${resource.account}`);
    }
    // The export files' accounts, divided by their own id (those a collector read are its scopes).
    for (const { provider, account } of inventory.accounts()) {
      if (!live.has(`${provider}/${account}`)) sawKey(provider, account);
    }
    inventory.scanOnly((provider, account) => inShard(account, shard) || live.has(`${provider}/${account}`));
    return { inventory, files, scopes, shardKeys: [...shardKeys.values()] };
  }
  return { inventory, files, scopes };
}

async function readFiles(
  sources: InventorySources,
  inventory: Inventory,
  log: Logger,
  onProgress?: (progress: ReadProgress) => void,
): Promise<FileCoverage[]> {
  const { inputs } = sources;
  const { files: paths, passedOver } = await walkInputs(inputs);
  if (paths.length === 0 && passedOver.length === 0)
    throw new InputError(inputs.join(', '), 'no files found in the input');
  const files: FileCoverage[] = [...passedOver];
  let resources = 0;
  // Terraform resources named by their addresses are added once every file is read (root-modules.ts).
  const rootModules = new RootModules();
  const options = {
    ...(sources.maxInflatedBytes === undefined ? {} : { maxInflatedBytes: sources.maxInflatedBytes }),
    budget: new InputBudget(sources.maxInputBytes),
    digest: sources.fileDigests !== false,
  };
  for (const [i, path] of paths.entries()) {
    try {
      // One coverage per file; a ZIP archive gives one per entry.
      const read = await readInput(
        path,
        (resource) => {
          if (!rootModules.hold(resource)) inventory.add(resource);
          resources++;
        },
        options,
      );
      for (const coverage of read) {
        // An unreadable file is printed once, by the CLI (terminal summary or warning), not logged here.
        const file = coverage.path;
        if (coverage.error) log.debug({ file }, coverage.error);
        log.debug({ file, format: coverage.format, resources: coverage.resources }, 'read input');
        if (coverage.skipped.length > 0)
          log.info({ file, skipped: coverage.skipped.length }, 'records skipped');
        files.push(coverage);
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      files.push({ path, sha256: '', bytes: 0, resources: 0, skipped: [], error: error.message });
    }
    onProgress?.({ unit: 'files', done: i + 1, total: paths.length, resources });
  }
  // What tells copies of a plan from root modules is needed only here: its getters hold the
  // whole parsed plan or state, which the scan must not keep alive through evaluation.
  for (const { snapshot: _copies, ...resource } of rootModules.separated()) inventory.add(resource);
  // The first file read of a path, as the notes name it.
  const byPath = new Map<string, FileCoverage>();
  for (const file of files) if (!byPath.has(file.path)) byPath.set(file.path, file);
  const note = (path: string, text: string) => {
    const file = byPath.get(path);
    if (!file) return;
    file.notes ??= [];
    file.notes.push({ note: text });
  };
  for (const [state, { plan, resources }] of rootModules.planned)
    note(
      state,
      `${resources} resource(s) of this Terraform state are in the plan beside it, ${plan}: they are judged as the plan leaves them (one the plan deletes, not at all)`,
    );
  for (const [copy, newer] of rootModules.copies)
    note(
      copy,
      `a copy of the Terraform plan or state ${newer} (the same root module: the same state lineage, or the same objects), which is the newer or the fuller: only that one is judged, so that nothing is judged twice`,
    );
  return files;
}

/**
 * Resources that no record placed in an account are not evaluated: each is reported as a
 * skipped record of the file it came from (with its line or index), like any other skip.
 */
function reportUnplaced(inventory: Inventory, files: readonly FileCoverage[]): void {
  const byPath = new Map(files.map((file) => [file.path, file]));
  for (const resource of inventory.dropUnplaced()) {
    const file = byPath.get(resource.origin.file);
    if (!file) continue;
    file.resources--;
    const { line, index } = resource.origin;
    file.skipped.push({
      ...(line !== undefined && { line }),
      ...(index !== undefined && { index }),
      reason: `${resource.id}: no project, folder or organization in ancestors, parent, name or self link, nor in another record of it`,
    });
  }
}
