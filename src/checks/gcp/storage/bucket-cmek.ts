import { factOf } from '../../../model/facts.ts';
import type { GcpBucketFacts } from '../../../model/gcp.ts';
import { defineCheck } from '../../check.ts';
import { decideOnFact, ENABLED_MESSAGES, isOn } from '../../verdict.ts';

export default defineCheck<GcpBucketFacts, 'enabled' | 'disabled' | 'unknown'>({
  meta: {
    id: 'gcp.storage.bucket-cmek',
    provider: 'gcp',
    resourceTypes: ['storage.bucket'],
    severity: 'low',
    title: {
      ja: 'Cloud Storage バケットが顧客管理の暗号鍵（CMEK）で暗号化されている',
      en: 'Cloud Storage buckets are encrypted with a customer-managed key (CMEK)',
    },
    rationale: {
      ja: '既定では Google が管理する鍵で暗号化され、鍵の管理（ローテーション、無効化、アクセス制御）を組織が行えません。ガイドラインは鍵を組織が管理することを求めています。',
      en: 'By default data is encrypted with Google-managed keys, so the organization cannot rotate, disable or control access to the key; the guidelines ask for keys the organization manages.',
    },
    remediation: {
      ja: 'gcloud storage buckets update gs://<バケット名> --default-encryption-key=projects/<プロジェクト>/locations/<リージョン>/keyRings/<キーリング>/cryptoKeys/<鍵> を実行します（コンソール: Cloud Storage > バケット > 構成 > 暗号化の種類 >「Cloud KMS 鍵」）。既存オブジェクトは再書き込みで新しい鍵に切り替わります。',
      en: 'Run gcloud storage buckets update gs://<bucket> --default-encryption-key=projects/<project>/locations/<region>/keyRings/<ring>/cryptoKeys/<key> (console: Cloud Storage > Buckets > Configuration > Encryption type > "Cloud KMS key"). Existing objects switch keys when rewritten.',
    },
    messages: {
      enabled: {
        ja: '既定の暗号鍵に Cloud KMS の顧客管理鍵が設定されています',
        en: 'A customer-managed Cloud KMS key is the default encryption key',
      },
      disabled: {
        ja: '顧客管理鍵が設定されていません（Google 管理の鍵で暗号化）',
        en: 'No customer-managed key is set (encrypted with Google-managed keys)',
      },
      unknown: {
        ja: 'エクスポートからバケットの暗号鍵を判断できません',
        en: 'The export does not show the bucket encryption key',
      },
    },
    references: [
      'https://cloud.google.com/storage/docs/encryption/customer-managed-keys',
      'https://cloud.google.com/storage/docs/encryption/default-keys',
    ],
  },
  evaluate(bucket) {
    return decideOnFact(
      factOf(bucket.facts.customerManagedKey, 'resource.data.encryption.defaultKmsKeyName'),
      isOn,
      ENABLED_MESSAGES,
    );
  },
});
