import type { AwsS3BucketFacts } from '../../../model/aws.ts';
import type { Fact } from '../../../model/fact.ts';
import { factOf } from '../../../model/facts.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';
import { storeKeyVerdict } from '../lib/related.ts';

type Message = 'customerKey' | 'sseS3' | 'awsManagedKey' | 'noDefaultEncryption' | 'unknown';

export default defineCheck<AwsS3BucketFacts, Message>({
  meta: {
    id: 'aws.s3.bucket-cmk-encryption',
    provider: 'aws',
    resourceTypes: ['storage.bucket'],
    severity: 'low',
    title: {
      ja: 'S3 バケットの既定の暗号化にカスタマー管理の KMS キーを使っている',
      en: 'S3 buckets encrypt by default with a customer managed KMS key',
    },
    rationale: {
      ja: '既定の SSE-S3 では鍵を S3 が管理し、利用者は鍵の権限・無効化・監査を管理できません。鍵の管理を求めるガイドラインでは、カスタマー管理キー（SSE-KMS）が必要です。',
      en: 'With the default SSE-S3, S3 manages the keys and you cannot control, disable or audit their use; guidelines that require managed keys need a customer managed key (SSE-KMS).',
    },
    remediation: {
      ja: 'aws s3api put-bucket-encryption --bucket <バケット名> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"<カスタマー管理キーの ARN>"},"BucketKeyEnabled":true}]}\' を実行します（既存オブジェクトは再暗号化が必要です）。',
      en: 'Run aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"<customer managed key ARN>"},"BucketKeyEnabled":true}]}\' (existing objects must be re-encrypted).',
    },
    messages: {
      customerKey: {
        ja: 'バケット {{bucket}} はカスタマー管理キー {{key}} で暗号化されます',
        en: 'Bucket {{bucket}} is encrypted with customer managed key {{key}}',
      },
      sseS3: {
        ja: 'バケット {{bucket}} は SSE-S3（S3 が管理する鍵）で暗号化されています',
        en: 'Bucket {{bucket}} is encrypted with SSE-S3 (keys S3 manages)',
      },
      noDefaultEncryption: {
        ja: 'バケット {{bucket}} には既定の暗号化がありません（2023年1月より前の記録: 新しいオブジェクトは暗号化されずに保存されていました）',
        en: 'Bucket {{bucket}} has no default encryption (a record from before January 2023: new objects were stored unencrypted)',
      },
      awsManagedKey: {
        ja: 'バケット {{bucket}} は AWS 管理キー（aws/s3）で暗号化されています',
        en: 'Bucket {{bucket}} is encrypted with the AWS managed key (aws/s3)',
      },
      unknown: {
        ja: 'バケット {{bucket}} の暗号化キーの種類がエクスポートから判断できません',
        en: 'The export does not show which kind of key encrypts bucket {{bucket}}',
      },
    },
    references: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html',
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html',
    ],
  },
  evaluate(resource, ctx) {
    const data = { bucket: resource.name };
    const algorithm = factOf(
      resource.facts.sseAlgorithm,
      'supplementaryConfiguration.ServerSideEncryptionConfiguration',
    );
    if (algorithm.source === 'unknown') return undetermined('unknown', [algorithm], data);
    if (algorithm.value === null) return fail('noDefaultEncryption', [algorithm], data);
    if (algorithm.value === 'AES256') return fail('sseS3', [algorithm], data);
    const keyId = factOf(
      resource.facts.kmsKeyId,
      'supplementaryConfiguration.ServerSideEncryptionConfiguration',
    );
    if (keyId.source !== 'unknown' && keyId.value === null)
      return fail('awsManagedKey', [algorithm, keyId], data);
    const keyRef = keyId as Fact<string>; // null (the AWS managed key) was handled above
    // The bucket's own record tells where it can (an alias; a key the Terraform plan or state
    // holds, which it names by address or by ARN), else the key's own item does.
    const customer = storeKeyVerdict(resource, ctx.inventory) ?? { value: undefined, evidence: [keyRef] };
    const evidence = [algorithm, ...customer.evidence];
    const withKey = { ...data, key: keyRef.value };
    if (customer.value === undefined) return undetermined('unknown', evidence, withKey);
    return customer.value ? pass('customerKey', evidence, withKey) : fail('awsManagedKey', evidence, withKey);
  },
});
