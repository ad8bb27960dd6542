import type { AwsS3BucketFacts } from '../../../model/aws.ts';
import type { CommonFacts } from '../../../model/facts.ts';
import { defineCheck } from '../../check.ts';
import { AT_REST_MESSAGES, type AtRestMessage, platformEncryption, s3Encryption } from './at-rest.ts';

/**
 * Object storage is encrypted at rest, whoever holds the key (see at-rest.ts). Azure Storage and
 * Cloud Storage always encrypt and cannot be turned off, and S3 has encrypted new objects by
 * default since January 2023: on current exports this check passes or cannot tell, and shows
 * which key protects each store. It fails on an S3 record captured before then with no default
 * encryption configured (an older Config snapshot or history), when new objects were stored
 * unencrypted. A customer-managed key is judged separately, as a preference.
 */
export default defineCheck<AwsS3BucketFacts & CommonFacts, AtRestMessage>({
  meta: {
    id: 'common.encryption.storage-at-rest',
    provider: 'any',
    resourceTypes: ['storage.bucket', 'storage.account'],
    nativeTypes: ['AWS::S3::Bucket', 'microsoft.storage/storageaccounts', 'storage.googleapis.com/Bucket'],
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
      customerKey: AT_REST_MESSAGES.customerKey,
      providerKey: AT_REST_MESSAGES.providerKey,
      kmsKey: AT_REST_MESSAGES.kmsKey,
      azurePlatformKey: AT_REST_MESSAGES.azurePlatformKey,
      gcpPlatformKey: AT_REST_MESSAGES.gcpPlatformKey,
      notEncrypted: AT_REST_MESSAGES.notEncrypted,
      unknown: AT_REST_MESSAGES.unknown,
    },
    references: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html',
      'https://learn.microsoft.com/azure/storage/common/storage-service-encryption',
      'https://cloud.google.com/storage/docs/encryption/default-keys',
    ],
  },
  evaluate(resource, ctx) {
    return resource.provider === 'aws' ? s3Encryption(resource, ctx.inventory) : platformEncryption(resource);
  },
});
