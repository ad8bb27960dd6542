import type { GcpBinding, GcpHierarchyNodeFacts } from '../../../model/gcp.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';
import { missingData } from '../../missing-data.ts';
import { ancestorsUnknown, inherited, inheritedEvidence } from '../lib/hierarchy.ts';

type Message = 'withinLimit' | 'tooMany' | 'noProjectPolicy' | 'ancestorsUnknown';

const OWNER = 'roles/owner';

export default defineCheck<GcpHierarchyNodeFacts, Message>({
  meta: {
    id: 'gcp.iam.owner-count',
    provider: 'gcp',
    resourceTypes: ['account'],
    // Folders and organizations count through their projects (their policies are inherited).
    nativeTypes: ['cloudresourcemanager.googleapis.com/Project'],
    severity: 'medium',
    title: {
      ja: 'プロジェクトのオーナー（roles/owner）が所定の数（既定 3）以下に抑えられている',
      en: 'Projects have no more owners (roles/owner) than allowed (3 by default)',
    },
    rationale: {
      ja: 'オーナーはプロジェクトのすべてのリソースと IAM を変更できる最上位の権限です。保持者が多いほど、アカウント乗っ取りや誤操作の影響が広がります。組織・フォルダで付与されたオーナーも継承されます。',
      en: 'Owner can change every resource and the IAM policy of the project. The more holders, the wider the impact of a hijacked account or a mistake. Owners granted on the organization or folders are inherited.',
    },
    remediation: {
      ja: 'gcloud projects remove-iam-policy-binding <プロジェクト> --member=<メンバー> --role=roles/owner で不要なオーナーを外し、必要な作業に見合う事前定義ロールを付与します（コンソール: IAM と管理 > IAM）。グループは 1 主体と数えるため、グループのメンバー数は Cloud Identity / Google Workspace で確認してください。',
      en: 'Remove owners who do not need it with gcloud projects remove-iam-policy-binding <project> --member=<member> --role=roles/owner and grant predefined roles that fit the work (console: IAM & Admin > IAM). A group counts as one principal: check group membership in Cloud Identity / Google Workspace.',
    },
    messages: {
      withinLimit: {
        ja: 'オーナーは {{count}} 主体です（上限 {{max}}）: {{owners}}',
        en: '{{count|owner principal|owner principals}} (at most {{max}}): {{owners}}',
      },
      tooMany: {
        ja: 'オーナーが {{count}} 主体で、上限 {{max}} を超えています: {{owners}}',
        en: '{{count|owner principal|owner principals}}, more than {{max}}: {{owners}}',
      },
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
    ],
  },
  evaluate(project, ctx) {
    const chain = inherited(project, ctx, (facts) => facts.bindings, 'iamPolicy.bindings');
    if (chain.own.source === 'unknown') {
      // The project has at least the owners its folders and organization grant and, from a
      // Terraform plan, those the plan grants: already too many is a failure, whatever else is.
      const granted = project.facts.grantedBindings;
      const known = granted && granted.source !== 'unknown' ? granted : undefined;
      const owners = ownersOf([...(known?.value ?? []), ...chain.ancestors.flatMap((a) => a.value)]);
      if (owners.length > ctx.params.maxPrivilegedPrincipals) {
        const data = { count: owners.length, max: ctx.params.maxPrivilegedPrincipals, owners };
        return fail('tooMany', [...(known ? [known] : []), chain.own, ...chain.ancestors], data);
      }
      return undetermined('noProjectPolicy', granted ? [chain.own, granted] : [chain.own]);
    }
    const evidence = inheritedEvidence(chain);
    const owners = ownersOf([chain.own.value, ...chain.ancestors.map((a) => a.value)].flat());
    const data = { count: owners.length, max: ctx.params.maxPrivilegedPrincipals, owners };
    if (owners.length > ctx.params.maxPrivilegedPrincipals) return fail('tooMany', evidence, data);
    return ancestorsUnknown(chain, evidence, data) ?? pass('withinLimit', evidence, data);
  },
});

/** Distinct principals holding roles/owner; deleted principals (`deleted:…`) can no longer act. */
function ownersOf(bindings: readonly GcpBinding[]): string[] {
  const owners = new Set<string>();
  for (const { role, members } of bindings)
    if (role === OWNER) for (const member of members) if (!member.startsWith('deleted:')) owners.add(member);
  return [...owners];
}
