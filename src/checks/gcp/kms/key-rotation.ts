import { factOf } from '../../../model/facts.ts';
import type { GcpCryptoKeyFacts } from '../../../model/gcp.ts';
import { defineCheck, fail, notApplicable, pass, undetermined } from '../../check.ts';

type Message =
  | 'rotated'
  | 'noRotation'
  | 'tooLong'
  | 'notSymmetric'
  | 'externalKey'
  | 'importOnly'
  | 'externalVpcKey'
  | 'unknown';

/** OSK-6.1 and the CIS benchmark both ask for rotation at least once a year. */
const SECONDS_PER_DAY = 86_400;

export default defineCheck<GcpCryptoKeyFacts, Message>({
  meta: {
    id: 'gcp.kms.key-rotation',
    provider: 'gcp',
    resourceTypes: ['kms.key'],
    severity: 'medium',
    title: {
      ja: 'Cloud KMS の暗号鍵が組織の定める日数（既定 365 日）以内の周期で自動ローテーションされる',
      en: "Cloud KMS keys rotate automatically within the organisation's limit (365 days by default)",
    },
    rationale: {
      ja: '鍵を定期的に更新すると、1 つの鍵で暗号化されるデータ量が減り、鍵が漏えいした場合の影響を限定できます。Cloud KMS の鍵は既定では自動ローテーションされません。',
      en: 'Rotating keys regularly limits the data encrypted under one key version and the impact of a compromised key. Cloud KMS keys do not rotate automatically by default.',
    },
    remediation: {
      ja: 'gcloud kms keys update <鍵> --keyring=<キーリング> --location=<ロケーション> --rotation-period=90d --next-rotation-time=<日時> を実行します（コンソール: セキュリティ > Key Management > キーリング > 鍵 > 編集 >「ローテーション期間」）。',
      en: 'Run gcloud kms keys update <key> --keyring=<ring> --location=<location> --rotation-period=90d --next-rotation-time=<time> (console: Security > Key Management > key ring > key > Edit > "Rotation period").',
    },
    messages: {
      rotated: {
        ja: '{{days}} 日ごとに自動ローテーションされます',
        en: 'Rotates automatically every {{days|day|days}}',
      },
      noRotation: {
        ja: '自動ローテーションが設定されていません',
        en: 'No automatic rotation is set',
      },
      tooLong: {
        ja: 'ローテーション周期が {{days}} 日で、{{max}} 日を超えています',
        en: 'The rotation period is {{days|day|days}}, longer than {{max|day|days}}',
      },
      notSymmetric: {
        ja: '用途 {{purpose}} の鍵は自動ローテーションに対応していません（対象外）',
        en: 'Keys with purpose {{purpose}} do not support automatic rotation (not applicable)',
      },
      externalKey: {
        ja: '外部鍵マネージャーの鍵（保護レベル EXTERNAL）は Cloud KMS で自動ローテーションできません。鍵素材のローテーションは外部鍵マネージャー側で行います（対象外）',
        en: 'A key held by an external key manager (protection level EXTERNAL) cannot rotate automatically in Cloud KMS; its material is rotated in the external key manager (not applicable)',
      },
      importOnly: {
        ja: 'インポート専用の鍵（importOnly）はインポートした鍵素材のバージョンだけを持ち、Cloud KMS で自動ローテーションできません。新しい鍵素材をインポートして手動でローテーションします（対象外）',
        en: 'An import-only key (importOnly) holds imported key material only and cannot rotate automatically in Cloud KMS; rotate it by importing new key material (not applicable)',
      },
      externalVpcKey: {
        ja: '保護レベル EXTERNAL_VPC の鍵に自動ローテーションが設定されていません。自動ローテーションできるのは EKM 接続の鍵管理モードが CLOUD_KMS（連携）の場合だけで、鍵のデータからはモードがわかりません',
        en: 'No automatic rotation is set on an EXTERNAL_VPC key; only keys whose EKM connection is in the CLOUD_KMS (coordinated) key management mode can rotate automatically, and the key does not show the mode',
      },
      unknown: {
        ja: 'エクスポートから鍵の用途またはローテーション周期を判断できません',
        en: 'The export does not show the key purpose or rotation period',
      },
    },
    references: [
      'https://cloud.google.com/kms/docs/key-rotation',
      'https://cloud.google.com/kms/docs/reference/rest/v1/projects.locations.keyRings.cryptoKeys',
      'https://cloud.google.com/kms/docs/reference/rest/v1/projects.locations.ekmConnections#keymanagementmode',
    ],
  },
  evaluate(key, ctx) {
    const maxDays = ctx.params.maxKeyRotationDays;
    const purpose = factOf(key.facts.purpose, 'resource.data.purpose');
    const period = factOf(key.facts.rotationPeriodSeconds, 'resource.data.rotationPeriod');
    if (purpose.source === 'unknown') return undetermined('unknown', [purpose]);
    // Only symmetric encryption keys rotate automatically.
    if (purpose.value !== 'ENCRYPT_DECRYPT')
      return notApplicable('notSymmetric', [purpose], { purpose: purpose.value });
    if (period.source === 'unknown') return undetermined('unknown', [period]);
    if (period.value === null) {
      // An import-only key holds imported versions only, and a rotation is a version Cloud KMS
      // generates: its material is rotated by importing a new version, as AWS's imported keys.
      const importOnly = factOf(key.facts.importOnly, 'resource.data.importOnly');
      if (importOnly.source === 'unknown') return undetermined('unknown', [period, importOnly]);
      if (importOnly.value) return notApplicable('importOnly', [purpose, importOnly]);
      // Cloud EKM: keys over the internet are always managed in the external key manager, which
      // Cloud KMS cannot rotate; over VPC, only an EKM connection in coordinated (CLOUD_KMS) mode
      // can, and that mode is the connection's, not the key's.
      const level = factOf(key.facts.protectionLevel, 'resource.data.versionTemplate.protectionLevel');
      if (level.source === 'unknown') return undetermined('unknown', [period, level]);
      if (level.value === 'EXTERNAL') return notApplicable('externalKey', [purpose, level]);
      if (level.value === 'EXTERNAL_VPC') return undetermined('externalVpcKey', [period, level]);
      return fail('noRotation', [period]);
    }
    // The period itself decides (7776002s is over 90 days); the message rounds it to a tenth, up
    // when too long, so that it never reads as the limit.
    const days = period.value / SECONDS_PER_DAY;
    if (days > maxDays) return fail('tooLong', [period], { days: Math.ceil(days * 10) / 10, max: maxDays });
    return pass('rotated', [period], { days: Math.round(days * 10) / 10 });
  },
});
