import { type CommonFacts, factOf } from '../../../model/facts.ts';
import { DATA_HANDLING_TYPES } from '../../../model/resource.ts';
import { storeKeyVerdict } from '../../aws/lib/related.ts';
import { defineCheck, fail, notApplicable, pass, undetermined } from '../../check.ts';
import { CLASS_UNREADABLE, classUnreadable, TAGS_UNRECORDED } from '../lib/classification.ts';

/** CLS-1: data of classification 2 and above is encrypted at rest with a customer-managed key. */
export default defineCheck<
  CommonFacts,
  'notClassified' | 'customerKey' | 'providerKey' | 'unknown' | 'classUnreadable' | 'tagsUnrecorded'
>({
  meta: {
    id: 'common.classification.cmk-at-rest',
    provider: 'any',
    resourceTypes: [...DATA_HANDLING_TYPES],
    severity: 'high',
    title: {
      ja: '機密性 2 以上の情報を扱うリソースが利用者管理の鍵で暗号化されている',
      en: 'Resources holding classification-2+ data are encrypted with a customer-managed key',
    },
    rationale: {
      ja: '機密性 2 以上の情報は、クラウド事業者ではなく利用者が管理する鍵で保存時に暗号化することが求められます（神戸市方針 4(3)、国の基本方針 3.3 2)(3)）。鍵を無効化すればデータを読めなくでき、事業者側からのアクセスも統制できます。',
      en: 'Classification-2+ data must be encrypted at rest with keys the customer, not the provider, controls (Kobe policy 4(3), national policy §3.3 2)(3)): disabling the key makes the data unreadable and controls provider access.',
    },
    remediation: {
      ja: 'キー管理サービス（AWS KMS のカスタマー管理キー、Azure Key Vault、Cloud KMS）に鍵を作成し、リソースの暗号化設定でその鍵を指定してください（例: aws s3api put-bucket-encryption、az storage account update --encryption-key-source Microsoft.Keyvault、gcloud storage buckets update --default-encryption-key）。',
      en: 'Create a key in the key-management service (AWS KMS customer managed key, Azure Key Vault, Cloud KMS) and set it in the resource’s encryption settings (e.g. aws s3api put-bucket-encryption, az storage account update --encryption-key-source Microsoft.Keyvault, gcloud storage buckets update --default-encryption-key).',
    },
    messages: {
      notClassified: {
        ja: '機密性{{classification}}のため対象外です',
        en: 'Classification {{classification}}: not required',
      },
      customerKey: {
        ja: '機密性{{classification}}の情報が利用者管理の鍵で暗号化されています',
        en: 'Classification-{{classification}} data is encrypted with a customer-managed key',
      },
      providerKey: {
        ja: '機密性{{classification}}の情報が利用者管理の鍵で暗号化されていません（事業者管理の鍵または暗号化なし）',
        en: 'Classification-{{classification}} data is not encrypted with a customer-managed key (provider-managed key or none)',
      },
      unknown: {
        ja: '機密性{{classification}}の情報ですが、エクスポートから暗号化の鍵の管理者を判断できません',
        en: 'Classification-{{classification}} data, but the export does not show who manages its encryption key',
      },
      classUnreadable: CLASS_UNREADABLE,
      tagsUnrecorded: TAGS_UNRECORDED,
    },
  },
  evaluate(resource, { classification, inventory }) {
    const evidence = classification(resource);
    if (evidence.source === 'unknown') return classUnreadable(evidence);
    const data = { classification: evidence.value };
    if (evidence.value < 2) return notApplicable('notClassified', [evidence], data);
    const byKey = storeKeyVerdict(resource, inventory);
    if (!byKey || byKey.value === undefined) {
      const shown = byKey?.evidence ?? [factOf(resource.facts.customerManagedKey, 'customerManagedKey')];
      return undetermined('unknown', [evidence, ...shown], data);
    }
    return byKey.value
      ? pass('customerKey', [evidence, ...byKey.evidence], data)
      : fail('providerKey', [evidence, ...byKey.evidence], data);
  },
});
