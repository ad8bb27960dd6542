import { unknown } from '../../../model/fact.ts';
import type { LiveContext } from '../../live.ts';
import { listingRecord } from '../listing.ts';
import type { GraphReader } from './graph.ts';
import type { AzureRun } from './scope.ts';

/**
 * The role assignments a subscription inherits: those of the management groups above it
 * (`/providers/Microsoft.Management/managementGroups/<mg>/providers/Microsoft.Authorization/roleAssignments/<guid>`)
 * and of the root (`/providers/Microsoft.Authorization/roleAssignments/<guid>`). They belong to
 * no subscription, so a Resource Graph query over subscriptions leaves them out, unless asked
 * for with `authorizationScopeFilter: AtScopeAndAbove` (the scope and what is above it); the
 * subscription's own assignments, also in that answer, come from the table query already, so
 * only ids under `/providers/` are kept. Each row is read into the account of its scope and the
 * scan gives it to the subscriptions under it (scan/management-groups.ts), as offline. Custom roles
 * Resource Graph lists under `/providers/` (assignable above the subscriptions) come with them:
 * whether one may assign roles decides whether its assignments count.
 */
export const INHERITED_ASSIGNMENTS_QUERY =
  "authorizationresources | where type =~ 'microsoft.authorization/roleassignments' or (type =~ 'microsoft.authorization/roledefinitions' and properties.type =~ 'CustomRole') | where id startswith '/providers/' | order by id asc";

/** The `--save-inventory` name of a subscription whose role assignments were not all read (listing.ts reads it back). */
const SAVED_AS = 'role-assignments';

/**
 * Reads the assignments above a batch of subscriptions. When the query fails (denied, or a page
 * still failing after the retries), every subscription of the batch is listed with the error
 * and the role that grants the read, and its role assignments are not all read.
 */
export function readInheritedAssignments(
  graph: GraphReader,
  run: AzureRun,
  ctx: LiveContext,
  batch: readonly string[],
): Promise<void> {
  return graph.queryTable('authorizationresources', INHERITED_ASSIGNMENTS_QUERY, batch, {
    authorizationScopeFilter: 'AtScopeAndAbove',
    what: 'role assignments inherited from management groups and the root (/)',
    // Resource Graph shows an identity the role assignments it may read, at their scope.
    grant:
      ' (the Reader role on the management groups above the subscription (or the Tenant Root Group) grants this read)',
    // A denial of the groups above is not of one subscription: halving the batch would not find it.
    split: false,
    onFailed: assignmentsNotRead(
      run,
      ctx,
      'authorizationresources, authorizationScopeFilter AtScopeAndAbove',
    ),
  });
}

/**
 * What a failed query of role assignments leaves: the role assignments that apply to each
 * subscription of the batch were not all read (an owner may be among those missing), so its
 * owner count cannot pass; recorded as a fact of the subscription naming the query and the
 * error, and saved, so that the inventory read back says so too.
 */
export function assignmentsNotRead(
  run: AzureRun,
  ctx: LiveContext,
  query: string,
): (subscriptions: readonly string[], message: string) => void {
  return (subscriptions, message) => {
    const fact = unknown<boolean>(query, {
      ja: `ライブ スキャンの Resource Graph クエリ（${query}）が失敗しました: ${message}`,
      en: `the live scan's Resource Graph query (${query}) failed: ${message}`,
    });
    for (const id of subscriptions) {
      const scan = run.scanOf(id);
      scan.bodies.set(SAVED_AS, []);
      scan.incomplete.add(SAVED_AS);
      ctx.emit(
        listingRecord(id, { roleAssignmentsRead: fact }, 'azure:resourcegraph/authorizationresources'),
      );
    }
  };
}
