import type { Option } from 'commander';
import type { Logger } from 'pino';
import type { ScopeCoverage } from '../model/coverage.ts';
import type { Provider, Resource } from '../model/resource.ts';

/**
 * Live collectors read a cloud's inventory through its APIs and hand each record to the same
 * adapters as the offline formats, so a live scan and an offline scan of the same tenancy give
 * the same findings. A scope that cannot be read (a subscription, an account and region, a
 * project) never aborts the scan: it is listed in the coverage section with its error.
 */
export interface LiveSource {
  readonly provider: Provider;
  /** Reads the live inventory; failures are returned in the coverage, never thrown. */
  collect(ctx: LiveContext): Promise<ScopeCoverage[]>;
}

export interface LiveContext {
  readonly log: Logger;
  /** Each resource read, normalized by the cloud's adapters. */
  emit(resource: Resource): void;
  /** Progress of the collector (shown on a terminal). */
  progress(update: LiveProgress): void;
  /** `--save-inventory DIR`: also write what was pulled, in a format the offline path reads back. */
  readonly saveInventoryDir?: string;
  /** Most API requests in flight at once (`--concurrency`). */
  readonly concurrency: number;
  /**
   * `--shard I/N` (issue 17): whether a discovered scope belongs to this shard. Each cloud's
   * collector calls it on every scope it discovers, before reading it, with the scope's key:
   * the subscription id (Azure), `account/region` (AWS), the project id (Google Cloud); a
   * scope outside the shard is neither read nor listed in the coverage. Absent: every scope.
   */
  readonly includeScope?: (scopeKey: string) => boolean;
  /**
   * `--quota-share N`: how many processes share this identity's API quota. Each collector
   * divides its pacers' rates (Resource Graph, Cloud Asset, AWS Config…) by it, so N shards
   * under one identity together stay within the one quota. Absent or 1: the full rate.
   */
  readonly quotaShare?: number;
}

export interface LiveProgress {
  /** What is counted, e.g. "subscriptions", "regions", "pages". */
  readonly unit: string;
  readonly done: number;
  readonly total: number;
  readonly resources: number;
}

/**
 * A live source whose collector, and the cloud SDK behind it, is imported only when the scan
 * runs: the offline path and `kansa --version` load no cloud SDK.
 */
export function lazyLiveSource(provider: Provider, load: () => Promise<LiveSource>): LiveSource {
  return { provider, collect: async (ctx) => (await load()).collect(ctx) };
}

/** How a cloud's live collector plugs into `kansa scan`: its flags, and the source they ask for. */
export interface LiveCliOptions {
  /** commander options this cloud adds to `kansa scan` (e.g. --azure, --subscriptions <ids>). */
  readonly options: readonly Option[];
  /** The live source when the parsed options ask for this cloud, else undefined. */
  fromOptions(options: Record<string, unknown>): LiveSource | undefined;
}
