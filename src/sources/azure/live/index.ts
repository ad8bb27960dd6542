import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MonitorClient } from '@azure/arm-monitor';
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import {
  createDefaultHttpClient,
  createPipelineRequest,
  type HttpClient,
  type Pipeline,
  RestError,
} from '@azure/core-rest-pipeline';
import pLimit, { type LimitFunction } from 'p-limit';
import type { Logger } from 'pino';
import type { ScopeCoverage } from '../../../model/coverage.ts';
import type { KansaType, Resource } from '../../../model/resource.ts';
import type { LiveContext, LiveSource } from '../../live.ts';
import { toResource } from '../adapters/index.ts';
import { azureArm } from '../arm.ts';
import { get } from '../arm-record.ts';
import { GraphPacer, type GraphQuota, RESOURCE_GRAPH_QUOTA, type Sleep, sleep } from './pacer.ts';
import { CallError, DEFAULT_RETRY, type RetryOptions, withRetry } from './retry.ts';

export type AzureCredential = ConstructorParameters<typeof ResourceGraphClient>[0];

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
  readonly retry?: Partial<RetryOptions>;
  readonly graphQuota?: GraphQuota;
  /** Subscriptions per Resource Graph query (Microsoft recommends fewer than 300). */
  readonly subscriptionsPerQuery?: number;
  /** Rows per Resource Graph page (`$top`, at most 1000). */
  readonly pageSize?: number;
  readonly sleep?: Sleep;
  /**
   * Read through ARM what Resource Graph does not hold (default true): diagnostic settings, SQL
   * auditing, App Service site config, Key Vault keys, budgets. False measures Resource Graph alone.
   */
  readonly armReads?: boolean;
}

/**
 * Resource Graph queries, one per table, ordered by id so that `$skipToken` pages are stable.
 * Resources and resource groups share one query (ARG allows `union` between these two tables).
 */
export const SUBSCRIPTIONS_QUERY =
  "resourcecontainers | where type =~ 'microsoft.resources/subscriptions' | order by id asc";
export const TABLE_QUERIES: readonly { readonly table: string; readonly query: string }[] = [
  {
    table: 'resources',
    query:
      "resources | union (resourcecontainers | where type =~ 'microsoft.resources/subscriptions/resourcegroups') | order by id asc",
  },
  {
    table: 'authorizationresources',
    query:
      "authorizationresources | where type =~ 'microsoft.authorization/roleassignments' | order by id asc",
  },
  {
    table: 'securityresources',
    query:
      "securityresources | where type in~ ('microsoft.security/assessments', 'microsoft.security/pricings') | order by id asc",
  },
];

/**
 * Resource types whose diagnostic settings a check reads (azure.monitor.resource-logs,
 * azure.aks.control-plane-logs). Resource Graph does not hold diagnostic settings: they are
 * listed through ARM for these resources only, and for every subscription (the Activity Log).
 */
const DIAGNOSED_TYPES: ReadonlySet<KansaType> = new Set<KansaType>([
  'kms.vault',
  'storage.account',
  'network.firewall',
  'container.cluster',
]);
/**
 * An ARM read for what a check needs and Resource Graph does not hold: a generic GET through the
 * clients' pipeline (same credential, TLS and retry settings), every `nextLink` page of a list.
 * The bodies go through the offline `azure-arm` reader, so the same adapters read them.
 */
export interface ArmRead {
  /** `--save-inventory` file prefix (`<file>-<subscription>.json`, one ARM list body). */
  readonly file: string;
  /** The coverage message's name for it. */
  readonly what: string;
  /** Appended to the resource (or `/subscriptions/<id>`) id. */
  readonly suffix: string;
  readonly apiVersion: string;
  /** A list body `{value, nextLink}`, rather than one object. */
  readonly list: boolean;
  /** The body completes the facts of the resource it belongs to: not a resource of its own. */
  readonly settingsOf: boolean;
}

export const ARM_READS = {
  // https://learn.microsoft.com/rest/api/sql/server-blob-auditing-policies/get
  sqlAuditing: {
    file: 'sql-auditing-settings',
    what: 'SQL auditing settings',
    suffix: '/auditingSettings/default',
    apiVersion: '2023-08-01',
    list: false,
    settingsOf: true,
  },
  // https://learn.microsoft.com/rest/api/appservice/web-apps/get-configuration
  siteConfig: {
    file: 'site-config',
    what: 'App Service site config',
    suffix: '/config/web',
    apiVersion: '2023-12-01',
    list: false,
    settingsOf: true,
  },
  // https://learn.microsoft.com/rest/api/keyvault/keyvault/keys/list (management plane: no key material)
  vaultKeys: {
    file: 'keyvault-keys',
    what: 'Key Vault keys',
    suffix: '/keys',
    apiVersion: '2023-07-01',
    list: true,
    settingsOf: false,
  },
  // https://learn.microsoft.com/rest/api/consumption/budgets/list (the subscription's own budgets)
  budgets: {
    file: 'budgets',
    what: 'budgets',
    suffix: '/providers/Microsoft.Consumption/budgets',
    apiVersion: '2023-05-01',
    list: true,
    settingsOf: false,
  },
} as const satisfies Record<string, ArmRead>;

/** Native types whose checks need an ARM read: azure.sql.auditing, azure.appservice.tls-only, azure.keyvault.key-*. */
const RESOURCE_READS: ReadonlyMap<string, ArmRead> = new Map<string, ArmRead>([
  ['microsoft.sql/servers', ARM_READS.sqlAuditing],
  ['microsoft.web/sites', ARM_READS.siteConfig],
  ['microsoft.keyvault/vaults', ARM_READS.vaultKeys],
]);

/** A storage account's logs are on its services: their settings are listed too. */
const STORAGE_SERVICES = ['blobServices', 'fileServices', 'queueServices', 'tableServices'];
const STORAGE_ACCOUNT = 'microsoft.storage/storageaccounts';

/** A subscription's share of the scan, for its coverage line. */
interface SubscriptionScan {
  readonly id: string;
  name: string;
  resources: number;
  requests: number;
  readonly errors: string[];
  /** ARM bodies as the wire carried them, by `--save-inventory` file prefix. */
  readonly bodies: Map<string, unknown[]>;
  readonly work: Promise<void>[];
}

interface GraphScope {
  readonly subscriptions?: readonly string[];
  readonly managementGroups?: readonly string[];
}

/** The header that carries a query's pacer ticket (a GUID, as Azure expects a client request id). */
const REQUEST_ID = 'x-ms-client-request-id';

/** Resource Graph queries paging side by side per table (the quota allows 3 a second). */
const PARALLEL_BATCHES = 4;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The live Azure source: Resource Graph for the inventory, ARM for what it does not hold. */
export function createAzureLiveSource(options: AzureLiveOptions): LiveSource {
  for (const id of options.subscriptions ?? []) {
    if (!GUID.test(id)) throw new Error(`not a subscription id: ${id}`);
  }
  return {
    provider: 'azure',
    collect: (ctx) => new AzureCollection(options, ctx).run(),
  };
}

class AzureCollection {
  readonly #options: AzureLiveOptions;
  readonly #ctx: LiveContext;
  readonly #log: Logger;
  readonly #retry: RetryOptions;
  readonly #sleep: Sleep;
  readonly #graph: ResourceGraphClient;
  readonly #monitor: MonitorClient;
  /** The Resource Manager endpoint, without a trailing slash, for the generic ARM reads. */
  readonly #endpoint: string;
  readonly #armPipeline: Pipeline;
  readonly #http: HttpClient;
  readonly #pacer: GraphPacer;
  readonly #graphLimit: LimitFunction;
  readonly #armLimit: LimitFunction;
  readonly #pageSize: number;
  readonly #subscriptions = new Map<string, SubscriptionScan>();
  /** Resource Graph requests, shared by the subscriptions of a batch (the `resource graph` scope). */
  #graphRequests = 0;
  readonly #graphErrors: string[] = [];
  #resources = 0;
  #done = 0;
  #saved = 0;

  constructor(options: AzureLiveOptions, ctx: LiveContext) {
    this.#options = options;
    this.#ctx = ctx;
    this.#log = ctx.log;
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#sleep = options.sleep ?? sleep;
    const clientOptions = {
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.tlsCa ? { tlsOptions: { ca: options.tlsCa } } : {}),
      // Retries are ours: they are paced, counted and bounded (the SDK retries a 429 only with Retry-After).
      retryOptions: { maxRetries: 0 },
      userAgentOptions: { userAgentPrefix: 'kansa' },
    };
    this.#graph = new ResourceGraphClient(options.credential, clientOptions);
    this.#monitor = new MonitorClient(options.credential, clientOptions);
    this.#endpoint = (options.endpoint ?? 'https://management.azure.com').replace(/\/+$/, '');
    // The monitor client's pipeline: bearer token for ARM, TLS options, no SDK retries.
    this.#armPipeline = this.#monitor.pipeline;
    this.#http = createDefaultHttpClient();
    this.#pacer = new GraphPacer(options.graphQuota ?? RESOURCE_GRAPH_QUOTA, this.#sleep);
    // Last before the wire (after the bearer token): the pacer learns when each query really left.
    this.#graph.pipeline.addPolicy(
      {
        name: 'kansaGraphPacer',
        sendRequest: (request, next) => {
          const ticket = request.headers.get(REQUEST_ID);
          if (ticket) this.#pacer.sent(ticket);
          return next(request);
        },
      },
      { phase: 'Sign' },
    );
    // Resource Graph gets a few of the slots: its quota, not concurrency, bounds it; ARM gets the rest.
    const total = Math.max(1, Math.floor(ctx.concurrency));
    if (total <= 2) {
      this.#graphLimit = this.#armLimit = pLimit(total);
    } else {
      const graphSlots = Math.min(4, Math.max(1, Math.round(total / 4)));
      this.#graphLimit = pLimit(graphSlots);
      this.#armLimit = pLimit(total - graphSlots);
    }
    this.#pageSize = Math.min(1000, Math.max(1, options.pageSize ?? 1000));
  }

  async run(): Promise<ScopeCoverage[]> {
    const started = Date.now();
    await this.#discover();
    const ids = [...this.#subscriptions.keys()];
    this.#log.info({ subscriptions: ids.length }, 'azure: subscriptions to scan');
    this.#progress();
    for (const scan of this.#subscriptions.values()) {
      scan.work.push(this.#listSettings(scan, `subscriptions/${scan.id}`));
      scan.work.push(this.#armRead(scan, ARM_READS.budgets, `/subscriptions/${scan.id}`));
    }
    const readable = ids.filter((id) => this.#subscriptions.get(id)!.errors.length === 0);
    // Pages of one query come one after the other (each needs the previous `$skipToken`): the
    // large `resources` table is read in a few batches side by side, so that the quota, not the
    // round trip, bounds the scan; the small tables in as few queries as the limit allows.
    const limit = Math.max(1, this.#options.subscriptionsPerQuery ?? 300);
    await Promise.all(
      TABLE_QUERIES.flatMap(({ table, query }) =>
        batchesOf(readable, limit, table === 'resources' ? PARALLEL_BATCHES : 1).map((batch) =>
          this.#queryTable(table, query, batch),
        ),
      ),
    );
    // Diagnostic-setting listings were started as their resources arrived; wait for each subscription.
    await Promise.all(
      [...this.#subscriptions.values()].map(async (scan) => {
        // New work is only added while the graph pages arrive, which is over.
        await Promise.all(scan.work);
        await this.#saveBodies(scan);
        this.#done++;
        this.#progress();
      }),
    );
    const coverage = this.#coverage();
    this.#log.info(
      {
        subscriptions: ids.length,
        resources: this.#resources,
        requests: coverage.reduce((sum, scope) => sum + scope.requests, 0),
        ms: Date.now() - started,
      },
      'azure: live collection done',
    );
    return coverage;
  }

  /** Finds the subscriptions to scan: the named ones, those under the management groups, or all readable. */
  async #discover(): Promise<void> {
    const { subscriptions = [], managementGroups = [] } = this.#options;
    const scopes: GraphScope[] = [];
    if (subscriptions.length > 0) scopes.push({ subscriptions: subscriptions.map((s) => s.toLowerCase()) });
    if (managementGroups.length > 0) scopes.push({ managementGroups });
    if (scopes.length === 0) scopes.push({});
    const perQuery = Math.max(1, this.#options.subscriptionsPerQuery ?? 300);
    const runs: Promise<void>[] = [];
    for (const scope of scopes) {
      if (!scope.subscriptions) {
        // A tenant or management-group scope that cannot be read is in the `resource graph` scope's error.
        const run = this.#query('resourcecontainers', SUBSCRIPTIONS_QUERY, scope, (rows) =>
          this.#found(rows),
        );
        runs.push(run.catch((error) => (error instanceof PageError ? undefined : Promise.reject(error))));
        continue;
      }
      for (let i = 0; i < scope.subscriptions.length; i += perQuery) {
        const batch = scope.subscriptions.slice(i, i + perQuery);
        runs.push(
          this.#queryTable('resourcecontainers', SUBSCRIPTIONS_QUERY, batch, (rows) => this.#found(rows)),
        );
      }
    }
    await Promise.all(runs);
    for (const id of subscriptions) {
      const lower = id.toLowerCase();
      if (!this.#subscriptions.has(lower)) {
        const scan = this.#scanOf(lower);
        if (scan.errors.length === 0) scan.errors.push('not found, or not readable by this identity');
      }
    }
  }

  #found(rows: readonly unknown[]): void {
    this.#emitRows(rows, 'resourcecontainers', (resource) => {
      if (resource.kansaType === 'account') this.#scanOf(resource.account).name = resource.name;
    });
  }

  #scanOf(id: string): SubscriptionScan {
    let scan = this.#subscriptions.get(id);
    if (!scan) {
      scan = { id, name: '', resources: 0, requests: 0, errors: [], bodies: new Map(), work: [] };
      this.#subscriptions.set(id, scan);
    }
    return scan;
  }

  /**
   * One table for a batch of subscriptions. A batch the identity may not read as a whole is
   * split in halves until the subscriptions it may not read are found; they are listed with
   * the error and the others are read.
   */
  async #queryTable(
    table: string,
    query: string,
    batch: readonly string[],
    onRows?: (rows: readonly unknown[]) => void,
  ): Promise<void> {
    try {
      await this.#query(
        table,
        query,
        { subscriptions: batch },
        onRows ?? ((rows) => this.#emitRows(rows, table)),
      );
    } catch (error) {
      if (!(error instanceof PageError)) throw error;
      const denied = error.failure.status === 401 || error.failure.status === 403;
      if (denied && error.page === 0 && batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        this.#log.debug({ table, subscriptions: batch.length }, 'azure: batch denied, splitting it');
        await Promise.all([
          this.#queryTable(table, query, batch.slice(0, half), onRows),
          this.#queryTable(table, query, batch.slice(half), onRows),
        ]);
        return;
      }
      const message =
        error.page === 0
          ? `${table}: ${error.message}`
          : `${table}: incomplete, failed after ${error.page} page(s): ${error.message}`;
      for (const id of batch) this.#scanOf(id).errors.push(message);
    }
  }

  /** Runs one query through every `$skipToken` page; throws PageError on a page that cannot be read. */
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
        this.#log.warn({ table, rows: rows.length }, 'azure: Resource Graph truncated the result');
      }
      await this.#saveGraphPage(table, response, rows);
      onRows(rows);
      this.#progress();
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
  ): Promise<Awaited<ReturnType<ResourceGraphClient['resources']>>> {
    try {
      return await withRetry(
        () =>
          this.#graphLimit(async () => {
            const ticket = await this.#pacer.acquire();
            this.#graphRequests++;
            try {
              return await this.#graph.resources(
                {
                  query,
                  ...(scope.subscriptions ? { subscriptions: [...scope.subscriptions] } : {}),
                  ...(scope.managementGroups ? { managementGroups: [...scope.managementGroups] } : {}),
                  options: {
                    top: this.#pageSize,
                    resultFormat: 'objectArray',
                    ...(token ? { skipToken: token } : {}),
                  },
                },
                {
                  abortSignal: AbortSignal.timeout(this.#retry.timeoutMs),
                  requestOptions: { headers: { [REQUEST_ID]: ticket } },
                  onResponse: (raw) => this.#pacer.observe(raw.headers),
                },
              );
            } finally {
              this.#pacer.release(ticket);
            }
          }),
        this.#retry,
        this.#sleep,
        {
          onThrottled: (ms) => this.#pacer.block(ms),
          onRetry: (failure, attempt, delayMs) =>
            this.#log.debug(
              { table, page, attempt, delayMs: Math.round(delayMs), error: failure.message },
              'azure: retrying Resource Graph query',
            ),
        },
      );
    } catch (error) {
      if (!(error instanceof CallError)) throw error;
      if (!scope.subscriptions) {
        const where = scope.managementGroups
          ? `management group ${scope.managementGroups.join(', ')}`
          : 'tenant (every readable subscription)';
        this.#graphErrors.push(`${where}: ${table}: ${error.message}`);
      }
      throw new PageError(error, page);
    }
  }

  /** Hands rows to the offline reader's adapters, counts them and starts the listings they need. */
  #emitRows(rows: readonly unknown[], table: string, seen?: (resource: Resource) => void): void {
    let skipped = 0;
    for (const [index, row] of rows.entries()) {
      const result = toResource(row, { file: `azure:resourcegraph/${table}`, index });
      if ('skip' in result) {
        skipped++;
        this.#log.debug({ table, reason: result.skip }, 'azure: row skipped');
        continue;
      }
      const scan = this.#scanOf(result.account);
      seen?.(result);
      this.#ctx.emit(result);
      scan.resources++;
      this.#resources++;
      if (DIAGNOSED_TYPES.has(result.kansaType)) {
        const uri = result.id.replace(/^\//, '');
        scan.work.push(this.#listSettings(scan, uri));
        if (result.nativeType === STORAGE_ACCOUNT) {
          for (const service of STORAGE_SERVICES) {
            scan.work.push(this.#listSettings(scan, `${uri}/${service}/default`));
          }
        }
      }
      const read = RESOURCE_READS.get(result.nativeType);
      if (read) scan.work.push(this.#armRead(scan, read, result.id));
    }
    if (skipped > 0)
      this.#log.info({ table, skipped }, 'azure: rows skipped (not resources of a subscription)');
  }

  /** `GET /{resourceUri}/providers/Microsoft.Insights/diagnosticSettings`, every page. */
  async #listSettings(scan: SubscriptionScan, resourceUri: string): Promise<void> {
    if (this.#options.armReads === false) return;
    let bodies: unknown[];
    try {
      bodies = await withRetry(
        () =>
          this.#armLimit(async () => {
            const values: unknown[] = [];
            let rawFirst: unknown;
            const pages = this.#monitor.diagnosticSettings
              .list(resourceUri, {
                abortSignal: AbortSignal.timeout(this.#retry.timeoutMs),
                onResponse: (raw) => {
                  rawFirst = raw.parsedBody;
                },
              })
              .byPage();
            let page = 0;
            scan.requests++;
            for await (const items of pages) {
              if (page > 0) scan.requests++;
              // The first page as the wire carried it; later pages (never seen in practice: at
              // most 5 settings per resource) come back deserialized and are nested again.
              const raw = page === 0 ? (rawFirst as { value?: unknown } | undefined)?.value : undefined;
              values.push(...(Array.isArray(raw) ? raw : items.map(toArmShape)));
              page++;
            }
            return values;
          }),
        this.#retry,
        this.#sleep,
        {
          onRetry: (failure, attempt, delayMs) =>
            this.#log.debug(
              { resource: resourceUri, attempt, delayMs: Math.round(delayMs), error: failure.message },
              'azure: retrying diagnostic settings',
            ),
        },
      );
    } catch (error) {
      if (!(error instanceof CallError)) throw error;
      scan.errors.push(`diagnostic settings of /${resourceUri}: ${error.message}`);
      return;
    }
    this.#readArm(scan, 'diagnostic-settings', bodies, `azure:arm/${resourceUri}`, true);
  }

  /**
   * `GET {target}{suffix}?api-version=…` through the ARM pipeline; a list is followed through
   * every `nextLink`. What was read before a page failed is kept, and the failure listed.
   */
  async #armRead(scan: SubscriptionScan, read: ArmRead, target: string): Promise<void> {
    if (this.#options.armReads === false) return;
    const path = `${target}${read.suffix}`;
    const items: unknown[] = [];
    let url: string | undefined = `${this.#endpoint}${path}?api-version=${read.apiVersion}`;
    let pages = 0;
    try {
      while (url) {
        const body = await this.#armGet(scan, url, read);
        pages++;
        if (!read.list) {
          items.push(body);
          break;
        }
        const value = get(body, 'value');
        if (!Array.isArray(value))
          throw new CallError({ transient: false, message: 'not an ARM list body' }, 1);
        items.push(...value);
        url = this.#nextLink(get(body, 'nextLink'));
      }
    } catch (error) {
      if (!(error instanceof CallError)) throw error;
      scan.errors.push(
        pages === 0
          ? `${read.what} of ${path}: ${error.message}`
          : `${read.what} of ${path}: incomplete, failed after ${pages} page(s): ${error.message}`,
      );
    }
    this.#readArm(scan, read.file, items, `azure:arm${path}`, !read.settingsOf);
  }

  /** One ARM GET, bounded by the ARM slots and retried; its parsed body, or a CallError. */
  #armGet(scan: SubscriptionScan, url: string, read: ArmRead): Promise<unknown> {
    return withRetry(
      () =>
        this.#armLimit(async () => {
          scan.requests++;
          const request = createPipelineRequest({
            url,
            method: 'GET',
            abortSignal: AbortSignal.timeout(this.#retry.timeoutMs),
          });
          const response = await this.#armPipeline.sendRequest(this.#http, request);
          if (response.status !== 200) {
            throw new RestError(`HTTP ${response.status}`, {
              statusCode: response.status,
              request,
              response,
            });
          }
          return JSON.parse(response.bodyAsText ?? '') as unknown;
        }),
      this.#retry,
      this.#sleep,
      {
        onRetry: (failure, attempt, delayMs) =>
          this.#log.debug(
            { url: new URL(url).pathname, attempt, delayMs: Math.round(delayMs), error: failure.message },
            `azure: retrying ${read.what}`,
          ),
      },
    );
  }

  /** A list's next page, only on the ARM endpoint (the bearer token goes nowhere else). */
  #nextLink(link: unknown): string | undefined {
    if (typeof link !== 'string' || link === '') return undefined;
    let next: URL;
    try {
      next = new URL(link, this.#endpoint);
    } catch {
      throw new CallError({ transient: false, message: 'nextLink is not a URL' }, 1);
    }
    if (next.origin !== new URL(this.#endpoint).origin) {
      throw new CallError(
        { transient: false, message: `nextLink leaves the ARM endpoint (${next.origin})` },
        1,
      );
    }
    return next.href;
  }

  /** ARM bodies through the offline `azure-arm` reader (the same adapters), kept for --save-inventory. */
  #readArm(scan: SubscriptionScan, file: string, items: unknown[], origin: string, count: boolean): void {
    if (items.length === 0) return;
    const saved = scan.bodies.get(file);
    if (saved) saved.push(...items);
    else scan.bodies.set(file, [...items]);
    const ctx = {
      file: origin,
      skip: (reason: string) => this.#log.debug({ origin, reason }, 'azure: ARM record skipped'),
    };
    for (const resource of azureArm.read({ value: items }, ctx)) {
      this.#ctx.emit(resource);
      if (!count) continue;
      scan.resources++;
      this.#resources++;
    }
  }

  /** `--save-inventory`: each Resource Graph page as `az graph query -o json` prints it. */
  async #saveGraphPage(
    table: string,
    response: { totalRecords: number; count: number; skipToken?: string },
    rows: readonly unknown[],
  ): Promise<void> {
    const dir = this.#ctx.saveInventoryDir;
    if (!dir) return;
    const n = ++this.#saved;
    const document = {
      count: response.count,
      data: rows,
      skip_token: response.skipToken ?? null,
      total_records: response.totalRecords,
    };
    await this.#write(path.join(dir, 'azure', `graph-${table}-${String(n).padStart(5, '0')}.json`), document);
  }

  /**
   * `--save-inventory`: a subscription's ARM bodies, one list body `{value: [...]}` per kind
   * (`diagnostic-settings-<id>.json`, `sql-auditing-settings-<id>.json`, …), as `azure-arm` reads them.
   */
  async #saveBodies(scan: SubscriptionScan): Promise<void> {
    const dir = this.#ctx.saveInventoryDir;
    if (!dir) return;
    for (const [file, items] of scan.bodies) {
      await this.#write(path.join(dir, 'azure', `${file}-${scan.id}.json`), { value: items });
    }
  }

  async #write(file: string, document: unknown): Promise<void> {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(document)}\n`);
  }

  #progress(): void {
    this.#ctx.progress({
      unit: 'subscriptions',
      done: this.#done,
      total: this.#subscriptions.size,
      resources: this.#resources,
    });
  }

  #coverage(): ScopeCoverage[] {
    const scopes: ScopeCoverage[] = [
      {
        provider: 'azure',
        scope: 'resource graph',
        resources: 0,
        requests: this.#graphRequests,
        ...(this.#graphErrors.length > 0 ? { error: this.#graphErrors.join('; ') } : {}),
      },
    ];
    const sorted = [...this.#subscriptions.values()].sort((a, b) => a.id.localeCompare(b.id));
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
}

/** Splits subscriptions into at least `parallel` batches (as many as there are) of at most `limit`. */
function batchesOf(ids: readonly string[], limit: number, parallel: number): string[][] {
  const count = Math.max(Math.ceil(ids.length / limit), Math.min(parallel, ids.length));
  const size = Math.ceil(ids.length / Math.max(1, count));
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += size) batches.push(ids.slice(i, i + size));
  return batches;
}

class PageError extends Error {
  readonly failure: CallError['failure'];
  readonly page: number;
  constructor(error: CallError, page: number) {
    super(error.message);
    this.failure = error.failure;
    this.page = page;
  }
}

/** Keys ARM keeps outside `properties` on a diagnostic setting. */
const SETTING_ENVELOPE = new Set(['id', 'name', 'type', 'systemData']);

/** An SDK-deserialized diagnostic setting (properties flattened) back in the wire's shape. */
function toArmShape(item: object): unknown {
  const envelope: Record<string, unknown> = {};
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (value === undefined) continue;
    (SETTING_ENVELOPE.has(key) ? envelope : properties)[key] = value;
  }
  return { ...envelope, properties };
}
