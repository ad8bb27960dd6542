import type { AzureDataServiceFacts } from '../../../model/azure.ts';
import { cloudDefault, explicit, type Fact } from '../../../model/fact.ts';
import { JAPAN_REGIONS } from '../../../model/japan-regions.ts';
import type { Localized } from '../../../model/localized.ts';
import { type ArmRecord, get } from '../arm-record.ts';
import { asString, derivedFact, notSet, propertyFact, type WhenAbsent } from '../property-facts.ts';
import type { Adapter } from './adapter.ts';
import { networkFacts, reachableThroughFirewall } from './network-access.ts';

/**
 * Azure's analytics, AI, search and configuration services and images, read for where their data
 * is, who holds its key and whether their endpoint is public. Their kansa types are ones no Azure
 * check reads beyond the cross-cloud location and classification checks: `analytics.service`
 * (read by none), `database.server` and `database.instance` (whose Azure checks name their native
 * types: SQL, PostgreSQL, MySQL, Cosmos DB), `compute.snapshot` (read by none).
 */

const MICROSOFT_MANAGED_KEY: Localized = {
  ja: '未設定: Microsoft が管理する鍵で暗号化されます（既定）',
  en: 'absent: encrypted with Microsoft-managed keys (the default)',
};

/** `publicNetworkAccess` absent: the API's default, Enabled. */
const PUBLIC_BY_DEFAULT: WhenAbsent<string> = {
  default: 'Enabled',
  note: {
    ja: '未設定: パブリック ネットワーク アクセスは既定で有効です',
    en: 'absent: public network access is enabled by default',
  },
};

/** A customer key named in one property (a Key Vault key or vault URL); absent, Microsoft's keys. */
function keyNamedIn(record: ArmRecord, path: string): Fact<boolean> {
  return derivedFact(
    propertyFact(record, [path], asString, { default: '', note: MICROSOFT_MANAGED_KEY }),
    (key) => key !== '',
  );
}

/**
 * Azure Machine Learning workspaces: `encryption.status` Enabled is a customer-managed key
 * (`encryption.keyVaultProperties`); `publicNetworkAccess` (absent in API versions before
 * 2021-07-01: unknown, as `allowPublicAccessWhenBehindVnet` then decided it per network).
 * https://learn.microsoft.com/azure/machine-learning/concept-customer-managed-keys
 */
export const machineLearningWorkspace: Adapter = {
  kansaType: 'analytics.service',
  facts(record): AzureDataServiceFacts {
    const status = propertyFact(record, ['encryption.status'], asString, {
      default: 'Disabled',
      note: MICROSOFT_MANAGED_KEY,
    });
    return {
      ...networkFacts(
        record,
        'publicNetworkAccess',
        notSet('absent: not in this API version', '未設定: この API バージョンにはありません'),
      ),
      customerManagedKey: derivedFact(status, (value) => value.toLowerCase() === 'enabled'),
    };
  },
};

/**
 * Azure Databricks workspaces: `publicNetworkAccess` (Enabled unless set). Its data sits in the
 * managed resource group's storage and disks, each with a key setting of its own: the key is
 * left unknown rather than judged on one of them.
 * https://learn.microsoft.com/azure/databricks/security/network/front-end/front-end-private-connect
 */
export const databricksWorkspace: Adapter = {
  kansaType: 'analytics.service',
  facts(record): AzureDataServiceFacts {
    return {
      ...networkFacts(record, 'publicNetworkAccess', PUBLIC_BY_DEFAULT),
    };
  },
};

/**
 * Data Factory: `encryption.vaultBaseUrl` names the customer's Key Vault; `publicNetworkAccess`
 * (Enabled unless set).
 * https://learn.microsoft.com/azure/data-factory/enable-customer-managed-key
 */
export const dataFactory: Adapter = {
  kansaType: 'analytics.service',
  facts(record): AzureDataServiceFacts {
    return {
      ...networkFacts(record, 'publicNetworkAccess', PUBLIC_BY_DEFAULT),
      customerManagedKey: keyNamedIn(record, 'encryption.vaultBaseUrl'),
    };
  },
};

/**
 * Azure AI services (Cognitive Services) accounts: `encryption.keySource` Microsoft.KeyVault is a
 * customer-managed key (Microsoft.CognitiveServices, or absent, Microsoft's); the endpoint is
 * public unless `publicNetworkAccess` is Disabled or the firewall (`networkAcls`, default action
 * Allow) denies by default and lets no IP range in.
 * https://learn.microsoft.com/azure/ai-services/encryption/cognitive-services-encryption-keys-portal
 * https://learn.microsoft.com/azure/ai-services/cognitive-services-virtual-networks
 */
export const cognitiveServicesAccount: Adapter = {
  kansaType: 'analytics.service',
  facts(record): AzureDataServiceFacts {
    const publicNetworkAccess = propertyFact(record, ['publicNetworkAccess'], asString, PUBLIC_BY_DEFAULT);
    const defaultAction = propertyFact(record, ['networkAcls.defaultAction'], asString, {
      default: 'Allow',
      note: {
        ja: '未設定: 既定ではすべてのネットワークからの接続を受け付けます',
        en: 'absent: by default the account accepts connections from all networks',
      },
    });
    const keySource = propertyFact(record, ['encryption.keySource'], asString, {
      default: 'Microsoft.CognitiveServices',
      note: MICROSOFT_MANAGED_KEY,
    });
    return {
      publicNetworkAccess,
      reachableFromInternet: reachableThroughFirewall(
        record,
        publicNetworkAccess,
        defaultAction,
        'networkAcls.ipRules',
      ),
      customerManagedKey: derivedFact(keySource, (source) => source.toLowerCase() === 'microsoft.keyvault'),
    };
  },
};

/**
 * Azure AI Search services hold indexes, as OpenSearch domains do (`database.server`):
 * `publicNetworkAccess` (enabled unless set; IP rules still let the internet in);
 * `encryptionWithCmk.enforcement` Enabled makes every index use a customer-managed key, otherwise
 * each index chooses, which the service record does not show.
 * https://learn.microsoft.com/azure/search/search-security-manage-encryption-keys
 */
export const searchService: Adapter = {
  kansaType: 'database.server',
  facts(record): AzureDataServiceFacts {
    const enforcement = propertyFact(
      record,
      ['encryptionWithCmk.enforcement'],
      asString,
      notSet('absent: each index chooses its key', '未設定: 鍵はインデックスごとに選ばれます'),
    );
    return {
      ...networkFacts(record, 'publicNetworkAccess', PUBLIC_BY_DEFAULT),
      customerManagedKey: derivedFact(enforcement, (value) =>
        value.toLowerCase() === 'enabled' ? true : undefined,
      ),
    };
  },
};

/**
 * App Configuration stores keep key-values (`database.instance`): `encryption.keyVaultProperties.keyIdentifier`
 * names a customer-managed key; `publicNetworkAccess` absent or null is decided by whether the
 * store has private endpoints, which the record does not show: unknown.
 * https://learn.microsoft.com/azure/azure-app-configuration/concept-customer-managed-keys
 * https://learn.microsoft.com/azure/azure-app-configuration/howto-disable-public-access
 */
export const appConfigurationStore: Adapter = {
  kansaType: 'database.instance',
  facts(record): AzureDataServiceFacts {
    return {
      ...networkFacts(
        record,
        'publicNetworkAccess',
        notSet(
          'absent: public access follows whether the store has private endpoints',
          '未設定: パブリック アクセスはプライベート エンドポイントの有無で決まります',
        ),
      ),
      customerManagedKey: keyNamedIn(record, 'encryption.keyVaultProperties.keyIdentifier'),
    };
  },
};

/**
 * Managed images hold disk contents, as snapshots do: a disk encryption set on the OS disk
 * (`storageProfile.osDisk.diskEncryptionSet.id`) is a customer-managed key.
 * https://learn.microsoft.com/azure/virtual-machines/disk-encryption
 */
export const managedImage: Adapter = {
  kansaType: 'compute.snapshot',
  facts(record): AzureDataServiceFacts {
    return { customerManagedKey: keyNamedIn(record, 'storageProfile.osDisk.diskEncryptionSet.id') };
  },
};

/**
 * Compute Gallery image versions are copied to every region of
 * `publishingProfile.targetRegions` (display names, `West US`), each copy encrypted as its
 * region's `encryption.osDiskImage.diskEncryptionSetId` says (absent: platform-managed keys). A
 * version copied outside Japan is located at the first such region, as its data is kept there;
 * its own location holds the copy it was published from (`primaryRegion`: LOC-2 when domestic).
 * https://learn.microsoft.com/azure/virtual-machines/azure-compute-gallery#replication
 * https://learn.microsoft.com/azure/virtual-machines/image-version-encryption
 */
export const galleryImageVersion: Adapter = {
  kansaType: 'compute.snapshot',
  facts(record): AzureDataServiceFacts {
    const targets = targetRegions(record);
    if (targets.length === 0) return {};
    const unkeyed = targets.findIndex(({ keyed }) => !keyed);
    const base = 'properties.publishingProfile.targetRegions';
    return {
      customerManagedKey:
        unkeyed === -1
          ? explicit(true, `${base}[].encryption.osDiskImage.diskEncryptionSetId`)
          : cloudDefault(
              false,
              `${base}[${unkeyed}].encryption.osDiskImage.diskEncryptionSetId`,
              MICROSOFT_MANAGED_KEY,
            ),
      ...(record.region !== '' &&
        targets.some(({ region }) => !JAPAN_REGIONS.azure.has(region)) && {
          primaryRegion: explicit(record.region, 'location'),
        }),
    };
  },
  dataRegion: (record) =>
    targetRegions(record).find(({ region }) => !JAPAN_REGIONS.azure.has(region))?.region,
};

/** An image version's target regions, lower-cased without spaces, and whether each names a key. */
function targetRegions(record: ArmRecord): { region: string; keyed: boolean }[] {
  const list = get(get(record.properties, 'publishingProfile'), 'targetRegions');
  if (!Array.isArray(list)) return [];
  return list.flatMap((target) => {
    const name = get(target, 'name');
    if (typeof name !== 'string' || name.trim() === '') return [];
    const key = get(get(get(target, 'encryption'), 'osDiskImage'), 'diskEncryptionSetId');
    return [{ region: name.replace(/\s+/g, '').toLowerCase(), keyed: typeof key === 'string' && key !== '' }];
  });
}
