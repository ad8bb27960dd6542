import { factOf } from '../../../model/facts.ts';
import type { GcpLogBucketFacts } from '../../../model/gcp.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';

type Message = 'longEnough' | 'tooShort' | 'unknown';

export default defineCheck<GcpLogBucketFacts, Message>({
  meta: {
    id: 'gcp.logging.log-bucket-retention',
    provider: 'gcp',
    resourceTypes: ['audit.log-bucket'],
    severity: 'medium',
    title: {
      ja: 'Cloud Logging のログバケットがログを所定の日数（既定 365 日）以上保存する',
      en: 'Cloud Logging buckets keep logs for at least the required days (365 by default)',
    },
    rationale: {
      ja: '_Default バケットの保存期間は既定で 30 日しかなく、不正アクセスの発覚が遅れた場合に調査に必要なログが残りません。',
      en: 'The _Default bucket keeps logs for only 30 days by default, so logs needed to investigate a late-discovered intrusion are gone.',
    },
    remediation: {
      ja: 'gcloud logging buckets update <バケット> --location=<ロケーション> --retention-days=365 を実行します（コンソール: ロギング > ログ ストレージ > バケット > 編集 >「保持期間」）。ログを Cloud Storage に転送して長期保存する場合は、その保存設定を別途確認してください。',
      en: 'Run gcloud logging buckets update <bucket> --location=<location> --retention-days=365 (console: Logging > Logs Storage > bucket > Edit > "Retention period"). Where logs are routed to Cloud Storage for long-term keeping, confirm that retention separately.',
    },
    messages: {
      longEnough: {
        ja: '保存期間は {{days}} 日です（基準 {{required}} 日以上）',
        en: 'Keeps logs for {{days|day|days}} (at least {{required}} required)',
      },
      tooShort: {
        ja: '保存期間が {{days}} 日で、基準の {{required}} 日に足りません',
        en: 'Keeps logs for {{days|day|days}}, less than the required {{required}}',
      },
      unknown: {
        ja: 'エクスポートから保存期間を判断できません',
        en: 'The export does not show the retention period',
      },
    },
    references: [
      'https://cloud.google.com/logging/docs/buckets#custom-retention',
      'https://cloud.google.com/logging/quotas#logs_retention_periods',
    ],
  },
  evaluate(bucket, ctx) {
    const days = factOf(bucket.facts.retentionDays, 'resource.data.retentionDays');
    if (days.source === 'unknown') return undetermined('unknown', [days]);
    const data = { days: days.value, required: ctx.params.logRetentionDays };
    return days.value >= ctx.params.logRetentionDays
      ? pass('longEnough', [days], data)
      : fail('tooShort', [days], data);
  },
});
