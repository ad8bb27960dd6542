import type { AzureDatabaseFacts } from '../../../model/azure.ts';
import { cloudDefault, explicit, type Fact, unknown } from '../../../model/fact.ts';
import type { Resource } from '../../../model/resource.ts';
import {
  MINIMUM_TLS,
  oldestTlsVersion,
  parseOnOff,
  SECURE_TRANSPORT,
} from '../../azure/adapters/databases.ts';
import { isCreated, type TfInstance } from '../document.ts';
import { isObject, type JsonObject } from '../kind.ts';
import { KNOWN_AFTER_APPLY, SENSITIVE_NOTE, type Translation } from '../translation.ts';
import {
  type BuildContext,
  isLeftOut,
  type PartLink,
  partsOf,
  spellingOf,
  type Unit,
  valueOrReference,
} from './adapter.ts';
import { enabledDisabled, fromArm, set } from './azure-record.ts';

/**
 * Azure Database for PostgreSQL / MySQL: flexible servers (azurerm 2.x–4.x) and the retired single
 * servers (`azurerm_postgresql_server`, `azurerm_mysql_server`, `azurerm_mariadb_server`, azurerm
 * 1.x–4.x), as the ARM records the Azure adapters read.
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server
 */

/**
 * A flexible server's public network access: `public_network_access` (MySQL, azurerm 4.x on, a
 * string, Optional+Computed; 5.0 removed the computed `public_network_access_enabled` beside it),
 * `public_network_access_enabled` (PostgreSQL 3.x on, default true; computed only in 3.0's
 * PostgreSQL and in MySQL up to 4.x). A new server whose plan computes it is private when it is
 * made in a delegated subnet (VNet integration), public otherwise.
 * https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking
 */
const PUBLIC_ACCESS = ['public_network_access', 'public_network_access_enabled'];

function flexiblePublicAccess(server: TfInstance, tr: Translation, ctx: BuildContext): string | undefined {
  const path = 'properties.network.publicNetworkAccess';
  const values = tr.valuesOf(server);
  const attribute = spellingOf(tr, ctx, server, PUBLIC_ACCESS);
  if (!isLeftOut(tr, ctx, server, attribute)) {
    const value = tr.read(server, attribute, path);
    return typeof value === 'string' ? value : enabledDisabled(value);
  }
  const subnet = values.read('delegated_subnet_id');
  const inSubnet =
    (subnet.state === 'known' && subnet.value !== '') ||
    (subnet.state === 'unknown' && ctx.config.sets(server, 'delegated_subnet_id'));
  tr.mark(path, `${server.address}.delegated_subnet_id`, 'assumed', {
    ja: inSubnet
      ? '委任されたサブネットに作成されるため、パブリック アクセスはありません'
      : '委任されたサブネットがないため、パブリック アクセスで作成されます',
    en: inSubnet
      ? 'made in a delegated subnet (VNet integration): no public access'
      : 'no delegated subnet: made with public access',
  });
  return inSubnet ? 'Disabled' : 'Enabled';
}

/** A read replica names its source: `create_mode = "Replica"` with `source_server_id`. */
function replicaOf(
  server: TfInstance,
  tr: Translation,
  ctx: BuildContext,
  sourceAttribute: string,
  sourcePath: string,
): JsonObject {
  if (tr.valuesOf(server).read('create_mode').state !== 'known') return {};
  const mode = tr.read(server, 'create_mode', 'properties.replicationRole');
  if (typeof mode !== 'string' || mode.toLowerCase() !== 'replica') return {};
  const source = valueOrReference(tr, ctx, server, sourceAttribute, `properties.${sourcePath}`);
  return typeof source === 'string' ? { replicationRole: 'Replica', [sourcePath]: source } : {};
}

/**
 * TLS from the server parameters (`azurerm_postgresql_flexible_server_configuration`,
 * `azurerm_mysql_flexible_server_configuration`: `name`, `value`), which the export reads from the
 * server's `configurations`: `require_secure_transport` and the oldest TLS version accepted. A new
 * server keeps Azure's defaults for those the plan does not write (TLS required, 1.2 at least);
 * an existing server's may have been set outside the configuration.
 * https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-ssl-tls
 */
function serverParameters(unit: Unit, tr: Translation, parameterType: string): Partial<AzureDatabaseFacts> {
  let requireSecureTransport: Fact<boolean> | undefined;
  let minimalTlsVersion: Fact<string> | undefined;
  let unnamed = false;
  for (const part of partsOf(unit, parameterType)) {
    const values = tr.valuesOf(part);
    const name = values.read('name');
    if (name.state !== 'known') {
      unnamed = true;
      continue;
    }
    const key = String(name.value).toLowerCase();
    if (key !== SECURE_TRANSPORT && !MINIMUM_TLS.has(key)) continue;
    const path = `${part.address}.value`;
    const value = values.read('value');
    const note =
      value.state === 'known'
        ? {
            ja: `値 ${String(value.value)} を解釈できません`,
            en: `the value ${String(value.value)} is not one kansa reads`,
          }
        : value.state === 'sensitive'
          ? SENSITIVE_NOTE
          : KNOWN_AFTER_APPLY;
    if (key === SECURE_TRANSPORT) {
      const on = value.state === 'known' ? parseOnOff(value.value) : undefined;
      requireSecureTransport = on === undefined ? unknown(path, note) : explicit(on, path);
    } else {
      const oldest = value.state === 'known' ? oldestTlsVersion(value.value) : undefined;
      minimalTlsVersion = oldest === undefined ? unknown(path, note) : explicit(oldest, path);
    }
  }
  if (!unnamed && isCreated(unit.primary)) {
    const where = `${unit.primary.address} (no ${parameterType})`;
    requireSecureTransport ??= cloudDefault(true, where, {
      ja: '未設定: 新しいサーバーは既定で TLS 接続を必須にします（require_secure_transport = ON）',
      en: 'not set: a new server requires TLS connections by default (require_secure_transport = ON)',
    });
    minimalTlsVersion ??= cloudDefault('TLSv1.2', where, {
      ja: '未設定: 新しいサーバーが受け付ける最も古い TLS は既定で 1.2 です',
      en: 'not set: the oldest TLS a new server accepts is 1.2 by default',
    });
  }
  return {
    ...(requireSecureTransport && { requireSecureTransport }),
    ...(minimalTlsVersion && { minimalTlsVersion }),
  };
}

function flexibleServer(type: string, parameterType: string) {
  return (unit: Unit, tr: Translation, ctx: BuildContext): Resource => {
    const server = unit.primary;
    const p: JsonObject = { network: {} };
    set(p.network as JsonObject, 'publicNetworkAccess', flexiblePublicAccess(server, tr, ctx));
    // A `customer_managed_key` block (azurerm 3.x on) encrypts with a Key Vault key, whose id is
    // often known only after apply.
    const keyPath = 'properties.dataEncryption.type';
    if (tr.valuesOf(server).present('customer_managed_key.0')) {
      tr.mark(keyPath, `${server.address}.customer_managed_key`, 'known');
      p.dataEncryption = { type: 'AzureKeyVault' };
    } else {
      const keys = tr.readComputed(
        server,
        'customer_managed_key',
        keyPath,
        ctx.config.sets(server, 'customer_managed_key'),
      );
      if (Array.isArray(keys)) p.dataEncryption = { type: 'SystemManaged' };
    }
    Object.assign(p, replicaOf(server, tr, ctx, 'source_server_id', 'sourceServerResourceId'));
    const resource = fromArm(type, p, tr);
    return { ...resource, facts: { ...resource.facts, ...serverParameters(unit, tr, parameterType) } };
  };
}

/**
 * A single server: `ssl_enforcement_enabled` (2.x on; early 2.x and 1.x `ssl_enforcement`,
 * "Enabled" / "Disabled"), `ssl_minimal_tls_version_enforced` (default TLSEnforcementDisabled in
 * 2.x, TLS1_2 in 3.x: the plan shows it), `public_network_access_enabled` (default true). A key
 * resource (`azurerm_postgresql_server_key`, `azurerm_mysql_server_key`) turns on BYOK; a new
 * server without one uses the service-managed key.
 */
function singleServer(type: string, keyType: string | undefined) {
  return (unit: Unit, tr: Translation, ctx: BuildContext): Resource => {
    const server = unit.primary;
    const values = tr.valuesOf(server);
    const p: JsonObject = {};
    set(
      p,
      'publicNetworkAccess',
      enabledDisabled(tr.read(server, 'public_network_access_enabled', 'properties.publicNetworkAccess')),
    );
    const enforcement =
      values.read('ssl_enforcement_enabled').state === 'absent' &&
      values.read('ssl_enforcement').state !== 'absent'
        ? tr.read(server, 'ssl_enforcement', 'properties.sslEnforcement')
        : enabledDisabled(tr.read(server, 'ssl_enforcement_enabled', 'properties.sslEnforcement'));
    set(p, 'sslEnforcement', enforcement);
    set(
      p,
      'minimalTlsVersion',
      tr.read(server, 'ssl_minimal_tls_version_enforced', 'properties.minimalTlsVersion'),
    );
    const key = keyType ? partsOf(unit, keyType).at(-1) : undefined;
    if (key) {
      tr.mark('properties.byokEnforcement', key.address, 'known');
      p.byokEnforcement = 'Enabled';
    } else if (!isCreated(server)) {
      tr.mark('properties.byokEnforcement', `${server.address} (no ${keyType ?? 'server key'})`, 'unmanaged');
    } else {
      tr.mark('properties.byokEnforcement', `${server.address} (no ${keyType ?? 'server key'})`, 'known');
    }
    Object.assign(p, replicaOf(server, tr, ctx, 'creation_source_server_id', 'masterServerId'));
    return fromArm(type, p, tr);
  };
}

/**
 * A Cosmos DB account (azurerm 2.x–4.x): `public_network_access_enabled` (default true; older 2.x
 * schemas lack it, and an account made without the switch takes the API's default, Enabled),
 * `is_virtual_network_filter_enabled` with `ip_range_filter` (a comma-separated string up to 3.x,
 * a set from 4.0), `minimal_tls_version` (late 3.x on; unknown where the schema lacks it),
 * `key_vault_key_id` or 4.x `managed_hsm_key_id` (a customer-managed key; the service-managed key
 * when left out), `geo_location` (the regions that keep a copy of the data).
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account
 */
function cosmosDbAccount(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const account = unit.primary;
  const values = tr.valuesOf(account);
  const p: JsonObject = {};
  const accessPath = 'properties.publicNetworkAccess';
  if (values.read('public_network_access_enabled').state === 'absent' && !isCreated(account))
    tr.mark(accessPath, `${account.address}.public_network_access_enabled`, 'unmanaged');
  else
    set(
      p,
      'publicNetworkAccess',
      enabledDisabled(tr.read(account, 'public_network_access_enabled', accessPath)),
    );
  const filterPath = 'properties.isVirtualNetworkFilterEnabled';
  const ipRules = tr.read(account, 'ip_range_filter', 'properties.ipRules');
  if (typeof ipRules === 'string') p.ipRangeFilter = ipRules;
  else if (Array.isArray(ipRules)) p.ipRules = ipRules.map((range) => ({ ipAddressOrRange: range }));
  set(p, 'isVirtualNetworkFilterEnabled', tr.read(account, 'is_virtual_network_filter_enabled', filterPath));
  // The virtual-network filter closes the account to the internet only without IP rules.
  if (values.read('ip_range_filter').state === 'unknown')
    tr.mark(filterPath, `${account.address}.ip_range_filter`, 'unknown');
  set(p, 'minimalTlsVersion', tr.read(account, 'minimal_tls_version', 'properties.minimalTlsVersion'));
  // azurerm 4.10–4.x name a Managed HSM key `managed_hsm_key_id` (5.0 folded it back into
  // `key_vault_key_id`): a customer-managed key as well.
  set(
    p,
    'keyVaultKeyUri',
    valueOrReference(
      tr,
      ctx,
      account,
      spellingOf(tr, ctx, account, ['key_vault_key_id', 'managed_hsm_key_id']),
      'properties.keyVaultKeyUri',
      ['azurerm_key_vault_key', 'azurerm_key_vault_managed_hardware_security_module_key'],
    ),
  );
  // Every `geo_location` keeps a full copy of the data; the export adapter places the account at one abroad.
  const regions = tr.read(account, 'geo_location', 'properties.locations');
  if (Array.isArray(regions))
    p.locations = regions.flatMap((region) =>
      isObject(region) && typeof region.location === 'string' ? [{ locationName: region.location }] : [],
    );
  return fromArm('Microsoft.DocumentDB/databaseAccounts', p, tr);
}

/**
 * A SQL Managed Instance (`azurerm_mssql_managed_instance`, azurerm 3.x on): its only way in from
 * the internet is the public data endpoint (`public_data_endpoint_enabled`, default false);
 * `minimum_tls_version` (default 1.2).
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_managed_instance
 */
function managedInstance(unit: Unit, tr: Translation): Resource {
  const instance = unit.primary;
  const p: JsonObject = {};
  set(
    p,
    'publicDataEndpointEnabled',
    tr.read(instance, 'public_data_endpoint_enabled', 'properties.publicDataEndpointEnabled'),
  );
  set(p, 'minimalTlsVersion', tr.read(instance, 'minimum_tls_version', 'properties.minimalTlsVersion'));
  return fromArm('Microsoft.Sql/managedInstances', p, tr);
}

const KEY_LINK: PartLink = { attribute: 'server_id', parentKeys: ['id'] };

export interface DatabaseAdapter {
  readonly build: (unit: Unit, tr: Translation, ctx: BuildContext) => Resource;
  readonly parts?: Readonly<Record<string, PartLink>>;
  readonly dataRegion?: true;
}

export const AZURE_DATABASES: Readonly<Record<string, DatabaseAdapter>> = {
  azurerm_postgresql_flexible_server: {
    build: flexibleServer(
      'Microsoft.DBforPostgreSQL/flexibleServers',
      'azurerm_postgresql_flexible_server_configuration',
    ),
    parts: { azurerm_postgresql_flexible_server_configuration: KEY_LINK },
  },
  azurerm_mysql_flexible_server: {
    build: flexibleServer(
      'Microsoft.DBforMySQL/flexibleServers',
      'azurerm_mysql_flexible_server_configuration',
    ),
    // azurerm 2.x–4.x name the server by `server_name` (with `resource_group_name`).
    parts: {
      azurerm_mysql_flexible_server_configuration: { attribute: 'server_name', parentKeys: ['name'] },
    },
  },
  azurerm_postgresql_server: {
    build: singleServer('Microsoft.DBforPostgreSQL/servers', 'azurerm_postgresql_server_key'),
    parts: { azurerm_postgresql_server_key: KEY_LINK },
  },
  azurerm_mysql_server: {
    build: singleServer('Microsoft.DBforMySQL/servers', 'azurerm_mysql_server_key'),
    parts: { azurerm_mysql_server_key: KEY_LINK },
  },
  azurerm_mariadb_server: { build: singleServer('Microsoft.DBforMariaDB/servers', undefined) },
  azurerm_cosmosdb_account: { build: cosmosDbAccount, dataRegion: true },
  azurerm_mssql_managed_instance: { build: managedInstance },
};
