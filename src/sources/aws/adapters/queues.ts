import type { AwsEncryptedStoreFacts } from '../../../model/aws.ts';
import { cloudDefault, derived, explicit } from '../../../model/fact.ts';
import type { ConfigItem } from '../config-item.ts';
import { field, toBoolean } from './fields.ts';
import { keyReferenceFacts } from './kms.ts';

const NO_KMS_KEY = {
  ja: 'KMS キーの指定がありません（利用者管理の鍵では暗号化されていません）',
  en: 'no KMS key is set (not encrypted with a customer managed key)',
};

/** AWS::SQS::Queue: `KmsMasterKeyId`, or SQS-managed encryption (`SqsManagedSseEnabled`, an AWS owned key). */
export function sqsQueueFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  const path = 'configuration.KmsMasterKeyId';
  return keyReferenceFacts(item, path, field(item.configuration, 'KmsMasterKeyId'), () =>
    toBoolean(field(item.configuration, 'SqsManagedSseEnabled')) === true
      ? derived(false, explicit(true, 'configuration.SqsManagedSseEnabled'))
      : cloudDefault(false, path, NO_KMS_KEY),
  );
}

/** AWS::SNS::Topic: `KmsMasterKeyId`; a topic without one is not encrypted with a KMS key. */
export function snsTopicFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  const path = 'configuration.KmsMasterKeyId';
  return keyReferenceFacts(item, path, field(item.configuration, 'KmsMasterKeyId'), () =>
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
  return keyReferenceFacts(item, path, keyId, () => cloudDefault(false, path, NO_KMS_KEY));
}
