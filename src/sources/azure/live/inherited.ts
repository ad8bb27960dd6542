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
 * scan gives it to the subscriptions under it (scan/management-groups.ts), as offline.
 */
export const INHERITED_ASSIGNMENTS_QUERY =
  "authorizationresources | where type =~ 'microsoft.authorization/roleassignments' | where id startswith '/providers/' | order by id asc";

/** The `--save-inventory` name of a batch whose query failed (listing.ts reads it back as unread). */
const SAVED_AS = 'inherited-role-assignments';

/** What an identity needs to read them: Resource Graph shows an assignment to one that may read its scope. */
const GRANT = {
  ja: '（上位の管理グループ（またはテナント ルート グループ）の閲覧者（Reader）ロールでこの読み取りが許可されます）',
  en: ' (the Reader role on the management groups above the subscription (or the Tenant Root Group) grants this read)',
};

/**
 * Reads the assignments above a batch of subscriptions. When the query fails (denied, or a page
 * still failing after the retries), every subscription of the batch is listed with the error and
 * its inherited assignments are unknown: an owner of a group above it may be missing, so its
 * owner count cannot pass, and the saved inventory says so too.
 */
export function readInheritedAssignments(
  graph: GraphReader,
  run: AzureRun,
  ctx: LiveContext,
  batch: readonly string[],
): Promise<void> {
  return graph.queryTable('authorizationresources', INHERITED_ASSIGNMENTS_QUERY, batch, {
    authorizationScopeFilter: 'AtScopeAndAbove',
    failed: (subscriptions, message, error) => {
      const denied = error.failure.kind === 'denied';
      const fact = unknown<boolean>('authorizationresources (authorizationScopeFilter AtScopeAndAbove)', {
        ja: `ライブ スキャンで管理グループとルート（/）のロールの割り当ての Resource Graph クエリが失敗しました: ${message}${denied ? GRANT.ja : ''}`,
        en: `the live scan's Resource Graph query of the role assignments of the management groups and the root (/) failed: ${message}${denied ? GRANT.en : ''}`,
      });
      const listed = `role assignments inherited from management groups and the root (/): ${message}${denied ? GRANT.en : ''}`;
      for (const id of subscriptions) {
        const scan = run.scanOf(id);
        scan.errors.push(listed);
        scan.bodies.set(SAVED_AS, []);
        scan.incomplete.add(SAVED_AS);
        ctx.emit(
          listingRecord(id, { inheritedAssignmentsRead: fact }, 'azure:resourcegraph/authorizationresources'),
        );
      }
    },
  });
}
