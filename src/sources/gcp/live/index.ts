import pLimit from 'p-limit';
import { type Clock, systemClock } from '../../../base/calls/clock.ts';
import { CallError } from '../../../base/calls/failure.ts';
import { shareOf } from '../../../base/calls/pacer.ts';
import { callWithRetry, DEFAULT_RETRY_POLICY, type RetryPolicy, seconds } from '../../../base/calls/retry.ts';
import type { ScopeCoverage } from '../../../model/coverage.ts';
import { type LiveContext, type LiveSource, liveTimeouts } from '../../live.ts';
import { NATIVE_TYPES } from '../adapters/index.ts';
import { readStream } from './assets.ts';
import { AssetClient, type AssetClientSettings } from './clients.ts';
import {
  groupLabel,
  planStreams,
  RESOURCE_GROUPS_OF_LARGE_SCOPES,
  type StreamPlan,
  scopeKey,
} from './discover.ts';
import { describeGcpFailure } from './errors.ts';
import { LIST_ASSETS_QUOTA_PER_MINUTE, ListAssetsWindow } from './pacer.ts';
import type { ScopeState } from './scope.ts';

/**
 * Live Google Cloud inventory from Cloud Asset Inventory `ListAssets` (REST transport of
 * `@google-cloud/asset`): for each scope (an organization, a folder or a project) paged streams
 * of content type RESOURCE and IAM_POLICY, for the asset types kansa reads (discover.ts plans
 * them). Each asset goes through the same reader as `gcloud asset list` output.
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
  /** RESOURCE streams an organization or folder is split into (1: unsplit). */
  readonly groupsOfLargeScopes?: number;
}

/** What tests and special setups replace; real runs use none of it. */
export interface GcpLiveDeps extends AssetClientSettings {
  readonly retry?: Partial<RetryPolicy>;
  /** Length of the quota window (60 s for the real per-minute quota). */
  readonly quotaWindowMs?: number;
  readonly clock?: Clock;
}

export const DEFAULT_ASSET_TYPES: readonly string[] = Object.keys(NATIVE_TYPES).sort();
export const MAX_PAGE_SIZE = 1000;
export { LIST_ASSETS_QUOTA_PER_MINUTE } from './pacer.ts';

export function createGcpLiveSource(options: GcpLiveOptions, deps: GcpLiveDeps = {}): LiveSource {
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, options.pageSize ?? MAX_PAGE_SIZE));
  const assetTypes = [...(options.assetTypes ?? DEFAULT_ASSET_TYPES)];
  const clock = deps.clock ?? systemClock;
  return {
    provider: 'gcp',
    async collect(ctx: LiveContext): Promise<ScopeCoverage[]> {
      const timeouts = liveTimeouts(ctx);
      const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, timeoutMs: timeouts.callMs, ...deps.retry };
      // `--shard`: only this shard's scopes are read, counted and listed.
      const inScope = ctx.includeScope ?? (() => true);
      const parents = options.parents.filter((parent) => inScope(scopeKey(parent)));
      if (parents.length === 0) return [];
      const client = new AssetClient(deps);
      // The quota is the consumer project's: shards sharing it (`--quota-share N`) each take their part.
      const quota = shareOf(
        {
          requests: options.requestsPerMinute ?? LIST_ASSETS_QUOTA_PER_MINUTE,
          windowMs: deps.quotaWindowMs ?? 60_000,
        },
        ctx.quotaShare,
      );
      const window = new ListAssetsWindow(quota.requests, quota.windowMs, clock);
      const inFlight = pLimit(Math.max(1, ctx.concurrency));
      const plans = planStreams(
        parents,
        assetTypes,
        options.groupsOfLargeScopes ?? RESOURCE_GROUPS_OF_LARGE_SCOPES,
      );
      const totals = { resources: 0, requests: 0, throttled: 0, scopesDone: 0 };
      const progress = () =>
        ctx.progress({
          unit: 'scopes',
          done: totals.scopesDone,
          total: parents.length,
          resources: totals.resources,
          requests: totals.requests,
          throttled: totals.throttled,
        });

      const credentialsError = await checkCredentials(client, clock, policy.timeoutMs);
      if (credentialsError) {
        await client.close();
        return parents.map((parent) => ({
          provider: 'gcp',
          scope: parent,
          resources: 0,
          requests: 0,
          error: credentialsError,
        }));
      }

      const readScope = async (parent: string): Promise<ScopeCoverage> => {
        const deadline = clock.timeout(timeouts.scopeMs);
        const scope: ScopeState = { parent, requests: 0, resources: 0, skipped: 0, errors: [] };
        const listPage = (plan: StreamPlan, pageToken: string, page: number) =>
          callWithRetry(
            (signal) => {
              scope.requests++;
              totals.requests++;
              progress();
              return client.listPage(
                {
                  parent,
                  contentType: plan.contentType,
                  assetTypes: plan.assetTypes,
                  pageSize,
                  ...(pageToken && { pageToken }),
                },
                signal,
              );
            },
            {
              policy,
              clock,
              deadline,
              pacer: window,
              limit: inFlight,
              describe: describeGcpFailure,
              what: `ListAssets ${plan.contentType}${groupLabel(plan)} page ${page}`,
              onThrottled: (ms) => {
                totals.throttled++;
                window.throttled(ms);
              },
              onRetry: (failure, attempt, delayMs) =>
                ctx.log.warn(
                  {
                    scope: parent,
                    contentType: plan.contentType,
                    error: failure.message,
                    attempt,
                    delayMs: Math.round(delayMs),
                  },
                  'Cloud Asset call failed; retrying',
                ),
            },
          );
        await Promise.all(
          plans
            .filter((plan) => plan.parent === parent)
            .map((plan) =>
              readStream(ctx, scope, plan, listPage, () => {
                totals.resources++;
              }).catch((error: unknown) => {
                if (!(error instanceof CallError)) throw error;
                scope.errors.push(error.message);
              }),
            ),
        );
        if (deadline.aborted && !scope.errors.some((e) => e.includes('deadline')))
          scope.errors.push(`the scope's deadline (${seconds(timeouts.scopeMs)}) passed`);
        totals.scopesDone++;
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
      };

      try {
        progress();
        return await Promise.all(parents.map(readScope));
      } finally {
        await client.close();
      }
    },
  };
}

/** Credentials that cannot give a token fail every scope at once, with the file named, not after retries. */
async function checkCredentials(
  client: AssetClient,
  clock: Clock,
  timeoutMs: number,
): Promise<string | undefined> {
  try {
    await client.checkCredentials(clock.timeout(timeoutMs));
    return undefined;
  } catch (error) {
    const failure = describeGcpFailure(error);
    if (failure.kind === 'credentials') return `credentials: ${failure.message}`;
    // A token endpoint that cannot be reached, or a slow one: the listing's own retries tell.
    return undefined;
  }
}
