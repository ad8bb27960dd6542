import type { AzureDatabaseFacts, AzureDatabaseFirewallRuleFacts } from '../../../model/azure.ts';
import { explicit, unknown } from '../../../model/fact.ts';
import { type ArmRecord, getPath } from '../arm-record.ts';
import { asString, derivedFact, notSet, propertyFact } from '../property-facts.ts';
import type { Adapter } from './adapter.ts';
import { reachableByPublicNetworkAccess } from './network-access.ts';

const NOT_EXPORTED = notSet('absent: not in this export', '未設定: このエクスポートに含まれていません');

/** Public network access and what it means for reachability, named alike on every database type. */
function networkFacts(
  record: ArmRecord,
  path: string,
): Pick<AzureDatabaseFacts, 'publicNetworkAccess' | 'reachableFromInternet'> {
  const publicNetworkAccess = propertyFact(record, [path], asString, NOT_EXPORTED);
  return { publicNetworkAccess, reachableFromInternet: reachableByPublicNetworkAccess(publicNetworkAccess) };
}

export const sqlServer: Adapter = {
  kansaType: 'database.server',
  facts(record): AzureDatabaseFacts {
    return {
      ...networkFacts(record, 'publicNetworkAccess'),
      minimalTlsVersion: propertyFact(record, ['minimalTlsVersion'], asString, {
        // https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#minimal-tls-version
        default: 'None',
        note: {
          ja: '未設定（None）: 最小 TLS バージョンが指定されず、古い TLS の接続も受け付けます',
          en: 'absent (None): no minimal TLS version is enforced, so older TLS connections are accepted',
        },
      }),
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
      ...networkFacts(record, 'network.publicNetworkAccess'),
      // https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-ssl-tls
      minimalTlsVersion: unknown('configurations/ssl_min_protocol_version', {
        ja: 'TLS の設定はサーバー パラメーター（require_secure_transport、ssl_min_protocol_version / tls_version）にあり、サーバー レコードには含まれていません',
        en: 'TLS is set by server parameters (require_secure_transport, ssl_min_protocol_version / tls_version), which are not in the server record',
      }),
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
      ...networkFacts(record, 'publicNetworkAccess'),
      // Tls, Tls11, Tls12; the default changed over time, so an absent value tells nothing.
      minimalTlsVersion: propertyFact(record, ['minimalTlsVersion'], asString, NOT_EXPORTED),
      customerManagedKey: derivedFact(keyUri, (uri) => uri !== ''),
    };
  },
};

/**
 * `servers/<server>/auditingSettings/default` (`az sql server audit-policy show`, REST GET): its
 * `state` completes the server's facts. Auditing is off until enabled.
 * https://learn.microsoft.com/rest/api/sql/server-blob-auditing-policies/get
 */
export const sqlServerAuditing: Adapter = {
  kansaType: 'database.server',
  describesParent: true,
  facts(record): AzureDatabaseFacts {
    const state = propertyFact(record, ['state'], asString, {
      default: 'Disabled',
      note: { ja: '未設定: 監査は既定で無効です', en: 'absent: auditing is off by default' },
    });
    // On the server its path is the child's: `auditingSettings.properties.state`.
    return { auditingState: { ...state, path: `auditingSettings.${state.path}` } };
  },
};

/**
 * A server's IP firewall rule, as `az sql server firewall-rule list` and the ARM list body give
 * it: `startIpAddress` and `endIpAddress` under `properties`, or flattened by the CLI.
 * https://learn.microsoft.com/rest/api/sql/firewall-rules/list-by-server
 */
export const databaseFirewallRule: Adapter = {
  kansaType: 'network.firewall-rule',
  facts(record): AzureDatabaseFirewallRuleFacts {
    return {
      startIpAddress: propertyFact(record, ['startIpAddress'], asString, NOT_EXPORTED),
      endIpAddress: propertyFact(record, ['endIpAddress'], asString, NOT_EXPORTED),
    };
  },
};
