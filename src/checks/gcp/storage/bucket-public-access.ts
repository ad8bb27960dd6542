import type { Fact } from '../../../model/fact.ts';
import { factOf } from '../../../model/facts.ts';
import type { GcpBucketFacts, GcpPublicGrant } from '../../../model/gcp.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';
import { missingData } from '../../missing-data.ts';
import { describeGrants } from '../lib/grants.ts';

type Message =
  | 'preventionEnforced'
  | 'notPublic'
  | 'publicBinding'
  | 'publicAcl'
  | 'noIamPolicy'
  | 'aclUnknown';

export default defineCheck<GcpBucketFacts, Message>({
  meta: {
    id: 'gcp.storage.bucket-public-access',
    provider: 'gcp',
    resourceTypes: ['storage.bucket'],
    severity: 'critical',
    title: {
      ja: 'Cloud Storage バケットがインターネットに公開されていない',
      en: 'Cloud Storage buckets are not publicly accessible',
    },
    rationale: {
      ja: 'allUsers や allAuthenticatedUsers への権限付与は、誰でも（Google アカウントがあれば誰でも）データを読めることを意味し、情報漏えいに直結します。公開アクセスの防止（enforced）はこれを確実に防ぎます。',
      en: 'A grant to allUsers or allAuthenticatedUsers lets anyone (anyone with a Google account) read the data: a direct data leak. Public access prevention ("enforced") blocks it reliably.',
    },
    remediation: {
      ja: 'gcloud storage buckets update gs://<バケット名> --public-access-prevention を実行し、gcloud storage buckets remove-iam-policy-binding gs://<バケット名> --member=allUsers --role=<ロール> で公開の付与を削除します（コンソール: Cloud Storage > バケット > 権限 >「公開アクセスの防止」）。組織全体には組織のポリシー storage.publicAccessPrevention を適用します。',
      en: 'Run gcloud storage buckets update gs://<bucket> --public-access-prevention and remove public grants with gcloud storage buckets remove-iam-policy-binding gs://<bucket> --member=allUsers --role=<role> (console: Cloud Storage > Buckets > Permissions > "Prevent public access"). Enforce it organization-wide with the organization policy storage.publicAccessPrevention.',
    },
    messages: {
      preventionEnforced: {
        ja: '公開アクセスの防止が適用（enforced）されています',
        en: 'Public access prevention is enforced',
      },
      notPublic: {
        ja: '公開の IAM 付与も公開の ACL もありません（公開アクセスの防止: {{prevention}}）',
        en: 'No public IAM grant and no public ACL (public access prevention: {{prevention}})',
      },
      publicBinding: {
        ja: 'IAM ポリシーが公開されています: {{grants}}',
        en: 'The IAM policy grants public access: {{grants}}',
      },
      publicAcl: {
        ja: 'ACL が公開されています: {{grants}}',
        en: 'An ACL grants public access: {{grants}}',
      },
      noIamPolicy: missingData(
        {
          ja: 'バケットの IAM ポリシーがエクスポートにないため公開の有無を判断できません（--content-type=iam-policy のエクスポートも渡してください）',
          en: 'The bucket IAM policy is not in the export, so public grants cannot be ruled out (also provide the --content-type=iam-policy export)',
        },
        'gcpIamPolicies',
      ),
      aclUnknown: {
        ja: '均一なバケットレベルのアクセスが無効で、エクスポートに ACL が含まれないため、ACL による公開の有無を判断できません',
        en: 'Uniform bucket-level access is off and the export has no ACLs, so public ACL grants cannot be ruled out',
      },
    },
    references: [
      'https://cloud.google.com/storage/docs/public-access-prevention',
      'https://cloud.google.com/storage/docs/access-control/making-data-public',
    ],
  },
  evaluate(bucket) {
    const { facts } = bucket;
    const prevention = factOf(
      facts.publicAccessPrevention,
      'resource.data.iamConfiguration.publicAccessPrevention',
    );
    const bindings = factOf(facts.publicBindings, 'iamPolicy.bindings');
    const uniform = factOf(
      facts.uniformBucketLevelAccess,
      'resource.data.iamConfiguration.uniformBucketLevelAccess.enabled',
    );
    const acl = factOf(facts.publicAcl, 'resource.data.acl');

    // Enforced prevention overrides every grant, IAM or ACL.
    if (prevention.value === 'enforced') return pass('preventionEnforced', [prevention]);
    if (hasGrants(bindings))
      return fail('publicBinding', [bindings, prevention], { grants: describeGrants(bindings.value) });
    // With uniform bucket-level access on, ACLs are not evaluated at all.
    const aclsApply = uniform.value !== true;
    if (aclsApply && hasGrants(acl))
      return fail('publicAcl', [acl, uniform, prevention], { grants: describeGrants(acl.value) });
    if (bindings.source === 'unknown') return undetermined('noIamPolicy', [bindings, prevention]);
    if (aclsApply && acl.source === 'unknown') return undetermined('aclUnknown', [uniform, acl, prevention]);
    return pass('notPublic', [bindings, uniform, ...(aclsApply ? [acl] : []), prevention], {
      prevention: prevention.value,
    });
  },
});

function hasGrants(fact: Fact<readonly GcpPublicGrant[]>): fact is Fact<readonly GcpPublicGrant[]> & {
  value: readonly GcpPublicGrant[];
} {
  return fact.value !== undefined && fact.value.length > 0;
}
