import { get, idOf, isObject, type JsonObject } from './arm-record.ts';

/**
 * Role assignments above the subscriptions (at a management group, or the root `/`) in a list of
 * ARM records. Azure lists the role assignments that apply to a subscription (`GET
 * /subscriptions/<id>/providers/Microsoft.Authorization/roleAssignments`, `az role assignment list
 * --include-inherited`, `Get-AzRoleAssignment`) with those it inherits from its management groups
 * and the root, which name no subscription: when every other record of the list is in one
 * subscription they are that subscription's too (an Owner there owns it), and are placed in it by
 * its `subscriptionId`; in a list of several subscriptions which of them inherit one is not known.
 * `place` gives, for each record, the record to read (with a note when placed so) or why it is skipped.
 */
export function inheritedAssignments(
  records: readonly unknown[],
): (record: unknown) => { record: unknown; note?: string } | { skip: string } {
  const listedBy = listedSubscription(records);
  return (record) => {
    const above = isObject(record) ? assignmentAboveSubscriptions(record) : undefined;
    if (above === undefined) return { record };
    if (listedBy === undefined)
      return {
        skip: `${above}: a role assignment above the subscriptions (a management group or the root): the list is not of one subscription's assignments, so which subscriptions inherit it is not known; list each subscription's (az role assignment list --subscription <id> --include-inherited)`,
      };
    return {
      record: { ...(record as JsonObject), subscriptionId: listedBy },
      note: `${above}: a role assignment above the subscription, read as inherited by ${listedBy}, whose list holds it`,
    };
  };
}

/** A role assignment at a management group or at the root (`/`), above every subscription. */
const ASSIGNMENT_ABOVE_SUBSCRIPTIONS =
  /^\/?providers\/(?:microsoft\.management\/managementgroups\/[^/]+\/providers\/)?microsoft\.authorization\/roleassignments\/[^/]+$/i;

/** The id of a role assignment above the subscriptions (not placed in one by a `subscriptionId` column). */
function assignmentAboveSubscriptions(record: JsonObject): string | undefined {
  const id = idOf(record);
  const column = get(record, 'subscriptionId');
  if (typeof id !== 'string' || !ASSIGNMENT_ABOVE_SUBSCRIPTIONS.test(id)) return undefined;
  return typeof column === 'string' && column !== '' ? undefined : id;
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
