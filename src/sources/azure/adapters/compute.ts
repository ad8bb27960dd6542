import type { AzureDiskFacts, AzureVirtualMachineFacts } from '../../../model/azure.ts';
import { derived, explicit, type Fact, unknown } from '../../../model/fact.ts';
import { type ArmRecord, getPath, isObject } from '../arm-record.ts';
import { asBoolean, asString, derivedFact, notSet, propertyFact } from '../property-facts.ts';
import type { Adapter } from './adapter.ts';

/** Disks and snapshots share the encryption settings (properties.encryption.type). */
function diskEncryptionFacts(record: ArmRecord): AzureDiskFacts {
  const encryptionType = propertyFact(record, ['encryption.type'], asString, {
    // https://learn.microsoft.com/azure/virtual-machines/disk-encryption
    default: 'EncryptionAtRestWithPlatformKey',
    note: {
      ja: '未設定: 既定のプラットフォーム マネージド キーで暗号化されます',
      en: 'absent: encrypted with the default platform-managed key',
    },
  });
  // A confidential VM's disk encrypted with a customer key (`securityProfile.securityType`
  // ConfidentialVM_DiskEncryptedWithCustomerKey, its key in `secureVMDiskEncryptionSetId`) keeps
  // `encryption.type` at the platform key.
  const securityType = getPath(record.properties, 'securityProfile.securityType');
  const confidentialCustomerKey =
    typeof securityType === 'string' && /DiskEncryptedWithCustomerKey$/i.test(securityType);
  return {
    encryptionType,
    customerManagedKey: confidentialCustomerKey
      ? derived(true, explicit(securityType, 'properties.securityProfile.securityType'))
      : derivedFact(encryptionType, (type) => type.toLowerCase().includes('customerkey')),
    hsmBackedKey: hsmBacked(confidentialCustomerKey ? undefined : encryptionType),
    reachableFromInternet: exportReachable(record),
  };
}

const NETWORK_NOT_EXPORTED = notSet(
  'absent: not in this export (the API documents no default)',
  '未設定: このエクスポートに含まれていません（API に既定値の定めがありません）',
);

/**
 * Whether the disk's data can be reached from the internet: its own endpoint is the SAS URL of an
 * export or upload (a VM reaches it otherwise). `networkAccessPolicy` DenyAll forbids export and
 * AllowPrivate keeps it to a disk access's private endpoints; under AllowAll, `publicNetworkAccess`
 * Disabled still refuses the public SAS, Enabled lets anyone allowed to grant access download the
 * disk from anywhere. Neither has a default the API documents: absent, unknown.
 * https://learn.microsoft.com/rest/api/compute/disks/get (NetworkAccessPolicy, PublicNetworkAccess)
 */
function exportReachable(record: ArmRecord): Fact<boolean> {
  const policy = propertyFact(record, ['networkAccessPolicy'], asString, NETWORK_NOT_EXPORTED);
  const publicAccess = propertyFact(record, ['publicNetworkAccess'], asString, NETWORK_NOT_EXPORTED);
  const opened = publicAccess.value?.toLowerCase();
  if (opened === 'disabled') return derived(false, publicAccess);
  // Under AllowAll publicNetworkAccess decides: unknown, with its note, where the export lacks it.
  if (publicAccess.source === 'unknown' && policy.value?.toLowerCase() === 'allowall') return publicAccess;
  return derivedFact(policy, (value) => {
    const allowed = value.toLowerCase();
    if (allowed === 'denyall' || allowed === 'allowprivate') return false;
    // AllowAll with publicNetworkAccess Enabled; another value of either is none the API defines.
    return allowed === 'allowall' && opened === 'enabled' ? true : undefined;
  });
}

/**
 * A platform key is not a customer HSM key; a customer key's protection is on its disk
 * encryption set (undefined: a customer key the encryption type does not name).
 */
function hsmBacked(encryptionType: Fact<string> | undefined): Fact<boolean> {
  if (
    encryptionType &&
    encryptionType.source !== 'unknown' &&
    !encryptionType.value.toLowerCase().includes('customerkey')
  ) {
    return derivedFact(encryptionType, () => false);
  }
  return unknown('properties.encryption.diskEncryptionSetId', {
    ja: 'キーが HSM で保護されているかはディスク暗号化セットのキーによりますが、エクスポートに含まれていません',
    en: "whether the key is HSM-protected depends on the disk encryption set's key, which is not in the export",
  });
}

export const disk: Adapter = { kansaType: 'compute.disk', facts: diskEncryptionFacts };

export const snapshot: Adapter = {
  kansaType: 'compute.snapshot',
  facts(record): AzureDiskFacts {
    // A snapshot is a copy of its source disk (LOC-2: a backup copy may be abroad).
    const source = getPath(record.properties, 'creationData.sourceResourceId');
    return {
      ...diskEncryptionFacts(record),
      ...(typeof source === 'string' && source !== ''
        ? { replicaOf: explicit(source.toLowerCase(), 'properties.creationData.sourceResourceId') }
        : {}),
    };
  },
};

/**
 * The key of a VM's OS disk, which is often in no record of its own (a Terraform VM's is made
 * with it): a disk encryption set on the managed disk (`managedDisk.diskEncryptionSet`, a
 * confidential VM's under `managedDisk.securityProfile`) is a customer-managed key; a managed
 * disk without one has the platform key. An unmanaged disk (a VHD in a storage account) or a
 * record without the storage profile says nothing.
 * https://learn.microsoft.com/azure/virtual-machines/disk-encryption
 */
function osDiskCustomerKey(record: ArmRecord): Fact<boolean> | undefined {
  const disk = 'storageProfile.osDisk.managedDisk';
  if (!isObject(getPath(record.properties, disk))) return undefined;
  const set = propertyFact(
    record,
    [`${disk}.diskEncryptionSet.id`, `${disk}.securityProfile.diskEncryptionSet.id`],
    asString,
    {
      default: '',
      note: {
        ja: '未設定: OS ディスクはディスク暗号化セットがなく、プラットフォーム マネージド キーで暗号化されます',
        en: 'absent: the OS disk has no disk encryption set, so it is encrypted with the platform-managed key',
      },
    },
  );
  return derivedFact(set, (id) => id !== '');
}

export const virtualMachine: Adapter = {
  kansaType: 'compute.vm',
  facts(record): AzureVirtualMachineFacts {
    const osDiskKey = osDiskCustomerKey(record);
    return {
      ...(osDiskKey && { customerManagedKey: osDiskKey }),
      encryptionAtHost: propertyFact(record, ['securityProfile.encryptionAtHost'], asBoolean, {
        // https://learn.microsoft.com/azure/virtual-machines/disk-encryption#encryption-at-host---end-to-end-encryption-for-your-vm-data
        default: false,
        note: {
          ja: '未設定: ホストでの暗号化は既定で無効です',
          en: 'absent: encryption at host is off by default',
        },
      }),
    };
  },
};
