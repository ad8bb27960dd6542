import type { AwsRdsInstanceFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';
import { missingData } from '../../missing-data.ts';
import { decideOnFact } from '../../verdict.ts';
import { clusterOf } from '../lib/related.ts';

type Message =
  | 'exported'
  | 'notExported'
  | 'unknown'
  | 'clusterExported'
  | 'clusterNotExported'
  | 'clusterNotInExport';

export default defineCheck<AwsRdsInstanceFacts, Message>({
  meta: {
    id: 'aws.rds.instance-log-exports',
    provider: 'aws',
    resourceTypes: ['database.instance'],
    severity: 'medium',
    title: {
      ja: 'RDS DB インスタンスのデータベースログが CloudWatch Logs に発行されている',
      en: 'RDS DB instances publish their database logs to CloudWatch Logs',
    },
    rationale: {
      ja: 'データベースの監査・エラーログを CloudWatch Logs に発行しないと、ログはインスタンス上で短期間しか残らず、不正なアクセスを追跡できません（監査ログ自体はエンジンごとの設定: pgaudit、MariaDB 監査プラグイン等）。',
      en: 'Database audit and error logs not published to CloudWatch Logs stay on the instance only briefly, so unauthorised access cannot be traced (audit logging itself is per engine: pgaudit, the MariaDB audit plugin, …).',
    },
    remediation: {
      ja: 'aws rds modify-db-instance --db-instance-identifier <インスタンス名> --cloudwatch-logs-export-configuration \'{"EnableLogTypes":["postgresql"]}\' を実行します（エンジンに応じて audit、error、general、slowquery 等。コンソール: RDS → 対象 →「変更」→「ログのエクスポート」）。',
      en: 'Run aws rds modify-db-instance --db-instance-identifier <instance> --cloudwatch-logs-export-configuration \'{"EnableLogTypes":["postgresql"]}\' (audit, error, general, slowquery, … by engine; console: RDS → the instance → Modify → Log exports).',
    },
    messages: {
      exported: {
        ja: 'DB インスタンス {{db}} はログ（{{value}}）を CloudWatch Logs に発行しています',
        en: 'DB instance {{db}} publishes logs ({{value}}) to CloudWatch Logs',
      },
      notExported: {
        ja: 'DB インスタンス {{db}} はログを CloudWatch Logs に発行していません',
        en: 'DB instance {{db}} publishes no log to CloudWatch Logs',
      },
      unknown: {
        ja: 'DB インスタンス {{db}} のログ発行設定がエクスポートにありません',
        en: 'The export does not show the log exports of DB instance {{db}}',
      },
      clusterExported: {
        ja: 'DB インスタンス {{db}} のログはクラスター {{cluster}} が CloudWatch Logs に発行しています（{{value}}）',
        en: 'The logs of DB instance {{db}} are published to CloudWatch Logs by its cluster {{cluster}} ({{value}})',
      },
      clusterNotExported: {
        ja: 'DB インスタンス {{db}} のクラスター {{cluster}} はログを CloudWatch Logs に発行していません',
        en: 'The cluster {{cluster}} of DB instance {{db}} publishes no log to CloudWatch Logs',
      },
      clusterNotInExport: missingData(
        {
          ja: 'DB インスタンス {{db}} のログ発行はクラスター {{cluster}} の設定ですが、クラスターがエクスポートにありません',
          en: 'The log exports of DB instance {{db}} are set on its cluster {{cluster}}, which is not in the export',
        },
        'awsConfigItems',
        {
          ja: 'DB インスタンス {{db}} のログ発行はクラスター {{cluster}} の設定です',
          en: 'The log exports of DB instance {{db}} are set on its cluster {{cluster}}',
        },
      ),
    },
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html',
    ],
  },
  evaluate(resource, { inventory }) {
    const exports = factOf(resource.facts.enabledLogExports, 'configuration.enabledCloudwatchLogsExports');
    // Aurora and Multi-AZ DB cluster instances publish the logs the cluster is set to publish.
    const cluster = resource.facts.clusterArn;
    const ownExports = exports.source !== 'unknown' && exports.value.length > 0;
    if (cluster?.source === 'explicit' && !ownExports) {
      const data = { db: resource.name, cluster: cluster.value };
      const clusterResource = clusterOf(resource, inventory);
      if (!clusterResource) return undetermined('clusterNotInExport', [cluster], data);
      const clusterExports = {
        ...factOf(clusterResource.facts.enabledLogExports, 'configuration.enabledCloudwatchLogsExports'),
        resourceId: clusterResource.id,
      };
      if (clusterExports.source === 'unknown')
        return undetermined('unknown', [cluster, clusterExports], data);
      return clusterExports.value.length > 0
        ? pass('clusterExported', [cluster, clusterExports], { ...data, value: clusterExports.value })
        : fail('clusterNotExported', [cluster, clusterExports], data);
    }
    return decideOnFact(
      exports,
      (types) => types.length > 0,
      { pass: 'exported', fail: 'notExported', unknown: 'unknown' },
      { db: resource.name },
    );
  },
});
