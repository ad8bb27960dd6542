import type { AwsS3BucketFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';

export default defineCheck<AwsS3BucketFacts, 'tlsOnly' | 'httpAllowed' | 'unknown'>({
  meta: {
    id: 'aws.s3.bucket-tls-only',
    provider: 'aws',
    resourceTypes: ['storage.bucket'],
    severity: 'medium',
    title: {
      ja: 'S3 バケットのポリシーで TLS（HTTPS）以外の要求を拒否している',
      en: 'S3 bucket policies deny requests that do not use TLS (HTTPS)',
    },
    rationale: {
      ja: 'S3 は既定で HTTP の要求も受け付けます。aws:SecureTransport が false の要求を拒否しないと、通信経路上でデータや署名付き要求が盗聴される恐れがあります。',
      en: 'S3 accepts plain HTTP by default; unless requests with aws:SecureTransport false are denied, data and signed requests can be intercepted in transit.',
    },
    remediation: {
      ja: 'バケットポリシーに {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::<バケット名>","arn:aws:s3:::<バケット名>/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}} を追加し、aws s3api put-bucket-policy --bucket <バケット名> --policy file://policy.json で設定します。',
      en: 'Add {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::<bucket>","arn:aws:s3:::<bucket>/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}} to the bucket policy and apply it with aws s3api put-bucket-policy --bucket <bucket> --policy file://policy.json.',
    },
    messages: {
      tlsOnly: {
        ja: 'バケット {{bucket}} のポリシー（{{statements}}）は TLS 以外の要求を拒否します',
        en: 'The policy of bucket {{bucket}} denies requests without TLS ({{statements}})',
      },
      httpAllowed: {
        ja: 'バケット {{bucket}} は TLS 以外（HTTP）の要求を拒否していません',
        en: 'Bucket {{bucket}} does not deny requests without TLS (plain HTTP)',
      },
      unknown: {
        ja: 'バケット {{bucket}} のバケットポリシーがエクスポートにありません',
        en: 'The export does not show the policy of bucket {{bucket}}',
      },
    },
    references: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit',
    ],
  },
  evaluate(resource) {
    const data = { bucket: resource.name };
    const statements = factOf(
      resource.facts.secureTransportDenyStatements,
      'supplementaryConfiguration.BucketPolicy.policyText',
    );
    if (statements.source === 'unknown') return undetermined('unknown', [statements], data);
    return statements.value.length > 0
      ? pass('tlsOnly', [statements], { ...data, statements: statements.value })
      : fail('httpAllowed', [statements], data);
  },
});
