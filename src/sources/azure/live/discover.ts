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
}

/**
 * Finds the subscriptions to scan: the named ones, those under the management groups, or all
 * the identity can read, through Resource Graph's `resourcecontainers`. Each found subscription
 * gets its scan (`run.scanOf`); a named one that is not found is listed with that error. A step
 * of its own, so that the subscriptions can be known (and shared out) before any is read.
 */
export async function discoverSubscriptions(
  graph: GraphReader,
  run: AzureRun,
  request: DiscoveryRequest,
): Promise<string[]> {
  const { subscriptions = [], managementGroups = [] } = request;
  const scopes: GraphScope[] = [];
  if (subscriptions.length > 0) scopes.push({ subscriptions: subscriptions.map((s) => s.toLowerCase()) });
  if (managementGroups.length > 0) scopes.push({ managementGroups });
  if (scopes.length === 0) scopes.push({});
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
      runs.push(graph.queryTable('resourcecontainers', SUBSCRIPTIONS_QUERY, batch, found));
    }
  }
  await Promise.all(runs);
  for (const id of subscriptions) {
    const scan = run.scanOf(id.toLowerCase());
    if (scan.errors.length === 0 && !scan.name) {
      scan.errors.push(
        'not found, or not readable by this identity (it needs the Reader role on the subscription)',
      );
    }
  }
  return [...run.subscriptions.keys()];
}
