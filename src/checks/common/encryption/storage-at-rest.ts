import type { AwsS3BucketFacts } from '../../../model/aws.ts';
import type { CommonFacts } from '../../../model/facts.ts';
import { defineCheck, notApplicable } from '../../check.ts';
import { AT_REST_MESSAGES, type AtRestMessage, platformEncryption, s3Encryption } from './at-rest.ts';

/** Object storage is encrypted at rest, whoever holds the key (see at-rest.ts). */
export default defineCheck<AwsS3BucketFacts & CommonFacts, AtRestMessage | 'otherType'>({
  meta: {
    id: 'common.encryption.storage-at-rest',
    provider: 'any',
    resourceTypes: ['storage.bucket', 'storage.account'],
    severity: 'high',
    title: {
      ja: 'オブジェクトストレージが保存時に暗号化されている',
      en: 'Object storage is encrypted at rest',
    },
    rationale: {
      ja: 'データの外部漏えいに備え、オブジェクトストレージは暗号化が基本です（大阪市ガイドライン 第4章 3.5(1) 表 No.3）。事業者管理の鍵による暗号化もこの要件を満たします。利用者管理の鍵は別のチェックで望ましい水準として扱います。',
      en: 'Against data leaks, object storage is encrypted as a baseline (Osaka guidelines Ch.4 3.5(1) table No.3). Encryption with a provider-managed key meets this; customer-managed keys are a separate, preferred level.',
    },
    remediation: {
      ja: 'S3 バケットの既定の暗号化を設定してください（aws s3api put-bucket-encryption --bucket <バケット> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"}}]}\'）。',
      en: 'Set default encryption on the S3 bucket (aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"}}]}\').',
    },
    messages: {
      ...AT_REST_MESSAGES,
      otherType: {
        ja: 'オブジェクトストレージではありません',
        en: 'Not object storage',
      },
    },
    references: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html',
      'https://learn.microsoft.com/azure/storage/common/storage-service-encryption',
      'https://cloud.google.com/storage/docs/encryption/default-keys',
    ],
  },
  evaluate(resource) {
    if (resource.provider === 'aws') {
      if (resource.nativeType !== 'AWS::S3::Bucket') return notApplicable('otherType', []);
      return s3Encryption(resource);
    }
    return platformEncryption(resource);
  },
});
