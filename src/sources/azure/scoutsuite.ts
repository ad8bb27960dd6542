import type { Localized } from '../../model/localized.ts';
import type { Resource } from '../../model/resource.ts';
import type { ReadContext } from '../format.ts';
import { keptOnly } from '../scoutsuite-kept.ts';
import { membersOf, noteUnreadCollections, scopesOf } from '../scoutsuite-scopes.ts';
import { toResource } from './adapters/index.ts';
import { isObject, type JsonObject } from './arm-record.ts';
import { directoryUser } from './graph-directory.ts';
import { inheritedBy } from './inherited-assignments.ts';

/**
 * ScoutSuite's Azure results (`scout azure`, src/sources/scoutsuite.ts reads the file):
 * `services.<service>.subscriptions.<subscription id>.<collection>.<hash of the ARM id>`, each
 * resource as ScoutSuite/providers/azure/resources/… reshaped the SDK's model (`vars()` of it:
 * snake_case attributes, `additional_properties`; tags as `"key:value"` strings). Read, as the
 * ARM records their settings come from and through the type's adapter: network security groups
 * (every rule, custom and default, kept whole), key vaults (the SDK's `properties`, whole),
 * managed disks (their encryption type), virtual machines (what and where they are), storage accounts, of which ScoutSuite keeps a few
 * settings and no location, and SQL servers, of which it keeps only their auditing state and TDE
 * protector: the settings it does not keep are unknown, never the ARM default, and so is the
 * region of what it keeps no location of. The subscriptions' role assignments and the tenant's
 * Entra ID users are read as the records the Azure identity checks look up (each assignment at its
 * scope, its principal's type unknown where ScoutSuite writes "None"; each user by object id with
 * its `user_type` and sign-in name). App Service web apps are read with what ScoutSuite keeps of
 * them (`https_only`, the configuration's minimum TLS version), Defender for Cloud's plans with their
 * tier, MySQL and PostgreSQL single servers with their SSL enforcement. SQL databases, role
 * definitions, Defender's other settings and monitoring settings are not read yet (noted).
 */
export function* azureScoutSuiteResources(
  results: Record<string, unknown>,
  ctx: ReadContext,
): Generator<Resource> {
  const services = results.services as Record<string, unknown>;
  const origin = { file: ctx.file };
  const read = (raw: JsonObject): Resource | undefined => {
    const resource = toResource(raw, origin, (note) => ctx.note?.(note));
    if ('skip' in resource) {
      ctx.skip(`ScoutSuite ${String(raw.type)}: ${resource.skip}`);
      return undefined;
    }
    return resource;
  };
  for (const [subscription, scope] of scopesOf(services.network, 'subscriptions'))
    for (const [, group] of membersOf(scope.security_groups)) {
      const resource = read(securityGroupRecord(subscription, group));
      if (resource) yield resource;
    }
  for (const [subscription, scope] of scopesOf(services.keyvault, 'subscriptions'))
    for (const [, vault] of membersOf(scope.vaults)) {
      const resource = read(
        armRecord(subscription, vault, 'Microsoft.KeyVault/vaults', snakeToCamel(vault.properties)),
      );
      if (resource) yield resource;
    }
  for (const [subscription, scope] of scopesOf(services.storageaccounts, 'subscriptions'))
    for (const [, account] of membersOf(scope.storage_accounts)) {
      const settings = storageSettings(account);
      const resource = read(armRecord(subscription, account, 'Microsoft.Storage/storageAccounts', settings));
      // Whether the account is reachable is worked out from its public network access and its
      // firewall's IP rules as well as the default action: ScoutSuite keeps only the last.
      if (resource)
        yield { ...kept(resource, settings, STORAGE_NOT_KEPT, ['reachableFromInternet']), region: '' };
    }
  for (const [subscription, scope] of scopesOf(services.virtualmachines, 'subscriptions'))
    for (const [, disk] of membersOf(scope.disks)) {
      // disks.py keeps the encryption's `type` (as `encryption_type`), not the security profile
      // of a confidential VM's disk.
      const encryption =
        typeof disk.encryption_type === 'string' ? { encryption: { type: disk.encryption_type } } : {};
      const resource = read(armRecord(subscription, disk, 'Microsoft.Compute/disks', encryption));
      if (resource) yield kept(resource, encryption, DISK_NOT_KEPT);
    }
  for (const [subscription, scope] of scopesOf(services.virtualmachines, 'subscriptions'))
    for (const [, instance] of membersOf(scope.instances)) {
      // instances.py keeps what and where a VM is (`location`, `tags`), none of its security profile.
      const resource = read(armRecord(subscription, instance, 'Microsoft.Compute/virtualMachines', {}));
      if (resource) yield kept(resource, {}, VM_NOT_KEPT);
    }
  for (const [subscription, scope] of scopesOf(services.sqldatabase, 'subscriptions'))
    for (const [, server] of membersOf(scope.servers)) yield* sqlServerResources(subscription, server, read);
  for (const [service, type] of SINGLE_SERVERS)
    for (const [subscription, scope] of scopesOf(services[service], 'subscriptions'))
      for (const [, server] of membersOf(scope.servers)) {
        const settings = singleServerSettings(server);
        const resource = read(armRecord(subscription, server, type, settings));
        if (resource) yield { ...kept(resource, settings, SINGLE_SERVER_NOT_KEPT), region: '' };
      }
  for (const [subscription, scope] of scopesOf(services.appservice, 'subscriptions'))
    for (const [, app] of membersOf(scope.web_apps)) {
      const settings = webAppSettings(app);
      const resource = read({
        ...armRecord(subscription, app, 'Microsoft.Web/sites', settings),
        ...(typeof app.kind === 'string' && { kind: app.kind }),
      });
      if (resource) yield kept(resource, settings, WEB_APP_NOT_KEPT);
    }
  for (const [subscription, scope] of scopesOf(services.securitycenter, 'subscriptions'))
    for (const [, pricing] of membersOf(scope.pricings)) {
      const record = pricingRecord(subscription, pricing);
      const resource = record && read(record);
      if (resource) yield kept(resource, record.properties, PRICING_NOT_KEPT);
      else if (!record) ctx.skip('ScoutSuite securitycenter pricing: no name');
    }
  for (const [subscription, scope] of scopesOf(services.rbac, 'subscriptions'))
    for (const [key, assignment] of membersOf(scope.role_assignments)) {
      const resource = read(roleAssignmentRecord(subscription, key, assignment));
      if (resource) yield resource;
    }
  // aad (Microsoft Graph, ScoutSuite 5.13 on) or graphrbac (AAD Graph, before): users by object
  // id, with the sign-in name (`name`), `user_type` and `account_enabled` aad/users.py keeps.
  for (const service of [services.aad, services.graphrbac])
    for (const [, user] of membersOf(isObject(service) ? service.users : undefined)) {
      const item = {
        id: user.id,
        userPrincipalName: user.name,
        userType: user.user_type,
        accountEnabled: user.account_enabled,
      };
      const directory = directoryUser(item, origin);
      if (directory) yield directory;
      else ctx.skip('ScoutSuite aad user: no object id and sign-in name (name)');
    }
  noteUnreadCollections(services, 'subscriptions', READ, ctx);
}

/**
 * The resource with its facts read from the `settings` ScoutSuite kept; those read from the rest
 * of `properties`, and the `combined` ones worked out from settings it does not keep as well,
 * unknown, `note` saying so (keptOnly).
 */
function kept(
  resource: Resource,
  settings: unknown,
  note: Localized,
  combined: readonly string[] = [],
): Resource {
  return { ...resource, facts: keptOnly(resource.facts, settings, 'properties', note, combined) };
}

/** What is read, by service: its collections of resources. */
const READ: Readonly<Record<string, readonly string[]>> = {
  network: ['security_groups'],
  keyvault: ['vaults'],
  storageaccounts: ['storage_accounts'],
  virtualmachines: ['disks', 'instances'],
  sqldatabase: ['servers'],
  mysqldatabase: ['servers'],
  postgresqldatabase: ['servers'],
  appservice: ['web_apps'],
  rbac: ['role_assignments'],
  securitycenter: ['pricings'],
};

/**
 * rbac/role_assignments.py keeps an assignment's `name`, `role_definition_id`, `scope` and
 * `principal_id`, and writes its `principal_type` "None" (it stopped reading it): the ARM record
 * of the assignment at its scope, the principal's type left unknown unless ScoutSuite kept one.
 * The list is the subscription's (`role_assignments.list()`), which holds those it inherits from
 * its management groups and the root: such an assignment is the subscription's too, as in the
 * CLI's and the REST API's lists (inherited-assignments.ts).
 */
function roleAssignmentRecord(
  subscription: string,
  key: string,
  assignment: Record<string, unknown>,
): JsonObject {
  const name = typeof assignment.name === 'string' ? assignment.name : key;
  const scope = typeof assignment.scope === 'string' ? assignment.scope.replace(/\/$/, '') : '';
  const type = assignment.principal_type;
  const id = `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`;
  const record = {
    id,
    name,
    type: 'Microsoft.Authorization/roleAssignments',
    properties: {
      roleDefinitionId: assignment.role_definition_id,
      principalId: assignment.principal_id,
      scope: assignment.scope,
      ...(typeof type === 'string' && type !== 'None' && { principalType: type }),
    },
  };
  return scope.toLowerCase().startsWith('/subscriptions/') ? record : inheritedBy(subscription, record, id);
}

/**
 * The ARM record of a resource ScoutSuite names by `name` and `resource_group_name` (its own `id`
 * is a hash of the ARM id): the id made again from them and the subscription.
 */
function armRecord(
  subscription: string,
  resource: Record<string, unknown>,
  type: string,
  properties: unknown,
): JsonObject {
  return {
    id: `/subscriptions/${subscription}/resourceGroups/${String(resource.resource_group_name)}/providers/${type}/${String(resource.name)}`,
    name: resource.name as string,
    type,
    ...(typeof resource.location === 'string' && { location: resource.location }),
    tags: tagsOf(resource.tags),
    properties: isObject(properties) ? properties : {},
  } as JsonObject;
}

/** ScoutSuite's `["key:value", …]` (the tag's key holds no colon in Azure's own examples). */
function tagsOf(tags: unknown): Record<string, string> {
  if (isObject(tags))
    return Object.fromEntries(Object.entries(tags).map(([key, value]) => [key, String(value)]));
  if (!Array.isArray(tags)) return {};
  return Object.fromEntries(
    tags.flatMap((tag) => {
      if (typeof tag !== 'string') return [];
      const colon = tag.indexOf(':');
      return colon === -1 ? [[tag, '']] : [[tag.slice(0, colon), tag.slice(colon + 1)]];
    }),
  );
}

/**
 * The SDK model's snake_case attributes as ARM's camelCase properties (`enable_purge_protection`
 * → `enablePurgeProtection`, `network_acls.default_action` → `networkAcls.defaultAction`),
 * without the SDK's own `additional_properties`.
 */
function snakeToCamel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeToCamel);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'additional_properties')
      .map(([key, member]) => [
        key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()),
        snakeToCamel(member),
      ]),
  );
}

/**
 * network/security_groups.py: `security_rules` keyed by the rule's ARM id, custom and default
 * (`default`) together, each with `allow`, `direction`, `priority`, `protocol`,
 * `source_address_prefixes` (an application security group's hash instead, with
 * `source_address_prefixes_is_asg`), `source_port_ranges`, `destination_address_prefixes` and
 * `destination_port_ranges`, read back into ARM's `securityRules` and `defaultSecurityRules`. The
 * group's ARM id is its rules' ids without the rule. ScoutSuite drops a rule's destination
 * application security groups (its destination prefixes are then empty): such a rule stands for
 * the VMs of a group no other rule names, so a Deny to them closes nothing.
 */
function securityGroupRecord(subscription: string, group: Record<string, unknown>): JsonObject {
  const custom: JsonObject[] = [];
  const defaults: JsonObject[] = [];
  let ruleGroupId: string | undefined;
  let readable = true;
  for (const [, rule] of membersOf(group.security_rules)) {
    const id = typeof rule.id === 'string' ? rule.id : undefined;
    ruleGroupId ??= id?.replace(/\/(?:default)?securityRules\/[^/]+$/i, '');
    const prefixes = stringList(rule.source_address_prefixes);
    const ports = stringList(rule.destination_port_ranges);
    const sourcePorts = stringList(rule.source_port_ranges);
    if (typeof rule.allow !== 'boolean' || typeof rule.direction !== 'string' || !prefixes || !ports) {
      readable = false;
      continue;
    }
    (rule.default === true ? defaults : custom).push({
      ...(id && { id }),
      name: typeof rule.name === 'string' ? rule.name : '',
      properties: {
        access: rule.allow ? 'Allow' : 'Deny',
        direction: rule.direction,
        ...(typeof rule.priority === 'number' && { priority: rule.priority }),
        ...(typeof rule.protocol === 'string' && { protocol: rule.protocol }),
        // An application security group is named by ScoutSuite's hash of its id: not an address.
        ...(rule.source_address_prefixes_is_asg === true
          ? { sourceApplicationSecurityGroups: prefixes.map((asg) => ({ id: asg })) }
          : { sourceAddressPrefixes: prefixes }),
        ...destinationsOf(rule),
        ...(sourcePorts && { sourcePortRanges: sourcePorts }),
        destinationPortRanges: ports,
      },
    });
  }
  const record = armRecord(subscription, group, 'Microsoft.Network/networkSecurityGroups', {
    // A rule that cannot be read back may be the one that opens the group: the rules are then
    // of no readable type (unknown), never a shorter list.
    securityRules: readable ? custom : UNREADABLE_RULES,
    defaultSecurityRules: defaults,
  });
  return ruleGroupId ? { ...record, id: ruleGroupId } : record;
}

function destinationsOf(rule: Record<string, unknown>): JsonObject {
  const prefixes = stringList(rule.destination_address_prefixes);
  if (prefixes && prefixes.length > 0) return { destinationAddressPrefixes: prefixes };
  return { destinationApplicationSecurityGroups: [{ id: `${String(rule.id ?? rule.name)}#destination` }] };
}

const UNREADABLE_RULES = 'a rule ScoutSuite kept without its access, direction, sources or ports';

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

/**
 * storage_accounts.py keeps `https_traffic_enabled` (`enable_https_traffic_only`),
 * `public_traffic_allowed` (the firewall's default action is Allow), `bypass`,
 * `shared_key_access_allowed` (`allow_shared_key_access` not false: null is allowed, as in ARM)
 * and `encryption_key_source`.
 */
function storageSettings(account: Record<string, unknown>): JsonObject {
  const settings: JsonObject = {};
  if (typeof account.https_traffic_enabled === 'boolean')
    settings.supportsHttpsTrafficOnly = account.https_traffic_enabled;
  if (typeof account.public_traffic_allowed === 'boolean')
    settings.networkAcls = {
      defaultAction: account.public_traffic_allowed ? 'Allow' : 'Deny',
      ...(typeof account.bypass === 'string' && { bypass: account.bypass }),
    };
  if (typeof account.shared_key_access_allowed === 'boolean')
    settings.allowSharedKeyAccess = account.shared_key_access_allowed;
  if (typeof account.encryption_key_source === 'string')
    settings.encryption = { keySource: account.encryption_key_source };
  return settings;
}

const STORAGE_NOT_KEPT: Localized = {
  ja: 'ScoutSuite の結果はストレージ アカウントのこの設定を保持しません',
  en: "ScoutSuite's results do not keep this setting of the storage account",
};

const DISK_NOT_KEPT: Localized = {
  ja: 'ScoutSuite の結果はディスクのこの設定を保持しません',
  en: "ScoutSuite's results do not keep this setting of the disk",
};

/**
 * sqldatabase/servers.py keeps of a SQL server its name, resource group and tags, and beside them
 * its children's answers: `auditing` (server_blob_auditing_policies.py: `auditing_enabled`,
 * whether the policy's `state` is Enabled) and `encryption_protectors`
 * (server_encryption_protectors.py: `server_key_type`) among them. The server is read with none of
 * its own settings known (ScoutSuite keeps neither its location, nor its public network access,
 * nor its minimum TLS version); its auditing and TDE protector as the `auditingSettings/default`
 * and `encryptionProtector/current` children that complete the server's facts.
 */
function* sqlServerResources(
  subscription: string,
  server: Record<string, unknown>,
  read: (raw: JsonObject) => Resource | undefined,
): Generator<Resource> {
  const record = armRecord(subscription, server, 'Microsoft.Sql/servers', {});
  const resource = read(record);
  if (resource) yield { ...kept(resource, {}, SQL_SERVER_NOT_KEPT), region: '' };
  const auditing = isObject(server.auditing) ? server.auditing.auditing_enabled : undefined;
  const keyType = isObject(server.encryption_protectors)
    ? server.encryption_protectors.server_key_type
    : undefined;
  const children: JsonObject[] = [
    ...(typeof auditing === 'boolean'
      ? [
          {
            id: `${String(record.id)}/auditingSettings/default`,
            name: 'default',
            type: 'Microsoft.Sql/servers/auditingSettings',
            properties: { state: auditing ? 'Enabled' : 'Disabled' },
          },
        ]
      : []),
    ...(typeof keyType === 'string'
      ? [
          {
            id: `${String(record.id)}/encryptionProtector/current`,
            name: 'current',
            type: 'Microsoft.Sql/servers/encryptionProtector',
            properties: { serverKeyType: keyType },
          },
        ]
      : []),
  ];
  for (const raw of children) {
    const child = read(raw);
    if (child) yield child;
  }
}

/** The services of Azure Database for MySQL and PostgreSQL single servers, by the servers' ARM type. */
const SINGLE_SERVERS = [
  ['mysqldatabase', 'Microsoft.DBforMySQL/servers'],
  ['postgresqldatabase', 'Microsoft.DBforPostgreSQL/servers'],
] as const;

/**
 * mysqldatabase/mysql_servers.py and postgresqldatabase/postgresql_servers.py keep of a single
 * server its name, resource group, tags and `ssl_enforcement` (Enabled / Disabled, null where the
 * SDK had none): not its location, minimal TLS version, public network access or BYOK state. The
 * PostgreSQL server's children (its firewall rules, its log_* parameters) are not read.
 */
function singleServerSettings(server: Record<string, unknown>): JsonObject {
  return typeof server.ssl_enforcement === 'string' ? { sslEnforcement: server.ssl_enforcement } : {};
}

const SINGLE_SERVER_NOT_KEPT: Localized = {
  ja: 'ScoutSuite の結果は MySQL / PostgreSQL サーバーのこの設定を保持しません',
  en: "ScoutSuite's results do not keep this setting of the MySQL / PostgreSQL server",
};

const VM_NOT_KEPT: Localized = {
  ja: 'ScoutSuite の結果は仮想マシンのこの設定を保持しません',
  en: "ScoutSuite's results do not keep this setting of the virtual machine",
};

const SQL_SERVER_NOT_KEPT: Localized = {
  ja: 'ScoutSuite の結果は SQL サーバーのこの設定を保持しません',
  en: "ScoutSuite's results do not keep this setting of the SQL server",
};

/**
 * appservice/web_apps.py keeps the site's `https_only` and, from the site's configuration
 * (get_configuration), `minimum_tls_version_supported` (null when the configuration was not read);
 * not its FTPS state (a TODO there) nor its public network access. Its `site_config` is the list
 * answer's, whose values ARM leaves null: not read.
 */
function webAppSettings(app: Record<string, unknown>): JsonObject {
  return {
    ...(typeof app.https_only === 'boolean' && { httpsOnly: app.https_only }),
    ...(typeof app.minimum_tls_version_supported === 'string' && {
      siteConfig: { minTlsVersion: app.minimum_tls_version_supported },
    }),
  };
}

const WEB_APP_NOT_KEPT: Localized = {
  ja: 'ScoutSuite の結果は App Service アプリのこの設定を保持しません',
  en: "ScoutSuite's results do not keep this setting of the App Service app",
};

/**
 * securitycenter/pricings.py keeps a Defender plan's `id` (its ARM id), `name` and `pricing_tier`,
 * not whether the plan is `deprecated` (unknown). The id is made from the subscription and the
 * name where it is not kept.
 */
function pricingRecord(
  subscription: string,
  pricing: Record<string, unknown>,
): (JsonObject & { properties: JsonObject }) | undefined {
  if (typeof pricing.name !== 'string' || pricing.name === '') return undefined;
  return {
    id:
      typeof pricing.id === 'string' && pricing.id.startsWith('/')
        ? pricing.id
        : `/subscriptions/${subscription}/providers/Microsoft.Security/pricings/${pricing.name}`,
    name: pricing.name,
    type: 'Microsoft.Security/pricings',
    properties: typeof pricing.pricing_tier === 'string' ? { pricingTier: pricing.pricing_tier } : {},
  };
}

const PRICING_NOT_KEPT: Localized = {
  ja: 'ScoutSuite の結果は Defender プランのこの設定を保持しません',
  en: "ScoutSuite's results do not keep this setting of the Defender plan",
};
