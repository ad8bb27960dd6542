import { InputError } from '../../base/input-error.ts';
import type { Resource } from '../../model/resource.ts';
import type { ReadContext } from '../format.ts';
import { membersOf, noteUnread } from '../scoutsuite-scopes.ts';
import { arnPart, asRecord } from './config-item.ts';
import { iamResources } from './scoutsuite-iam.ts';
import type { ScoutRun } from './scoutsuite-item.ts';
import { networkResources } from './scoutsuite-network.ts';
import { storageResources } from './scoutsuite-resources.ts';
import { DATA_SERVICES, dataServiceResources } from './scoutsuite-services.ts';

/**
 * ScoutSuite's AWS results (`scout aws`, src/sources/scoutsuite.ts reads the file): the
 * resources of `services` as the Config items of their types, their fields under Config's names,
 * each `partial` (scoutsuite-item.ts). `account_id` and `partition` place them all.
 */
export function* awsScoutSuiteResources(
  results: Record<string, unknown>,
  ctx: ReadContext,
  captureTime: number | undefined,
): Generator<Resource> {
  const services = asRecord(results.services)!;
  const account = accountOf(results.account_id, asRecord(services.iam));
  if (!account) throw new InputError(ctx.file, 'ScoutSuite results without the AWS account id (account_id)');
  const run: ScoutRun = {
    account,
    partition: typeof results.partition === 'string' && results.partition ? results.partition : 'aws',
    captureTime,
    ctx,
  };
  yield* storageResources(services, run);
  yield* networkResources(services, run);
  yield* iamResources(asRecord(services.iam), run);
  yield* dataServiceResources(services, run);
  const unread = Object.keys(services).filter(
    (service) => !READ_SERVICES.has(service) && holdsResources(asRecord(services[service])),
  );
  noteUnread(unread, ctx);
}

/**
 * `account_id`, which ScoutSuite takes from STS: where that call failed it is null, and the
 * account is the one the IAM users' and roles' ARNs name.
 */
function accountOf(accountId: unknown, iam: Record<string, unknown> | undefined): string | undefined {
  if (typeof accountId === 'string' && ACCOUNT_ID.test(accountId)) return accountId;
  for (const collection of ['users', 'roles', 'groups'])
    for (const [, principal] of membersOf(iam?.[collection])) {
      const account = typeof principal.arn === 'string' ? arnPart(principal.arn, 4) : undefined;
      if (account && ACCOUNT_ID.test(account)) return account;
    }
  return undefined;
}

const ACCOUNT_ID = /^\d{12}$/;

/** The services whose resources are read (ScoutSuite's names). */
const READ_SERVICES = new Set(['s3', 'ec2', 'vpc', 'iam', 'rds', 'cloudtrail', 'kms', ...DATA_SERVICES]);

/** A service with resources: ScoutSuite counts them (`<kind>_count`) beside its findings. */
function holdsResources(service: Record<string, unknown> | undefined): boolean {
  if (!service) return false;
  return Object.entries(service).some(
    ([key, value]) =>
      key.endsWith('_count') && key !== 'regions_count' && typeof value === 'number' && value > 0,
  );
}
