import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import pLimit from 'p-limit';
import { type Clock, systemClock } from '../../../base/calls/clock.ts';
import { abandonOnAbort, seconds } from '../../../base/calls/retry.ts';
import { compareText } from '../../../base/compare-text.ts';
import type { ScopeCoverage } from '../../../model/coverage.ts';
import type { Resource } from '../../../model/resource.ts';
import type { LiveContext, LiveSource } from '../../live.ts';
import { liveTimeouts } from '../../live.ts';
import { type AwsCredentials, DEFAULT_RETRY, RegionClients, type RetryTimings } from './clients.ts';
import { collectAggregator, collectConfigRegion } from './config.ts';
import { collectCredentialReport } from './credential-report.ts';
import { assumeRoleProvider, enabledRegions, roleTargets } from './discover.ts';
import { describeError } from './errors.ts';
import { collectPasswordPolicy } from './password-policy.ts';
import { saveFile } from './save.ts';
import type { Collection, Scope } from './scope.ts';
import { collectTrailStatus } from './trail-status.ts';

export type { AwsCredentials, RetryTimings } from './clients.ts';
export type { Collection, Scope } from './scope.ts';

/** What the user asks for (`kansa scan --aws …`). */
export interface AwsLiveOptions {
  /** Regions to read; default: every region enabled for the account (EC2 DescribeRegions). */
  readonly regions?: readonly string[];
  /** Read the inventory through this Config aggregator instead of region by region. */
  readonly aggregator?: string;
  /** The aggregator's region; default: `homeRegion`. */
  readonly aggregatorRegion?: string;
  /** A role to assume in each account; `{account}` is replaced by the account id. */
  readonly roleArn?: string;
  /** The accounts to assume `roleArn` in; default: the account of the role ARN, or the caller's. */
  readonly accounts?: readonly string[];
  /** `sts:ExternalId` for the role's trust policy, when it requires one. */
  readonly externalId?: string;
  /** Region for the account-wide calls (STS, IAM, DescribeRegions); default `us-east-1`. */
  readonly homeRegion?: string;
}

/** What tests and benchmarks inject; a real run takes the defaults. */
export interface AwsLiveDependencies {
  /** Base credentials; default: the SDK's default chain (env, SSO, profiles, web identity, IMDS/ECS). */
  readonly credentials?: AwsCredentials;
  /** One endpoint for every service (the fake AWS); absent: AWS's endpoints. */
  readonly endpoint?: string;
  readonly retry?: RetryTimings;
  /** Each request's connect-and-response timeout; default: the scan's `--timeout`. */
  readonly requestTimeoutMs?: number;
  readonly clock?: Clock;
  /** Wait between credential-report generation polls. */
  readonly reportPollMs?: number;
}

const DEFAULT_HOME_REGION = 'us-east-1';

/** The live AWS source: AWS Config first, the IAM credential report for what Config lacks. */
export function awsLiveSource(options: AwsLiveOptions, deps: AwsLiveDependencies = {}): LiveSource {
  return {
    provider: 'aws',
    collect: (ctx) => collect(options, deps, ctx),
  };
}

async function collect(
  options: AwsLiveOptions,
  deps: AwsLiveDependencies,
  ctx: LiveContext,
): Promise<ScopeCoverage[]> {
  const limit = pLimit(Math.max(1, ctx.concurrency));
  const timeouts = liveTimeouts(ctx);
  const clock = deps.clock ?? systemClock;
  const retry = deps.retry ?? DEFAULT_RETRY;
  const requestTimeoutMs = deps.requestTimeoutMs ?? timeouts.callMs;
  const homeRegion = options.homeRegion ?? DEFAULT_HOME_REGION;
  const baseCredentials = deps.credentials ?? fromNodeProviderChain();
  const coverage: ScopeCoverage[] = [];
  const scopes: Scope[] = [];
  let resourcesEmitted = 0;
  let done = 0;
  let requests = 0;
  let throttled = 0;
  const shared = new Map<string, Promise<unknown>>();
  const claimed = new Set<string>();
  // `--shard`: an account of another shard is not read (no role assumed, no region listed) nor
  // listed. The key is the account id, not account × region: the account-wide checks (GuardDuty
  // in every region, a multi-region trail) weigh all of an account's regions, so one shard holds
  // them all, and a shard's findings are those a single scan gives for its accounts.
  const inScope = ctx.includeScope ?? (() => true);

  const collection: Collection = {
    ctx,
    reportPollMs: deps.reportPollMs ?? 2_000,
    // One retry layer: the SDK's (adaptive mode), inside `send`. The deadline abandons the call.
    call(scope, send) {
      return abandonOnAbort(
        limit(() => (scope.deadline.aborted ? Promise.reject(scope.deadline.reason) : send())),
        scope.deadline,
      );
    },
    emitAll(resources) {
      let count = 0;
      for (const resource of resources) {
        // An aggregator holds every account's items: each shard keeps its own accounts'.
        if (!inScope(resource.account)) continue;
        ctx.emit(resource);
        count++;
      }
      resourcesEmitted += count;
      return count;
    },
    readContext(file) {
      return {
        file,
        skip: (reason, where) => ctx.log.debug({ file, ...where }, `record skipped: ${reason}`),
      };
    },
    async save(relative, content) {
      if (ctx.saveInventoryDir) await saveFile(ctx.saveInventoryDir, relative, content);
    },
    once<T>(key: string, make: () => Promise<T>): Promise<T> {
      let pending = shared.get(key) as Promise<T> | undefined;
      if (!pending) {
        pending = make();
        shared.set(key, pending);
      }
      return pending;
    },
    claim(key) {
      if (claimed.has(key)) return false;
      claimed.add(key);
      return true;
    },
  };

  const newScope = (credentials: AwsCredentials, account: string, region: string, label: string): Scope => {
    const scope: Scope = {
      account,
      region,
      label,
      requests: 0,
      resources: 0,
      gaps: [],
      deadline: clock.timeout(timeouts.scopeMs),
      clients: new RegionClients(
        {
          credentials,
          endpoint: deps.endpoint,
          retry,
          requestTimeoutMs,
          onRequest: () => {
            scope.requests++;
            requests++;
          },
          onThrottled: () => {
            throttled++;
          },
        },
        region,
      ),
    };
    scopes.push(scope);
    return scope;
  };

  const finish = (scope: Scope, error?: unknown): void => {
    scope.clients.destroy();
    const gaps =
      error === undefined
        ? scope.gaps
        : [
            ...scope.gaps,
            scope.deadline.aborted
              ? `the scope's deadline (${seconds(timeouts.scopeMs)}) passed: what was read before it is kept`
              : describeError(error),
          ];
    coverage.push({
      provider: 'aws',
      scope: scope.label,
      resources: scope.resources,
      requests: scope.requests,
      ...(gaps.length > 0 ? { error: gaps.join('; ') } : {}),
    });
    done++;
    ctx.progress({
      unit: 'scopes',
      done,
      total: scopes.length,
      resources: resourcesEmitted,
      requests,
      throttled,
    });
    ctx.log.info(
      { scope: scope.label, resources: scope.resources, requests: scope.requests, gaps: gaps.length },
      'scope read',
    );
  };

  const run = async (scope: Scope, work: (scope: Scope) => Promise<void>): Promise<void> => {
    try {
      await work(scope);
      finish(scope);
    } catch (error) {
      finish(scope, error);
    }
  };

  // Accounts and their credentials.
  const accounts: { account: string; credentials: AwsCredentials }[] = [];
  const caller = newScope(baseCredentials, 'caller', homeRegion, 'caller (sts:GetCallerIdentity)');
  let callerAccount: string | undefined;
  await run(caller, async (scope) => {
    const identity = await collection.call(scope, () =>
      scope.clients.sts.send(new GetCallerIdentityCommand({})),
    );
    callerAccount = identity.Account;
    ctx.log.info({ account: callerAccount }, 'credentials of the default chain');
  });
  if (options.roleArn) {
    const targets = roleTargets(options.roleArn, options.accounts, callerAccount).filter(inScope);
    await Promise.all(
      targets.map(async (account) => {
        const roleArn = options.roleArn!.replaceAll('{account}', account);
        const scope = newScope(baseCredentials, account, homeRegion, `${account} sts:AssumeRole`);
        await run(scope, async () => {
          const credentials = assumeRoleProvider(scope, collection, roleArn, options.externalId);
          await credentials();
          accounts.push({ account, credentials });
        });
      }),
    );
  } else if (callerAccount) {
    if (inScope(callerAccount)) accounts.push({ account: callerAccount, credentials: baseCredentials });
    for (const other of options.accounts ?? []) {
      if (other !== callerAccount && inScope(other)) {
        const scope = newScope(baseCredentials, other, homeRegion, `${other}`);
        finish(scope, new Error(`not the caller's account (${callerAccount}): give --role-arn to read it`));
      }
    }
  }

  /**
   * IsLogging of the trails an aggregator returned: per account and region, with the account's
   * credentials; trails of accounts kansa holds no credentials for stay unknown (a gap).
   */
  const aggregatedTrailStatus = async (aggregatorScope: Scope, trails: readonly Resource[]) => {
    const groups = new Map<string, Resource[]>();
    let unread = 0;
    for (const trail of trails) {
      if (!inScope(trail.account)) continue;
      if (!accounts.some((a) => a.account === trail.account)) {
        unread++;
        continue;
      }
      const key = `${trail.account} ${trail.region}`;
      groups.set(key, [...(groups.get(key) ?? []), trail]);
    }
    if (unread > 0) {
      aggregatorScope.gaps.push(
        `cloudtrail:GetTrailStatus not called for ${unread} trail(s) of accounts without credentials (give --role-arn and --accounts): whether they are logging stays unknown`,
      );
    }
    await Promise.all(
      [...groups].map(([key, group]) => {
        const [account = '', region = ''] = key.split(' ');
        const { credentials } = accounts.find((a) => a.account === account)!;
        return run(newScope(credentials, account, region, `${key} cloudtrail:GetTrailStatus`), (scope) =>
          collectTrailStatus(collection, scope, group),
        );
      }),
    );
  };

  const work: Promise<void>[] = [];
  if (options.aggregator) {
    const region = options.aggregatorRegion ?? homeRegion;
    const scope = newScope(
      baseCredentials,
      callerAccount ?? 'caller',
      region,
      `aggregator ${options.aggregator} (${region})`,
    );
    work.push(
      run(scope, async (s) => {
        const trails = await collectAggregator(collection, s, options.aggregator!);
        await aggregatedTrailStatus(s, trails);
      }),
    );
  }
  for (const { account, credentials } of accounts) {
    work.push(
      run(newScope(credentials, account, homeRegion, `${account} iam credential report`), (scope) =>
        collectCredentialReport(collection, scope),
      ),
      run(newScope(credentials, account, homeRegion, `${account} iam password policy`), (scope) =>
        collectPasswordPolicy(collection, scope),
      ),
    );
    if (options.aggregator) continue;
    work.push(
      (async () => {
        let regions: readonly string[] = options.regions ?? [];
        if (options.regions === undefined) {
          const regionScope = newScope(credentials, account, homeRegion, `${account} ec2:DescribeRegions`);
          try {
            regions = await enabledRegions(collection, regionScope);
            finish(regionScope);
          } catch (error) {
            finish(regionScope, error);
          }
        }
        await Promise.all(
          regions.map((region) =>
            run(newScope(credentials, account, region, `${account} ${region}`), (scope) =>
              collectConfigRegion(collection, scope),
            ),
          ),
        );
      })(),
    );
  }
  await Promise.all(work);
  ctx.log.info({ scopes: coverage.length, resources: resourcesEmitted }, 'aws live scan done');
  return coverage.sort((a, b) => compareText(a.scope, b.scope));
}
