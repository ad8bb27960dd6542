import type { Logger } from 'pino';
import type { ScopeCoverage } from '../model/coverage.ts';
import type { Provider, Resource } from '../model/resource.ts';

/**
 * Live collectors read a cloud's inventory through its APIs and hand each record to the same
 * adapters as the offline formats, so a live scan and an offline scan of the same tenancy give
 * the same findings. A scope that cannot be read (a subscription, an account and region, a
 * project), or not before its deadline, never aborts the scan: it is listed in the coverage
 * section with its error, and what was read of it is kept.
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
   * the subscription id, lower case (Azure); the account id (AWS: an account's regions and its
   * account-wide reads are one shard's, as the account-wide checks weigh every region); the
   * project id or number of `projects/P`, else the folder or organization name (Google
   * Cloud). A scope outside the shard is neither read nor listed in the coverage. Absent:
   * every scope.
   */
  readonly includeScope?: (scopeKey: string) => boolean;
  /**
   * `--quota-share N`: how many processes share this identity's API quota. Each collector
   * divides its pacers' rates (Resource Graph, Cloud Asset, AWS Config…) by it, so N shards
   * under one identity together stay within the one quota. Absent or 1: the full rate.
   */
  readonly quotaShare?: number;
  /** `--timeout`: each call's and each scope's; the collectors' defaults when absent. */
  readonly timeouts?: Partial<LiveTimeouts>;
}

export interface LiveTimeouts {
  /** One call's connect-and-response timeout (a request past it is aborted, then retried). */
  readonly callMs: number;
  /** One scope's deadline: past it no further call is made and the scope is listed as a gap. */
  readonly scopeMs: number;
}

export const DEFAULT_LIVE_TIMEOUTS: LiveTimeouts = { callMs: 60_000, scopeMs: 30 * 60_000 };

export function liveTimeouts(ctx: LiveContext): LiveTimeouts {
  return { ...DEFAULT_LIVE_TIMEOUTS, ...ctx.timeouts };
}

export interface LiveProgress {
  /** What is counted, e.g. "subscriptions", "regions", "pages". */
  readonly unit: string;
  readonly done: number;
  readonly total: number;
  readonly resources: number;
  /** API requests made so far (retries included). */
  readonly requests?: number;
  /** Throttled answers so far (429, RESOURCE_EXHAUSTED, ThrottlingException). */
  readonly throttled?: number;
}

/**
 * A live source whose collector, and the cloud SDK behind it, is imported only when the scan
 * runs: the offline path and `kansa --version` load no cloud SDK.
 */
export function lazyLiveSource(provider: Provider, load: () => Promise<LiveSource>): LiveSource {
  return { provider, collect: async (ctx) => (await load()).collect(ctx) };
}

/**
 * A cloud's live flags for `kansa scan`, described without a CLI library: the CLI turns each
 * into an option, and hands the parsed values back to `fromOptions`.
 */
export interface LiveFlags {
  readonly flags: readonly LiveFlag[];
  /** The live source when the parsed options ask for this cloud, else undefined; LiveOptionError when they conflict. */
  fromOptions(options: Readonly<Record<string, unknown>>): LiveSource | undefined;
}

export interface LiveFlag {
  /** As in `--subscriptions <ids>`. */
  readonly flags: string;
  readonly description: string;
  /** Turns one occurrence into the option's value (given the previous one); LiveOptionError when invalid. */
  readonly parse?: (value: string, previous: unknown) => unknown;
}

/** A live flag's value, or a combination of flags, that cannot be used (the CLI exits 2 with it). */
export class LiveOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LiveOptionError';
  }
}

/** `a,b` or repeated flags → one flat list of non-empty items, each checked by `validate`. */
export function listFlag(validate?: (item: string) => void) {
  return (value: string, previous: unknown): string[] => {
    const items = value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    for (const item of items) validate?.(item);
    return [...(Array.isArray(previous) ? (previous as string[]) : []), ...items];
  };
}
