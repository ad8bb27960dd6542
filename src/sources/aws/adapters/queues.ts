import type { AwsEncryptedStoreFacts } from '../../../model/aws.ts';
import { cloudDefault, explicit, type Fact } from '../../../model/fact.ts';
import type { ConfigItem } from '../config-item.ts';
import { absent, field, toBoolean, toStringValue } from './fields.ts';
import { customerManagedKeyOf } from './kms.ts';

/**
 * The KMS key of a queue, topic or stream: a key ARN or alias (`alias/aws/sqs` is AWS managed),
 * or no key. Config records these types' attributes in PascalCase.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html
 */
function keyFacts(item: ConfigItem, path: string, keyRef: unknown, noKey: () => Fact<boolean>) {
  const key = toStringValue(keyRef);
  if (key !== undefined) {
    return {
      encrypted: explicit(true, path),
      kmsKeyId: explicit(key, path),
      customerManagedKey: customerManagedKeyOf(key, path),
    } satisfies AwsEncryptedStoreFacts;
  }
  if (item.partial)
    return { customerManagedKey: absent<boolean>(item, path) } satisfies AwsEncryptedStoreFacts;
  return { customerManagedKey: noKey() } satisfies AwsEncryptedStoreFacts;
}

const NO_KMS_KEY = {
  ja: 'KMS キーの指定がありません（利用者管理の鍵では暗号化されていません）',
  en: 'no KMS key is set (not encrypted with a customer managed key)',
};

/** AWS::SQS::Queue: `KmsMasterKeyId`, or SQS-managed encryption (`SqsManagedSseEnabled`, an AWS owned key). */
export function sqsQueueFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  const path = 'configuration.KmsMasterKeyId';
  return keyFacts(item, path, field(item.configuration, 'KmsMasterKeyId'), () =>
    toBoolean(field(item.configuration, 'SqsManagedSseEnabled')) === true
      ? explicit(false, 'configuration.SqsManagedSseEnabled')
      : cloudDefault(false, path, NO_KMS_KEY),
  );
}

/** AWS::SNS::Topic: `KmsMasterKeyId`; a topic without one is not encrypted with a KMS key. */
export function snsTopicFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  const path = 'configuration.KmsMasterKeyId';
  return keyFacts(item, path, field(item.configuration, 'KmsMasterKeyId'), () =>
    cloudDefault(false, path, NO_KMS_KEY),
  );
}

/** AWS::Kinesis::Stream: `StreamEncryption` (`EncryptionType` KMS or NONE, `KeyId`). */
export function kinesisStreamFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  const encryption = field(item.configuration, 'StreamEncryption');
  const path = 'configuration.StreamEncryption.KeyId';
  const keyId =
    encryption && typeof encryption === 'object'
      ? field(encryption as Record<string, unknown>, 'KeyId')
      : undefined;
  return keyFacts(item, path, keyId, () => cloudDefault(false, path, NO_KMS_KEY));
}
