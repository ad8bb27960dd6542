import type { AzureRoleAssignmentFacts, AzureSubscriptionFacts } from '../../../model/azure.ts';
import { OWNER_ROLE, PRIVILEGED_BUILT_IN_ROLES } from '../../../model/azure-built-in-roles.ts';
import { type Fact, unknown } from '../../../model/fact.ts';
import {
  controlsSubscription,
  isAbove,
  isManagementGroup,
  isPlanOrigin,
  type Resource,
} from '../../../model/resource.ts';
import { type CheckContext, defineCheck, type Evidence, fail, pass, undetermined } from '../../check.ts';
import { missingData } from '../../missing-data.ts';
import { mayAssign } from '../lib/role-conditions.ts';
import { roleGrants } from '../lib/role-grants.ts';

export default defineCheck({
  meta: {
    id: 'azure.iam.privileged-count',
    provider: 'azure',
    resourceTypes: ['account'],
    severity: 'high',
    title: {
      ja: 'サブスクリプションの特権ロール（所有者・ユーザアクセス管理者など、ロールを割り当てられるロール）の保持者が上限以下である',
      en: 'Few principals hold privileged roles (Owner, User Access Administrator, other roles that may assign roles) on the subscription',
    },
    rationale: {
      ja: '所有者とユーザアクセス管理者はサブスクリプションのすべてを変更し、権限を付与できます。保持者が多いほど、漏えいや誤操作で環境全体を失う危険が増えます。ロールを割り当てられるロール（Microsoft.Authorization/roleAssignments/write を含むもの: ロールベースのアクセス制御管理者、* や Microsoft.Authorization/* を許可するカスタム ロール）と、自らが持つカスタム ロールの定義を書き換えて割り当ての権限を加えられるロール（Microsoft.Authorization/roleDefinitions/write を含むもの）も同じ権限を与えるため数えます。共同作成者（Contributor）はロールを割り当てられません。グループは 1 件と数えるため、メンバーは Entra ID で確認してください。',
      en: 'Owners and User Access Administrators can change anything in the subscription and grant any right; every extra holder is one more account whose compromise loses the whole environment. A role that may assign roles (Microsoft.Authorization/roleAssignments/write: Role Based Access Control Administrator, a custom role with * or Microsoft.Authorization/*), or rewrite the custom role its holder holds to add that (Microsoft.Authorization/roleDefinitions/write), grants the same, and counts too; Contributor may not assign roles. A group counts once: review its members in Entra ID.',
    },
    remediation: {
      ja: 'Azure portal の [サブスクリプション] > [アクセス制御 (IAM)] > [ロールの割り当て] で不要な割り当てを削除し、常時の特権は Privileged Identity Management の資格のある割り当てに置き換えます。CLI: az role assignment delete --assignee <プリンシパル ID> --role Owner --scope /subscriptions/<サブスクリプション ID>',
      en: 'In the Azure portal, Subscription > Access control (IAM) > Role assignments, remove the assignments that are not needed and replace standing privilege with Privileged Identity Management eligible assignments. CLI: az role assignment delete --assignee <principal id> --role Owner --scope /subscriptions/<subscription id>',
    },
    messages: {
      withinLimit: {
        ja: '特権ロールの保持者は {{count}} 件です（上限 {{max}}）',
        en: '{{count|principal holds|principals hold}} privileged roles (limit {{max}})',
      },
      tooMany: {
        ja: '特権ロールの保持者が {{count}} 件あり、上限 {{max}} を超えています: {{principals}}',
        en: '{{count|principal holds|principals hold}} privileged roles, over the limit of {{max}}: {{principals}}',
      },
      incomplete: {
        ja: 'ロールまたはスコープが読み取れない割り当てが {{uncertain}} 件あります（判定できた特権保持者 {{count}} 件）',
        en: '{{uncertain|assignment has|assignments have}} a role or scope the export does not show ({{count|privileged principal|privileged principals}} known)',
      },
      roleNotExported: missingData(
        {
          ja: '定義がエクスポートにないロールの割り当てがあります（ロール {{roles}}、判定できた特権保持者 {{count}} 件、上限 {{max}}）。ロールを割り当てられるカスタム ロールは所有者と同じ特権です。az role definition list の出力か、Resource Graph の authorizationresources のロール定義（microsoft.authorization/roledefinitions）を出力してください',
          en: 'Roles are assigned whose definitions the export does not hold ({{roles}}; {{count|privileged principal|privileged principals}} known, limit {{max}}); a custom role that may assign roles is as privileged as Owner: export the output of az role definition list, or the role definitions of Resource Graph authorizationresources (microsoft.authorization/roledefinitions)',
        },
        'azureRoleDefinitions',
        {
          ja: '定義が読み取れていないロールの割り当てがあります（ロール {{roles}}、判定できた特権保持者 {{count}} 件、上限 {{max}}）',
          en: 'Roles are assigned whose definitions were not read ({{roles}}; {{count|privileged principal|privileged principals}} known, limit {{max}})',
        },
      ),
      conditionUnread: {
        ja: '{{conditioned}} のロールの割り当て権限には条件があり、特権ロールを割り当てられるかが条件から読み取れません（判明している特権の保持者は {{count}} 件、上限 {{max}}）。条件が許すロールを手動で確認してください',
        en: 'The role assignments of {{conditioned}} carry conditions that do not show whether they may assign a privileged role ({{count|privileged principal|privileged principals}} known, limit {{max}}): confirm manually which roles the conditions allow',
      },
      notExported: missingData(
        {
          ja: 'エクスポートにこのサブスクリプションのロールの割り当てがありません（Resource Graph の authorizationresources を出力してください）',
          en: 'The export has no role assignments for this subscription: export the Resource Graph authorizationresources table',
        },
        'azureRoleAssignments',
      ),
      inheritedNotExported: missingData(
        {
          ja: '判定できた特権保持者は {{count}} 件ですが、管理グループやルートから継承される割り当てがエクスポートにあるか分かりません。Resource Graph の authorizationresources をテナント全体で、resourcecontainers のサブスクリプション（properties.managementGroupAncestorsChain を含む）とともに出力するか、az role assignment list --include-inherited の出力を渡してください',
          en: "{{count|privileged principal|privileged principals}} known, but the export does not show whether the subscription inherits assignments from management groups or the root: export Resource Graph authorizationresources tenant-wide with the subscriptions' resourcecontainers rows (properties.managementGroupAncestorsChain), or the output of az role assignment list --include-inherited",
        },
        'azureManagementGroups',
        {
          ja: '判定できた特権保持者は {{count}} 件（上限 {{max}}）です',
          en: '{{count|privileged principal|privileged principals}} known (limit {{max}})',
        },
      ),
      groupsNotExported: missingData(
        {
          ja: '管理グループのロールの割り当てがありますが、このサブスクリプションがどの管理グループの下にあるかが分かりません（判定できた特権保持者 {{count}} 件）。Resource Graph の resourcecontainers のサブスクリプション（properties.managementGroupAncestorsChain を含む）を出力してください',
          en: "Management groups have role assignments, but not which of them the subscription is under ({{count|privileged principal|privileged principals}} known): export the subscriptions' Resource Graph resourcecontainers rows (resourcecontainers | where type =~ 'microsoft.resources/subscriptions', with properties.managementGroupAncestorsChain)",
        },
        'azureManagementGroups',
      ),
      assignmentsNotRead: missingData(
        {
          ja: 'このサブスクリプションに適用されるロールの割り当て（自身のものと、管理グループとルート（/）から継承するもの）がすべては読み取れていません（判定できた特権保持者 {{count}} 件）',
          en: 'Not all the role assignments that apply to the subscription (its own, and those it inherits from its management groups and the root (/)) were read ({{count|privileged principal|privileged principals}} known)',
        },
        'azureAppliedRoleAssignments',
        {
          ja: '判定できた特権保持者は {{count}} 件です',
          en: '{{count|privileged principal|privileged principals}} known',
        },
      ),
    },
    references: [
      'https://learn.microsoft.com/azure/role-based-access-control/best-practices#limit-the-number-of-subscription-owners',
    ],
  },
  evaluate(subscription: Resource, ctx) {
    const assignments = ctx.inventory.inAccount(
      'azure',
      subscription.account,
      'iam.role-assignment',
    ) as Resource<AzureRoleAssignmentFacts>[];
    // Role assignments of management groups were read, and not which groups the subscription is
    // under: those it inherits are not among its assignments (scan/management-groups.ts).
    const groups = (subscription.facts as AzureSubscriptionFacts).managementGroups;
    // The subscription's own list with what it inherits (az role assignment list
    // --include-inherited, the REST list for the subscription) holds every assignment above it
    // that applies. While its groups are unknown, only such a list puts a management group's
    // assignment in the subscription: the scan copies a group's assignments only into the
    // subscriptions it knows to be under the group (the root's, into every subscription).
    const groupsUnknown =
      groups?.source === 'unknown' && !assignments.some((a) => isManagementGroup(a.facts.scope?.value))
        ? groups
        : undefined;
    // A live scan's query of the role assignments failed, or every assignment read comes from an
    // answer that selected some (a page with a next one, one shown: Resource.picked): an owner
    // may be among those not read.
    const read = (subscription.facts as AzureSubscriptionFacts).roleAssignmentsRead;
    const notAllRead =
      read?.source === 'unknown'
        ? read
        : assignments.length > 0 && assignments.every((a) => a.picked)
          ? ONLY_PICKED
          : read?.source !== 'explicit' && namesOnePrincipal(assignments)
            ? ONE_PRINCIPAL_ONLY
            : undefined;
    if (assignments.length === 0 && !groupsUnknown && !notAllRead) {
      const evidence = unknown('authorizationresources/microsoft.authorization/roleassignments', {
        ja: 'ロールの割り当てがエクスポートにありません',
        en: 'no role assignments in the export',
      });
      return undetermined('notExported', [evidence]);
    }
    const max = ctx.params.maxPrivilegedPrincipals;
    const principals = new Set<string>();
    const evidence: Evidence[] = [];
    let uncertain = 0;
    // Roles assigned on the subscription whose definitions are not read, and the facts saying so.
    const unreadRoles = new Set<string>();
    const unreadEvidence: Evidence[] = [];
    /** The principals of assignments whose role is not known: privileged or not. */
    const maybe = new Set<string>();
    /** Those whose condition does not say which roles they may assign, and the conditions. */
    const conditioned = new Set<string>();
    const conditionEvidence: Evidence[] = [];
    for (const assignment of assignments) {
      const { roleDefinitionId: role, scope, principalId } = assignment.facts;
      if (!role?.value || !scope?.value || !principalId?.value) {
        uncertain++;
        continue;
      }
      // Assignments on the subscription and those it inherits from above (a management group,
      // the root: placed in the subscription by the reader when its own list holds them, by the
      // scan from a tenant-wide list); resource-group roles control less.
      if (!controlsSubscription(scope.value, subscription.id)) continue;
      const { privileged, evidence: decided, byCondition } = privilegeOf(role, assignment, ctx);
      if (privileged === undefined && byCondition) {
        conditioned.add(principalId.value);
        conditionEvidence.push(decided);
        maybe.add(principalId.value);
      } else if (privileged === undefined) {
        unreadRoles.add(role.value);
        unreadEvidence.push(decided);
        maybe.add(principalId.value);
      } else if (privileged) {
        principals.add(principalId.value);
        evidence.push(decided, { ...principalId, resourceId: assignment.id });
      }
    }
    const data = {
      count: principals.size,
      max,
      principals: [...principals],
      uncertain,
      roles: [...unreadRoles],
      conditioned: [...conditioned],
    };
    if (principals.size > max) return fail('tooMany', evidence, data);
    if (groupsUnknown) return undetermined('groupsNotExported', [...evidence, groupsUnknown], data);
    if (notAllRead) return undetermined('assignmentsNotRead', [...evidence, notAllRead], data);
    // What could not be read matters only if it could take the count over the limit: each
    // assignment not read may add a principal, each of unknown role its own.
    let most = principals.size + uncertain;
    for (const principal of maybe) if (!principals.has(principal)) most++;
    if (most > max) {
      if (uncertain > 0) return undetermined('incomplete', evidence, data);
      if (unreadRoles.size > 0)
        return undetermined('roleNotExported', [...evidence, ...unreadEvidence], data);
      return undetermined('conditionUnread', [...evidence, ...conditionEvidence], data);
    }
    // A list of the subscription's own assignments (az role assignment list without
    // --include-inherited, a subscription-scoped Resource Graph query) leaves out the Owners of
    // the management groups above it and of the root: the count is a lower bound until the
    // export shows the groups it is under, or inherited assignments in its list. A Terraform
    // plan holds the assignments its configuration makes, never all of them.
    const inheritanceRead =
      groups?.source === 'explicit' || assignments.some((a) => isAbove(a.facts.scope?.value));
    if (!inheritanceRead || isPlanOrigin(subscription.origin))
      return undetermined('inheritedNotExported', [...evidence, INHERITANCE_NOT_EXPORTED], data);
    return pass('withinLimit', evidence, data);
  },
});

/**
 * Whether a role may do all an Owner may (Owner, or a role that may grant roles: assign them, or
 * rewrite its own definition), and the fact that says so: the assignment's role for a built-in
 * role kansa knows (a User Access Administrator's or RBAC Administrator's limited by the
 * assignment's condition to the roles it allows), else its definition's `grantsRoles` when the
 * export holds it; unknown when neither says.
 */
function privilegeOf(
  role: Fact<string> & { readonly value: string },
  assignment: Resource<AzureRoleAssignmentFacts>,
  ctx: CheckContext,
): Privilege {
  const byRole = { ...role, resourceId: assignment.id };
  if (role.value in PRIVILEGED_BUILT_IN_ROLES) {
    // Owner controls its scope whatever it may assign; the others' privilege is assigning roles,
    // which the assignment's condition may limit to roles that are not privileged.
    const condition = assignment.facts.condition;
    if (role.value === OWNER_ROLE || condition?.source !== 'explicit' || !condition.value)
      return { privileged: true, evidence: byRole };
    return conditionedPrivilege({ ...condition, value: condition.value, resourceId: assignment.id }, ctx);
  }
  const { grants, definition } = roleGrants(role.value, ctx);
  if (definition) return { privileged: grants, evidence: definition };
  if (grants === false) return { privileged: false, evidence: byRole };
  const why = unknown<boolean>(role.path, {
    ja: `ロール ${role.value} は kansa が知る組み込みロールではなく、ロールを割り当てられるかを示す定義がエクスポートにありません`,
    en: `role ${role.value} is no built-in role kansa knows, and the export holds no definition telling whether it may assign roles`,
  });
  return { privileged: undefined, evidence: { ...why, resourceId: assignment.id } };
}

/** Whether an assignment makes its principal privileged, the fact that says so, and whether its condition left that open. */
interface Privilege {
  readonly privileged: boolean | undefined;
  readonly evidence: Evidence;
  readonly byCondition?: boolean;
}

/**
 * A role-assigning assignment limited by its condition: privileged when the roles it may assign
 * include one that grants roles, not when none does, open when its condition or one of those
 * roles does not tell (lib/role-conditions.ts).
 */
function conditionedPrivilege(
  condition: Evidence & { readonly value: string },
  ctx: CheckContext,
): Privilege {
  const privileged = mayAssign(condition.value, (role) => roleGrants(role, ctx).grants);
  return privileged === undefined
    ? { privileged, evidence: condition, byCondition: true }
    : { privileged, evidence: condition };
}

/** The role assignments read, all from answers that selected some: no listing of them. */
const ONLY_PICKED = unknown('authorizationresources/microsoft.authorization/roleassignments', {
  ja: '読み込んだロールの割り当ては、次のページがある一覧のページや個別の表示だけで、割り当ての一覧全体ではありません',
  en: 'the role assignments read come only from a page with a next one or from assignments shown one by one, not from their whole listing',
});

/**
 * Whether every assignment read names one principal: what `az role assignment list --assignee`
 * and `Get-AzRoleAssignment -ObjectId` / `-SignInName` select, which a listing of the whole
 * subscription is not known to be (a live scan says it read the listing: roleAssignmentsRead).
 */
function namesOnePrincipal(assignments: readonly Resource<AzureRoleAssignmentFacts>[]): boolean {
  const principals = new Set(assignments.map((a) => a.facts.principalId?.value?.toLowerCase()));
  return assignments.length > 0 && principals.size === 1 && !principals.has(undefined);
}

/** The role assignments read all name one principal: perhaps a selection of its assignments. */
const ONE_PRINCIPAL_ONLY = unknown('authorizationresources/microsoft.authorization/roleassignments', {
  ja: '読み込んだロールの割り当てはすべて同じプリンシパルのもので、そのプリンシパルを指定して選んだもの（az role assignment list --assignee など）の可能性があり、割り当ての一覧全体とは分かりません',
  en: "every role assignment read names the same principal: it may be a selection of that principal's assignments (az role assignment list --assignee), not their whole listing",
});

const INHERITANCE_NOT_EXPORTED = unknown('properties.managementGroupAncestorsChain', {
  ja: 'このサブスクリプションの上位の管理グループも、継承された割り当てもエクスポートにありません',
  en: 'neither the management groups above this subscription nor any inherited assignment is in the export',
});
