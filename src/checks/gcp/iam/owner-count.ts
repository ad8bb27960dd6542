import { type Fact, unknown } from '../../../model/fact.ts';
import type {
  GcpBinding,
  GcpCustomRoleFacts,
  GcpHierarchyNodeFacts,
  GcpServiceAccountFacts,
} from '../../../model/gcp.ts';
import { IMPERSONATING_PERMISSIONS, ROLE_UPDATE } from '../../../model/gcp-escalation.ts';
import type { Resource } from '../../../model/resource.ts';
import { type CheckContext, defineCheck, type Evidence, fail, pass, undetermined } from '../../check.ts';
import { missingData } from '../../missing-data.ts';
import { grantingBindings } from '../lib/conditions.ts';
import { ancestorsUnknown, inheritedBindings, isFolder } from '../lib/hierarchy.ts';
import { IMPERSONATING_ROLES, type Impersonation, impersonators } from '../lib/impersonation.ts';
import { ROLE_UPDATING_ROLES, type RoleUpdate, roleRewriters } from '../lib/role-update.ts';

type Message =
  | 'withinLimit'
  | 'tooMany'
  | 'noProjectPolicy'
  | 'ancestorsUnknown'
  | 'roleNotExported'
  | 'serviceAccountProjectUnknown';

export default defineCheck<GcpHierarchyNodeFacts, Message>({
  meta: {
    id: 'gcp.iam.owner-count',
    provider: 'gcp',
    resourceTypes: ['account'],
    // Folders and organizations count through their projects (their policies are inherited).
    nativeTypes: ['cloudresourcemanager.googleapis.com/Project'],
    severity: 'medium',
    title: {
      ja: 'プロジェクトのオーナー（roles/owner）と、自らをオーナーにできるロールの保持者が所定の数（既定 3）以下に抑えられている',
      en: 'Projects have no more owners (roles/owner), or holders of roles that can grant themselves ownership, than allowed (3 by default)',
    },
    rationale: {
      ja: 'オーナーはプロジェクトのすべてのリソースと IAM を変更できる最上位の権限です。保持者が多いほど、アカウント乗っ取りや誤操作の影響が広がります。組織・フォルダで付与されたオーナーも継承されます。プロジェクト（または上位のフォルダ・組織）の IAM ポリシーを書き換えられるロールの保持者は自らにオーナーを付与できるため、同じく数えます: プロジェクト IAM 管理者（roles/resourcemanager.projectIamAdmin）、セキュリティ管理者（roles/iam.securityAdmin）、組織の管理者（roles/resourcemanager.organizationAdmin）、上位のフォルダで付与されたフォルダ管理者・フォルダ IAM 管理者（roles/resourcemanager.folderAdmin、folderIamAdmin）、resourcemanager.projects.setIamPolicy などを含むカスタム ロール。そのように数える主体がサービスアカウントなら、それとして振る舞える主体も数えます: サービスアカウント トークン作成者（roles/iam.serviceAccountTokenCreator）、サービスアカウント キー管理者、サービスアカウント管理者（roles/iam.serviceAccountAdmin）、iam.serviceAccounts.getAccessToken・signJwt・signBlob・iam.serviceAccountKeys.create などを含むカスタム ロールの保持者（プロジェクトで付与されたものはそのプロジェクトのサービスアカウントに、フォルダ・組織で付与されたものはその下のすべてのプロジェクトのサービスアカウントに及びます）。自らが持つカスタム ロールを書き換えられる主体（ロール管理者 roles/iam.roleAdmin、組織のロール管理者、iam.roles.update を含むカスタム ロール）も、そこに setIamPolicy を加えられるため数えます。編集者（roles/editor）は IAM ポリシーを変更できず、サービスアカウント ユーザ（roles/iam.serviceAccountUser）はそれだけではサービスアカウントとして振る舞えません。',
      en: 'Owner can change every resource and the IAM policy of the project. The more holders, the wider the impact of a hijacked account or a mistake. Owners granted on the organization or folders are inherited. A role that may rewrite the IAM policy of the project (or of a folder or the organization above it) lets its holders grant themselves Owner, and counts too: Project IAM Admin (roles/resourcemanager.projectIamAdmin), Security Admin (roles/iam.securityAdmin), Organization Administrator (roles/resourcemanager.organizationAdmin), Folder Admin and Folder IAM Admin granted on a folder above (roles/resourcemanager.folderAdmin, folderIamAdmin), and custom roles with resourcemanager.projects.setIamPolicy or its folder and organization counterparts. Where such a principal is a service account, whoever may act as it counts too: Service Account Token Creator (roles/iam.serviceAccountTokenCreator), Service Account Key Admin, Service Account Admin (roles/iam.serviceAccountAdmin) and custom roles with iam.serviceAccounts.getAccessToken, signJwt, signBlob, iam.serviceAccountKeys.create or the like (granted on the project, they reach its service accounts; on a folder or the organization, those of every project under it). A principal that may rewrite a custom role it holds (Role Administrator roles/iam.roleAdmin, Organization Role Administrator, custom roles with iam.roles.update) may add setIamPolicy to it, and counts too. Editor (roles/editor) may not change IAM policies, and Service Account User (roles/iam.serviceAccountUser) alone does not act as a service account.',
    },
    remediation: {
      ja: 'gcloud projects remove-iam-policy-binding <プロジェクト> --member=<メンバー> --role=roles/owner で不要なオーナーを外し（IAM ポリシーを書き換えられるロールも同様に --role=<ロール> で外します）、必要な作業に見合う事前定義ロールを付与します（コンソール: IAM と管理 > IAM）。グループは 1 主体と数えるため、グループのメンバー数は Cloud Identity / Google Workspace で確認してください。',
      en: 'Remove owners who do not need it with gcloud projects remove-iam-policy-binding <project> --member=<member> --role=roles/owner (and likewise --role=<role> for roles that may rewrite the IAM policy) and grant predefined roles that fit the work (console: IAM & Admin > IAM). A group counts as one principal: check group membership in Cloud Identity / Google Workspace.',
    },
    messages: {
      withinLimit: {
        ja: 'オーナーと自らをオーナーにできる主体は {{count}} 主体です（上限 {{max}}）: {{owners}}',
        en: '{{count|principal is an owner or can grant itself ownership|principals are owners or can grant themselves ownership}} (at most {{max}}): {{owners}}',
      },
      tooMany: {
        ja: 'オーナーと自らをオーナーにできる主体が {{count}} 主体で、上限 {{max}} を超えています: {{owners}}',
        en: '{{count|principal is an owner or can grant itself ownership|principals are owners or can grant themselves ownership}}, more than {{max}}: {{owners}}',
      },
      roleNotExported: missingData(
        {
          ja: '定義がエクスポートにないカスタム ロールが付与されています（{{roles}}。判定できたオーナーと自らをオーナーにできる主体 {{count}} 主体、上限 {{max}}）。IAM ポリシーを書き換えられるカスタム ロールはオーナーと同じ特権です。gcloud asset export --asset-types=iam.googleapis.com/Role（--content-type=resource）か gcloud iam roles describe の出力も渡してください',
          en: 'Custom roles are granted whose definitions the export does not hold ({{roles}}; {{count|principal|principals}} known to be owners or able to grant themselves ownership, limit {{max}}); a custom role that may rewrite IAM policies is as privileged as Owner: also provide gcloud asset export --asset-types=iam.googleapis.com/Role (--content-type=resource) or gcloud iam roles describe',
        },
        'gcpCustomRoles',
        {
          ja: '定義が読み取れていないカスタム ロールが付与されています（{{roles}}。判定できた主体 {{count}}、上限 {{max}}）',
          en: 'Custom roles are granted whose definitions were not read ({{roles}}; {{count|principal|principals}} known, limit {{max}})',
        },
      ),
      serviceAccountProjectUnknown: missingData(
        {
          ja: 'オーナーと自らをオーナーにできる主体は {{count}} 主体（上限 {{max}}）ですが、{{undecided}} はそれに数えるサービスアカウントとして振る舞えるかもしれません。そのサービスアカウントのプロジェクトがロールの付与先の下にあるかがエクスポートから分かりません（プロジェクト ID を含むプロジェクトのリソース行と、組織単位のエクスポートを渡してください）',
          en: '{{count|principal is|principals are}} known to be owners or able to grant themselves ownership (limit {{max}}), and {{undecided}} may act as a service account that counts: the export does not tell whether its project is under where the role is granted (provide the project resource lines, which carry the project id, and an organization-level export)',
        },
        'gcpAncestorPolicies',
        {
          ja: 'オーナーと自らをオーナーにできる主体は {{count}} 主体（上限 {{max}}）ですが、{{undecided}} はそれに数えるサービスアカウントとして振る舞えるかもしれません',
          en: '{{count|principal is|principals are}} known to be owners or able to grant themselves ownership (limit {{max}}), and {{undecided}} may act as a service account that counts',
        },
      ),
      noProjectPolicy: missingData(
        {
          ja: 'プロジェクトの IAM ポリシーがエクスポートにないため判断できません（--content-type=iam-policy のエクスポートも渡してください）',
          en: 'The project IAM policy is not in the export (also provide the --content-type=iam-policy export)',
        },
        'gcpIamPolicies',
      ),
      ancestorsUnknown: missingData(
        {
          ja: 'プロジェクトのオーナーは {{count}} 主体ですが、上位（{{ancestors}}）の IAM ポリシーがエクスポートにないため、継承されたオーナーを判断できません（組織単位のエクスポートを渡してください）',
          en: 'The project has {{count|owner principal|owner principals}}, but the IAM policies of {{ancestors}} are not in the export, so inherited owners cannot be ruled out (provide an organization-level export)',
        },
        'gcpAncestorPolicies',
        {
          ja: 'プロジェクトのオーナーは {{count}} 主体です',
          en: 'The project has {{count|owner principal|owner principals}}',
        },
      ),
    },
    references: [
      'https://cloud.google.com/iam/docs/understanding-roles#basic',
      'https://cloud.google.com/resource-manager/docs/access-control-proj',
      'https://cloud.google.com/resource-manager/docs/access-control-folders',
      'https://cloud.google.com/iam/docs/service-account-permissions',
    ],
  },
  evaluate(project, ctx) {
    const max = ctx.params.maxPrivilegedPrincipals;
    const {
      chain,
      above: bindingsAbove,
      granted: known,
      evidence: inheritedFacts,
    } = inheritedBindings(project, ctx);
    // Each binding with the node it is granted on: a role's reach depends on where it is bound.
    const above = bindingsAbove.map((a) => ({
      node: a.resourceId,
      bindings: a.value,
    }));
    // A folder above whose policy is not shown is above all the same.
    const folderAbove = [...above.map(({ node }) => node), ...(chain.unseen ?? [])].some((node) =>
      isFolder(node, ctx),
    );
    if (chain.own.source === 'unknown') {
      // The project has at least the owners its folders and organization grant and, from a
      // Terraform plan, those the plan grants: already too many is a failure, whatever else is.
      const { owners, roleEvidence } = privileged(
        [{ node: PROJECT, bindings: known?.value ?? [] }, ...above],
        folderAbove,
        project,
        ctx,
      );
      if (owners.length > max) {
        const data = { count: owners.length, max, owners };
        return fail(
          'tooMany',
          [...(known ? [known] : []), chain.own, ...inheritedFacts, ...roleEvidence],
          data,
        );
      }
      return undetermined('noProjectPolicy', [chain.own, ...(known ? [known] : []), ...inheritedFacts]);
    }
    const { owners, maybe, acting, unread, roleEvidence } = privileged(
      [{ node: PROJECT, bindings: chain.own.value }, ...above],
      folderAbove,
      project,
      ctx,
    );
    const evidence = [chain.own, ...inheritedFacts, ...roleEvidence];
    const data = { count: owners.length, max, owners, roles: unread.roles };
    if (owners.length > max) return fail('tooMany', evidence, data);
    // A custom role whose definition is not read may let its holders rewrite the policy: it
    // matters only if its holders could take the count over the limit.
    if (owners.length + maybe.length > max)
      return undetermined('roleNotExported', [...evidence, ...unread.evidence], data);
    if (owners.length + maybe.length + acting.maybe.length > max)
      return undetermined('serviceAccountProjectUnknown', [...evidence, ...acting.evidence], {
        ...data,
        undecided: acting.maybe,
      });
    return ancestorsUnknown(chain, evidence, data) ?? pass('withinLimit', evidence, data);
  },
});

/** The node a binding of the project's own policy is granted on. */
const PROJECT = 'project';
const ORGANIZATIONS = '//cloudresourcemanager.googleapis.com/organizations/';
const CUSTOM_ROLE = /^(?:projects|organizations)\/[^/]+\/roles\/[^/]+$/;

/**
 * Predefined roles that may rewrite an IAM policy the project inherits, and so grant
 * roles/owner, by the permission that does (Google's IAM roles reference): each includes
 * resourcemanager.projects.setIamPolicy but Folder IAM Admin, which includes
 * resourcemanager.folders.setIamPolicy only: granted on a folder above the project, it may grant
 * roles/owner on that folder.
 */
const OWNER_GRANTING_ROLES: Readonly<Record<string, string>> = {
  'roles/owner': 'resourcemanager.projects.setIamPolicy',
  'roles/resourcemanager.projectIamAdmin': 'resourcemanager.projects.setIamPolicy',
  'roles/iam.securityAdmin': 'resourcemanager.projects.setIamPolicy',
  'roles/resourcemanager.organizationAdmin': 'resourcemanager.projects.setIamPolicy',
  'roles/resourcemanager.folderAdmin': 'resourcemanager.projects.setIamPolicy',
  'roles/resourcemanager.folderIamAdmin': 'resourcemanager.folders.setIamPolicy',
};

interface Privileged {
  /** Distinct principals holding Owner or a role that may grant it, or acting as one that does. */
  readonly owners: string[];
  /** Principals not among them holding a custom role whose definition is not read. */
  readonly maybe: string[];
  /** Principals among neither that may act as a counted service account, and why that is not known. */
  readonly acting: { readonly maybe: string[]; readonly evidence: Evidence[] };
  readonly unread: { readonly roles: string[]; readonly evidence: Evidence[] };
  /** The custom roles' facts that made their holders count. */
  readonly roleEvidence: Evidence[];
}

/**
 * The principals of the bindings, each with the node it is granted on, that hold Owner or may
 * grant it to themselves; deleted principals (`deleted:…`) can no longer act. A custom role
 * counts when its definition (an iam.googleapis.com/Role record) includes a permission to
 * rewrite the policy of the project or of a node above it that the project inherits from.
 */
function privileged(
  grants: readonly { readonly node: string; readonly bindings: readonly GcpBinding[] }[],
  folderAbove: boolean,
  project: Resource,
  ctx: CheckContext,
): Privileged {
  const owners = new Set<string>();
  const impersonations: Impersonation[] = [];
  const updates: RoleUpdate[] = [];
  /** Each member's custom roles on the project and above it, which it may rewrite. */
  const heldCustom = new Map<string, Set<string>>();
  const maybe = new Set<string>();
  const unreadRoles = new Set<string>();
  const unreadEvidence: Evidence[] = [];
  const roleEvidence: Evidence[] = [];
  for (const { node, bindings } of grants) {
    for (const { role, members } of bindings) {
      const active = members.filter((member) => !member.startsWith('deleted:'));
      if (active.length === 0) continue;
      const predefined = OWNER_GRANTING_ROLES[role];
      let counts =
        predefined !== undefined && writesPolicyAbove(predefined, isFolder(node, ctx), node, folderAbove);
      const acting = IMPERSONATING_ROLES[role];
      if (acting) impersonations.push({ node, binding: { role, members: active }, permission: acting });
      if (ROLE_UPDATING_ROLES.has(role)) updates.push({ node, role, members: active });
      if (predefined === undefined && CUSTOM_ROLE.test(role)) {
        for (const member of active) heldCustom.set(member, (heldCustom.get(member) ?? new Set()).add(role));
        const definition = ctx.inventory.byId('gcp', `//iam.googleapis.com/${role}`) as
          | Resource<GcpCustomRoleFacts>
          | undefined;
        const permissions: Fact<readonly string[]> | undefined = definition?.facts.escalationPermissions;
        if (!definition || !permissions || permissions.source === 'unknown') {
          if (!unreadRoles.has(role)) {
            unreadRoles.add(role);
            unreadEvidence.push(
              permissions && definition
                ? { ...permissions, resourceId: definition.id }
                : unknown('iamPolicy.bindings[].role', {
                    ja: `カスタム ロール ${role} の定義（iam.googleapis.com/Role）がエクスポートにありません`,
                    en: `the definition of the custom role ${role} (iam.googleapis.com/Role) is not in the export`,
                  }),
            );
          }
          for (const member of active) maybe.add(member);
          continue;
        }
        counts = permissions.value.some((permission) =>
          writesPolicyAbove(permission, isFolder(node, ctx), node, folderAbove),
        );
        const impersonating = permissions.value.find((permission) =>
          IMPERSONATING_PERMISSIONS.has(permission),
        );
        if (impersonating)
          impersonations.push({ node, binding: { role, members: active }, permission: impersonating });
        if (permissions.value.includes(ROLE_UPDATE)) updates.push({ node, role, members: active });
        if (counts) roleEvidence.push({ ...permissions, resourceId: definition.id });
      }
      if (counts) for (const member of active) owners.add(member);
    }
  }
  // Principals that may rewrite a custom role they hold may add setIamPolicy to it.
  for (const [member, evidence] of roleRewriters(updates, heldCustom, project)) {
    if (owners.has(member)) continue;
    owners.add(member);
    roleEvidence.push(evidence);
  }
  // Principals acting as a counted service account count as it does.
  const acting = impersonators(impersonations, owners, project, (email) => ownPolicy(email, project, ctx));
  for (const member of acting.added) owners.add(member);
  roleEvidence.push(...acting.evidence);
  return {
    owners: [...owners],
    maybe: [...maybe].filter((member) => !owners.has(member)),
    acting: {
      maybe: [...acting.maybe].filter((member) => !owners.has(member) && !maybe.has(member)),
      evidence: acting.maybeEvidence,
    },
    unread: { roles: [...unreadRoles], evidence: unreadEvidence },
    roleEvidence,
  };
}

/**
 * The bindings of a service account's own IAM policy that act as it (its
 * iam.googleapis.com/ServiceAccount record, of the project's service accounts, found by its email
 * or by a name ending in it); none when the export does not hold that policy.
 */
function ownPolicy(email: string, project: Resource, ctx: CheckContext): Impersonation[] {
  const account = (
    ctx.inventory.inAccount(
      'gcp',
      project.account,
      'iam.service-account',
    ) as Resource<GcpServiceAccountFacts>[]
  ).find(
    (candidate) =>
      candidate.facts.email?.value === email.toLowerCase() ||
      candidate.id.endsWith(`/serviceAccounts/${email}`),
  );
  const bindings = account?.facts.bindings;
  if (!account || !bindings || bindings.source === 'unknown') return [];
  return grantingBindings(bindings.value, ctx.now).granting.flatMap(({ role, members }) => {
    const permission = IMPERSONATING_ROLES[role] ?? customImpersonation(role, ctx);
    return permission ? [{ node: account.id, binding: { role, members }, permission, only: email }] : [];
  });
}

/** The permission of a custom role (its definition in the export) that acts as a service account. */
function customImpersonation(role: string, ctx: CheckContext): string | undefined {
  if (!CUSTOM_ROLE.test(role)) return undefined;
  const definition = ctx.inventory.byId('gcp', `//iam.googleapis.com/${role}`) as
    | Resource<GcpCustomRoleFacts>
    | undefined;
  const permissions = definition?.facts.escalationPermissions;
  return permissions?.source === 'unknown' || !permissions
    ? undefined
    : permissions.value.find((permission) => IMPERSONATING_PERMISSIONS.has(permission));
}

/**
 * A permission granted on `node` lets its holder rewrite a policy the project inherits: the
 * project's own (granted anywhere on its chain), a folder's (granted on a folder, or on the
 * organization above one), the organization's (granted on it). `onFolder`: `node` is a folder.
 */
function writesPolicyAbove(
  permission: string,
  onFolder: boolean,
  node: string,
  folderAbove: boolean,
): boolean {
  if (permission === 'resourcemanager.projects.setIamPolicy') return true;
  if (permission === 'resourcemanager.folders.setIamPolicy')
    return onFolder || (node.startsWith(ORGANIZATIONS) && folderAbove);
  return permission === 'resourcemanager.organizations.setIamPolicy' && node.startsWith(ORGANIZATIONS);
}
