import type { AzureStorageAccountFacts } from '../../../model/azure.ts';
import { derived, explicit, type Fact, unknown } from '../../../model/fact.ts';
import { type ArmRecord, get, getPath } from '../arm-record.ts';
import {
  asBoolean,
  asString,
  defaultAtApiVersion,
  derivedFact,
  notSet,
  propertyFact,
} from '../property-facts.ts';
import type { Adapter } from './adapter.ts';
import { reachableThroughFirewall } from './network-access.ts';

/** SKUs that keep a copy in the paired region (Standard_GRS, Standard_RAGRS, Standard_GZRS, Standard_RAGZRS). */
const GEO_REDUNDANT_SKU = /GZ?RS$/i;

export const storageAccount: Adapter = {
  kansaType: 'storage.account',
  facts(record): AzureStorageAccountFacts {
    const keySource = propertyFact(record, ['encryption.keySource'], asString, {
      // https://learn.microsoft.com/azure/storage/common/storage-service-encryption
      default: 'Microsoft.Storage',
      note: {
        ja: '未設定: 既定の Microsoft マネージド キー（Microsoft.Storage）で暗号化されます',
        en: 'absent: data is encrypted with the default Microsoft-managed key (Microsoft.Storage)',
      },
    });
    const publicNetworkAccess = propertyFact(record, ['publicNetworkAccess'], asString, {
      // https://learn.microsoft.com/rest/api/storagerp/storage-accounts/get-properties
      default: 'Enabled',
      note: {
        ja: '未設定: パブリック ネットワーク アクセスはファイアウォール規則に従い許可されます',
        en: 'absent: public network access is allowed, subject to the firewall rules',
      },
    });
    const networkDefaultAction = propertyFact(
      record,
      ['networkAcls.defaultAction', 'networkRuleSet.defaultAction'],
      asString,
      {
        // https://learn.microsoft.com/azure/storage/common/storage-network-security
        default: 'Allow',
        note: {
          ja: '未設定: 既定ではすべてのネットワークからの接続を受け付けます',
          en: 'absent: by default the account accepts connections from all networks',
        },
      },
    );
    const kind = get(record.raw, 'kind');
    return {
      ...(typeof kind === 'string' && kind !== '' && { kind: explicit(kind, 'kind') }),
      // https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent : accounts
      // created before November 2023 have no value until it is set, and null permits anonymous
      // access; newer accounts are created with an explicit false. The specs' default is true
      // up to API version 2022-09-01 and false from 2023-01-01; but a template at a newer
      // version may be the portal's export of an older account (the export writes the latest
      // version and leaves a null out), so there the template does not tell.
      allowBlobPublicAccess: propertyFact(
        record,
        ['allowBlobPublicAccess'],
        asBoolean,
        defaultAtApiVersion(record, '2023-01-01', {
          before: {
            default: true,
            note: {
              ja: '未設定: API バージョン 2023-01-01 より前の既定の解釈は true（匿名アクセスを許可）です',
              en: 'absent: before API version 2023-01-01 the default interpretation is true (anonymous access permitted)',
            },
          },
          since: notSet(
            'absent: false for an account created at API version 2023-01-01 or later, but the template the portal writes of an older account (at the latest version) leaves its null (anonymous access permitted) out as well',
            '未設定: API バージョン 2023-01-01 以降で作成したアカウントなら false ですが、ポータルが古いアカウントから作るテンプレート（最新の API バージョンで書かれます）も null（匿名アクセス許可）を省きます',
          ),
          unversioned: {
            default: true,
            note: {
              ja: '未設定: 2023年11月より前に作成されたアカウントでは、未設定（null）は匿名アクセスを許可します',
              en: 'absent: on accounts created before November 2023 a null value permits anonymous access',
            },
          },
        }),
      ),
      publicNetworkAccess,
      networkDefaultAction,
      reachableFromInternet: reachableThroughFirewall(
        record,
        publicNetworkAccess,
        networkDefaultAction,
        get(record.properties, 'networkAcls') === undefined
          ? 'networkRuleSet.ipRules'
          : 'networkAcls.ipRules',
      ),
      httpsTrafficOnly: propertyFact(
        record,
        ['supportsHttpsTrafficOnly', 'enableHttpsTrafficOnly'],
        asBoolean,
        // "The default value is true since API version 2019-04-01" (the Storage REST specs).
        defaultAtApiVersion(record, '2019-04-01', {
          before: {
            default: false,
            note: {
              ja: '未設定: API バージョン 2019-04-01 より前の既定値は false です',
              en: 'absent: before API version 2019-04-01 the default is false',
            },
          },
          since: {
            default: true,
            note: {
              ja: '未設定: API バージョン 2019-04-01 以降の既定値は true です',
              en: 'absent: from API version 2019-04-01 the default is true',
            },
          },
          unversioned: notSet(
            'absent: the default depends on the API version the account was created with',
            '未設定: 既定値はアカウント作成時の API バージョンによって異なります',
          ),
        }),
      ),
      minimumTlsVersion: propertyFact(record, ['minimumTlsVersion'], asString, {
        // https://learn.microsoft.com/rest/api/storagerp/storage-accounts/get-properties
        // ("The default interpretation is TLS 1.0 for this property").
        default: 'TLS1_0',
        note: {
          ja: '未設定: 既定の解釈は TLS 1.0 です',
          en: 'absent: the default interpretation is TLS 1.0',
        },
      }),
      encryptionKeySource: keySource,
      customerManagedKey: derivedFact(keySource, (source) => source.toLowerCase() === 'microsoft.keyvault'),
      hsmBackedKey: hsmBacked(record, keySource),
      ...secondaryRegion(record),
      allowSharedKeyAccess: propertyFact(record, ['allowSharedKeyAccess'], asBoolean, {
        // https://learn.microsoft.com/azure/storage/common/shared-key-authorization-prevent
        default: true,
        note: {
          ja: '未設定: null は true と同じで、共有キーによる認可が許可されます',
          en: 'absent: null is the same as true, Shared Key authorization is allowed',
        },
      }),
      keyCreationTimes: keyCreationTimes(record),
    };
  },
};

/**
 * `keyCreationTime` (`{key1, key2}`) is null for a key not created or rotated since Azure began
 * recording it: that key's age cannot be told (null in the list), the other's still can.
 */
function keyCreationTimes(record: ArmRecord): Fact<readonly (string | null)[]> {
  const path = 'properties.keyCreationTime';
  const times = get(record.properties, 'keyCreationTime');
  const values = ['key1', 'key2'].map((key) => {
    const value = get(times, key);
    return typeof value === 'string' && value !== '' ? value : null;
  });
  if (values.some((value) => value !== null)) return explicit(values, path);
  return unknown(path, {
    ja: 'アクセス キーの作成日時（keyCreationTime）が記録されていません',
    en: 'the access keys have no recorded creation time (keyCreationTime)',
  });
}

/**
 * Microsoft-managed keys are not customer HSM keys; a customer key in a Managed HSM is; a key
 * in a Key Vault may be software- or HSM-protected, which the storage record does not say.
 */
function hsmBacked(record: ArmRecord, keySource: Fact<string>): Fact<boolean> {
  if (keySource.source === 'unknown') return unknown(keySource.path, keySource.note);
  if (keySource.value.toLowerCase() !== 'microsoft.keyvault') {
    return derivedFact(keySource, () => false);
  }
  const uriPath = 'encryption.keyvaultproperties.keyvaulturi';
  const uri = getPath(record.properties, uriPath);
  if (typeof uri === 'string' && uri.toLowerCase().includes('.managedhsm.')) {
    return derived(true, explicit(uri, `properties.${uriPath}`));
  }
  return unknown(`properties.${uriPath}`, {
    ja: 'キーが HSM で保護されているかは Key Vault のキー種別（RSA-HSM 等）によりますが、エクスポートに含まれていません',
    en: 'whether the key is HSM-protected depends on the Key Vault key type (RSA-HSM…), which is not in the export',
  });
}

/** Geo-redundant accounts copy data to the paired region: LOC-2 reads where that is. */
function secondaryRegion(record: ArmRecord): Pick<AzureStorageAccountFacts, 'secondaryRegion'> {
  const sku = getPath(record.raw, 'sku.name');
  if (typeof sku !== 'string' || !GEO_REDUNDANT_SKU.test(sku)) return {};
  const secondary = getPath(record.properties, 'secondaryLocation');
  if (typeof secondary === 'string' && secondary !== '') {
    return { secondaryRegion: explicit(secondary.toLowerCase(), 'properties.secondaryLocation') };
  }
  return {
    secondaryRegion: unknown('properties.secondaryLocation', {
      ja: `SKU ${sku} はペア リージョンに複製されますが、複製先がエクスポートにありません`,
      en: `SKU ${sku} replicates to the paired region, but the export does not name it`,
    }),
  };
}
