import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import type { Collection, Scope } from './scope.ts';

/*
 * The scopes of an AWS scan: the accounts (the caller's, or a role assumed in each named one)
 * and the regions enabled in each. Functions of their own, so that the scopes can be known
 * (and shared out) before any is read.
 */

/** The accounts to assume `roleArn` in: the named ones, or the role's own (or the caller's for `{account}`). */
export function roleTargets(
  roleArn: string,
  accounts: readonly string[] | undefined,
  callerAccount: string | undefined,
): string[] {
  if (accounts?.length) return [...accounts];
  const account = roleArn.includes('{account}') ? callerAccount : accountOfArn(roleArn);
  return account === undefined ? [] : [account];
}

/** The regions enabled for the account (opt-in regions not enabled are left out), sorted. */
export async function enabledRegions(collection: Collection, scope: Scope): Promise<string[]> {
  const reply = await collection.call(scope, () =>
    scope.clients.ec2.send(new DescribeRegionsCommand({ AllRegions: false })),
  );
  return (reply.Regions ?? []).flatMap((r) => (r.RegionName ? [r.RegionName] : [])).sort();
}

/**
 * Credentials of a role assumed with the base credentials, renewed five minutes before they
 * expire. The STS requests count towards the account's scope.
 */
export function assumeRoleProvider(
  scope: Scope,
  collection: Collection,
  roleArn: string,
  externalId: string | undefined,
): () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date }> {
  let current:
    | { accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date }
    | undefined;
  let pending: Promise<typeof current> | undefined;
  return async () => {
    if (current?.expiration && current.expiration.getTime() - Date.now() > 5 * 60_000) return current;
    pending ??= (async () => {
      const reply = await collection.call(scope, () =>
        scope.clients.sts.send(
          new AssumeRoleCommand({
            RoleArn: roleArn,
            RoleSessionName: 'kansa-scan',
            DurationSeconds: 3600,
            ...(externalId ? { ExternalId: externalId } : {}),
          }),
        ),
      );
      const c = reply.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey)
        throw new Error(`sts:AssumeRole ${roleArn} returned no credentials`);
      return {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
        ...(c.Expiration ? { expiration: c.Expiration } : {}),
      };
    })().finally(() => {
      pending = undefined;
    });
    current = await pending;
    return current!;
  };
}

function accountOfArn(arn: string): string | undefined {
  return /^arn:[^:]+:iam::(\d{12}):/.exec(arn)?.[1];
}
