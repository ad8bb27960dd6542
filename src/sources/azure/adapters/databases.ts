import type { AzureDatabaseFacts, AzureDatabaseFirewallRuleFacts } from '../../../model/azure.ts';
import { derived, explicit, type Fact, unknown } from '../../../model/fact.ts';
import { JAPAN_REGIONS } from '../../../model/japan-regions.ts';
import { type ArmRecord, get, getPath } from '../arm-record.ts';
import {
  asBoolean,
  asString,
  derivedFact,
  notSet,
  propertyFact,
  type WhenAbsent,
} from '../property-facts.ts';
import type { Adapter } from './adapter.ts';
import { cosmosPrimaryRegion } from './cosmos-regions.ts';
import { networkFacts, reachableByPublicNetworkAccess } from './network-access.ts';

const NOT_EXPORTED = notSet('absent: not in this export', '未設定: このエクスポートに含まれていません');

/**
 * SQL logical servers and Cosmos DB accounts take connections on their public endpoint unless
 * `publicNetworkAccess` is Disabled: an absent setting (API versions before the switch existed,
 * records that leave it out) is that default, as Azure Policy's built-ins read it too.
 * https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#deny-public-network-access
 * https://learn.microsoft.com/azure/cosmos-db/how-to-configure-firewall
 */
const PUBLIC_ENDPOINT_BY_DEFAULT: WhenAbsent<string> = {
  default: 'Enabled',
  note: {
    ja: '未設定: パブリック エンドポイントは既定で有効です（無効にするまでインターネットから接続を受け付けます）',
    en: 'absent: the public endpoint is enabled by default (it takes connections from the internet until disabled)',
  },
};

export const sqlServer: Adapter = {
  kansaType: 'database.server',
  facts(record): AzureDatabaseFacts {
    return {
      ...networkFacts(record, 'publicNetworkAccess', PUBLIC_ENDPOINT_BY_DEFAULT),
      minimalTlsVersion: propertyFact(record, ['minimalTlsVersion'], asString, {
        // https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#minimal-tls-version
        default: 'None',
        note: {
          ja: '未設定（None）: 最小 TLS バージョンが指定されず、古い TLS の接続も受け付けます',
          en: 'absent (None): no minimal TLS version is enforced, so older TLS connections are accepted',
        },
      }),
      // The TDE protector is a child resource (servers/encryptionProtector, read by its own
      // adapter), not in the server record.
      customerManagedKey: unknown('encryptionProtector.properties.serverKeyType', {
        ja: 'TDE 保護機能（encryptionProtector）はサーバー レコードに含まれていません',
        en: 'the TDE protector (servers/encryptionProtector) is not in the server record',
      }),
    };
  },
};

/**
 * SQL Managed Instance: it lives in a virtual network; its only way in from the internet is the
 * public data endpoint (`publicDataEndpointEnabled`, off unless turned on), which is read as
 * publicNetworkAccess Enabled / Disabled. `minimalTlsVersion` is None, 1.0, 1.1 or 1.2, as on
 * SQL servers. https://learn.microsoft.com/azure/azure-sql/managed-instance/public-endpoint-configure
 */
export const sqlManagedInstance: Adapter = {
  kansaType: 'database.instance',
  facts(record): AzureDatabaseFacts {
    const publicEndpoint = propertyFact(record, ['publicDataEndpointEnabled'], asBoolean, {
      default: false,
      note: {
        ja: '未設定: パブリック データ エンドポイントは既定で無効です',
        en: 'absent: the public data endpoint is off by default',
      },
    });
    const publicNetworkAccess = derivedFact(publicEndpoint, (enabled) => (enabled ? 'Enabled' : 'Disabled'));
    return {
      publicNetworkAccess,
      reachableFromInternet: reachableByPublicNetworkAccess(publicNetworkAccess),
      minimalTlsVersion: propertyFact(record, ['minimalTlsVersion'], asString, NOT_EXPORTED),
      // As on a server, the TDE protector is a child resource (managedInstances/encryptionProtector).
      customerManagedKey: unknown('encryptionProtector.properties.serverKeyType', {
        ja: 'TDE 保護機能（encryptionProtector）はマネージド インスタンスのレコードに含まれていません',
        en: 'the TDE protector (managedInstances/encryptionProtector) is not in the managed instance record',
      }),
    };
  },
};

/**
 * The TDE protector of a SQL server or managed instance (`servers/<s>/encryptionProtector/current`,
 * `az sql server tde-key show`): `serverKeyType` is ServiceManaged or AzureKeyVault (a
 * customer-managed key). It completes its parent's customerManagedKey.
 * https://learn.microsoft.com/rest/api/sql/encryption-protectors/get
 */
function encryptionProtector(kansaType: 'database.server' | 'database.instance'): Adapter {
  return {
    kansaType,
    describesParent: true,
    facts(record): AzureDatabaseFacts {
      const keyType = propertyFact(record, ['serverKeyType'], asString, NOT_EXPORTED);
      const customerManagedKey = derivedFact(keyType, (type) => type.toLowerCase() === 'azurekeyvault');
      // On the server its path is the child's.
      return { customerManagedKey: { ...customerManagedKey, path: `encryptionProtector.${keyType.path}` } };
    },
  };
}

export const sqlServerEncryptionProtector = encryptionProtector('database.server');
export const managedInstanceEncryptionProtector = encryptionProtector('database.instance');

/**
 * PostgreSQL and MySQL flexible servers: `dataEncryption.type` is SystemManaged or
 * AzureKeyVault; a read replica names its source in `sourceServerResourceId`. The preview API
 * (2020-07-01-preview, still in exports and recordings) wrote the single servers' names:
 * `publicNetworkAccess` and `sslEnforcement` at the top, `byokEnforcement`, `sourceServerId`.
 */
export const flexibleServer: Adapter = {
  kansaType: 'database.instance',
  facts(record): AzureDatabaseFacts {
    const encryption = propertyFact(record, ['dataEncryption.type', 'byokEnforcement'], asString, {
      // https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-data-encryption
      default: 'SystemManaged',
      note: {
        ja: '未設定: 既定のサービス マネージド キーで暗号化されます',
        en: 'absent: encrypted with the default service-managed key',
      },
    });
    return {
      ...networkFacts(record, ['network.publicNetworkAccess', 'publicNetworkAccess'], NOT_EXPORTED),
      // https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-ssl-tls
      minimalTlsVersion:
        sslNotEnforced(record) ??
        unknown('configurations/ssl_min_protocol_version', {
          ja: 'TLS の設定はサーバー パラメーター（require_secure_transport、ssl_min_protocol_version / tls_version）にあり、サーバー レコードには含まれていません',
          en: 'TLS is set by server parameters (require_secure_transport, ssl_min_protocol_version / tls_version), which are not in the server record',
        }),
      customerManagedKey: derivedFact(encryption, (type) =>
        ['azurekeyvault', 'enabled'].includes(type.toLowerCase()),
      ),
      ...replicaSource(record, ['sourceServerResourceId', 'sourceServerId']),
    };
  },
};

export const SECURE_TRANSPORT = 'require_secure_transport';
/** PostgreSQL's and MySQL's name for the oldest TLS version accepted. */
export const MINIMUM_TLS: ReadonlySet<string> = new Set(['ssl_min_protocol_version', 'tls_version']);
/** The flexible-server parameters that carry facts (the live scan reads only these of the list). */
export const TLS_PARAMETERS: ReadonlySet<string> = new Set([SECURE_TRANSPORT, ...MINIMUM_TLS]);

/**
 * A flexible server's parameter (`…/flexibleServers/<s>/configurations/<name>`, `az postgres|mysql
 * flexible-server parameter list|show`): `require_secure_transport` (on/off, ON/OFF) and the
 * oldest TLS version accepted, PostgreSQL `ssl_min_protocol_version` (TLSv1.2) and MySQL
 * `tls_version` (a list: TLSv1.2,TLSv1.3). They complete the server's facts; other parameters
 * carry none. https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-ssl-tls
 */
export const flexibleServerParameter: Adapter = {
  kansaType: 'database.instance',
  describesParent: true,
  facts(record): AzureDatabaseFacts {
    const name = record.name.toLowerCase();
    const path = `configurations/${name}`;
    if (name === SECURE_TRANSPORT) {
      const on = propertyFact(record, ['value'], parseOnOff, NOT_EXPORTED);
      return { requireSecureTransport: { ...on, path: `${path}.${on.path}` } };
    }
    if (MINIMUM_TLS.has(name)) {
      const oldest = propertyFact(record, ['value'], oldestTlsVersion, NOT_EXPORTED);
      return { minimalTlsVersion: { ...oldest, path: `${path}.${oldest.path}` } };
    }
    return {};
  },
};

export const parseOnOff = (value: unknown): boolean | undefined => {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  return text === 'on' ? true : text === 'off' ? false : undefined;
};

/** The oldest of `TLSv1.2,TLSv1.3` (as written, for the evidence); undefined when none parses. */
export function oldestTlsVersion(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let oldest: { text: string; rank: number } | undefined;
  for (const part of value.split(',')) {
    const match = /^\s*tlsv?(\d)(?:[._](\d))?\s*$/i.exec(part);
    if (!match) continue;
    const rank = Number(match[1]) * 10 + Number(match[2] ?? 0);
    if (!oldest || rank < oldest.rank) oldest = { text: part.trim(), rank };
  }
  return oldest?.text;
}

/**
 * Azure Database for PostgreSQL, MySQL and MariaDB single servers (`…/servers`, retired but
 * still in inventories): `publicNetworkAccess`, `sslEnforcement` and `minimalTlsVersion`
 * (TLS1_0, TLS1_1, TLS1_2, TLSEnforcementDisabled), `byokEnforcement`; a replica names its
 * source in `masterServerId`.
 * https://learn.microsoft.com/rest/api/postgresql/singleserver/servers/get
 */
export const singleServer: Adapter = {
  kansaType: 'database.instance',
  facts(record): AzureDatabaseFacts {
    const byok = propertyFact(record, ['byokEnforcement'], asString, {
      default: 'Disabled',
      note: {
        ja: '未設定: 既定のサービス マネージド キーで暗号化されます',
        en: 'absent: encrypted with the default service-managed key',
      },
    });
    return {
      ...networkFacts(record, ['publicNetworkAccess'], {
        default: 'Enabled',
        note: {
          ja: '未設定: 単一サーバーのパブリック エンドポイントは既定で有効です',
          en: 'absent: a single server’s public endpoint is enabled by default',
        },
      }),
      minimalTlsVersion:
        sslNotEnforced(record) ??
        propertyFact(record, ['minimalTlsVersion'], asString, {
          default: 'TLSEnforcementDisabled',
          note: {
            ja: '未設定（TLSEnforcementDisabled）: 最小 TLS バージョンが指定されていません',
            en: 'absent (TLSEnforcementDisabled): no minimal TLS version is enforced',
          },
        }),
      customerManagedKey: derivedFact(byok, (state) => state.toLowerCase() === 'enabled'),
      ...replicaSource(record, ['masterServerId']),
    };
  },
};

/** `sslEnforcement: Disabled` admits connections without TLS, whatever the minimal version says. */
function sslNotEnforced(record: ArmRecord): Fact<string> | undefined {
  const enforcement = getPath(record.properties, 'sslEnforcement');
  return typeof enforcement === 'string' && enforcement.toLowerCase() === 'disabled'
    ? explicit('TLSEnforcementDisabled', 'properties.sslEnforcement')
    : undefined;
}

function replicaSource(
  record: ArmRecord,
  sourcePaths: readonly string[],
): Pick<AzureDatabaseFacts, 'replicaOf'> {
  const role = getPath(record.properties, 'replicationRole');
  const isReplica = typeof role === 'string' && /replica/i.test(role);
  for (const path of sourcePaths) {
    const source = getPath(record.properties, path);
    if (isReplica && typeof source === 'string' && source !== '')
      return { replicaOf: explicit(source.toLowerCase(), `properties.${path}`) };
  }
  return {};
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
    const network = networkFacts(record, 'publicNetworkAccess', PUBLIC_ENDPOINT_BY_DEFAULT);
    return {
      ...network,
      reachableFromInternet: cosmosReachable(record, network.reachableFromInternet),
      // Tls, Tls11, Tls12; the default changed over time, so an absent value tells nothing.
      minimalTlsVersion: propertyFact(record, ['minimalTlsVersion'], asString, NOT_EXPORTED),
      customerManagedKey: derivedFact(keyUri, (uri) => uri !== ''),
      ...cosmosPrimaryRegion(record),
    };
  },
  dataRegion: replicaRegionAbroad,
};

/**
 * An account open to public networks is still closed to the internet when its firewall admits
 * virtual networks only: `isVirtualNetworkFilterEnabled` with no `ipRules`.
 * https://learn.microsoft.com/azure/cosmos-db/how-to-configure-firewall
 */
function cosmosReachable(
  record: ArmRecord,
  byPublicAccess: Fact<boolean> | undefined,
): Fact<boolean> | undefined {
  if (byPublicAccess?.source === 'unknown' || byPublicAccess?.value !== true) return byPublicAccess;
  // API versions before 2019-08-01 wrote the IP rules as one comma-separated `ipRangeFilter`.
  const ipRules = get(record.properties, 'ipRules');
  const ipRangeFilter = get(record.properties, 'ipRangeFilter');
  const noIpRules =
    (!Array.isArray(ipRules) || ipRules.length === 0) &&
    (typeof ipRangeFilter !== 'string' || ipRangeFilter.trim() === '');
  const vnetOnly = asBoolean(get(record.properties, 'isVirtualNetworkFilterEnabled')) === true;
  return vnetOnly && noIpRules
    ? derived(false, explicit(true, 'properties.isVirtualNetworkFilterEnabled'))
    : byPublicAccess;
}

/**
 * A Cosmos DB account keeps a full copy of its data in every region of `locations` (also
 * `readLocations`; display names such as `East US` in most dialects): one replicated outside
 * Japan is located at the first such region, as its data is kept there.
 * https://learn.microsoft.com/azure/cosmos-db/distribute-data-globally
 */
function replicaRegionAbroad(record: ArmRecord): string | undefined {
  for (const key of ['locations', 'readLocations', 'writeLocations']) {
    const list = get(record.properties, key);
    if (!Array.isArray(list)) continue;
    for (const location of list) {
      const name = get(location, 'locationName');
      const region = typeof name === 'string' ? name.replace(/\s+/g, '').toLowerCase() : '';
      if (region !== '' && !JAPAN_REGIONS.azure.has(region)) return region;
    }
  }
  return undefined;
}

/**
 * `servers/<server>/auditingSettings/default` (`az sql server audit-policy show`, REST GET), or
 * the extended policy `servers/<server>/extendedAuditingSettings/default` (the same `state`, with
 * a predicate): its `state` completes the server's facts. Auditing is off until enabled.
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
