import type { AwsEncryptedStoreFacts } from '../../../model/aws.ts';
import { cloudDefault, derived, explicit } from '../../../model/fact.ts';
import { asRecord, type ConfigItem } from '../config-item.ts';
import { absent, field, fieldAnyCase, toBoolean, toStringValue } from './fields.ts';
import { customerManagedKeyOf, keyReferenceFacts } from './kms.ts';

/**
 * AWS::SecretsManager::Secret: Config spells its key `KMSKeyId` (aws-config-resource-schema),
 * the API `KmsKeyId`. A secret without one is encrypted with the AWS managed key
 * `aws/secretsmanager`. A replica names the Region of its primary (`PrimaryRegion`, in the API's
 * listings; Config records none): its primary is the same secret there (LOC-2).
 * https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
 * https://docs.aws.amazon.com/secretsmanager/latest/userguide/create-manage-multi-region-secrets.html
 */
export function secretFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  const path = 'configuration.KMSKeyId';
  const primaryRegion = toStringValue(field(item.configuration, 'PrimaryRegion'));
  const arnParts = item.arn?.split(':');
  return {
    ...keyReferenceFacts(item, path, fieldAnyCase(item.configuration, 'KmsKeyId'), () =>
      cloudDefault(false, path, {
        ja: 'KMS キーの指定がありません: AWS 管理キー aws/secretsmanager で暗号化されます',
        en: 'no KMS key is set: encrypted with the AWS managed key aws/secretsmanager',
      }),
    ),
    ...(primaryRegion &&
      arnParts &&
      arnParts.length > 6 &&
      primaryRegion !== item.region && {
        replicaOf: explicit(
          [...arnParts.slice(0, 3), primaryRegion, ...arnParts.slice(4)].join(':'),
          'configuration.PrimaryRegion',
        ),
      }),
  };
}

/**
 * AWS::Backup::BackupVault (`EncryptionKeyArn`): a vault always names its key, the AWS managed
 * `aws/backup` key included, so the ARN is resolved against the key's own item.
 */
export function backupVaultFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  const path = 'configuration.EncryptionKeyArn';
  return keyReferenceFacts(item, path, field(item.configuration, 'EncryptionKeyArn'), () =>
    absent(item, path),
  );
}

/**
 * AWS::Athena::WorkGroup: the query results it writes are encrypted as its
 * `WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration` says (`SSE_S3`, or
 * `SSE_KMS` / `CSE_KMS` with `KmsKey`); without one, the output bucket's own encryption applies,
 * which the workgroup does not show.
 * https://docs.aws.amazon.com/athena/latest/APIReference/API_EncryptionConfiguration.html
 */
export function athenaWorkGroupFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  const base = 'configuration.WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration';
  const results = asRecord(
    field(asRecord(field(item.configuration, 'WorkGroupConfiguration')), 'ResultConfiguration'),
  );
  const encryption = asRecord(field(results, 'EncryptionConfiguration'));
  const option = toStringValue(field(encryption, 'EncryptionOption'));
  if (!option) return { customerManagedKey: absent(item, `${base}.EncryptionOption`) };
  const optionFact = explicit(option, `${base}.EncryptionOption`);
  if (option === 'SSE_S3')
    return { encrypted: derived(true, optionFact), customerManagedKey: derived(false, optionFact) };
  const key = toStringValue(field(encryption, 'KmsKey'));
  if (!key)
    return { encrypted: derived(true, optionFact), customerManagedKey: absent(item, `${base}.KmsKey`) };
  return {
    encrypted: derived(true, optionFact),
    kmsKeyId: explicit(key, `${base}.KmsKey`),
    customerManagedKey: customerManagedKeyOf(key, `${base}.KmsKey`),
  };
}

/**
 * AWS::WorkSpaces::Workspace: the root and user volumes are encrypted each on its own switch
 * (`RootVolumeEncryptionEnabled`, `UserVolumeEncryptionEnabled`), both with `VolumeEncryptionKey`
 * (the AWS managed `alias/aws/workspaces` or a customer managed key). A desktop with either
 * volume unencrypted keeps data under no customer key.
 * https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html
 */
export function workspaceFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  const rootPath = 'configuration.RootVolumeEncryptionEnabled';
  const userPath = 'configuration.UserVolumeEncryptionEnabled';
  const root = toBoolean(field(item.configuration, 'RootVolumeEncryptionEnabled'));
  const user = toBoolean(field(item.configuration, 'UserVolumeEncryptionEnabled'));
  if (root === false || user === false) {
    const path = root === false ? rootPath : userPath;
    return { encrypted: explicit(false, path), customerManagedKey: explicit(false, path) };
  }
  if (root === undefined || user === undefined) {
    const path = root === undefined ? rootPath : userPath;
    return { encrypted: absent(item, path), customerManagedKey: absent(item, path) };
  }
  const keyPath = 'configuration.VolumeEncryptionKey';
  const key = toStringValue(field(item.configuration, 'VolumeEncryptionKey'));
  return {
    encrypted: explicit(true, rootPath),
    ...(key
      ? { kmsKeyId: explicit(key, keyPath), customerManagedKey: customerManagedKeyOf(key, keyPath) }
      : { customerManagedKey: absent(item, keyPath) }),
  };
}
