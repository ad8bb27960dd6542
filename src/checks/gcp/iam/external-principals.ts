import type {
  GcpBinding,
  GcpHierarchyNodeFacts,
  GcpOrganizationFacts,
  GcpPublicGrant,
} from '../../../model/gcp.ts';
import type { Resource } from '../../../model/resource.ts';
import { type CheckContext, defineCheck, type Evidence, fail, pass, undetermined } from '../../check.ts';
import { missingData } from '../../missing-data.ts';
import { describeGrants } from '../lib/grants.ts';
import { ancestorsOf, ancestorsUnknown, inheritedBindings } from '../lib/hierarchy.ts';

type Message = 'internalOnly' | 'external' | 'noMemberDomains' | 'noProjectPolicy' | 'ancestorsUnknown';

/** Principals that mean "anyone" (https://cloud.google.com/iam/docs/principal-identifiers). */
const PUBLIC = new Set(['allUsers', 'allAuthenticatedUsers']);
/** Google consumer accounts: never members of an organization's Cloud Identity. */
const CONSUMER_DOMAINS = ['gmail.com', 'googlemail.com'];
/** Principal kinds named by an e-mail address or a domain, whose domain tells whose they are. */
const DOMAIN_KINDS = new Set(['user', 'group', 'domain']);

export default defineCheck<GcpHierarchyNodeFacts, Message>({
  meta: {
    id: 'gcp.iam.external-principals',
    provider: 'gcp',
    resourceTypes: ['account'],
    // Folders and organizations count through their projects (their policies are inherited).
    nativeTypes: ['cloudresourcemanager.googleapis.com/Project'],
    severity: 'high',
    title: {
      ja: 'プロジェクトの IAM ポリシーが外部ドメインのユーザ・グループや allUsers / allAuthenticatedUsers に権限を付与していない',
      en: 'Project IAM policies grant nothing to users and groups of external domains, allUsers or allAuthenticatedUsers',
    },
    rationale: {
      ja: '組織外のアカウント（個人の Gmail を含む）は組織のパスワード・2 段階認証ポリシーや退職時の無効化が及ばず、allUsers / allAuthenticatedUsers は誰にでも権限を与えます。組織・フォルダで付与された権限も継承されます。',
      en: 'Accounts outside the organization (personal Gmail included) escape its password and 2-Step Verification policies and its leaver process, and allUsers / allAuthenticatedUsers grant to anyone. Grants on the organization and folders are inherited.',
    },
    remediation: {
      ja: 'gcloud projects remove-iam-policy-binding <プロジェクト> --member=<メンバー> --role=<ロール> で外部の付与を外し、必要な外部者は組織の Cloud Identity にアカウントを作って付与します（コンソール: IAM と管理 > IAM）。組織のポリシー iam.allowedPolicyMemberDomains（ドメインで制限された共有）で組織外への付与を禁止できます。自組織の追加ドメインはパラメータ memberDomains に設定します。',
      en: "Remove external grants with gcloud projects remove-iam-policy-binding <project> --member=<member> --role=<role>, and give outside staff accounts in the organization's Cloud Identity (console: IAM & Admin > IAM). The organization policy iam.allowedPolicyMemberDomains (domain restricted sharing) forbids grants outside the organization. Set the organization's other domains in the memberDomains parameter.",
    },
    messages: {
      internalOnly: {
        ja: '付与先はすべて自組織のドメイン（{{domains}}）です',
        en: 'Every grant is to the organization’s domains ({{domains}})',
      },
      external: {
        ja: '組織外または公開の主体に権限が付与されています: {{grants}}',
        en: 'Principals outside the organization, or the public, hold roles: {{grants}}',
      },
      noMemberDomains: missingData(
        {
          ja: '自組織のドメインが分からないため、次の主体が外部か判断できません: {{principals}}（組織リソースをエクスポートに含めるか、パラメータ memberDomains を設定してください）',
          en: 'The organization’s domains are unknown, so these principals cannot be classified: {{principals}} (include the organization resource in the export, or set the memberDomains parameter)',
        },
        'gcpOrganization',
        {
          ja: '次の主体が外部か判断できません: {{principals}}',
          en: 'These principals cannot be classified: {{principals}}',
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
          ja: 'プロジェクト自体の付与は自組織のみですが、上位（{{ancestors}}）の IAM ポリシーがエクスポートにないため、継承された付与を判断できません（組織単位のエクスポートを渡してください）',
          en: 'The project’s own grants are internal, but the IAM policies of {{ancestors}} are not in the export, so inherited grants cannot be ruled out (provide an organization-level export)',
        },
        'gcpAncestorPolicies',
        { ja: 'プロジェクト自体の付与は自組織のみです', en: 'The project’s own grants are internal' },
      ),
    },
    references: [
      'https://cloud.google.com/iam/docs/principal-identifiers',
      'https://cloud.google.com/resource-manager/docs/organization-policy/restricting-domains',
    ],
  },
  evaluate(project, ctx) {
    const {
      chain,
      above: bindingsAbove,
      granted: known,
      evidence: inheritedFacts,
    } = inheritedBindings(project, ctx);
    const { domains, evidence: domainEvidence } = memberDomains(project, ctx);
    if (chain.own.source === 'unknown') {
      // What the folders and organization grant and, from a Terraform plan, what the plan grants
      // hold whatever the project's own policy says: an external principal among them fails.
      const { external } = classifyAll(
        [...(known?.value ?? []), ...bindingsAbove.flatMap((a) => a.value)],
        domains,
      );
      if (external.length > 0)
        return fail(
          'external',
          [...(known ? [known] : []), chain.own, ...inheritedFacts, ...domainEvidence],
          {
            grants: describeGrants(external),
          },
        );
      return undetermined('noProjectPolicy', [chain.own, ...(known ? [known] : []), ...inheritedFacts]);
    }
    const evidence = [chain.own, ...inheritedFacts, ...domainEvidence];

    const { external, unclassified } = classifyAll(
      [chain.own.value, ...bindingsAbove.map((a) => a.value)].flat(),
      domains,
    );
    if (external.length > 0) return fail('external', evidence, { grants: describeGrants(external) });
    if (unclassified.size > 0)
      return undetermined('noMemberDomains', evidence, { principals: [...unclassified] });
    return ancestorsUnknown(chain, evidence, {}) ?? pass('internalOnly', evidence, { domains });
  },
});

/** The external grants among bindings, and the members whose domain no parameter tells. */
function classifyAll(bindings: readonly GcpBinding[], domains: readonly string[]) {
  const external: GcpPublicGrant[] = [];
  const unclassified = new Set<string>();
  for (const { role, members } of bindings) {
    for (const member of members) {
      const kind = classify(member, domains);
      if (kind === 'external') external.push({ member, role });
      else if (kind === 'unclassified') unclassified.add(member);
    }
  }
  return { external, unclassified };
}

/**
 * The organization's own domains: the `memberDomains` parameter and the primary domain of the
 * project's organization (its `displayName`), when the export holds the organization resource.
 */
function memberDomains(project: Resource<GcpHierarchyNodeFacts>, ctx: CheckContext) {
  const domains = ctx.params.memberDomains.map((domain) => domain.toLowerCase());
  const evidence: Evidence[] = [];
  const organization = ancestorsOf(project, ctx).value?.find((name) => name.includes('/organizations/'));
  const org = organization
    ? (ctx.inventory.byId('gcp', organization) as Resource<GcpOrganizationFacts> | undefined)
    : undefined;
  const primary = org?.facts.primaryDomain;
  if (organization && primary && primary.source !== 'unknown') {
    domains.push(primary.value);
    evidence.push({ ...primary, resourceId: organization });
  }
  return { domains, evidence };
}

/**
 * `external` for the public and for users, groups and domains outside `domains` (or of a
 * consumer domain); `unclassified` when no domain of the organization is known; service
 * accounts, federated identities and deleted principals are not judged here.
 */
function classify(
  member: string,
  domains: readonly string[],
): 'internal' | 'external' | 'unclassified' | 'other' {
  if (PUBLIC.has(member)) return 'external';
  const separator = member.indexOf(':');
  if (!DOMAIN_KINDS.has(member.slice(0, separator))) return 'other';
  const address = member.slice(separator + 1).toLowerCase();
  const domain = address.slice(address.lastIndexOf('@') + 1);
  const within = (own: string) => domain === own || domain.endsWith(`.${own}`);
  if (CONSUMER_DOMAINS.some(within)) return 'external';
  if (domains.length === 0) return 'unclassified';
  return domains.some(within) ? 'internal' : 'external';
}
