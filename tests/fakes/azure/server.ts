// A fake Azure Resource Manager on 127.0.0.1 (HTTPS, random port) that the real SDK clients
// talk to: Resource Graph `POST /providers/Microsoft.ResourceGraph/resources` with `$skipToken`
// paging and the per-user quota (headers, 429 + Retry-After), and the ARM GETs the collector
// makes: `/{resourceUri}/providers/Microsoft.Insights/diagnosticSettings`, SQL servers'
// `auditingSettings/default` and `encryptionProtector/current` (managed instances' too), flexible servers'
// `configurations`, sites' `config/web`, vaults' `keys` and subscriptions'
// `Microsoft.Consumption/budgets` (lists paged with `nextLink`). Faults (throttling, 5xx,
// slow answers, dropped connections, 403 on a subscription) are chosen by the test; every
// request is counted.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { type ArmBucketQuota, ArmReadBuckets, LEGACY_READ_HEADERS, throttledAnswer } from './arm-buckets.ts';
import { type Row, type Scenario, TENANT } from './scenario.ts';
import { makeCertificates } from './tls.ts';

export const GRAPH_API_VERSION = '2024-04-01';
export const DIAGNOSTIC_SETTINGS_API_VERSION = '2021-05-01-preview';

/** ARM GETs beyond diagnostic settings: which paths, the api-version each wants, and whether it pages. */
const ARM_ROUTES: readonly { readonly path: RegExp; readonly apiVersion: string; readonly list: boolean }[] =
  [
    {
      path: /\/providers\/microsoft\.sql\/servers\/[^/]+\/auditingsettings\/default$/,
      apiVersion: '2023-08-01',
      list: false,
    },
    {
      path: /\/providers\/microsoft\.sql\/(?:servers|managedinstances)\/[^/]+\/encryptionprotector\/current$/,
      apiVersion: '2023-08-01',
      list: false,
    },
    {
      path: /\/providers\/microsoft\.dbforpostgresql\/flexibleservers\/[^/]+\/configurations$/,
      apiVersion: '2024-08-01',
      list: true,
    },
    {
      path: /\/providers\/microsoft\.dbformysql\/flexibleservers\/[^/]+\/configurations$/,
      apiVersion: '2023-12-30',
      list: true,
    },
    {
      path: /\/providers\/microsoft\.web\/sites\/[^/]+\/config\/web$/,
      apiVersion: '2023-12-01',
      list: false,
    },
    { path: /\/providers\/microsoft\.keyvault\/vaults\/[^/]+\/keys$/, apiVersion: '2023-07-01', list: true },
    {
      path: /\/providers\/microsoft\.cache\/redisenterprise\/[^/]+\/databases$/,
      apiVersion: '2025-04-01',
      list: true,
    },
    {
      path: /\/providers\/microsoft\.keyvault\/managedhsms\/[^/]+\/keys$/,
      apiVersion: '2024-11-01',
      list: true,
    },
    {
      path: /^\/subscriptions\/[^/]+\/providers\/microsoft\.consumption\/budgets$/,
      apiVersion: '2023-05-01',
      list: true,
    },
  ];

export type RequestKind = 'graph' | 'arm';

/** What the fake does to one request instead of answering it normally. */
export type Fault =
  | { readonly status: number; readonly code?: string; readonly retryAfterSeconds?: number }
  | { readonly delayMs: number }
  | { readonly reset: true };

export interface FakeRequest {
  readonly kind: RequestKind;
  /** 1-based count of requests of this kind so far (this one included). */
  readonly n: number;
  readonly path: string;
  /** ARM: the query string (`?api-version=…&$skiptoken=…` on a list's later pages). */
  readonly search?: string;
  /** Resource Graph: the subscriptions asked for. */
  readonly subscriptions?: readonly string[];
  /** Resource Graph: the query's `options.authorizationScopeFilter`, when it has one. */
  readonly authorizationScopeFilter?: string;
  /** Resource Graph: the query's text. */
  readonly query?: string;
  /** Resource Graph: the page asked for (1-based; a later one carries a `$skipToken`). */
  readonly page?: number;
}

export interface FakeAzureOptions {
  readonly scenario: Scenario;
  /** Resource Graph's quota per identity: at most `requests` per fixed `windowMs` window. */
  readonly quota?: { readonly requests: number; readonly windowMs: number };
  /** Added before every answer (and its spread, uniformly). */
  readonly latencyMs?: number;
  readonly jitterMs?: number;
  /** ARM's latency when it differs from Resource Graph's. */
  readonly armLatencyMs?: number;
  /** Items per page of an ARM list (`keys`, `configurations`, `budgets`) before a `nextLink` (Key Vault's is 25). */
  readonly armPageSize?: number;
  /** Subscriptions the identity may not read: 403 AuthorizationFailed. */
  readonly forbidden?: readonly string[];
  readonly fault?: (request: FakeRequest) => Fault | undefined;
  /** Time for the quota windows and the held answers (tests: the virtual clock shared with the collector). */
  readonly clock?: FakeClock;
  /** ARM's read buckets (ArmReadBuckets); without them: the legacy hourly header, no 429. */
  readonly armQuota?: ArmBucketQuota;
}

/** Time as the fake sees it: real by default. */
export interface FakeClock {
  now(): number;
  /** Holds an answer back; rejects when `signal` aborts (the client went away). */
  park(ms: number, signal?: AbortSignal): Promise<void>;
}

const REAL_TIME: FakeClock = {
  now: () => performance.now(),
  park: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason);
      });
    }),
};

export interface Accounting {
  graph: number;
  arm: number;
  /** Resource Graph requests beyond the quota (answered 429 RateLimiting). */
  quotaExceeded: number;
  /** Most Resource Graph requests counted in one quota window. */
  maxInWindow: number;
  byStatus: Record<number, number>;
  /** ARM list pages asked for through a `nextLink`. */
  nextLinks: number;
  /** Requests without a bearer token. */
  unauthenticated: number;
  /** The paths of the ARM GETs (lower case). */
  armPaths: string[];
  /** ARM reads beyond a subscription's read bucket (answered 429). */
  armThrottled: number;
  /** The fewest reads left in a subscription's bucket. */
  armLowestRemaining: number;
  /** ARM reads each subscription's bucket let through (lower-case id → reads), with `armQuota`. */
  armReads: Record<string, number>;
  /** When the first ARM request arrived and the last ARM answer left (the fake's clock). */
  armFirstAt?: number;
  armLastAt?: number;
  /** Resource Graph page sizes served. */
  pageRows: number[];
  /** When the first Resource Graph request arrived and the last page was answered (ms epoch). */
  graphFirstAt?: number;
  graphLastAt?: number;
}

interface Window {
  start: number;
  used: number;
}

/** The Azure the tests and the benchmark scan. */
export class FakeAzure {
  readonly #options: FakeAzureOptions;
  readonly #forbidden: Set<string>;
  readonly #windows = new Map<string, Window>();
  readonly #server: Server;
  readonly ca: string;
  endpoint = '';
  readonly accounting: Accounting = {
    graph: 0,
    arm: 0,
    quotaExceeded: 0,
    maxInWindow: 0,
    byStatus: {},
    nextLinks: 0,
    unauthenticated: 0,
    armPaths: [],
    armThrottled: 0,
    armLowestRemaining: Number.POSITIVE_INFINITY,
    armReads: {},
    pageRows: [],
  };
  readonly #clock: FakeClock;
  /** The clock the fake runs on (a collector under test shares it). */
  get clock(): FakeClock {
    return this.#clock;
  }
  readonly #buckets: ArmReadBuckets | undefined;

  constructor(options: FakeAzureOptions) {
    this.#options = options;
    this.#forbidden = new Set((options.forbidden ?? []).map((id) => id.toLowerCase()));
    this.#clock = options.clock ?? REAL_TIME;
    this.#buckets = options.armQuota ? new ArmReadBuckets(options.armQuota) : undefined;
    const { ca, key, cert } = makeCertificates();
    this.ca = ca;
    this.#server = createServer({ key, cert }, (req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        if (!res.headersSent)
          this.#json(res, 500, { error: { code: 'InternalServerError', message: String(error) } });
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    const { port } = this.#server.address() as AddressInfo;
    this.endpoint = `https://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const body = await readBody(req);
    const auth = req.headers.authorization ?? '';
    if (!/^Bearer \S+/.test(auth)) {
      this.accounting.unauthenticated++;
      return this.#json(res, 401, { error: { code: 'AuthenticationFailed', message: 'no bearer token' } });
    }
    const lowerPath = url.pathname.toLowerCase();
    if (req.method === 'POST' && lowerPath === '/providers/microsoft.resourcegraph/resources') {
      return this.#graph(res, url, body, auth);
    }
    const suffix = '/providers/microsoft.insights/diagnosticsettings';
    if (req.method === 'GET' && lowerPath.endsWith(suffix)) {
      return this.#diagnosticSettings(res, url, lowerPath.slice(0, -suffix.length), auth);
    }
    const route = ARM_ROUTES.find((candidate) => candidate.path.test(lowerPath));
    if (req.method === 'GET' && route) return this.#armGet(res, url, lowerPath, route, auth);
    return this.#json(res, 404, {
      error: { code: 'NotFound', message: `no route ${req.method} ${url.pathname}` },
    });
  }

  async #graph(res: ServerResponse, url: URL, text: string, auth: string): Promise<void> {
    const n = ++this.accounting.graph;
    this.accounting.graphFirstAt ??= this.#clock.now();
    if (url.searchParams.get('api-version') !== GRAPH_API_VERSION) {
      return this.#json(res, 400, { error: { code: 'InvalidApiVersionParameter', message: 'api-version' } });
    }
    const request = JSON.parse(text) as {
      subscriptions?: string[];
      managementGroups?: string[];
      query?: string;
      options?: {
        $top?: number;
        $skipToken?: string;
        resultFormat?: string;
        authorizationScopeFilter?: string;
      };
    };
    // The quota is counted when the request arrives, then the headers say what is left.
    const quota = this.#options.quota ?? { requests: 15, windowMs: 5_000 };
    const now = this.#clock.now();
    let window = this.#windows.get(auth);
    if (!window || now >= window.start + quota.windowMs) {
      window = { start: now, used: 0 };
      this.#windows.set(auth, window);
    }
    window.used++;
    this.accounting.maxInWindow = Math.max(this.accounting.maxInWindow, window.used);
    const left = window.start + quota.windowMs - now;
    const quotaHeaders = {
      'x-ms-user-quota-remaining': String(Math.max(0, quota.requests - window.used)),
      'x-ms-user-quota-resets-after': timeSpan(left),
    };
    if (window.used > quota.requests) {
      this.accounting.quotaExceeded++;
      await this.#delay('graph', res);
      return this.#json(
        res,
        429,
        { error: { code: 'RateLimiting', message: 'Please provide below info when asking for support' } },
        { ...quotaHeaders, 'retry-after': String(Math.ceil(left / 1000)) },
      );
    }
    const subscriptions = request.subscriptions?.map((id) => id.toLowerCase());
    const filter = request.options?.authorizationScopeFilter;
    const top = Math.min(1000, request.options?.$top ?? 1000);
    const offset = request.options?.$skipToken ? decodeToken(request.options.$skipToken) : 0;
    const asked: FakeRequest = {
      kind: 'graph',
      n,
      path: url.pathname,
      subscriptions,
      query: request.query ?? '',
      page: Math.floor(offset / top) + 1,
      ...(filter ? { authorizationScopeFilter: filter } : {}),
    };
    if (await this.#fault(res, asked, quotaHeaders)) return;
    await this.#delay('graph', res);
    const denied = subscriptions?.filter((id) => this.#forbidden.has(id)) ?? [];
    if (denied.length > 0) {
      return this.#json(
        res,
        403,
        {
          error: {
            code: 'AuthorizationFailed',
            message: `The client does not have authorization to perform action 'Microsoft.ResourceGraph/resources/read' over scope '/subscriptions/${denied[0]}'`,
          },
        },
        quotaHeaders,
      );
    }
    const rows = this.#select(request.query ?? '', subscriptions, request.managementGroups, filter);
    if (!rows) {
      return this.#json(
        res,
        400,
        { error: { code: 'BadRequest', message: 'Please provide a valid query' } },
        quotaHeaders,
      );
    }
    const page = rows.slice(offset, offset + top);
    this.accounting.pageRows.push(page.length);
    this.accounting.graphLastAt = this.#clock.now();
    const next = offset + top < rows.length ? encodeToken(offset + top) : undefined;
    return this.#json(
      res,
      200,
      {
        totalRecords: rows.length,
        count: page.length,
        data: page,
        facets: [],
        resultTruncated: 'false',
        ...(next ? { $skipToken: next } : {}),
      },
      quotaHeaders,
    );
  }

  /**
   * The few query shapes the collector sends: `<table> [| where type =~ '…' | in~ (…)]
   * [| where id startswith '…'] [| union (<table> | where …)] | order by id asc`. Anything else
   * is a 400, as a query Resource Graph cannot parse would be. `authorizationScopeFilter`
   * (Resource Graph's default `AtScopeAndBelow`; `AtScopeAndAbove`, `AtScopeAboveAndBelow`) says
   * whether the role assignments of the management groups above the subscriptions, and of the
   * root, are answered too; those at a resource group or a resource, only at and below.
   */
  #select(
    query: string,
    subscriptions?: readonly string[],
    managementGroups?: readonly string[],
    filter = 'AtScopeAndBelow',
  ): Row[] | undefined {
    const legs: { table: string; types?: Set<string> }[] = [];
    const main = /^\s*(\w+)((?:\s*\|\s*where\s+type\s+(?:=~|in~)\s*(?:'[^']*'|\([^)]*\)))?)/i.exec(query);
    if (!main) return undefined;
    if (!['AtScopeAndBelow', 'AtScopeAndAbove', 'AtScopeAboveAndBelow'].includes(filter)) return undefined;
    legs.push({ table: main[1]!.toLowerCase(), types: typesOf(main[2]!) });
    for (const union of query.matchAll(/union\s*\(\s*(\w+)([^)]*(?:\([^)]*\))?[^)]*)\)/gi)) {
      legs.push({ table: union[1]!.toLowerCase(), types: typesOf(union[2]!) });
    }
    const prefix = /\|\s*where\s+id\s+startswith\s+'([^']*)'/i.exec(query)?.[1]?.toLowerCase();
    const tables = this.#options.scenario.tables;
    if (legs.some((leg) => !tables[leg.table])) return undefined;
    const inScope = this.#scopeFilter(subscriptions, managementGroups);
    const above = filter === 'AtScopeAndBelow' ? () => false : this.#aboveFilter(subscriptions);
    const below = filter !== 'AtScopeAndAbove';
    const rows = legs.flatMap(({ table, types }) =>
      tables[table]!.filter((row) => {
        if (types && !types.has(String(row.type))) return false;
        const id = String(row.id).toLowerCase();
        if (prefix !== undefined && !id.startsWith(prefix)) return false;
        if (above(id)) return true;
        if (!inScope(String(row.subscriptionId).toLowerCase())) return false;
        // Only a role assignment has a scope below the subscription to leave out.
        return below || table !== 'authorizationresources' || /^\/subscriptions\/[^/]+\/providers\//.test(id);
      }),
    );
    return rows.sort((a, b) => String(a.id).toLowerCase().localeCompare(String(b.id).toLowerCase()));
  }

  /**
   * Whether a row's id is an assignment above the subscriptions asked for: of a management group
   * above one of them (the scenario's group and the tenant root group), or of the root `/`.
   */
  #aboveFilter(subscriptions?: readonly string[]): (id: string) => boolean {
    const asked = subscriptions ? new Set(subscriptions) : undefined;
    const groups = new Set<string>();
    for (const sub of this.#options.scenario.subscriptions) {
      if (asked && !asked.has(sub.id.toLowerCase())) continue;
      for (const group of [sub.managementGroup, TENANT]) groups.add(group.toLowerCase());
    }
    return (id) => {
      if (/^\/providers\/microsoft\.authorization\/roleassignments\//.test(id)) return true;
      const group = /^\/providers\/microsoft\.management\/managementgroups\/([^/]+)\/providers\//.exec(
        id,
      )?.[1];
      return group !== undefined && groups.has(group);
    };
  }

  #scopeFilter(
    subscriptions?: readonly string[],
    managementGroups?: readonly string[],
  ): (id: string) => boolean {
    const readable = (id: string) => !this.#forbidden.has(id);
    if (subscriptions) {
      const set = new Set(subscriptions);
      return (id) => set.has(id) && readable(id);
    }
    if (managementGroups) {
      const groups = new Set(managementGroups.map((mg) => mg.toLowerCase()));
      const members = new Set(
        this.#options.scenario.subscriptions
          .filter((sub) => groups.has(sub.managementGroup.toLowerCase()))
          .map((sub) => sub.id.toLowerCase()),
      );
      return (id) => members.has(id) && readable(id);
    }
    // Tenant scope: Resource Graph answers for what the identity may read, silently.
    return readable;
  }

  async #diagnosticSettings(res: ServerResponse, url: URL, target: string, auth: string): Promise<void> {
    const headers = await this.#armAdmit(res, url, DIAGNOSTIC_SETTINGS_API_VERSION, target, auth);
    if (!headers) return;
    return this.#armJson(
      res,
      200,
      { value: this.#options.scenario.diagnosticSettings.get(target) ?? [] },
      headers,
    );
  }

  /** One of ARM_ROUTES: the scenario's body for the path, a list paged with `$skiptoken` / `nextLink`. */
  async #armGet(
    res: ServerResponse,
    url: URL,
    lowerPath: string,
    route: (typeof ARM_ROUTES)[number],
    auth: string,
  ): Promise<void> {
    const headers = await this.#armAdmit(res, url, route.apiVersion, lowerPath, auth);
    if (!headers) return;
    const body = this.#options.scenario.armBodies.get(lowerPath);
    if (body === undefined) {
      return this.#armJson(
        res,
        404,
        { error: { code: 'ResourceNotFound', message: `The resource '${url.pathname}' was not found.` } },
        headers,
      );
    }
    if (!route.list || !Array.isArray(body)) return this.#armJson(res, 200, body, headers);
    const size = this.#options.armPageSize ?? 25;
    const token = url.searchParams.get('$skiptoken');
    if (token) this.accounting.nextLinks++;
    const offset = token ? Number(token) : 0;
    const next = new URL(`${this.endpoint}${url.pathname}`);
    next.searchParams.set('api-version', route.apiVersion);
    next.searchParams.set('$skiptoken', String(offset + size));
    return this.#armJson(
      res,
      200,
      {
        value: body.slice(offset, offset + size),
        ...(offset + size < body.length ? { nextLink: next.href } : {}),
      },
      headers,
    );
  }

  /**
   * What every ARM GET goes through: counted, its api-version checked, its read taken from the
   * subscription's buckets when it arrives (as ARM counts it; a read over them is answered 429
   * after the latency), the test's fault, the latency, and 403 in a subscription the identity
   * may not read. The remaining-reads headers of this request when it may be answered.
   */
  async #armAdmit(
    res: ServerResponse,
    url: URL,
    apiVersion: string,
    target: string,
    auth: string,
  ): Promise<Record<string, string> | undefined> {
    const n = ++this.accounting.arm;
    this.accounting.armFirstAt ??= this.#clock.now();
    this.accounting.armPaths.push(url.pathname.toLowerCase());
    if (url.searchParams.get('api-version') !== apiVersion) {
      this.#armJson(res, 400, { error: { code: 'InvalidApiVersionParameter', message: 'api-version' } });
      return undefined;
    }
    const subscription = /^\/subscriptions\/([^/]+)/.exec(target)?.[1];
    const read =
      subscription && this.#buckets ? this.#buckets.take(subscription, auth, this.#clock.now()) : undefined;
    const headers = read?.headers ?? LEGACY_READ_HEADERS;
    if (read && !read.admitted) {
      this.accounting.armThrottled++;
      await this.#delay('arm', res);
      const throttled = throttledAnswer(subscription!, read);
      this.#armJson(res, 429, throttled.body, throttled.headers);
      return undefined;
    }
    if (read && subscription) {
      this.accounting.armReads[subscription] = (this.accounting.armReads[subscription] ?? 0) + 1;
      this.accounting.armLowestRemaining = Math.min(this.accounting.armLowestRemaining, read.remaining);
    }
    if (await this.#fault(res, { kind: 'arm', n, path: url.pathname, search: url.search }, headers)) {
      this.accounting.armLastAt = this.#clock.now();
      return undefined;
    }
    await this.#delay('arm', res);
    if (subscription && this.#forbidden.has(subscription)) {
      this.#armJson(
        res,
        403,
        {
          error: {
            code: 'AuthorizationFailed',
            message: `The client does not have authorization to perform action 'read' over scope '${target}'`,
          },
        },
        headers,
      );
      return undefined;
    }
    return headers;
  }

  /** An ARM answer: when the last one left is the end of the ARM phase. */
  #armJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.accounting.armLastAt = this.#clock.now();
    this.#json(res, status, body, headers);
  }

  /** Applies the test's fault to this request; true when it answered (or dropped) it. */
  async #fault(res: ServerResponse, request: FakeRequest, headers: Record<string, string>): Promise<boolean> {
    const fault = this.#options.fault?.(request);
    if (!fault) return false;
    if ('reset' in fault) {
      res.socket?.destroy();
      this.#count(0);
      return true;
    }
    if ('delayMs' in fault) {
      await this.#park(fault.delayMs, res);
      return res.destroyed;
    }
    await this.#delay(request.kind, res);
    this.#json(
      res,
      fault.status,
      { error: { code: fault.code ?? 'ServerError', message: `fake fault ${fault.status}` } },
      {
        ...headers,
        ...(fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {}),
      },
    );
    return true;
  }

  async #delay(kind: RequestKind, res: ServerResponse): Promise<void> {
    const { latencyMs = 0, jitterMs = 0, armLatencyMs } = this.#options;
    const base = kind === 'arm' ? (armLatencyMs ?? latencyMs) : latencyMs;
    const ms = base + (jitterMs > 0 ? Math.random() * jitterMs : 0);
    if (ms > 0) await this.#park(ms, res);
  }

  /** Holds the answer back; a client that goes away meanwhile ends the wait. */
  async #park(ms: number, res: ServerResponse): Promise<void> {
    const gone = new AbortController();
    const onClose = () => gone.abort();
    res.on('close', onClose);
    try {
      await this.#clock.park(ms, gone.signal);
    } catch {
      // The client went away: the caller sees `res.destroyed`.
    } finally {
      res.off('close', onClose);
    }
  }

  #count(status: number): void {
    this.accounting.byStatus[status] = (this.accounting.byStatus[status] ?? 0) + 1;
  }

  #json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.#count(status);
    if (res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'x-ms-request-id': crypto.randomUUID(),
      ...headers,
    });
    res.end(text);
  }
}

function typesOf(where: string): Set<string> | undefined {
  const types = [...where.matchAll(/'([^']*)'/g)].map((match) => match[1]!.toLowerCase());
  return types.length > 0 ? new Set(types) : undefined;
}

/** `hh:mm:ss`, rounded up: the time until the quota window resets. */
function timeSpan(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

const encodeToken = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString('base64');
const decodeToken = (token: string) =>
  (JSON.parse(Buffer.from(token, 'base64').toString()) as { offset: number }).offset;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
