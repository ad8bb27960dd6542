import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_TYPES, type Scenario, type ScenarioAsset, wireAsset } from './scenario.ts';

/**
 * A fake Cloud Asset Inventory API on 127.0.0.1 speaking the REST protocol the real client's
 * HTTP/1.1 transport (`fallback: true`) uses: `GET /v1/{parent}/assets` with `assetTypes`,
 * `contentType`, `pageSize` (1–1000, default 100) and `pageToken`; Google error bodies
 * (`{error: {code, message, status, details}}`) for PERMISSION_DENIED, RESOURCE_EXHAUSTED
 * (429, with ErrorInfo RATE_LIMIT_EXCEEDED and RetryInfo), UNAVAILABLE and INTERNAL; a
 * per-consumer quota over a sliding window; and request accounting for the tests.
 */

export interface FakeFaults {
  /** Parents (`projects/p`, `folders/f`) whose listing is denied (403 PERMISSION_DENIED). */
  readonly forbidden?: ReadonlySet<string>;
  /** Every n-th request (1-based, counted over all requests) fails with this status. */
  readonly transient?: readonly { readonly every: number; readonly status: 429 | 500 | 503 }[];
  /** Every n-th request is answered only after `delayMs` (past the client's timeout, say). */
  readonly slow?: { readonly every: number; readonly delayMs: number };
}

export interface FakeOptions {
  readonly token: string;
  /** ListAssets requests per consumer project per window (the real quota: 100 per minute). */
  readonly quota?: { readonly limit: number; readonly windowMs: number };
  /** Added to every response (a real page of 1000 assets takes about a second). */
  readonly latencyMs?: (assets: number) => number;
  readonly faults?: FakeFaults;
}

export interface FakeStats {
  requests: number;
  /** Requests per parent (`organizations/O`, `projects/p`, …). */
  readonly byParent: Map<string, number>;
  /** Responses by HTTP status. */
  readonly byStatus: Map<number, number>;
  /** Requests refused for the quota. */
  quotaRejections: number;
  /** The most requests accepted within one quota window. */
  maxInWindow: number;
  maxInFlight: number;
  assetsServed: number;
  readonly pageSizes: number[];
  /** Authorization headers that were not the expected token. */
  badAuth: number;
}

export interface FakeCloudAsset {
  readonly port: number;
  readonly stats: FakeStats;
  faults: FakeFaults;
  close(): Promise<void>;
}

interface PageToken {
  readonly offset: number;
  readonly query: string;
}

export async function startFakeCloudAsset(scenario: Scenario, options: FakeOptions): Promise<FakeCloudAsset> {
  const stats: FakeStats = {
    requests: 0,
    byParent: new Map(),
    byStatus: new Map(),
    quotaRejections: 0,
    maxInWindow: 0,
    maxInFlight: 0,
    assetsServed: 0,
    pageSizes: [],
    badAuth: 0,
  };
  const projectNumbers = new Map(scenario.projects.map((p) => [p.id, p.number]));
  const accepted: number[] = [];
  let inFlight = 0;
  const fake: FakeCloudAsset = {
    port: 0,
    stats,
    faults: options.faults ?? {},
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const server = createServer((request, response) => {
    inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    response.on('close', () => inFlight--);
    void handle(request, response);
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const n = ++stats.requests;
    const send = async (status: number, body: unknown, assets = 0) => {
      const delay = (options.latencyMs?.(assets) ?? 0) + slowDelay(n);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      stats.byStatus.set(status, (stats.byStatus.get(status) ?? 0) + 1);
      if (response.destroyed) return;
      response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
      response.end(JSON.stringify(body));
    };
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const match = /^\/v1\/((?:organizations|folders|projects)\/[^/]+)\/assets$/.exec(url.pathname);
    if (request.method !== 'GET' || !match)
      return send(404, error(404, 'NOT_FOUND', `no such method ${url.pathname}`));
    const parent = decodeURIComponent(match[1]!);
    stats.byParent.set(parent, (stats.byParent.get(parent) ?? 0) + 1);

    if (request.headers.authorization !== `Bearer ${options.token}`) {
      stats.badAuth++;
      return send(401, error(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.'));
    }
    if (options.quota && !takeQuota(options.quota)) {
      stats.quotaRejections++;
      // The quota window reopens when the oldest request in it leaves.
      return send(429, quotaError(options.quota, accepted[0]! + options.quota.windowMs - performance.now()));
    }
    const transient = fake.faults.transient?.find((fault) => n % fault.every === 0);
    if (transient) {
      const status = { 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE' }[transient.status];
      return send(
        transient.status,
        transient.status === 429
          ? quotaError({ limit: 0, windowMs: 100 })
          : error(transient.status, status, 'The service is currently unavailable.'),
      );
    }
    if (fake.faults.forbidden?.has(parent)) {
      return send(
        403,
        error(403, 'PERMISSION_DENIED', `The caller does not have permission`, [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'IAM_PERMISSION_DENIED',
            domain: 'cloudasset.googleapis.com',
            metadata: { permission: 'cloudasset.assets.listResource', resource: parent },
          },
        ]),
      );
    }

    const contentType = contentTypeOf(url.searchParams.get('contentType'));
    if (!contentType)
      return send(
        400,
        error(400, 'INVALID_ARGUMENT', 'the fake serves content types RESOURCE and IAM_POLICY only'),
      );
    const pageSizeParam = url.searchParams.get('pageSize');
    const pageSize = pageSizeParam ? Number(pageSizeParam) : 100;
    if (!Number.isInteger(pageSize) || pageSize < 0 || pageSize > 1000)
      return send(400, error(400, 'INVALID_ARGUMENT', 'page_size must be between 1 and 1000'));
    stats.pageSizes.push(pageSize);
    const assetTypes = url.searchParams.getAll('assetTypes');
    const query = JSON.stringify([parent, contentType, assetTypes]);
    const tokenParam = url.searchParams.get('pageToken');
    let offset = 0;
    if (tokenParam) {
      const token = parseToken(tokenParam);
      if (!token || token.query !== query)
        return send(400, error(400, 'INVALID_ARGUMENT', 'invalid page token'));
      offset = token.offset;
    }

    const inScope = inParent(parent, projectNumbers);
    const typeMatch = typeMatcher(assetTypes);
    const matching = scenario.assets.filter(
      (asset) =>
        inScope(asset) &&
        typeMatch(asset.assetType) &&
        (contentType === 'RESOURCE' ? asset.resource !== undefined : asset.iamPolicy !== undefined),
    );
    const page = matching.slice(offset, offset + (pageSize || 100));
    const next = offset + page.length;
    const numeric = (url.searchParams.get('$alt') ?? '').includes('enum-encoding=int');
    stats.assetsServed += page.length;
    return send(
      200,
      {
        readTime: '2026-11-20T02:00:00Z',
        ...(page.length > 0 && { assets: page.map((asset) => wireAsset(asset, contentType, numeric)) }),
        ...(next < matching.length && { nextPageToken: makeToken({ offset: next, query }) }),
      },
      page.length,
    );
  }

  function takeQuota(quota: { limit: number; windowMs: number }): boolean {
    const now = performance.now();
    while (accepted.length > 0 && accepted[0]! <= now - quota.windowMs) accepted.shift();
    if (accepted.length >= quota.limit) return false;
    accepted.push(now);
    stats.maxInWindow = Math.max(stats.maxInWindow, accepted.length);
    return true;
  }

  function slowDelay(n: number): number {
    const slow = fake.faults.slow;
    return slow && n % slow.every === 0 ? slow.delayMs : 0;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (fake as { port: number }).port = (server.address() as AddressInfo).port;
  return fake;
}

function error(code: number, status: string, message: string, details: unknown[] = []) {
  return { error: { code, message, status, ...(details.length > 0 && { details }) } };
}

function quotaError(quota: { limit: number; windowMs: number }, retryMs = quota.windowMs) {
  return error(
    429,
    'RESOURCE_EXHAUSTED',
    "Quota exceeded for quota metric 'List Assets requests' and limit 'List Assets requests per minute' of service 'cloudasset.googleapis.com'.",
    [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'RATE_LIMIT_EXCEEDED',
        domain: 'googleapis.com',
        metadata: {
          service: 'cloudasset.googleapis.com',
          quota_metric: 'cloudasset.googleapis.com/list_assets_requests',
          quota_limit_value: String(quota.limit),
        },
      },
      {
        '@type': 'type.googleapis.com/google.rpc.RetryInfo',
        retryDelay: `${(Math.max(0, retryMs) / 1000).toFixed(3)}s`,
      },
    ],
  );
}

function contentTypeOf(raw: string | null): 'RESOURCE' | 'IAM_POLICY' | undefined {
  if (raw === 'RESOURCE' || raw === String(CONTENT_TYPES.RESOURCE)) return 'RESOURCE';
  if (raw === 'IAM_POLICY' || raw === String(CONTENT_TYPES.IAM_POLICY)) return 'IAM_POLICY';
  return undefined;
}

/** `projects/ID` and `projects/NUMBER` both name a project. */
function inParent(parent: string, projectNumbers: ReadonlyMap<string, string>) {
  const [kind, id] = parent.split('/') as [string, string];
  const ancestor = kind === 'projects' ? `projects/${projectNumbers.get(id) ?? id}` : parent;
  return (asset: ScenarioAsset) => asset.ancestors.includes(ancestor);
}

/** Asset types are names or RE2 expressions (`compute.googleapis.com.*`). */
function typeMatcher(assetTypes: readonly string[]): (type: string) => boolean {
  if (assetTypes.length === 0) return () => true;
  const patterns = assetTypes.map(
    (type) => new RegExp(`^${type.replaceAll('.', '\\.').replaceAll('\\.*', '.*')}$`),
  );
  return (type) => patterns.some((pattern) => pattern.test(type));
}

function makeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function parseToken(raw: string): PageToken | undefined {
  try {
    return JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as PageToken;
  } catch {
    return undefined;
  }
}
