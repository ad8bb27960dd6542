import { cloudDefault, derived, explicit, type Fact, unknown } from '../../../model/fact.ts';
import type { Resource } from '../../../model/resource.ts';
import { isCreated, type TfInstance } from '../document.ts';
import type { JsonObject } from '../kind.ts';
import { KNOWN_AFTER_APPLY, SENSITIVE_NOTE, type Translation } from '../translation.ts';
import { type BuildContext, type PartLink, partsOf, removedPart, type Unit } from './adapter.ts';
import { enabledDisabled, fromArm, set } from './azure-record.ts';

/** Azure SQL logical servers (`azurerm_mssql_server`, 1.x–3.x `azurerm_sql_server`) and their firewall rules. */
export function mssqlServer(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const server = unit.primary;
  const p: JsonObject = {};
  set(p, 'publicNetworkAccess', publicNetworkAccess(server, tr));
  set(p, 'minimalTlsVersion', tr.read(server, 'minimum_tls_version', 'properties.minimalTlsVersion'));
  const resource = fromArm('Microsoft.Sql/servers', p, tr);
  return {
    ...resource,
    facts: {
      ...resource.facts,
      ...auditing(unit, tr),
      customerManagedKey:
        tdeResourceKey(unit, tr, ctx) ??
        tdeKey(server, tr, ctx.config.sets(server, 'transparent_data_encryption_key_vault_key_id')),
    },
  };
}

/**
 * `public_network_access_enabled`. azurerm 2.x's `azurerm_sql_server` has no such attribute (its
 * plans leave it out): a new server is made without the setting, and the API's default is
 * Enabled, as `azurerm_mssql_server`'s default of true says.
 */
function publicNetworkAccess(server: TfInstance, tr: Translation): string | undefined {
  const attribute = 'public_network_access_enabled';
  const path = 'properties.publicNetworkAccess';
  const isNew = isCreated(server);
  if (tr.valuesOf(server).read(attribute).state === 'absent') {
    // An existing server's switch may have been turned outside the configuration, which (2.x)
    // cannot manage it: not the default the export adapter gives an absent field.
    if (!isNew) tr.mark(path, `${server.address}.${attribute}`, 'unmanaged');
    else
      tr.mark(path, `${server.address}.${attribute}`, 'assumed', {
        ja: '未設定: 新しいサーバーのパブリック ネットワーク アクセスは既定で有効です',
        en: 'not set: a new server has public network access enabled by default',
      });
    return isNew ? 'Enabled' : undefined;
  }
  return enabledDisabled(tr.read(server, attribute, path));
}

/**
 * Server auditing from `azurerm_mssql_server_extended_auditing_policy` (`enabled`, true unless
 * set), read by the export adapter of the `auditingSettings/default` record; the policy resource
 * names an azurerm 2.x–3.x `azurerm_sql_server` as well (`server_id = azurerm_sql_server.x.id`).
 * Without one a new server's auditing is off; an existing server's may have been set outside the
 * configuration.
 */
function auditing(unit: Unit, tr: Translation): object {
  const path = 'auditingSettings.properties.state';
  const policy = partsOf(unit, 'azurerm_mssql_server_extended_auditing_policy').at(-1);
  const properties: JsonObject = {};
  if (policy && tr.valuesOf(policy).read('enabled').state === 'absent') {
    // azurerm 2.x's resource has no `enabled` (3.0 added it, default true): the policy turns it on.
    tr.mark(path, policy.address, 'known');
    properties.state = 'Enabled';
  } else if (policy) {
    const enabled = tr.read(policy, 'enabled', path);
    if (typeof enabled === 'boolean') properties.state = enabled ? 'Enabled' : 'Disabled';
  } else if (tr.valuesOf(unit.primary).present('extended_auditing_policy.0')) {
    // azurerm 2.x: an inline `extended_auditing_policy` block (no `enabled` flag: the block turns it on).
    tr.mark(path, `${unit.primary.address}.extended_auditing_policy`, 'known');
    properties.state = 'Enabled';
  } else {
    const isNew = isCreated(unit.primary);
    tr.mark(
      path,
      `${unit.primary.address} (no azurerm_mssql_server_extended_auditing_policy)`,
      isNew ? 'known' : 'unmanaged',
    );
  }
  return fromArm('Microsoft.Sql/servers/auditingSettings', properties, tr).facts;
}

/**
 * The server's TDE protector: a Key Vault key when `transparent_data_encryption_key_vault_key_id`
 * is set, else the service-managed key (the server record of an export does not show it).
 */
function tdeKey(server: TfInstance, tr: Translation, configured: boolean): Fact<boolean> {
  const attribute = 'transparent_data_encryption_key_vault_key_id';
  const path = `${server.address}.${attribute}`;
  const read = tr.valuesOf(server).read(attribute);
  if (read.state === 'known') return derived(read.value !== '', explicit(read.value, path));
  const isNew = isCreated(server);
  if (read.state === 'absent' || (read.state === 'unknown' && isNew && !configured)) {
    return cloudDefault(false, path, {
      ja: '未設定: TDE はサービス管理キーで暗号化されます',
      en: 'not set: TDE uses the service-managed key',
    });
  }
  // A new server's attribute is computed: unknown unless the configuration sets it.
  return unknown(path, read.state === 'sensitive' ? SENSITIVE_NOTE : KNOWN_AFTER_APPLY);
}

const TDE = 'azurerm_mssql_server_transparent_data_encryption';

/**
 * The TDE protector set by `azurerm_mssql_server_transparent_data_encryption` (azurerm 2.x–4.x):
 * a Key Vault key (`key_vault_key_id`) or, from 3.x, a Managed HSM key (`managed_hsm_key_id`);
 * neither is the service-managed key. Both are Optional, not computed: known after apply only
 * when the configuration names a key (one the plan creates). Undefined without the resource.
 */
function tdeResourceKey(unit: Unit, tr: Translation, ctx: BuildContext): Fact<boolean> | undefined {
  const part = partsOf(unit, TDE).at(-1);
  if (!part) {
    const gone = removedPart(unit, TDE);
    // Deleting the resource sets the protector back to the service-managed key.
    return gone ? explicit(false, `${gone.address} (deleted by the plan)`) : undefined;
  }
  const values = tr.valuesOf(part);
  for (const attribute of ['key_vault_key_id', 'managed_hsm_key_id']) {
    const read = values.read(attribute);
    const path = `${part.address}.${attribute}`;
    if (read.state === 'known' && read.value !== '') return explicit(true, path);
    if (read.state === 'unknown' && ctx.config.sets(part, attribute)) return explicit(true, path);
    if (read.state === 'unknown' || read.state === 'sensitive')
      return unknown(path, read.state === 'sensitive' ? SENSITIVE_NOTE : KNOWN_AFTER_APPLY);
  }
  return explicit(false, `${part.address}.key_vault_key_id`);
}

/**
 * Server-level firewall rules, judged with their server, which they open to the addresses they
 * name: the server resource types `server_id` (or `server_name`: azurerm 1.x–3.x
 * `azurerm_sql_firewall_rule`, and `azurerm_mysql_flexible_server_firewall_rule` in every version)
 * can name, and the rule's ARM type.
 */
const FIREWALL_RULES: Readonly<Record<string, { armType: string; byId: string[]; byName: string[] }>> = {
  azurerm_mssql_firewall_rule: {
    armType: 'Microsoft.Sql/servers/firewallRules',
    byId: ['azurerm_mssql_server'],
    byName: [],
  },
  azurerm_sql_firewall_rule: {
    armType: 'Microsoft.Sql/servers/firewallRules',
    byId: ['azurerm_mssql_server'],
    byName: ['azurerm_sql_server', 'azurerm_mssql_server'],
  },
  azurerm_postgresql_flexible_server_firewall_rule: {
    armType: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
    byId: ['azurerm_postgresql_flexible_server'],
    byName: [],
  },
  azurerm_mysql_flexible_server_firewall_rule: {
    armType: 'Microsoft.DBforMySQL/flexibleServers/firewallRules',
    byId: [],
    byName: ['azurerm_mysql_flexible_server'],
  },
};

export const FIREWALL_RULE_TYPES: readonly string[] = Object.keys(FIREWALL_RULES);

export function sqlFirewallRule(unit: Unit, tr: Translation): Resource {
  const p: JsonObject = {};
  set(p, 'startIpAddress', tr.read(unit.primary, 'start_ip_address', 'properties.startIpAddress'));
  set(p, 'endIpAddress', tr.read(unit.primary, 'end_ip_address', 'properties.endIpAddress'));
  return fromArm(FIREWALL_RULES[unit.primary.type]?.armType ?? 'Microsoft.Sql/servers/firewallRules', p, tr);
}

/** Under the server of the plan it names, as ARM ids are. */
export function sqlFirewallRuleId(unit: Unit, ctx: BuildContext): string | undefined {
  const rule = unit.primary;
  const servers = FIREWALL_RULES[rule.type];
  if (!servers) return undefined;
  const [server] = [
    ...(servers.byId.length > 0 ? ctx.referenced(rule, 'server_id', servers.byId) : []),
    ...(servers.byName.length > 0 ? ctx.referenced(rule, 'server_name', servers.byName) : []),
  ];
  const name = rule.after.read('name');
  return server && name.state === 'known'
    ? `${ctx.idOf(server)}/firewallrules/${String(name.value)}`
    : undefined;
}

/** The split resources of `azurerm_mssql_server`. */
export const MSSQL_SERVER_PARTS: Readonly<Record<string, PartLink>> = {
  azurerm_mssql_server_extended_auditing_policy: { attribute: 'server_id', parentKeys: ['id'] },
  [TDE]: { attribute: 'server_id', parentKeys: ['id'] },
};
