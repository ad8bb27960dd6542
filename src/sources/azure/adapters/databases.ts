import type { AzureDatabaseFacts } from '../../../model/azure.ts';
import { explicit, unknown } from '../../../model/fact.ts';
import { type ArmRecord, getPath } from '../arm-record.ts';
import { asString, derivedFact, notSet, propertyFact } from '../property-facts.ts';
import type { Adapter } from './adapter.ts';

const PUBLIC_ACCESS_UNKNOWN = notSet(
  'absent: not in this export',
  '未設定: このエクスポートに含まれていません',
);

export const sqlServer: Adapter = {
  kansaType: 'database.server',
  facts(record): AzureDatabaseFacts {
    return {
      publicNetworkAccess: propertyFact(record, ['publicNetworkAccess'], asString, PUBLIC_ACCESS_UNKNOWN),
      // The TDE protector is a child resource (servers/encryptionProtector), not in the server record.
      customerManagedKey: unknown('encryptionProtector.serverKeyType', {
        ja: 'TDE 保護機能（encryptionProtector）はサーバー レコードに含まれていません',
        en: 'the TDE protector (servers/encryptionProtector) is not in the server record',
      }),
    };
  },
};

/**
 * PostgreSQL and MySQL flexible servers: `dataEncryption.type` is SystemManaged or
 * AzureKeyVault; a read replica names its source in `sourceServerResourceId`.
 */
export const flexibleServer: Adapter = {
  kansaType: 'database.instance',
  facts(record): AzureDatabaseFacts {
    const encryption = propertyFact(record, ['dataEncryption.type'], asString, {
      // https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-data-encryption
      default: 'SystemManaged',
      note: {
        ja: '未設定: 既定のサービス マネージド キーで暗号化されます',
        en: 'absent: encrypted with the default service-managed key',
      },
    });
    return {
      publicNetworkAccess: propertyFact(
        record,
        ['network.publicNetworkAccess'],
        asString,
        PUBLIC_ACCESS_UNKNOWN,
      ),
      customerManagedKey: derivedFact(encryption, (type) => type.toLowerCase() === 'azurekeyvault'),
      ...replicaSource(record),
    };
  },
};

function replicaSource(record: ArmRecord): Pick<AzureDatabaseFacts, 'replicaOf'> {
  const role = getPath(record.properties, 'replicationRole');
  const source = getPath(record.properties, 'sourceServerResourceId');
  const isReplica = typeof role === 'string' && /replica/i.test(role);
  return isReplica && typeof source === 'string' && source !== ''
    ? { replicaOf: explicit(source.toLowerCase(), 'properties.sourceServerResourceId') }
    : {};
}

export const cosmosDbAccount: Adapter = {
  kansaType: 'database.server',
  facts(record): AzureDatabaseFacts {
    const keyUri = propertyFact(record, ['keyVaultKeyUri'], asString, {
      // https://learn.microsoft.com/azure/cosmos-db/how-to-setup-customer-managed-keys
      default: '',
      note: {
        ja: '未設定: 既定のサービス マネージド キーで暗号化されます',
        en: 'absent: encrypted with the default service-managed key',
      },
    });
    return {
      publicNetworkAccess: propertyFact(record, ['publicNetworkAccess'], asString, PUBLIC_ACCESS_UNKNOWN),
      customerManagedKey: derivedFact(keyUri, (uri) => uri !== ''),
    };
  },
};
