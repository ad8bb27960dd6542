import type { GraphReader, GraphScope } from './graph.ts';
import type { AzureRun } from './scope.ts';

export const SUBSCRIPTIONS_QUERY =
  "resourcecontainers | where type =~ 'microsoft.resources/subscriptions' | order by id asc";

export interface DiscoveryRequest {
  /** Subscriptions to scan; with `managementGroups`, both are scanned. Neither: every readable one. */
  readonly subscriptions?: readonly string[];
  readonly managementGroups?: readonly string[];
  /** Subscriptions per Resource Graph query (Microsoft recommends fewer than 300). */
  readonly perQuery: number;
  /** Whether a subscription (its lower-case id) is this shard's (`--shard`); others are left out. */
  readonly inScope: (subscription: string) => boolean;
}

/**
 * Finds the subscriptions to scan: the named ones, those under the management groups, or all
 * the identity can read, through Resource Graph's `resourcecontainers`. Each found subscription
 * gets its scan (`run.scanOf`); a named one that is not found is listed with that error. A step
 * of its own, so that the subscriptions can be known (and shared out) before any is read: a
 * subscription of another shard is neither asked for by name nor kept from a tenant or
 * management-group listing (the reader drops its row), so no later phase sees it.
 */
export async function discoverSubscriptions(
  graph: GraphReader,
  run: AzureRun,
  request: DiscoveryRequest,
): Promise<string[]> {
  const { managementGroups = [] } = request;
  const subscriptions = (request.subscriptions ?? [])
    .map((id) => id.toLowerCase())
    .filter((id) => request.inScope(id));
  const scopes: GraphScope[] = [];
  if (subscriptions.length > 0) scopes.push({ subscriptions });
  if (managementGroups.length > 0) scopes.push({ managementGroups });
  // Named subscriptions all of another shard: nothing to discover (not the whole tenant).
  if (scopes.length === 0 && !request.subscriptions?.length) scopes.push({});
  const found = (rows: readonly unknown[]) =>
    graph.emitRows(rows, 'resourcecontainers', (resource) => {
      if (resource.kansaType === 'account') run.scanOf(resource.account).name = resource.name;
    });
  const runs: Promise<void>[] = [];
  for (const scope of scopes) {
    if (!scope.subscriptions) {
      // A tenant or management-group scope that cannot be read is in the `resource graph` scope's error.
      runs.push(graph.queryScope('resourcecontainers', SUBSCRIPTIONS_QUERY, scope, found));
      continue;
    }
    for (let i = 0; i < scope.subscriptions.length; i += request.perQuery) {
      const batch = scope.subscriptions.slice(i, i + request.perQuery);
      runs.push(graph.queryTable('resourcecontainers', SUBSCRIPTIONS_QUERY, batch, { onRows: found }));
    }
  }
  await Promise.all(runs);
  for (const id of subscriptions) {
    const scan = run.scanOf(id);
    if (scan.errors.length === 0 && !scan.name) {
      scan.errors.push(
        'not found, or not readable by this identity (it needs the Reader role on the subscription)',
      );
    }
  }
  return [...run.subscriptions.keys()];
}
