import type { AzureRoleAssignmentFacts, AzureSubscriptionFacts } from '../model/azure.ts';
import { unknown } from '../model/fact.ts';
import {
  accountResourceId,
  inheritedAssignmentId,
  isAbove,
  isAboveSubscriptions,
  managementGroupAccount,
  type Resource,
} from '../model/resource.ts';
import { missingAccount } from './evaluate.ts';
import type { Inventory } from './inventory.ts';

/**
 * Gives each Azure subscription the role assignments it inherits. A tenant-wide list (Resource
 * Graph's authorizationresources) holds the assignments of management groups and of the root
 * `/`, read into the account of their scope (model/resource.ts, isAboveSubscriptions): an Owner
 * of a group owns every subscription under it. Each subscription whose management groups are
 * known (resourcecontainers' `managementGroupAncestorsChain`) takes a copy of the assignments of
 * every group in its chain, and every subscription those of the root, under its id
 * (inheritedAssignmentId: one its own list holds too, an `az role assignment list
 * --include-inherited` read beside the export, is the same resource). A subscription whose groups are not known, where groups have assignments, gets its
 * `managementGroups` unknown, saying what to export, unless its own list holds assignments above
 * it: a list of those that apply to the subscription (`az role assignment list
 * --include-inherited`, Steampipe's `azure_role_assignment`) holds every one it inherits, of
 * whichever groups it is under. Run once, after every record is read and
 * before addMissingAccounts (the groups' accounts are no subscriptions). The tenant's own records
 * read at the root (role definitions) are filed under a subscription.
 */
export function placeManagementGroupAssignments(inventory: Inventory): void {
  const above = inventory.takeAccounts(
    (provider, account) => provider === 'azure' && isAboveSubscriptions(account),
  );
  if (above.length === 0) return;
  const byScope = new Map<string, Resource[]>();
  const tenantWide: Resource[] = [];
  for (const assignment of above) {
    if (assignment.kansaType !== 'iam.role-assignment') {
      tenantWide.push(assignment);
      continue;
    }
    const ofScope = byScope.get(assignment.account);
    if (ofScope) ofScope.push(assignment);
    else byScope.set(assignment.account, [assignment]);
  }
  const groupsHaveAssignments = [...byScope.keys()].some((scope) => scope !== '/');
  const subscriptions = inventory.accounts().filter(({ provider }) => provider === 'azure');
  // The tenant's own records (role definitions, read at the root: arm-record.ts) are looked up by
  // id, by any subscription's checks: filed under the first subscription, they are in the scan
  // without making an account of their own. With no subscription, nothing looks them up.
  const first = subscriptions[0]?.account;
  if (first !== undefined) for (const resource of tenantWide) inventory.add({ ...resource, account: first });
  for (const { account } of subscriptions) {
    const subscriptionId = accountResourceId('azure', account);
    const subscription = inventory.byId('azure', subscriptionId);
    const groups = (subscription?.facts as AzureSubscriptionFacts | undefined)?.managementGroups;
    const known = groups?.source === 'explicit' ? groups.value : undefined;
    if (known === undefined && groupsHaveAssignments && !listsInherited(inventory, account))
      inventory.add({
        ...(subscription ?? missingAccount(inventory, 'azure', account)),
        facts: { managementGroups: unknown('properties.managementGroupAncestorsChain', GROUPS_NOT_EXPORTED) },
      });
    for (const scope of ['/', ...(known ?? []).map(managementGroupAccount)]) {
      for (const assignment of byScope.get(scope) ?? [])
        inventory.add({ ...assignment, account, id: inheritedAssignmentId(account, assignment.id) });
    }
  }
}

const GROUPS_NOT_EXPORTED = {
  ja: '管理グループのロールの割り当てがありますが、このサブスクリプションがどの管理グループの下にあるかはエクスポートにありません',
  en: 'the export has role assignments of management groups, but not which groups this subscription is under',
};

/** Whether the subscription's own list of role assignments holds some it inherits (at a group, at the root). */
function listsInherited(inventory: Inventory, account: string): boolean {
  return inventory
    .inAccount('azure', account, 'iam.role-assignment')
    .some((assignment) => isAbove((assignment.facts as AzureRoleAssignmentFacts).scope?.value));
}
