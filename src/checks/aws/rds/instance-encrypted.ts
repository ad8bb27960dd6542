import type { AwsRdsInstanceFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { defineCheck } from '../../check.ts';
import { decideOnFact } from '../../verdict.ts';
import { clusterSetting } from '../lib/related.ts';

export default defineCheck<AwsRdsInstanceFacts, 'encrypted' | 'notEncrypted' | 'unknown'>({
  meta: {
    id: 'aws.rds.instance-encrypted',
    provider: 'aws',
    resourceTypes: ['database.instance'],
    severity: 'high',
    title: {
      ja: 'RDS DB インスタンスのストレージが暗号化されている',
      en: 'RDS DB instances have encrypted storage',
    },
    rationale: {
      ja: '暗号化されていないインスタンスは、ストレージ・自動バックアップ・スナップショットのデータが平文で保存されます。暗号化は作成後に有効にできません。',
      en: 'An unencrypted instance keeps its storage, automated backups and snapshots in clear; encryption cannot be turned on after creation.',
    },
    remediation: {
      ja: 'スナップショットを取得し、aws rds copy-db-snapshot --source-db-snapshot-identifier <スナップショット> --target-db-snapshot-identifier <コピー名> --kms-key-id <キー> で暗号化コピーを作り、aws rds restore-db-instance-from-db-snapshot で復元したインスタンスに切り替えます。',
      en: 'Take a snapshot, copy it encrypted with aws rds copy-db-snapshot --source-db-snapshot-identifier <snapshot> --target-db-snapshot-identifier <copy> --kms-key-id <key>, restore it with aws rds restore-db-instance-from-db-snapshot and switch over.',
    },
    messages: {
      encrypted: {
        ja: 'DB インスタンス {{db}} のストレージは暗号化されています',
        en: 'DB instance {{db}} has encrypted storage',
      },
      notEncrypted: {
        ja: 'DB インスタンス {{db}} のストレージが暗号化されていません',
        en: 'DB instance {{db}} has unencrypted storage',
      },
      unknown: {
        ja: 'DB インスタンス {{db}} の暗号化の有無がエクスポートにありません',
        en: 'The export does not show whether DB instance {{db}} is encrypted',
      },
    },
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html'],
  },
  evaluate(resource, ctx) {
    // An Aurora cluster encrypts its instances' storage ("Amazon Aurora: Not applicable" to an
    // instance's StorageEncrypted).
    const encrypted =
      clusterSetting(resource, ctx.inventory, 'encrypted') ??
      factOf(resource.facts.encrypted, 'configuration.storageEncrypted');
    return decideOnFact(
      encrypted,
      (value) => value,
      { pass: 'encrypted', fail: 'notEncrypted', unknown: 'unknown' },
      { db: resource.name },
    );
  },
});
