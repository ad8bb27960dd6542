import type { HttpClient } from '@azure/core-rest-pipeline';
import pLimit from 'p-limit';
import { type Clock, systemClock } from '../../../base/calls/clock.ts';
import { shareOf } from '../../../base/calls/pacer.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, seconds } from '../../../base/calls/retry.ts';
import { compareText } from '../../../base/compare-text.ts';
import type { ScopeCoverage } from '../../../model/coverage.ts';
import { type LiveContext, type LiveSource, liveTimeouts } from '../../live.ts';
import { GUID } from '../arm-record.ts';
import { ArmReader } from './arm.ts';
import { AzureClients, type AzureCredential } from './clients.ts';
import { discoverSubscriptions } from './discover.ts';
import { GraphReader, TABLE_QUERIES } from './graph.ts';
import { type ArmReadQuota, GraphPacer, type GraphQuota, RESOURCE_GRAPH_QUOTA } from './pacer.ts';
import { assignmentsNotRead, readInheritedAssignments } from './role-assignments.ts';
import { AzureInventoryWriter } from './save.ts';
import type { AzureRun, SubscriptionScan } from './scope.ts';

export { ARM_READS } from './arm-reads.ts';
export type { AzureCredential } from './clients.ts';
export { SUBSCRIPTIONS_QUERY } from './discover.ts';
export { TABLE_QUERIES } from './graph.ts';

/** What `kansa scan --azure` collects, and the dependencies tests inject. */
export interface AzureLiveOptions {
  readonly credential: AzureCredential;
  /** Subscriptions to scan; with `managementGroups`, both are scanned. Neither: every readable one. */
  readonly subscriptions?: readonly string[];
  readonly managementGroups?: readonly string[];
  /** The Resource Manager endpoint (`https://management.azure.com` by default). */
  readonly endpoint?: string;
  /** CA certificates (PEM) the clients trust instead of the system's: tests only. */
  readonly tlsCa?: string;
  /** The HTTP client under the SDK pipelines (tests). */
  readonly httpClient?: HttpClient;
  readonly retry?: Partial<RetryPolicy>;
  readonly graphQuota?: GraphQuota;
  readonly armQuota?: ArmReadQuota;
  /** Subscriptions per Resource Graph query (Microsoft recommends fewer than 300). */
  readonly subscriptionsPerQuery?: number;
  /** Rows per Resource Graph page (`$top`, at most 1000). */
  readonly pageSize?: number;
  readonly clock?: Clock;
  /**
   * Read through ARM what Resource Graph does not hold (default true): diagnostic settings, SQL
   * auditing, Key Vault keys, budgets. False measures Resource Graph alone.
   */
  readonly armReads?: boolean;
}

/** Resource Graph queries paging side by side per table (the quota allows 3 a second). */
const PARALLEL_BATCHES = 4;

/** The live Azure source: Resource Graph for the inventory, ARM for what it does not hold. */
export function createAzureLiveSource(options: AzureLiveOptions): LiveSource {
  for (const id of options.subscriptions ?? []) {
    if (!GUID.test(id)) throw new Error(`not a subscription id: ${id}`);
  }
  return { provider: 'azure', collect: (ctx) => collect(options, ctx) };
}

async function collect(options: AzureLiveOptions, ctx: LiveContext): Promise<ScopeCoverage[]> {
  const started = Date.now();
  const log = ctx.log;
  const clock = options.clock ?? systemClock;
  const timeouts = liveTimeouts(ctx);
  const policy: RetryPolicy = {
    ...DEFAULT_RETRY_POLICY,
    attempts: 6,
    timeoutMs: timeouts.callMs,
    ...options.retry,
  };
  // Resource Graph gets a few of the slots: its quota, not concurrency, bounds it; ARM gets the rest.
  const total = Math.max(1, Math.floor(ctx.concurrency));
  const graphSlots = total <= 2 ? total : Math.min(4, Math.max(1, Math.round(total / 4)));
  const graphLimit = pLimit(graphSlots);
  const armLimit = total <= 2 ? graphLimit : pLimit(total - graphSlots);

  // `--shard`: a subscription of another shard is dropped at discovery, before any phase reads it.
  const inScope = ctx.includeScope ?? (() => true);
  const subscriptions = new Map<string, SubscriptionScan>();
  const run: AzureRun = {
    subscriptions,
    scanOf(id) {
      let scan = subscriptions.get(id);
      if (!scan) {
        scan = {
          id,
          name: '',
          resources: 0,
          requests: 0,
          errors: [],
          bodies: new Map(),
          incomplete: new Set(),
          work: [],
          deadline: clock.timeout(timeouts.scopeMs),
        };
        subscriptions.set(id, scan);
      }
      return scan;
    },
    graphRequests: 0,
    graphErrors: [],
    resources: 0,
    throttled: 0,
    done: 0,
    progress() {
      ctx.progress({
        unit: 'subscriptions',
        done: run.done,
        total: subscriptions.size,
        resources: run.resources,
        requests: run.graphRequests + [...subscriptions.values()].reduce((sum, s) => sum + s.requests, 0),
        throttled: run.throttled,
      });
    },
  };
  const writer = ctx.saveInventoryDir ? new AzureInventoryWriter(ctx.saveInventoryDir) : undefined;
  const clients = new AzureClients(options);
  const arm = new ArmReader({
    ctx,
    log,
    run,
    clients,
    limit: armLimit,
    policy,
    clock,
    ...(options.armQuota ? { quota: options.armQuota } : {}),
    ...(options.httpClient ? { httpClient: options.httpClient } : {}),
    enabled: options.armReads !== false,
  });
  const graph = new GraphReader({
    ctx,
    log,
    run,
    clients,
    // Resource Graph's quota is the identity's: shards sharing it (`--quota-share N`) each pace
    // at their part. ARM's read bucket is per subscription and principal, and a subscription is
    // in one shard only: its pacer keeps the full rate.
    pacer: new GraphPacer(shareOf(options.graphQuota ?? RESOURCE_GRAPH_QUOTA, ctx.quotaShare), clock),
    limit: graphLimit,
    policy,
    clock,
    deadline: clock.timeout(timeouts.scopeMs),
    pageSize: Math.min(1000, Math.max(1, options.pageSize ?? 1000)),
    ...(writer ? { writer } : {}),
    onResource: (scan, resource) => arm.startResource(scan, resource),
    inScope,
  });
  // The pipeline policy finds a query's permit by its id.
  clients.permits = graph.permits;

  const perQuery = Math.max(1, options.subscriptionsPerQuery ?? 300);
  const ids = await discoverSubscriptions(graph, run, {
    ...(options.subscriptions ? { subscriptions: options.subscriptions } : {}),
    ...(options.managementGroups ? { managementGroups: options.managementGroups } : {}),
    perQuery,
    inScope,
  });
  log.info({ subscriptions: ids.length }, 'azure: subscriptions to scan');
  run.progress();
  for (const scan of subscriptions.values()) arm.startSubscription(scan);
  const readable = ids.filter((id) => subscriptions.get(id)!.errors.length === 0);
  // Pages of one query come one after the other (each needs the previous `$skipToken`): the
  // large `resources` table is read in a few batches side by side, so that the quota, not the
  // round trip, bounds the scan; the small tables in as few queries as the limit allows.
  // The role assignments above the subscriptions (management groups, root) in a query of their own.
  await Promise.all([
    ...TABLE_QUERIES.flatMap(({ table, query }) =>
      batchesOf(readable, perQuery, table === 'resources' ? PARALLEL_BATCHES : 1).map((batch) =>
        graph.queryTable(
          table,
          query,
          batch,
          // A subscription whose assignments were read in part may have an owner among the rest.
          table === 'authorizationresources' ? { onFailed: assignmentsNotRead(run, ctx, table) } : {},
        ),
      ),
    ),
    ...batchesOf(readable, perQuery, 1).map((batch) => readInheritedAssignments(graph, run, ctx, batch)),
  ]);
  // ARM reads were started as their resources arrived; wait for each subscription.
  await Promise.all(
    [...subscriptions.values()].map(async (scan) => {
      // New work is only added while the graph pages arrive, which is over.
      await Promise.all(scan.work);
      if (scan.deadline.aborted && !scan.errors.some((error) => error.includes('deadline')))
        scan.errors.push(`the scope's deadline (${seconds(timeouts.scopeMs)}) passed`);
      await writer?.armBodies(scan);
      run.done++;
      run.progress();
    }),
  );
  const coverage = coverageOf(run);
  log.info(
    {
      subscriptions: ids.length,
      resources: run.resources,
      requests: coverage.reduce((sum, scope) => sum + scope.requests, 0),
      ms: Date.now() - started,
    },
    'azure: live collection done',
  );
  return coverage;
}

function coverageOf(run: AzureRun): ScopeCoverage[] {
  const scopes: ScopeCoverage[] = [
    {
      provider: 'azure',
      scope: 'resource graph',
      resources: 0,
      requests: run.graphRequests,
      ...(run.graphErrors.length > 0 ? { error: run.graphErrors.join('; ') } : {}),
    },
  ];
  const sorted = [...run.subscriptions.values()].sort((a, b) => compareText(a.id, b.id));
  for (const scan of sorted) {
    scopes.push({
      provider: 'azure',
      scope: `subscription ${scan.id}${scan.name ? ` (${scan.name})` : ''}`,
      resources: scan.resources,
      requests: scan.requests,
      ...(scan.errors.length > 0 ? { error: scan.errors.join('; ') } : {}),
    });
  }
  return scopes;
}

/** Splits subscriptions into at least `parallel` batches (as many as there are) of at most `limit`. */
function batchesOf(ids: readonly string[], limit: number, parallel: number): string[][] {
  const count = Math.max(Math.ceil(ids.length / limit), Math.min(parallel, ids.length));
  const size = Math.ceil(ids.length / Math.max(1, count));
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += size) batches.push(ids.slice(i, i + size));
  return batches;
}
