import { factOf } from '../../../model/facts.ts';
import type { GcpSqlInstanceFacts } from '../../../model/gcp.ts';
import { defineCheck, notApplicable } from '../../check.ts';
import { decideOnFact, ENABLED_MESSAGES, isOn } from '../../verdict.ts';

type Message = 'enabled' | 'disabled' | 'unknown' | 'replica';

const SQL_INSTANCE = 'sqladmin.googleapis.com/Instance';

export default defineCheck<GcpSqlInstanceFacts, Message>({
  meta: {
    id: 'gcp.sql.instance-backups',
    provider: 'gcp',
    resourceTypes: ['database.instance'],
    // BigQuery datasets are `database.instance` too.
    nativeTypes: [SQL_INSTANCE],
    severity: 'medium',
    title: {
      ja: 'Cloud SQL インスタンスで自動バックアップが有効になっている',
      en: 'Cloud SQL instances have automated backups enabled',
    },
    rationale: {
      ja: '自動バックアップがないと、誤操作・障害・ランサムウェアからデータを復旧できず、ポイントインタイム リカバリも使えません。',
      en: 'Without automated backups, data cannot be restored after a mistake, a failure or ransomware, and point-in-time recovery is unavailable.',
    },
    remediation: {
      ja: 'gcloud sql instances patch <インスタンス> --backup-start-time=<HH:MM> を実行します (コンソール: SQL > インスタンス > 編集 > データ保護 >「自動バックアップ」をオン)。',
      en: 'Run gcloud sql instances patch <instance> --backup-start-time=<HH:MM> (console: SQL > instance > Edit > Data protection > "Automated backups" on).',
    },
    messages: {
      enabled: { ja: '自動バックアップが有効です', en: 'automated backups are enabled' },
      disabled: { ja: '自動バックアップが無効です', en: 'automated backups are off' },
      unknown: {
        ja: 'エクスポートから自動バックアップの設定を判断できません',
        en: 'the export does not show the automated backup setting',
      },
      replica: {
        ja: 'リードレプリカです (バックアップはプライマリ {{primary}} で評価します)',
        en: 'a read replica (backups are evaluated on its primary {{primary}})',
      },
    },
    references: ['https://cloud.google.com/sql/docs/mysql/backup-recovery/backups'],
  },
  evaluate(instance) {
    // Read replicas cannot have backups of their own.
    const primary = instance.facts.replicaOf;
    if (primary && primary.source !== 'unknown')
      return notApplicable('replica', [primary], { primary: primary.value });
    return decideOnFact(
      factOf(instance.facts.backupEnabled, 'resource.data.settings.backupConfiguration.enabled'),
      isOn,
      ENABLED_MESSAGES,
    );
  },
});
