import type { AwsCloudTrailFacts } from '../../../model/aws.ts';
import { unknown } from '../../../model/fact.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck, type Evidence, fail, pass, undetermined } from '../../check.ts';
import { evidenceFrom } from '../related.ts';

/** Config records a trail's settings, not whether it is logging: the report says so beside every PASS. */
const IS_LOGGING_NOT_RECORDED = unknown<boolean>('IsLogging', {
  ja: 'ログ記録中かどうか（IsLogging）は AWS Config に記録されません: aws cloudtrail get-trail-status --name <証跡名> で確認してください',
  en: 'whether the trail is logging (IsLogging) is not recorded by AWS Config: confirm with aws cloudtrail get-trail-status --name <trail>',
});

export default defineCheck<object, 'multiRegion' | 'noMultiRegion' | 'noTrails' | 'unknownScope'>({
  meta: {
    id: 'aws.cloudtrail.multi-region-trail',
    provider: 'aws',
    resourceTypes: ['account'],
    severity: 'high',
    title: {
      ja: 'アカウントに全リージョンを対象とする CloudTrail 証跡がある',
      en: 'The account has a multi-Region CloudTrail trail',
    },
    rationale: {
      ja: '監査ログは既定では 90 日分のイベント履歴しか残りません。全リージョンの証跡がないと、使っていないリージョンでの不正な操作を追跡できません。',
      en: 'Without a trail only 90 days of event history are kept; without a multi-Region trail, activity in Regions you do not use goes unrecorded.',
    },
    remediation: {
      ja: 'aws cloudtrail create-trail --name org-audit --s3-bucket-name <バケット> --is-multi-region-trail --enable-log-file-validation を実行し、aws cloudtrail start-logging --name org-audit で記録を開始します（既存の証跡は aws cloudtrail update-trail --name <証跡名> --is-multi-region-trail）。',
      en: 'Run aws cloudtrail create-trail --name org-audit --s3-bucket-name <bucket> --is-multi-region-trail --enable-log-file-validation, then aws cloudtrail start-logging --name org-audit (for an existing trail: aws cloudtrail update-trail --name <trail> --is-multi-region-trail).',
    },
    messages: {
      multiRegion: {
        ja: '全リージョン対象の証跡 {{trail}} があります（記録中かどうかは別途確認が必要です）',
        en: 'Multi-Region trail {{trail}} exists (whether it is logging must be confirmed separately)',
      },
      noMultiRegion: {
        ja: '証跡 {{trails}} はいずれも単一リージョンのみを対象としています',
        en: 'Trails {{trails}} all cover a single Region only',
      },
      noTrails: {
        ja: 'エクスポートに CloudTrail 証跡（AWS::CloudTrail::Trail）がないため判断できません（Config が証跡を記録していれば、証跡がありません）',
        en: 'Cannot tell: no CloudTrail trail (AWS::CloudTrail::Trail) in the export (if Config records trails, the account has none)',
      },
      unknownScope: {
        ja: '証跡 {{trails}} が全リージョン対象かどうかがエクスポートから分かりません',
        en: 'The export does not show whether trails {{trails}} cover all Regions',
      },
    },
    references: [
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
    ],
  },
  evaluate(resource, ctx) {
    const trails = ctx.inventory.inAccount(
      'aws',
      resource.account,
      'audit.trail',
    ) as Resource<AwsCloudTrailFacts>[];
    if (trails.length === 0) {
      return undetermined('noTrails', [
        unknown('configurationItems[resourceType=AWS::CloudTrail::Trail]', {
          ja: 'CloudTrail 証跡の設定項目がエクスポートにありません',
          en: 'no CloudTrail trail configuration item in the export',
        }),
      ]);
    }
    const scopes = trails.map((trail) => ({
      trail,
      multiRegion: factOf(trail.facts.isMultiRegionTrail, 'configuration.isMultiRegionTrail'),
    }));
    const multi = scopes.find((scope) => scope.multiRegion.value === true);
    if (multi) {
      return pass('multiRegion', [evidenceFrom(multi.trail, multi.multiRegion), IS_LOGGING_NOT_RECORDED], {
        trail: multi.trail.name,
      });
    }
    const evidence: Evidence[] = scopes.map((scope) => evidenceFrom(scope.trail, scope.multiRegion));
    const data = { trails: trails.map((trail) => trail.name) };
    return scopes.some((scope) => scope.multiRegion.source === 'unknown')
      ? undetermined('unknownScope', evidence, data)
      : fail('noMultiRegion', evidence, data);
  },
});
