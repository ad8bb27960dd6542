import type { AwsS3BucketFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { defineCheck } from '../../check.ts';
import { decideOnFact } from '../../verdict.ts';

export default defineCheck<AwsS3BucketFacts, 'logged' | 'notLogged' | 'unknown'>({
  meta: {
    id: 'aws.s3.bucket-access-logging',
    provider: 'aws',
    resourceTypes: ['storage.bucket'],
    severity: 'low',
    title: {
      ja: 'S3 バケットのサーバーアクセスログが有効',
      en: 'S3 buckets have server access logging enabled',
    },
    rationale: {
      ja: 'サーバーアクセスログ（既定で無効）がないと、誰がいつどのオブジェクトを読んだかを調査できません（CloudTrail のデータイベントでも代替できます）。',
      en: 'Without server access logs (off by default) you cannot tell who read which object when (CloudTrail data events are an alternative).',
    },
    remediation: {
      ja: 'aws s3api put-bucket-logging --bucket <バケット名> --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<ログ用バケット>","TargetPrefix":"<バケット名>/"}}\' を実行します（コンソール: S3 → 対象 →「プロパティ」→「サーバーアクセスのログ記録」）。',
      en: 'Run aws s3api put-bucket-logging --bucket <bucket> --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<log bucket>","TargetPrefix":"<bucket>/"}}\' (console: S3 → the bucket → Properties → Server access logging).',
    },
    messages: {
      logged: {
        ja: 'バケット {{bucket}} のアクセスログは {{value}} に記録されます',
        en: 'Bucket {{bucket}} logs access to {{value}}',
      },
      notLogged: {
        ja: 'バケット {{bucket}} のサーバーアクセスログが無効です',
        en: 'Bucket {{bucket}} has server access logging off',
      },
      unknown: {
        ja: 'バケット {{bucket}} のアクセスログ設定がエクスポートにありません',
        en: 'The export does not show the access logging of bucket {{bucket}}',
      },
    },
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html'],
  },
  evaluate(resource) {
    const target = factOf(
      resource.facts.accessLogTargetBucket,
      'supplementaryConfiguration.BucketLoggingConfiguration.destinationBucketName',
    );
    return decideOnFact(
      target,
      (bucket) => bucket !== null,
      { pass: 'logged', fail: 'notLogged', unknown: 'unknown' },
      { bucket: resource.name },
    );
  },
});
