import type { AwsLogGroupFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { defineCheck, fail, notApplicable, pass, undetermined } from '../../check.ts';

/**
 * The Delivery class keeps events one day only, on their way to S3 or Firehose: the group holds
 * no log to keep, and the destination's own retention (an S3 lifecycle) is what keeps them.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CloudWatch_Logs_Log_Classes.html
 */
const DELIVERY_CLASS = 'DELIVERY';

export default defineCheck<
  AwsLogGroupFacts,
  'retained' | 'neverExpires' | 'tooShort' | 'deliveryClass' | 'unknown'
>({
  meta: {
    id: 'aws.logs.log-group-retention',
    provider: 'aws',
    resourceTypes: ['monitoring.log-group'],
    severity: 'medium',
    title: {
      ja: 'CloudWatch Logs のロググループを必要な日数（既定 365 日）以上保存する',
      en: 'CloudWatch Logs log groups keep events for the required days (365 by default)',
    },
    rationale: {
      ja: '保存期間が短いと、インシデントの発覚時に調査に必要なログが既に削除されています（神戸市基準: 1 年以上）。',
      en: 'With a short retention, the logs an investigation needs are gone by the time an incident comes to light (Kobe standard: one year or more).',
    },
    remediation: {
      ja: 'aws logs put-retention-policy --log-group-name <ロググループ名> --retention-in-days 400 を実行します（365 以上の許可値: 365、400、545、731、1096、1827、2192、2557、2922、3288、3653。コンソール: CloudWatch →「ロググループ」→ 対象 →「アクション」→「保持設定を編集」）。',
      en: 'Run aws logs put-retention-policy --log-group-name <log group> --retention-in-days 400 (allowed values of 365 or more: 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653; console: CloudWatch → Log groups → the group → Actions → Edit retention setting).',
    },
    messages: {
      retained: {
        ja: 'ロググループ {{logGroup}} は {{days}} 日保存されます（必要: {{required}} 日）',
        en: 'Log group {{logGroup}} keeps events for {{days|day|days}} (required: {{required}})',
      },
      neverExpires: {
        ja: 'ロググループ {{logGroup}} は無期限に保存されます',
        en: 'Log group {{logGroup}} never expires its events',
      },
      tooShort: {
        ja: 'ロググループ {{logGroup}} の保存期間 {{days}} 日が必要な {{required}} 日より短いです',
        en: 'Log group {{logGroup}} keeps events for {{days|day|days}}, less than the required {{required}}',
      },
      deliveryClass: {
        ja: 'ロググループ {{logGroup}} は配信（Delivery）クラスで、CloudWatch Logs はイベントを 1 日だけ保持して S3 または Firehose に配信します（保存期間は配信先で確認してください）',
        en: 'Log group {{logGroup}} is of the Delivery class: CloudWatch Logs keeps its events one day on their way to S3 or Firehose (check the retention at the destination)',
      },
      unknown: {
        ja: 'ロググループ {{logGroup}} の保存期間がエクスポートにありません',
        en: 'The export does not show the retention of log group {{logGroup}}',
      },
    },
    references: [
      'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention',
    ],
  },
  evaluate(resource, ctx) {
    const required = ctx.params.logRetentionDays;
    const data = { logGroup: resource.name, required };
    const logGroupClass = resource.facts.logGroupClass;
    if (logGroupClass?.value === DELIVERY_CLASS) return notApplicable('deliveryClass', [logGroupClass], data);
    const retention = factOf(resource.facts.retentionInDays, 'configuration.RetentionInDays');
    if (retention.source === 'unknown') return undetermined('unknown', [retention], data);
    if (retention.value === null) return pass('neverExpires', [retention], data);
    const days = retention.value;
    return days >= required
      ? pass('retained', [retention], { ...data, days })
      : fail('tooShort', [retention], { ...data, days });
  },
});
