import { AssetServiceClient } from '@google-cloud/asset';
import pLimit from 'p-limit';
import type { ScopeCoverage } from '../../../model/coverage.ts';
import type { LiveContext, LiveSource } from '../../live.ts';
import { NATIVE_TYPES } from '../adapters/index.ts';
import { parseAsset } from '../asset.ts';
import { assetToResource } from '../to-resource.ts';
import { SlidingWindowLimiter } from './rate-limit.ts';
import {
  backoffDelay,
  type CallFailure,
  CallTimeout,
  DEFAULT_RETRY,
  describeFailure,
  type RetryTimings,
} from './retry.ts';
import { ExportFileWriter } from './save.ts';
import { LIST_ASSETS_QUOTA_PER_MINUTE } from './scope.ts';
import { exportRecord, restAsset } from './wire.ts';

/**
 * Live Google Cloud inventory from Cloud Asset Inventory `ListAssets` (REST transport of
 * `@google-cloud/asset`): for each scope (an organization, a folder or a project) one paged
 * stream of content type RESOURCE and one of IAM_POLICY, for the asset types kansa reads. An
 * organization or folder is one scope whatever the number of projects under it: ListAssets
 * returns the assets of every project below the parent in one stream. Each asset goes through
 * the same reader as `gcloud asset list` output (parseAsset → assetToResource).
 */
export interface GcpLiveOptions {
  /** `organizations/O`, `folders/F`, `projects/P` (id or number): each is read as one scope. */
  readonly parents: readonly string[];
  /** Asset types to list (names or RE2 expressions); default: every type kansa recognises. */
  readonly assetTypes?: readonly string[];
  /** Assets per page, 1–1000 (the API's maximum and default here; the API's own default is 100). */
  readonly pageSize?: number;
  /** ListAssets calls allowed per minute: the consumer project's quota (100 by default). */
  readonly requestsPerMinute?: number;
}

/** What tests and special setups replace; real runs use none of it. */
export interface GcpLiveDeps {
  /**
   * Credentials (a google-auth-library client: `OAuth2Client`, `GoogleAuth`, …). Default:
   * Application Default Credentials, found by the client library.
   */
  readonly authClient?: unknown;
  /** Service host (default `cloudasset.googleapis.com`), port and protocol, e.g. a fake on 127.0.0.1. */
  readonly apiEndpoint?: string;
  readonly port?: number;
  readonly protocol?: 'http' | 'https';
  readonly retry?: Partial<RetryTimings>;
  /** Length of the quota window (60 s for the real per-minute quota). */
  readonly quotaWindowMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Content types read, with the permission each needs (`cloudasset.assets.list…`). */
const CONTENT_TYPES = ['RESOURCE', 'IAM_POLICY'] as const;
type ContentType = (typeof CONTENT_TYPES)[number];

export const DEFAULT_ASSET_TYPES: readonly string[] = Object.keys(NATIVE_TYPES).sort();
export const MAX_PAGE_SIZE = 1000;
// The flags' module holds these, so that parsing them loads no SDK.
export { LIST_ASSETS_QUOTA_PER_MINUTE, parentName } from './scope.ts';

export function createGcpLiveSource(options: GcpLiveOptions, deps: GcpLiveDeps = {}): LiveSource {
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, options.pageSize ?? MAX_PAGE_SIZE));
  const assetTypes = [...(options.assetTypes ?? DEFAULT_ASSET_TYPES)];
  const timings: RetryTimings = { ...DEFAULT_RETRY, ...deps.retry };
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  return {
    provider: 'gcp',
    async collect(ctx: LiveContext): Promise<ScopeCoverage[]> {
      const client = new AssetServiceClient({
        fallback: true,
        ...(deps.apiEndpoint && { apiEndpoint: deps.apiEndpoint }),
        ...(deps.port && { port: deps.port }),
        ...(deps.protocol && { protocol: deps.protocol }),
        ...(deps.authClient !== undefined && { authClient: deps.authClient }),
      } as ConstructorParameters<typeof AssetServiceClient>[0]);
      const limiter = new SlidingWindowLimiter(
        options.requestsPerMinute ?? LIST_ASSETS_QUOTA_PER_MINUTE,
        deps.quotaWindowMs ?? 60_000,
      );
      const inFlight = pLimit(Math.max(1, ctx.concurrency));
      let scopesDone = 0;
      let emitted = 0;
      const progress = () =>
        ctx.progress({ unit: 'scopes', done: scopesDone, total: options.parents.length, resources: emitted });

      /** One ListAssets call, retried on quota, server errors and timeouts. */
      async function listPage(scope: ScopeState, request: ListRequest): Promise<ListPage> {
        for (let attempt = 1; ; attempt++) {
          let failure: CallFailure;
          try {
            return await inFlight(async () => {
              const done = await limiter.take();
              scope.requests++;
              const call = client.listAssets(request, { autoPaginate: false, maxRetries: 0 });
              // An abandoned call still counts against the quota until its answer is back.
              call.then(done, done);
              const [assets, , response] = await withTimeout(call, timings.timeoutMs);
              return { assets: assets as unknown[], nextPageToken: response?.nextPageToken ?? '' };
            });
          } catch (error) {
            failure = describeFailure(error);
          }
          if (!failure.retryable || attempt >= timings.attempts) throw new ScopeError(failure, attempt);
          const delay = backoffDelay(attempt, timings, failure);
          ctx.log.warn(
            {
              scope: request.parent,
              contentType: request.contentType,
              status: failure.status,
              attempt,
              delayMs: Math.round(delay),
            },
            'Cloud Asset call failed; retrying',
          );
          await sleep(delay);
        }
      }

      async function listStream(scope: ScopeState, contentType: ContentType): Promise<void> {
        const origin = `cloudasset.googleapis.com/v1/${scope.parent}/assets?contentType=${contentType}`;
        const writer = ctx.saveInventoryDir
          ? new ExportFileWriter(
              ctx.saveInventoryDir,
              scope.parent,
              contentType === 'RESOURCE' ? 'resource' : 'iam-policy',
            )
          : undefined;
        let index = 0;
        let pageToken = '';
        let pages = 0;
        try {
          do {
            const page = await listPage(scope, {
              parent: scope.parent,
              contentType,
              assetTypes,
              pageSize,
              ...(pageToken && { pageToken }),
            });
            pages++;
            for (const decoded of page.assets) {
              const record = restAsset(decoded);
              await writer?.write(exportRecord(record));
              const asset = parseAsset(record);
              const resource = 'skip' in asset ? asset : assetToResource(asset, { file: origin, index });
              index++;
              if ('skip' in resource) {
                scope.skipped++;
                ctx.log.debug({ scope: scope.parent, reason: resource.skip }, 'asset skipped');
                continue;
              }
              ctx.emit(resource);
              scope.resources++;
              emitted++;
            }
            ctx.log.debug(
              { scope: scope.parent, contentType, page: pages, assets: page.assets.length },
              'page read',
            );
            progress();
            pageToken = page.nextPageToken;
          } while (pageToken);
        } catch (error) {
          if (!(error instanceof ScopeError)) throw error;
          scope.errors.push(`${contentType}: ${error.message}`);
        } finally {
          await writer?.close();
        }
      }

      async function readScope(parent: string): Promise<ScopeCoverage> {
        const scope: ScopeState = { parent, requests: 0, resources: 0, skipped: 0, errors: [] };
        await Promise.all(CONTENT_TYPES.map((contentType) => listStream(scope, contentType)));
        scopesDone++;
        progress();
        ctx.log.info(
          { scope: parent, resources: scope.resources, requests: scope.requests, skipped: scope.skipped },
          scope.errors.length > 0 ? 'scope read in part' : 'scope read',
        );
        return {
          provider: 'gcp',
          scope: parent,
          resources: scope.resources,
          requests: scope.requests,
          ...(scope.errors.length > 0 && { error: scope.errors.join('; ') }),
        };
      }

      try {
        progress();
        return await Promise.all(options.parents.map(readScope));
      } finally {
        await client.close();
      }
    },
  };
}

interface ScopeState {
  readonly parent: string;
  requests: number;
  resources: number;
  skipped: number;
  readonly errors: string[];
}

interface ListRequest {
  readonly parent: string;
  readonly contentType: ContentType;
  readonly assetTypes: string[];
  readonly pageSize: number;
  readonly pageToken?: string;
}

interface ListPage {
  readonly assets: readonly unknown[];
  readonly nextPageToken: string;
}

/** A scope's listing gave up: the reason, as coverage shows it (status and the service's message only). */
class ScopeError extends Error {
  constructor(failure: CallFailure, attempts: number) {
    super(
      `${failure.status}${failure.httpStatus ? ` (HTTP ${failure.httpStatus})` : ''}: ${failure.message}${
        failure.retryable ? ` (gave up after ${attempts} attempts)` : ''
      }`,
    );
  }
}

/** The client's REST transport has no deadline of its own once retries are off. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CallTimeout(ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
