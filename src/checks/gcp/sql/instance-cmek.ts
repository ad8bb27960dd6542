import { factOf } from '../../../model/facts.ts';
import type { GcpSqlInstanceFacts } from '../../../model/gcp.ts';
import { defineCheck, notApplicable } from '../../check.ts';
import { decideOnFact, ENABLED_MESSAGES, isOn } from '../../verdict.ts';

const SQL_INSTANCE = 'sqladmin.googleapis.com/Instance';

export default defineCheck<GcpSqlInstanceFacts, 'enabled' | 'disabled' | 'unknown' | 'externalServer'>({
  meta: {
    id: 'gcp.sql.instance-cmek',
    provider: 'gcp',
    resourceTypes: ['database.instance'],
    // BigQuery datasets are `database.instance` too.
    nativeTypes: [SQL_INSTANCE],
    severity: 'low',
    title: {
      ja: 'Cloud SQL インスタンスが顧客管理の暗号鍵（CMEK）で暗号化されている',
      en: 'Cloud SQL instances are encrypted with a customer-managed key (CMEK)',
    },
    rationale: {
      ja: 'Cloud SQL のデータは常に暗号化されますが、既定の Google 管理の鍵では、組織が鍵のローテーション・無効化・アクセス制御を行えません。',
      en: 'Cloud SQL data is always encrypted, but with the default Google-managed keys the organization cannot rotate, disable or control access to the key.',
    },
    remediation: {
      ja: 'CMEK は作成時にのみ設定できます。gcloud sql instances create <インスタンス> --disk-encryption-key=projects/<プロジェクト>/locations/<リージョン>/keyRings/<キーリング>/cryptoKeys/<鍵> で新しいインスタンスを作り、データを移行します（コンソール: SQL > インスタンスを作成 > 詳細オプション >「データ暗号化」で Cloud KMS 鍵を選択）。',
      en: 'CMEK can only be set at creation: create a new instance with gcloud sql instances create <instance> --disk-encryption-key=projects/<project>/locations/<region>/keyRings/<ring>/cryptoKeys/<key> and migrate the data (console: SQL > Create instance > advanced options > "Data encryption": Cloud KMS key).',
    },
    messages: {
      enabled: { ja: '顧客管理の鍵で暗号化されています', en: 'Encrypted with a customer-managed key' },
      disabled: {
        ja: '顧客管理の鍵が設定されていません（Google 管理の鍵で暗号化）',
        en: 'No customer-managed key (encrypted with Google-managed keys)',
      },
      unknown: {
        ja: 'エクスポートからインスタンスの暗号鍵を判断できません',
        en: 'The export does not show the instance encryption key',
      },
      externalServer: {
        ja: '外部のデータベース サーバを表すインスタンス（{{type}}）です。Cloud SQL はそのデータを保存しません',
        en: 'Stands for a database server outside Cloud SQL ({{type}}): Cloud SQL stores none of its data',
      },
    },
    references: ['https://cloud.google.com/sql/docs/mysql/cmek'],
  },
  evaluate(instance) {
    const external = instance.facts.externalServer;
    if (external) return notApplicable('externalServer', [external], { type: external.value });
    return decideOnFact(
      factOf(instance.facts.customerManagedKey, 'resource.data.diskEncryptionConfiguration.kmsKeyName'),
      isOn,
      ENABLED_MESSAGES,
    );
  },
});
