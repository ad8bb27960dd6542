import type { AwsEncryptedStoreFacts, AwsS3BucketFacts } from '../../../model/aws.ts';
import { cloudDefault, type Fact } from '../../../model/fact.ts';
import { type CommonFacts, factOf } from '../../../model/facts.ts';
import type { Localized } from '../../../model/localized.ts';
import type { Resource } from '../../../model/resource.ts';
import { storeKeyVerdict } from '../../aws/lib/related.ts';
import { type CheckResult, fail, type InventoryView, pass, undetermined } from '../../check.ts';

/**
 * "Encrypted at rest at all" (OSK-3.2, OSK-4.1, Kobe 2(4), national 3.3 2)(3)), whoever holds the
 * key: a provider-managed key passes here; a customer-managed key is a separate, lower-severity
 * preference (the *-cmk checks), mandatory only for class-2+ data (CLS-1).
 */
export type AtRestMessage =
  | 'customerKey'
  | 'providerKey'
  | 'kmsKey'
  | 'azurePlatformKey'
  | 'gcpPlatformKey'
  | 'notEncrypted'
  | 'unknown';

export const AT_REST_MESSAGES: Readonly<Record<AtRestMessage, Localized>> = {
  customerKey: {
    ja: '利用者管理の鍵で保存時に暗号化されています',
    en: 'Encrypted at rest with a customer-managed key',
  },
  providerKey: {
    ja: '事業者管理の鍵で保存時に暗号化されています（{{how}}）',
    en: 'Encrypted at rest with a provider-managed key ({{how}})',
  },
  kmsKey: {
    ja: 'KMS キー {{key}} で保存時に暗号化されています（このキーが利用者管理か AWS 管理かは、キーの記録がないため分かりません）',
    en: 'Encrypted at rest with KMS key {{key}} (whether the key is customer or AWS managed is not shown: no record of the key)',
  },
  // The platforms' own encryption, in full in each language (a placeholder's value is one text for both).
  azurePlatformKey: {
    ja: '事業者管理の鍵で保存時に暗号化されています（Azure はストレージとマネージドディスクを常に保存時暗号化します。無効にはできません）',
    en: 'Encrypted at rest with a provider-managed key (Azure always encrypts Storage and managed disks at rest; it cannot be turned off)',
  },
  gcpPlatformKey: {
    ja: '事業者管理の鍵で保存時に暗号化されています（Google Cloud は Cloud Storage と永続ディスクを常に保存時暗号化します。無効にはできません）',
    en: 'Encrypted at rest with a provider-managed key (Google Cloud always encrypts Cloud Storage and persistent disks at rest; it cannot be turned off)',
  },
  notEncrypted: {
    ja: '保存時に暗号化されていません',
    en: 'Not encrypted at rest',
  },
  unknown: {
    ja: 'エクスポートから保存時の暗号化を判断できません',
    en: 'The export does not show whether it is encrypted at rest',
  },
};

/**
 * Azure Storage, Azure managed disks, Cloud Storage and Compute Engine disks are always encrypted
 * at rest: the services offer no way to turn it off. What the export can add is who holds the key.
 */
const PLATFORM_ENCRYPTION: Readonly<Record<'azure' | 'gcp', Localized>> = {
  azure: {
    ja: 'Azure はストレージとマネージドディスクを常に保存時暗号化します（無効にできません）',
    en: 'Azure always encrypts Storage and managed disks at rest (it cannot be turned off)',
  },
  gcp: {
    ja: 'Google Cloud は Cloud Storage と永続ディスクを常に保存時暗号化します（無効にできません）',
    en: 'Google Cloud always encrypts Cloud Storage and persistent disks at rest (it cannot be turned off)',
  },
};

/** The verdict on Azure and Google Cloud resources: the key's holder when the export shows it, else the platform's key. */
export function platformEncryption(
  resource: Resource<CommonFacts & { readonly encryptionKeySource?: Fact<string> }>,
): CheckResult<'customerKey' | 'azurePlatformKey' | 'gcpPlatformKey'> {
  const provider = resource.provider === 'azure' ? 'azure' : 'gcp';
  const cmk = resource.facts.customerManagedKey;
  if (cmk && cmk.source !== 'unknown' && cmk.value === true) return pass('customerKey', [cmk]);
  // An Azure storage account's encryption.keySource (Microsoft.Storage) says so in the export.
  const keySource = resource.facts.encryptionKeySource;
  const how =
    keySource && keySource.source !== 'unknown'
      ? keySource
      : cloudDefault('platform-managed', 'encryption', PLATFORM_ENCRYPTION[provider]);
  return pass(provider === 'azure' ? 'azurePlatformKey' : 'gcpPlatformKey', [how]);
}

/** AWS: the S3 bucket's default encryption algorithm (since January 2023 at least SSE-S3). */
export function s3Encryption(
  bucket: Resource<AwsS3BucketFacts>,
  inventory: InventoryView,
): CheckResult<AtRestMessage> {
  const algorithm = factOf(
    bucket.facts.sseAlgorithm,
    'supplementaryConfiguration.ServerSideEncryptionConfiguration.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm',
  );
  if (algorithm.source === 'unknown') return undetermined('unknown', [algorithm]);
  // A record from before S3 encrypted by default, with no default encryption set.
  if (algorithm.value === null) return fail('notEncrypted', [algorithm]);
  return byKeyHolder(bucket, inventory, algorithm, algorithm.value);
}

/**
 * Who holds the key of a store encrypted with KMS (storeKeyVerdict): a store naming no key uses
 * the AWS managed one; a key the inventory does not hold is named, never called the provider's.
 */
function byKeyHolder(
  resource: Resource<AwsEncryptedStoreFacts | AwsS3BucketFacts>,
  inventory: InventoryView,
  encrypted: Fact<unknown>,
  how: string,
): CheckResult<AtRestMessage> {
  const holder = storeKeyVerdict(resource, inventory);
  if (!holder) return pass('providerKey', [encrypted], { how });
  // Unknown only for a key named by ARN or id that the inventory does not settle.
  if (holder.value === undefined)
    return pass('kmsKey', [encrypted, ...holder.evidence], { key: resource.facts.kmsKeyId?.value });
  if (holder.value) return pass('customerKey', [encrypted, ...holder.evidence]);
  // The record's own flag adds nothing to `how`, which says the provider's key already; a key item's keyManager does.
  const cmk = resource.facts.customerManagedKey;
  return pass('providerKey', [encrypted, ...holder.evidence.filter((fact) => fact !== cmk)], { how });
}

/** AWS: a resource with an `encrypted` flag (EBS volume, RDS instance). */
export function encryptedFlag(
  resource: Resource<AwsEncryptedStoreFacts>,
  path: string,
  inventory: InventoryView,
): CheckResult<AtRestMessage> {
  const encrypted: Fact<boolean> = factOf(resource.facts.encrypted, path);
  if (encrypted.source === 'unknown') return undetermined('unknown', [encrypted]);
  if (!encrypted.value) return fail('notEncrypted', [encrypted]);
  return byKeyHolder(resource, inventory, encrypted, 'AWS KMS');
}
