import { asRecord } from './config-item.ts';

/** An aws.iam-user record with its policy annotations read as the user's lists, and its groups'. */
export interface UserWithPolicies {
  /** The user's entry, with `AttachedManagedPolicies` and `GroupList` where the annotations tell them. */
  readonly user: Record<string, unknown>;
  /** Its groups as ListGroupsForUser lists them, each with its `AttachedManagedPolicies`. */
  readonly groups: readonly Record<string, unknown>[];
}

/**
 * What Cloud Custodian's iam-user filters annotate of the user's policies (c7n/resources/iam.py):
 * the `policy` filter (UserPolicy) puts in `c7n:Policies` GetPolicy's Policy (`PolicyName`, `Arn`)
 * for every managed policy attached to the user; with `include-via` it also puts in `c7n:Groups`
 * ListGroupsForUser's groups, each with its `AttachedPolicies` (`PolicyName`, `PolicyArn`), and
 * adds their policies to `c7n:Policies`. The `group` filter writes `c7n:Groups` without
 * `AttachedPolicies`. So where a group carries `AttachedPolicies`, a policy that no group lists
 * is the user's own (one that a group lists is the group's: the user holds it either way);
 * where none does, `c7n:Policies` are all the user's own. Inline policies are in no annotation:
 * they stay unknown.
 */
export function withUserPolicies(entry: Record<string, unknown>): UserWithPolicies {
  const groupEntries = entry['c7n:Groups'];
  const groups = Array.isArray(groupEntries) ? groupEntries.map((group) => asRecord(group) ?? {}) : undefined;
  const policies = entry['c7n:Policies'];
  const viaGroups = groups?.filter((group) => Array.isArray(group['AttachedPolicies'])) ?? [];
  const lists: Record<string, unknown> = {};
  if (groups) lists['GroupList'] = groups.map((group) => group['GroupName']);
  // Some groups with their policies and some without: which policy is the user's own is not told.
  if (Array.isArray(policies) && (viaGroups.length === 0 || viaGroups.length === groups?.length)) {
    const ofGroups = new Set(
      viaGroups.flatMap((group) =>
        (group['AttachedPolicies'] as unknown[]).map((policy) => asRecord(policy)?.['PolicyArn']),
      ),
    );
    lists['AttachedManagedPolicies'] = policies
      .map((policy) => asRecord(policy) ?? {})
      .filter((policy) => !ofGroups.has(policy['Arn']))
      .map((policy) => ({ PolicyName: policy['PolicyName'], PolicyArn: policy['Arn'] }));
  }
  return {
    user: { ...entry, ...lists },
    groups: viaGroups.map(({ AttachedPolicies, ...group }) => ({
      ...group,
      AttachedManagedPolicies: AttachedPolicies,
    })),
  };
}
