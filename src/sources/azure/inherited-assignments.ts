import { inheritedAssignmentId } from '../../model/resource.ts';
import { get, idOf, isObject, type JsonObject, type RowDialect } from './arm-record.ts';

/**
 * Role assignments above the subscriptions (at a management group, or the root `/`) in a list of
 * ARM records. Azure lists the role assignments that apply to a subscription (`GET
 * /subscriptions/<id>/providers/Microsoft.Authorization/roleAssignments`, `az role assignment list
 * --include-inherited`, `Get-AzRoleAssignment`) with those it inherits from its management groups
 * and the root, which name no subscription: when every other record of the list is in one
 * subscription they are that subscription's too (an Owner there owns it), and are placed in it by
 * its `subscriptionId`. Resource Graph's `authorizationresources` lists the tenant's assignments,
 * of groups the subscriptions are under or not, and a list of several subscriptions does not say
 * which of them inherit one: there the assignment is placed in the account of its scope
 * (`/providers/microsoft.management/managementgroups/<name>`, `/`), which the scan gives to the
 * subscriptions under it once every file is read (isAboveSubscriptions).
 * `place` gives, for each record, the record to read, with a note when placed in a subscription.
 */
export function inheritedAssignments(
  records: readonly unknown[],
  dialect: RowDialect,
): (record: unknown) => { record: unknown; note?: string } {
  const listedBy = dialect === 'arm' ? listedSubscription(records) : undefined;
  return (record) => {
    const above = isObject(record) ? assignmentAboveSubscriptions(record) : undefined;
    if (above === undefined) return { record };
    if (listedBy === undefined) return { record: { ...(record as JsonObject), subscriptionId: above.scope } };
    return {
      record: inheritedBy(listedBy, record as JsonObject, above.id),
      note: `${above.id}: a role assignment above the subscription, read as inherited by ${listedBy}, whose list holds it`,
    };
  };
}

/**
 * Role assignments nested in a subscription's or resource group's record (PSRule's
 * `Export-AzRuleData` keeps the list of each, with what it inherits, under its `resources`). The
 * parent's subscription is worked out once; the function returned gives, for each nested record,
 * one above the subscriptions as the subscription's, placed in it with a note, and any other
 * record, or every record of a parent that is neither, as it is.
 */
export function inheritedFrom(
  parentId: string,
): (record: JsonObject) => { record: JsonObject; note?: string } {
  const subscription = /^\/?subscriptions\/([^/]+)(\/resourcegroups\/[^/]+)?$/i.exec(parentId)?.[1];
  if (subscription === undefined) return (record) => ({ record });
  return (record) => {
    const above = assignmentAboveSubscriptions(record);
    if (above === undefined) return { record };
    return {
      record: inheritedBy(subscription, record, above.id),
      note: `${above.id}: a role assignment above the subscription, read as inherited by ${subscription}, whose exported resources hold it`,
    };
  };
}

/**
 * The record of a role assignment above the subscriptions (its ARM id `id`) placed in a
 * subscription that inherits it: by the subscription's own id for it (model/resource.ts's
 * inheritedAssignmentId) and its `subscriptionId`.
 */
export function inheritedBy(subscription: string, record: JsonObject, id: string): JsonObject {
  return { ...record, id: inheritedAssignmentId(subscription, id), subscriptionId: subscription };
}

/** A role assignment at a management group or at the root (`/`), above every subscription: the scope is group 1. */
const ASSIGNMENT_ABOVE_SUBSCRIPTIONS =
  /^\/?(providers\/microsoft\.management\/managementgroups\/[^/]+\/)?providers\/microsoft\.authorization\/roleassignments\/[^/]+$/i;

/**
 * The id of a role assignment above the subscriptions (not placed in one by a `subscriptionId`
 * column), and its scope as an account (lower case, as model/resource.ts's managementGroupAccount writes it).
 */
function assignmentAboveSubscriptions(record: JsonObject): { id: string; scope: string } | undefined {
  const id = idOf(record);
  const column = get(record, 'subscriptionId');
  if (typeof id !== 'string' || (typeof column === 'string' && column !== '')) return undefined;
  const above = ASSIGNMENT_ABOVE_SUBSCRIPTIONS.exec(id);
  if (!above) return undefined;
  return { id, scope: `/${above[1]?.slice(0, -1).toLowerCase() ?? ''}` };
}

/** The one subscription every record placed in one is in; undefined when none or several. */
function listedSubscription(records: readonly unknown[]): string | undefined {
  let only: string | undefined;
  for (const record of records) {
    const id = isObject(record) ? idOf(record) : undefined;
    const subscription = typeof id === 'string' ? /^\/?subscriptions\/([^/]+)/i.exec(id)?.[1] : undefined;
    if (subscription === undefined) continue;
    if (only !== undefined && only.toLowerCase() !== subscription.toLowerCase()) return undefined;
    only = subscription;
  }
  return only;
}
