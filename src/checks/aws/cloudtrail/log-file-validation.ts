import type { AwsCloudTrailFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';

export default defineCheck<AwsCloudTrailFacts, 'enabled' | 'disabled' | 'unknown'>({
  meta: {
    id: 'aws.cloudtrail.log-file-validation',
    provider: 'aws',
    resourceTypes: ['audit.trail'],
    severity: 'medium',
    title: {
      ja: 'CloudTrail 証跡のログファイル検証が有効',
      en: 'CloudTrail trails have log file validation enabled',
    },
    rationale: {
      ja: 'ログファイル検証（ダイジェストファイル）がないと、配信後に監査ログが改ざん・削除されても検出できません。',
      en: 'Without log file validation (digest files), audit logs altered or deleted after delivery go undetected.',
    },
    remediation: {
      ja: 'aws cloudtrail update-trail --name <証跡名> --enable-log-file-validation を実行します（コンソール: CloudTrail →「証跡」→ 対象 →「全般的な詳細」→「ログファイルの検証」を有効）。',
      en: 'Run aws cloudtrail update-trail --name <trail> --enable-log-file-validation (console: CloudTrail → Trails → the trail → General details → Log file validation: Enabled).',
    },
    messages: {
      enabled: {
        ja: '証跡 {{trail}} のログファイル検証は有効です',
        en: 'Trail {{trail}} has log file validation enabled',
      },
      disabled: {
        ja: '証跡 {{trail}} のログファイル検証が無効です',
        en: 'Trail {{trail}} has log file validation disabled',
      },
      unknown: {
        ja: '証跡 {{trail}} のログファイル検証の設定がエクスポートにありません',
        en: 'The export does not show log file validation for trail {{trail}}',
      },
    },
    references: [
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html',
    ],
  },
  evaluate(resource) {
    const data = { trail: resource.name };
    const validation = factOf(
      resource.facts.logFileValidationEnabled,
      'configuration.logFileValidationEnabled',
    );
    if (validation.source === 'unknown') return undetermined('unknown', [validation], data);
    return validation.value ? pass('enabled', [validation], data) : fail('disabled', [validation], data);
  },
});
