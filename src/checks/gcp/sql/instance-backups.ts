import { factOf } from '../../../model/facts.ts';
import type { GcpSqlInstanceFacts } from '../../../model/gcp.ts';
import { defineCheck, fail, notApplicable } from '../../check.ts';
import { decideOnFact, ENABLED_MESSAGES, isOn } from '../../verdict.ts';

type Message =
  | 'enabled'
  | 'disabled'
  | 'unknown'
  | 'replica'
  | 'unnamedPrimary'
  | 'tooFew'
  | 'externalServer';

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
      ja: 'Cloud SQL インスタンスで自動バックアップが有効で、組織の定める世代数以上を保持している',
      en: 'Cloud SQL instances have automated backups on, keeping at least the required number of generations',
    },
    rationale: {
      ja: '自動バックアップがないと、誤操作・障害・ランサムウェアからデータを復旧できず、ポイントインタイム リカバリも使えません。',
      en: 'Without automated backups, data cannot be restored after a mistake, a failure or ransomware, and point-in-time recovery is unavailable.',
    },
    remediation: {
      ja: 'gcloud sql instances patch <インスタンス> --backup-start-time=<HH:MM> を実行します（コンソール: SQL > インスタンス > 編集 > データ保護 >「自動バックアップ」をオン）。',
      en: 'Run gcloud sql instances patch <instance> --backup-start-time=<HH:MM> (console: SQL > instance > Edit > Data protection > "Automated backups" on).',
    },
    messages: {
      enabled: { ja: '自動バックアップが有効です', en: 'Automated backups are enabled' },
      disabled: { ja: '自動バックアップが無効です', en: 'Automated backups are off' },
      tooFew: {
        ja: '保持する自動バックアップが {{retained}} 世代で、必要な {{min}} 世代に足りません',
        en: 'Automated backups keep {{retained|generation|generations}}, fewer than the {{min}} required',
      },
      unknown: {
        ja: 'エクスポートから自動バックアップの設定を判断できません',
        en: 'The export does not show the automated backup setting',
      },
      replica: {
        ja: 'リードレプリカです（バックアップはプライマリ {{primary}} で評価します）',
        en: 'A read replica (backups are evaluated on its primary {{primary}})',
      },
      unnamedPrimary: {
        ja: 'レプリカです（バックアップはプライマリで評価します。プライマリはエクスポートに記載がありません）',
        en: 'A replica (backups are evaluated on its primary, which the export does not name)',
      },
      externalServer: {
        ja: '外部のデータベース サーバを表すインスタンス（{{type}}）です。Cloud SQL はそのデータを保持せず、バックアップはそのサーバ側で確認します',
        en: 'Stands for a database server outside Cloud SQL ({{type}}): Cloud SQL holds none of its data, so its backups are that server’s to check',
      },
    },
    references: ['https://cloud.google.com/sql/docs/mysql/backup-recovery/backups'],
  },
  evaluate(instance, ctx) {
    const external = instance.facts.externalServer;
    if (external) return notApplicable('externalServer', [external], { type: external.value });
    // Read replicas cannot have backups of their own.
    const primary = instance.facts.replicaOf;
    if (primary && primary.source !== 'unknown')
      return notApplicable('replica', [primary], { primary: primary.value });
    const replica = instance.facts.readReplica;
    if (replica?.value === true) return notApplicable('unnamedPrimary', [replica]);
    const enabled = decideOnFact(
      factOf(instance.facts.backupEnabled, 'resource.data.settings.backupConfiguration.enabled'),
      isOn,
      ENABLED_MESSAGES,
    );
    if (enabled.status !== 'PASS') return enabled;
    // Several generations (national policy 3.5 3)(2)): minBackupGenerations, 1 unless a framework asks more.
    const min = ctx.params.minBackupGenerations;
    const retained = factOf(
      instance.facts.retainedBackups,
      'resource.data.settings.backupConfiguration.backupRetentionSettings.retainedBackups',
    );
    if (retained.source !== 'unknown' && retained.value < min) {
      return fail('tooFew', [...enabled.evidence, retained], { retained: retained.value, min });
    }
    return { ...enabled, evidence: [...enabled.evidence, retained] };
  },
});
