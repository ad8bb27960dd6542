import type { AwsRdsInstanceFacts } from '../../../model/aws.ts';
import { type Fact, unknown } from '../../../model/fact.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck, type InventoryView } from '../../check.ts';
import { decideOnFact } from '../../verdict.ts';
import { clusterSetting, knownSetting } from '../lib/related.ts';

export default defineCheck<AwsRdsInstanceFacts, 'backedUp' | 'noBackup' | 'unknown'>({
  meta: {
    id: 'aws.rds.instance-backup',
    provider: 'aws',
    resourceTypes: ['database.instance'],
    severity: 'medium',
    title: {
      ja: 'RDS DB インスタンスの自動バックアップが有効で、組織の定める世代数以上を保持している',
      en: 'RDS DB instances have automated backups on, kept for at least the required number of generations',
    },
    rationale: {
      ja: 'バックアップ保持期間が 0 日だと自動バックアップとポイントインタイムリカバリが無効になり、誤操作や障害からデータを復旧できません。',
      en: 'A backup retention period of 0 days turns off automated backups and point-in-time recovery: data cannot be restored after a mistake or failure.',
    },
    remediation: {
      ja: 'aws rds modify-db-instance --db-instance-identifier <インスタンス名> --backup-retention-period 7 --apply-immediately を実行します（1〜35 日。コンソール: RDS → 対象 →「変更」→「バックアップ」）。',
      en: 'Run aws rds modify-db-instance --db-instance-identifier <instance> --backup-retention-period 7 --apply-immediately (1–35 days; console: RDS → the instance → Modify → Backup).',
    },
    messages: {
      backedUp: {
        ja: 'DB インスタンス {{db}} の自動バックアップは {{value}} 日保持されます',
        en: 'DB instance {{db}} keeps automated backups for {{value|day|days}}',
      },
      noBackup: {
        ja: 'DB インスタンス {{db}} の自動バックアップが無効か保持が足りません（保持期間 {{value}} 日、必要 {{min}} 日以上）',
        en: 'DB instance {{db}} has automated backups off or kept too briefly (retention {{value|day|days}}, {{min}} or more required)',
      },
      unknown: {
        ja: 'DB インスタンス {{db}} のバックアップ保持期間がエクスポートにありません',
        en: 'The export does not show the backup retention of DB instance {{db}}',
      },
    },
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
    ],
  },
  evaluate(resource, ctx) {
    // Daily automated backups: a retention of N days keeps N generations (national policy
    // 3.5 3)(2) asks for several: minBackupGenerations 2 there, 1 elsewhere).
    const min = ctx.params.minBackupGenerations;
    const meets = (days: number) => days >= min;
    // An Aurora or Multi-AZ DB cluster keeps its instances' backups ("Amazon Aurora: Not
    // applicable" to an instance's BackupRetentionPeriod).
    const own =
      clusterSetting(resource, ctx.inventory, 'backupRetentionPeriod') ??
      factOf(resource.facts.backupRetentionPeriod, 'configuration.backupRetentionPeriod');
    // RDS keeps no automated backups of a PostgreSQL, Oracle or SQL Server read replica, and a
    // MySQL or MariaDB replica's are optional: a replica's data is backed up on its source, whose
    // retention decides where the replica's own falls short.
    const source = resource.facts.replicaOf;
    const retention =
      source?.source === 'explicit' && !(own.source !== 'unknown' && meets(own.value))
        ? sourceRetention(source.value, ctx.inventory)
        : own;
    return decideOnFact(
      retention,
      meets,
      { pass: 'backedUp', fail: 'noBackup', unknown: 'unknown' },
      { db: resource.name, min },
    );
  },
});

/** The backup retention of a read replica's source instance, as its evidence; unknown where the inventory does not hold it. */
function sourceRetention(sourceArn: string, inventory: InventoryView): Fact<number> {
  const source = inventory.byId('aws', sourceArn) as Resource<AwsRdsInstanceFacts> | undefined;
  return (
    knownSetting(source, 'backupRetentionPeriod') ??
    unknown('configuration.readReplicaSourceDBInstanceIdentifier', {
      ja: `リードレプリカのデータは複製元 ${sourceArn} の自動バックアップで保護されますが、複製元の保持期間がエクスポートにありません`,
      en: `a read replica's data is backed up on its source ${sourceArn}, whose retention the export does not show`,
    })
  );
}
