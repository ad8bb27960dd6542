import { factOf } from '../../../model/facts.ts';
import type { GcpBucketFacts } from '../../../model/gcp.ts';
import { defineCheck } from '../../check.ts';
import { decideOnFact, ENABLED_MESSAGES, isOn } from '../../verdict.ts';

export default defineCheck<GcpBucketFacts, 'enabled' | 'disabled' | 'unknown'>({
  meta: {
    id: 'gcp.storage.bucket-uniform-access',
    provider: 'gcp',
    resourceTypes: ['storage.bucket'],
    severity: 'medium',
    title: {
      ja: 'Cloud Storage バケットで均一なバケットレベルのアクセスが有効になっている',
      en: 'Cloud Storage buckets use uniform bucket-level access',
    },
    rationale: {
      ja: '均一なバケットレベルのアクセスが無効だと、IAM とは別にオブジェクト単位の ACL で公開できてしまい、公開状態を IAM だけでは把握・統制できません。',
      en: 'Without uniform bucket-level access, object ACLs can grant access (including public access) outside IAM, so IAM alone no longer shows or controls who can read the data.',
    },
    remediation: {
      ja: 'gcloud storage buckets update gs://<バケット名> --uniform-bucket-level-access を実行します（コンソール: Cloud Storage > バケット > 権限 > アクセス制御 >「均一に切り替える」）。組織全体には組織のポリシー storage.uniformBucketLevelAccess を適用します。',
      en: 'Run gcloud storage buckets update gs://<bucket> --uniform-bucket-level-access (console: Cloud Storage > Buckets > Permissions > Access control > "Switch to uniform"). Enforce it organization-wide with the organization policy storage.uniformBucketLevelAccess.',
    },
    messages: {
      enabled: {
        ja: '均一なバケットレベルのアクセスが有効です',
        en: 'Uniform bucket-level access is enabled',
      },
      disabled: {
        ja: '均一なバケットレベルのアクセスが無効です（オブジェクト ACL が有効）',
        en: 'Uniform bucket-level access is disabled (object ACLs apply)',
      },
      unknown: {
        ja: 'エクスポートから均一なバケットレベルのアクセスの設定を判断できません',
        en: 'The export does not show whether uniform bucket-level access is enabled',
      },
    },
    references: ['https://cloud.google.com/storage/docs/uniform-bucket-level-access'],
  },
  evaluate(bucket) {
    return decideOnFact(
      factOf(
        bucket.facts.uniformBucketLevelAccess,
        'resource.data.iamConfiguration.uniformBucketLevelAccess.enabled',
      ),
      isOn,
      ENABLED_MESSAGES,
    );
  },
});
