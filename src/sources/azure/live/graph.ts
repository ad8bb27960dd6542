import type { AuthorizationScopeFilter, ResourceGraphClient } from '@azure/arm-resourcegraph';
import type pLimit from 'p-limit';
import type { Logger } from 'pino';
import type { Clock } from '../../../base/calls/clock.ts';
import { CallError } from '../../../base/calls/failure.ts';
import type { Permit } from '../../../base/calls/pacer.ts';
import { callWithRetry, type RetryPolicy } from '../../../base/calls/retry.ts';
import { isAboveSubscriptions, type Resource } from '../../../model/resource.ts';
import type { LiveContext } from '../../live.ts';
import { toResource } from '../adapters/index.ts';
import { inheritedAssignments } from '../inherited-assignments.ts';
import { type AzureClients, REQUEST_ID } from './clients.ts';
import { describeAzureFailure, READER_ROLE } from './errors.ts';
import type { GraphPacer } from './pacer.ts';
import type { AzureInventoryWriter } from './save.ts';
import type { AzureRun, SubscriptionScan } from './scope.ts';

/**
 * Resource Graph queries, one per table, ordered by id so that `$skipToken` pages are stable.
 * Resources and resource groups share one query (ARG allows `union` between these two tables).
 * `appserviceresources` holds each App Service app's site config (TLS, FTPS), which saves one
 * ARM GET per app. Custom role definitions are read beside the role assignments (a custom role
 * may assign roles, as Owner does); built-in roles are known by their GUIDs.
 */
export const TABLE_QUERIES: readonly { readonly table: string; readonly query: string }[] = [
  {
    table: 'resources',
    query:
      "resources | union (resourcecontainers | where type =~ 'microsoft.resources/subscriptions/resourcegroups') | order by id asc",
  },
  {
    table: 'authorizationresources',
    query:
      "authorizationresources | where type =~ 'microsoft.authorization/roleassignments' or (type =~ 'microsoft.authorization/roledefinitions' and properties.type =~ 'CustomRole') | order by id asc",
  },
  {
    table: 'securityresources',
    query:
      "securityresources | where type in~ ('microsoft.security/assessments', 'microsoft.security/pricings') | order by id asc",
  },
  {
    table: 'appserviceresources',
    query: "appserviceresources | where type =~ 'microsoft.web/sites/config' | order by id asc",
  },
];

/** What grants a query over subscriptions. */
const SUBSCRIPTION_GRANT = ` (Resource Graph reads what the ${READER_ROLE} role grants: Microsoft.ResourceGraph/resources/read and */read on the subscription)`;

/** Types read from Resource Graph that complete another resource's facts: not counted as resources. */
const SETTINGS_TYPES = new Set(['microsoft.web/sites/config']);

export interface GraphScope {
  readonly subscriptions?: readonly string[];
  readonly managementGroups?: readonly string[];
  /**
   * Which role assignments (and other authorization resources) of the scope the query sees:
   * Resource Graph's default is those at the scope and below; `AtScopeAndAbove` adds those of the
   * management groups above it and of the root `/`.
   */
  readonly authorizationScopeFilter?: AuthorizationScopeFilter;
}

/** How a query over a batch of subscriptions is asked, and what its failure says. */
export interface BatchQuery {
  /** What is done with each page's rows (the adapters' resources emitted, by default). */
  readonly onRows?: (rows: readonly unknown[]) => void;
  readonly authorizationScopeFilter?: AuthorizationScopeFilter;
  /** What the subscriptions' coverage names before the table, when the table alone does not say it. */
  readonly what?: string;
  /** What grants a denied query, ` (…)` (by default the Reader role on the subscription). */
  readonly grant?: string;
  /**
   * Whether a batch denied as a whole is split in halves to find the subscriptions denied (true
   * by default): for a query whose denial is not of a subscription, splitting costs up to twice
   * as many queries as subscriptions and finds none.
   */
  readonly split?: boolean;
  /** Called for the subscriptions of a batch that could not be read whole, once each is listed with the message. */
  readonly onFailed?: (subscriptions: readonly string[], message: string) => void;
}

type GraphResponse = Awaited<ReturnType<ResourceGraphClient['resources']>>;

export interface GraphSettings {
  readonly ctx: LiveContext;
  readonly log: Logger;
  readonly run: AzureRun;
  readonly clients: AzureClients;
  readonly pacer: GraphPacer;
  readonly limit: ReturnType<typeof pLimit>;
  readonly policy: RetryPolicy;
  readonly clock: Clock;
  /** The scan's Resource Graph deadline. */
  readonly deadline: AbortSignal;
  readonly pageSize: number;
  readonly writer?: AzureInventoryWriter;
  /** Called for each resource emitted (the ARM reads it needs start here). */
  readonly onResource: (scan: SubscriptionScan, resource: Resource) => void;
  /**
   * Whether a subscription (its lower-case id) is this scan's (`--shard`): a row of another is
   * neither emitted nor counted, so that another shard's subscription is no scope of this one.
   */
  readonly inScope: (subscription: string) => boolean;
}

/** A page that could not be read, after the pages before it. */
class PageError extends Error {
  readonly error: CallError;
  readonly page: number;
  constructor(error: CallError, page: number) {
    super(error.message);
    this.error = error;
    this.page = page;
  }
}

/** Reads Resource Graph tables, paced under the per-user quota, into the offline reader's adapters. */
export class GraphReader {
  readonly #s: GraphSettings;
  /** Permits by id, for the pipeline policy that marks when a query left. */
  readonly permits = new Map<string, Permit>();

  constructor(settings: GraphSettings) {
    this.#s = settings;
  }

  /**
   * One table for a batch of subscriptions. A batch the identity may not read as a whole is
   * split in halves until the subscriptions it may not read are found (unless `split` is
   * false); they are listed with the error and the others are read.
   */
  async queryTable(
    table: string,
    query: string,
    batch: readonly string[],
    options: BatchQuery = {},
  ): Promise<void> {
    const { onRows, authorizationScopeFilter, what, grant, split = true, onFailed } = options;
    try {
      await this.#query(
        table,
        query,
        { subscriptions: batch, ...(authorizationScopeFilter ? { authorizationScopeFilter } : {}) },
        onRows ?? ((rows) => this.emitRows(rows, table)),
      );
    } catch (error) {
      if (!(error instanceof PageError)) throw error;
      const denied = error.error.failure.kind === 'denied';
      if (split && denied && error.page === 0 && batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        this.#s.log.debug({ table, subscriptions: batch.length }, 'azure: batch denied, splitting it');
        await Promise.all([
          this.queryTable(table, query, batch.slice(0, half), options),
          this.queryTable(table, query, batch.slice(half), options),
        ]);
        return;
      }
      const message = `${what ? `${what}: ` : ''}${pageMessage(table, error, grant)}`;
      for (const id of batch) this.#s.run.scanOf(id).errors.push(message);
      onFailed?.(batch, message);
    }
  }

  /** A tenant or management-group query: its failure is the `resource graph` scope's. */
  async queryScope(
    table: string,
    query: string,
    scope: GraphScope,
    onRows: (rows: readonly unknown[]) => void,
  ): Promise<void> {
    try {
      await this.#query(table, query, scope, onRows);
    } catch (error) {
      if (!(error instanceof PageError)) throw error;
      const where = scope.managementGroups
        ? `management group ${scope.managementGroups.join(', ')}`
        : 'tenant (every readable subscription)';
      this.#s.run.graphErrors.push(`${where}: ${pageMessage(table, error)}`);
    }
  }

  /** Runs one query through every `$skipToken` page; PageError on a page that cannot be read. */
  async #query(
    table: string,
    query: string,
    scope: GraphScope,
    onRows: (rows: readonly unknown[]) => void,
  ): Promise<void> {
    // The next page is asked for as soon as its token is known, while this one is processed.
    let next = this.#page(table, query, scope, undefined, 0);
    for (let page = 0; ; page++) {
      const response = await next;
      const skipToken = response.skipToken || undefined;
      if (skipToken) {
        next = this.#page(table, query, scope, skipToken, page + 1);
        next.catch(() => undefined);
      }
      const rows: unknown[] = Array.isArray(response.data) ? response.data : [];
      if (response.resultTruncated === 'true' && !skipToken) {
        this.#s.log.warn({ table, rows: rows.length }, 'azure: Resource Graph truncated the result');
      }
      await this.#s.writer?.graphPage(table, response, rows);
      onRows(rows);
      this.#s.run.progress();
      if (!skipToken) return;
    }
  }

  /** One page, paced under the quota and retried; PageError when it cannot be read. */
  async #page(
    table: string,
    query: string,
    scope: GraphScope,
    token: string | undefined,
    page: number,
  ): Promise<GraphResponse> {
    const { clients, pacer, limit, run, log } = this.#s;
    try {
      return await callWithRetry(
        async (signal, permit) => {
          const id = permit?.id ?? '';
          if (permit) this.permits.set(id, permit);
          run.graphRequests++;
          try {
            return await clients.graph.resources(
              {
                query,
                ...(scope.subscriptions ? { subscriptions: [...scope.subscriptions] } : {}),
                ...(scope.managementGroups ? { managementGroups: [...scope.managementGroups] } : {}),
                options: {
                  top: this.#s.pageSize,
                  resultFormat: 'objectArray',
                  ...(scope.authorizationScopeFilter
                    ? { authorizationScopeFilter: scope.authorizationScopeFilter }
                    : {}),
                  ...(token ? { skipToken: token } : {}),
                },
              },
              {
                abortSignal: signal,
                requestOptions: { headers: { [REQUEST_ID]: id } },
                onResponse: (raw) => permit?.observe(raw.headers),
              },
            );
          } finally {
            this.permits.delete(id);
          }
        },
        {
          policy: this.#s.policy,
          clock: this.#s.clock,
          deadline: this.#s.deadline,
          pacer,
          limit,
          describe: describeAzureFailure,
          what: `Resource Graph query of ${table}, page ${page + 1}`,
          onThrottled: (ms) => {
            run.throttled++;
            pacer.throttled(ms);
          },
          onRetry: (failure, attempt, delayMs) =>
            log.debug(
              { table, page, attempt, delayMs: Math.round(delayMs), error: failure.message },
              'azure: retrying Resource Graph query',
            ),
        },
      );
    } catch (error) {
      if (!(error instanceof CallError)) throw error;
      throw new PageError(error, page);
    }
  }

  /** Hands rows to the offline reader's adapters, counts them and starts the ARM reads they need. */
  emitRows(rows: readonly unknown[], table: string, seen?: (resource: Resource) => void): void {
    const { run, ctx, log } = this.#s;
    // A role assignment of a management group or of the root is read into the account of its
    // scope, as offline (inherited-assignments.ts); the scan gives it to the subscriptions under it.
    const place = inheritedAssignments(rows, 'graph');
    let skipped = 0;
    for (const [index, row] of rows.entries()) {
      const result = toResource(place(row).record, { file: `azure:resourcegraph/${table}`, index });
      if ('skip' in result) {
        skipped++;
        log.debug({ table, reason: result.skip }, 'azure: row skipped');
        continue;
      }
      // Every shard's subscriptions under the group inherit it: it is no subscription of a shard.
      if (isAboveSubscriptions(result.account)) {
        ctx.emit(result);
        continue;
      }
      if (!this.#s.inScope(result.account)) continue;
      const scan = run.scanOf(result.account);
      seen?.(result);
      ctx.emit(result);
      if (SETTINGS_TYPES.has(result.nativeType)) continue;
      scan.resources++;
      run.resources++;
      this.#s.onResource(scan, result);
    }
    if (skipped > 0) log.info({ table, skipped }, 'azure: rows skipped (not resources of a subscription)');
  }
}

/** The failure of a page, for the coverage; a denied one with what grants the query. */
function pageMessage(table: string, error: PageError, grant = SUBSCRIPTION_GRANT): string {
  const denied = error.error.failure.kind === 'denied' ? grant : '';
  return error.page === 0
    ? `${table}: ${error.message}${denied}`
    : `${table}: incomplete, page ${error.page + 1} failed after ${error.page} page(s) read: ${error.message}${denied}`;
}
