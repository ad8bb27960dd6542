import {
  type AwsEncryptedStoreFacts,
  type AwsKmsKeyFacts,
  keyManagerOfReference,
} from '../../../model/aws.ts';
import { cloudDefault, derived, explicit, type Fact, unexpectedType, unknown } from '../../../model/fact.ts';
import type { ConfigItem } from '../config-item.ts';
import { absent, carries, configString, field, toBoolean, toNumber, toStringValue } from './fields.ts';

/** AWS::KMS::Key. https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html */
export function kmsKeyFacts(item: ConfigItem): AwsKmsKeyFacts {
  const keyManager = configString(item, 'keyManager');
  const origin = configString(item, 'origin');
  const keySpec = field(item.configuration, 'keySpec') !== undefined ? 'keySpec' : 'customerMasterKeySpec';
  return {
    keyManager,
    keyState: configString(item, 'keyState'),
    origin,
    keySpec: configString(item, keySpec),
    rotationEnabled: rotationStatus(item),
    ...rotationPeriod(item),
    customerManagedKey:
      keyManager.source === 'unknown'
        ? absent(item, keyManager.path)
        : derived(keyManager.value === 'CUSTOMER', keyManager),
    hsmBackedKey: hsmBacked(origin),
  };
}

function rotationStatus(item: ConfigItem): Fact<boolean> {
  const path = 'supplementaryConfiguration.KeyRotationStatus';
  const value = toBoolean(item.supplementary?.['KeyRotationStatus']);
  return value === undefined ? absent(item, path) : explicit(value, path);
}

/**
 * `RotationPeriodInDays`, which GetKeyRotationStatus answers and Config does not record: no fact
 * where the item does not carry it, rather than an unknown on every key.
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html
 */
function rotationPeriod(item: ConfigItem): Pick<AwsKmsKeyFacts, 'rotationPeriodDays'> {
  const path = 'supplementaryConfiguration.RotationPeriodInDays';
  const raw = item.supplementary?.['RotationPeriodInDays'];
  if (raw === undefined || raw === null) return {};
  const days = toNumber(raw);
  return { rotationPeriodDays: days === undefined ? unexpectedType(path) : explicit(days, path) };
}

/**
 * KMS keeps key material in FIPS 140-3 validated HSMs unless the key lives in an external key
 * store (XKS), outside AWS; a CloudHSM key store is the customer's own HSM cluster.
 * https://docs.aws.amazon.com/kms/latest/developerguide/overview.html
 * https://docs.aws.amazon.com/kms/latest/developerguide/keystore-external.html
 */
function hsmBacked(origin: Fact<string>): Fact<boolean> {
  if (origin.source === 'unknown') return unknown(origin.path, origin.note);
  if (origin.value === 'EXTERNAL_KEY_STORE') return derived(false, origin);
  if (origin.value === 'AWS_CLOUDHSM') return derived(true, origin);
  return derived(
    true,
    cloudDefault(origin.value, origin.path, {
      ja: 'AWS KMS の鍵は FIPS 140-3 検証済みの HSM 内で生成・使用されます（AWS のドキュメント）',
      en: 'AWS KMS keys are generated and used only inside FIPS 140-3 validated HSMs (AWS documentation)',
    }),
  );
}

/**
 * Whether a KMS key reference names a customer managed key, as far as the reference alone
 * tells (an alias does; a key ARN or id is resolved against the AWS::KMS::Key item at check time).
 */
export function customerManagedKeyOf(keyRef: string, path: string): Fact<boolean> {
  const manager = keyManagerOfReference(keyRef);
  if (manager) return derived(manager === 'CUSTOMER', explicit(keyRef, path));
  return unknown(path, {
    ja: '鍵 ARN だけではカスタマー管理キーか AWS 管理キーか判断できません（AWS::KMS::Key の keyManager で判断します）',
    en: 'a key ARN alone does not tell a customer managed key from an AWS managed one (the AWS::KMS::Key item’s keyManager does)',
  });
}

/**
 * The KMS key of a resource that names it in one field (a queue, topic, stream, secret, backup
 * vault): a key ARN or alias (`alias/aws/sqs` is AWS managed), or no key, which `noKey` judges
 * per type. A SELECT that left the field out says nothing; a partial record that holds it as null
 * says there is none (ScoutSuite's results keep the field, null for none).
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html
 */
export function keyReferenceFacts(
  item: ConfigItem,
  path: string,
  keyRef: unknown,
  noKey: () => Fact<boolean>,
): AwsEncryptedStoreFacts {
  const key = toStringValue(keyRef);
  if (key !== undefined) {
    return {
      encrypted: derived(true, explicit(key, path)),
      kmsKeyId: explicit(key, path),
      customerManagedKey: customerManagedKeyOf(key, path),
    };
  }
  if (!carries(item, path) && keyRef !== null) return { customerManagedKey: absent<boolean>(item, path) };
  return { customerManagedKey: noKey() };
}
