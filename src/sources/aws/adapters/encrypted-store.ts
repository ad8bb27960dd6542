import type { AwsEncryptedStoreFacts } from '../../../model/aws.ts';
import { explicit } from '../../../model/fact.ts';
import type { ConfigItem } from '../config-item.ts';
import { absent, configBoolean, configString, field, toStringValue } from './fields.ts';
import { customerManagedKeyOf } from './kms.ts';

/** Where a resource type keeps its encryption flag and key in `configuration`. */
interface EncryptionFields {
  readonly encrypted: string;
  readonly kmsKeyId: string;
}

/**
 * Resources encrypted at rest with a KMS key: EBS volumes (`encrypted`, `kmsKeyId`), RDS
 * instances and clusters (`storageEncrypted`, `kmsKeyId`), EFS (`Encrypted`, `KmsKeyId`).
 * An encrypted EBS volume always names its key, the AWS managed `aws/ebs` key included, so the
 * key ARN alone does not say whether it is customer managed.
 */
export function encryptedStoreFacts(item: ConfigItem, fields: EncryptionFields): AwsEncryptedStoreFacts {
  const encrypted = configBoolean(item, fields.encrypted);
  const kmsKeyId = configString(item, fields.kmsKeyId);
  const customerManagedKey =
    encrypted.source !== 'unknown' && !encrypted.value
      ? explicit(false, encrypted.path)
      : kmsKeyId.source === 'unknown'
        ? absent<boolean>(item, kmsKeyId.path)
        : customerManagedKeyOf(kmsKeyId.value, kmsKeyId.path);
  return { encrypted, kmsKeyId, customerManagedKey };
}

export function ebsVolumeFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  return encryptedStoreFacts(item, { encrypted: 'encrypted', kmsKeyId: 'kmsKeyId' });
}

export function rdsInstanceFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  const source = toStringValue(field(item.configuration, 'readReplicaSourceDBInstanceIdentifier'));
  return {
    ...encryptedStoreFacts(item, { encrypted: 'storageEncrypted', kmsKeyId: 'kmsKeyId' }),
    publiclyAccessible: configBoolean(item, 'publiclyAccessible'),
    ...(source ? { replicaOf: explicit(source, 'configuration.readReplicaSourceDBInstanceIdentifier') } : {}),
  };
}

export function rdsClusterFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  return encryptedStoreFacts(item, { encrypted: 'storageEncrypted', kmsKeyId: 'kmsKeyId' });
}

export function efsFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  return encryptedStoreFacts(item, { encrypted: 'Encrypted', kmsKeyId: 'KmsKeyId' });
}
