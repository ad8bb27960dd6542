import type { AzureDiagnosedFacts } from '../../../model/azure.ts';
import { explicit, unknown } from '../../../model/fact.ts';
import type { Resource } from '../../../model/resource.ts';
import { isCreated, type TfInstance } from '../document.ts';
import { isObject, type JsonObject } from '../kind.ts';
import { KNOWN_AFTER_APPLY, type Translation } from '../translation.ts';
import {
  type Attachment,
  attachmentsListed,
  type BuildContext,
  isLeftOut,
  notInSchema,
  partsOf,
  readFirst,
  resourceNamedBy,
  type TerraformAdapter,
  type Unit,
  valueOrReference,
} from './adapter.ts';
import { azureAuthorizationAdapters } from './azure-authorization.ts';
import { azureAzapiAdapters } from './azure-azapi.ts';
import {
  containerRegistry,
  kubernetesCluster,
  managedDisk,
  virtualMachine,
  webApp,
} from './azure-compute.ts';
import { consumptionBudget } from './azure-cost.ts';
import { AZURE_DATABASES } from './azure-database.ts';
import { azureDirectoryAdapters } from './azure-directory.ts';
import { keyVaultKey, MANAGED_HSM_KEY_PARTS, managedHsmKey } from './azure-keys.ts';
import { azureNetworkAdapters } from './azure-network.ts';
import { networkSecurityGroup } from './azure-nsg.ts';
import { AZURE_LOCATED_ONLY, enabledDisabled, fromArm, set } from './azure-record.ts';
import { securityPricing, securityPricingId } from './azure-security.ts';
import {
  FIREWALL_RULE_TYPES,
  MSSQL_SERVER_PARTS,
  mssqlServer,
  sqlFirewallRule,
  sqlFirewallRuleId,
} from './azure-sql.ts';

/**
 * azurerm resources as ARM records (`properties` spelt as the ARM REST API and Resource Graph
 * spell them), read by the Azure adapters.
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs
 */

/**
 * Anonymous blob access: `allow_nested_items_to_be_public` (3.x on, default true) was
 * `allow_blob_public_access` (2.x, default false); azurerm 1.x has neither, and sends nothing.
 * An absent setting allows anonymous access only on accounts made before Azure's November 2023
 * default: a new account of a schema without either attribute takes whatever default the
 * platform applies when the plan is applied, which the plan cannot tell; of an account that
 * exists, a state (or plan) of that schema does not record the setting, which may have been set
 * since outside Terraform.
 */
const BLOB_PUBLIC_ACCESS = ['allow_nested_items_to_be_public', 'allow_blob_public_access'];

function blobPublicAccessOf(account: TfInstance, tr: Translation, ctx: BuildContext): unknown {
  const path = 'properties.allowBlobPublicAccess';
  if (!BLOB_PUBLIC_ACCESS.some((attribute) => attribute in tr.valuesOf(account).values)) {
    tr.mark(
      path,
      `${account.address}.allow_blob_public_access`,
      'unknown',
      isCreated(account)
        ? {
            ja: 'このプロバイダーのスキーマにこの属性がなく、新しいアカウントの匿名アクセスは適用時のプラットフォームの既定値に従います（2023 年 11 月から無効）',
            en: "not in this provider's schema: a new account takes the platform's default when the plan is applied (off since November 2023)",
          }
        : {
            ja: 'このプロバイダーのスキーマにこの属性がなく（azurerm 1.x）、既存のアカウントが匿名アクセスを許可しているかは記録されていません',
            en: "not in this provider's schema (azurerm 1.x): whether the existing account allows anonymous access is not recorded",
          },
    );
    return undefined;
  }
  return readFirst(tr, ctx, account, BLOB_PUBLIC_ACCESS, path);
}

/**
 * HTTPS only: `https_traffic_only_enabled` (azurerm 3.114 on) was `enable_https_traffic_only`
 * (1.x–3.x, removed in 4.0), each "Defaults to true" where it is the only one. 3.114–3.117 have
 * both, Optional+Computed: a new account that sets neither has both known only after apply, and
 * the provider creates it with HTTPS only.
 */
const HTTPS_ONLY = ['https_traffic_only_enabled', 'enable_https_traffic_only'];

function httpsOnlyOf(account: TfInstance, tr: Translation, ctx: BuildContext): unknown {
  const path = 'properties.supportsHttpsTrafficOnly';
  if (HTTPS_ONLY.every((attribute) => isLeftOut(tr, ctx, account, attribute))) {
    tr.mark(path, `${account.address}.${HTTPS_ONLY[0]}`, 'assumed', {
      ja: '構成にないため、新しいアカウントは HTTPS のみで作成されます（azurerm の既定値 true）',
      en: "not in the configuration: a new account is made HTTPS only (azurerm's default, true)",
    });
    return true;
  }
  return readFirst(tr, ctx, account, HTTPS_ONLY, path);
}

function storageAccount(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const account = unit.primary;
  const p: JsonObject = {};
  set(p, 'allowBlobPublicAccess', blobPublicAccessOf(account, tr, ctx));
  set(
    p,
    'publicNetworkAccess',
    enabledDisabled(tr.read(account, 'public_network_access_enabled', 'properties.publicNetworkAccess')),
  );
  set(p, 'supportsHttpsTrafficOnly', httpsOnlyOf(account, tr, ctx));
  set(p, 'minimumTlsVersion', tr.read(account, 'min_tls_version', 'properties.minimumTlsVersion'));
  set(
    p,
    'allowSharedKeyAccess',
    tr.read(account, 'shared_access_key_enabled', 'properties.allowSharedKeyAccess'),
  );
  set(p, 'secondaryLocation', tr.read(account, 'secondary_location', 'properties.secondaryLocation'));

  // Network rules: the split resource wins over the inline block.
  const rules = partsOf(unit, 'azurerm_storage_account_network_rules').at(-1);
  const [source, prefix] = rules ? [rules, ''] : [account, 'network_rules.0.'];
  const defaultAction = rules
    ? tr.read(rules, 'default_action', 'properties.networkAcls.defaultAction')
    : tr.readComputed(
        account,
        'network_rules.0.default_action',
        'properties.networkAcls.defaultAction',
        ctx.config.sets(account, 'network_rules'),
      );
  if (defaultAction !== undefined) {
    // `ip_rules` is Optional+Computed: a new block that leaves it out gets none.
    const ipRules = tr.readComputed(
      source,
      `${prefix}ip_rules`,
      'properties.networkAcls.ipRules',
      ctx.config.sets(source, `${prefix}ip_rules`),
    );
    p.networkAcls = {
      defaultAction,
      ...(Array.isArray(ipRules) && { ipRules: ipRules.map((value) => ({ value, action: 'Allow' })) }),
    };
  }

  // A customer-managed key: the split resource, or the inline block, whose key id is often known
  // only after apply (the block is there all the same, `dynamic` ones too).
  const keyPath = 'properties.encryption.keySource';
  const cmk = partsOf(unit, 'azurerm_storage_account_customer_managed_key').at(-1);
  if (cmk) {
    tr.mark(keyPath, `${cmk.address}`, 'known');
    p.encryption = { keySource: 'Microsoft.Keyvault' };
  } else if (tr.valuesOf(account).present('customer_managed_key.0')) {
    tr.mark(keyPath, `${account.address}.customer_managed_key`, 'known');
    p.encryption = { keySource: 'Microsoft.Keyvault' };
  } else if (!notInSchema(tr, account, 'customer_managed_key', keyPath)) {
    // No block (an empty list, or left out of a new account, or of azurerm 2.x's schema, which has
    // only the split resource): Microsoft-managed keys.
    tr.readComputed(
      account,
      'customer_managed_key',
      keyPath,
      ctx.config.sets(account, 'customer_managed_key'),
    );
    p.encryption = { keySource: 'Microsoft.Storage' };
  }

  // Terraform does not show when the access keys were made: a new account's are made on apply.
  const isNew = isCreated(account);
  tr.mark(
    'properties.keyCreationTime',
    `${account.address}.primary_access_key`,
    isNew ? 'unknown' : 'unmanaged',
  );

  const tier = tr.read(account, 'account_tier', 'sku.name');
  const replication = tr.read(account, 'account_replication_type', 'sku.name');
  const sku =
    typeof tier === 'string' && typeof replication === 'string'
      ? { name: `${tier}_${replication}` }
      : undefined;
  return fromArm('Microsoft.Storage/storageAccounts', p, tr, sku ? { sku } : {});
}

/** Soft delete can no longer be turned off (azurerm 3.x dropped the switch); purge protection can. */
/**
 * Soft delete: on for every vault since Azure force-enabled it (December 2020). azurerm 3.x on has
 * no `soft_delete_enabled` (absent); 2.42–2.99 keep it non-functional, "defaults to true", and
 * 2.x before it is Optional+Computed: a new vault whose configuration leaves it out has it known
 * only after apply, and gets soft delete.
 */
function softDeleteOf(vault: TfInstance, tr: Translation, ctx: BuildContext): unknown {
  const path = 'properties.enableSoftDelete';
  const state = tr.valuesOf(vault).read('soft_delete_enabled').state;
  if (state === 'absent') {
    tr.mark(path, `${vault.address}.soft_delete_retention_days`, 'known');
    return true;
  }
  if (isLeftOut(tr, ctx, vault, 'soft_delete_enabled')) {
    tr.mark(path, `${vault.address}.soft_delete_enabled`, 'assumed', {
      ja: '構成にありません: Azure は 2020 年 12 月からすべてのキー コンテナーで論理的な削除を有効にしています（azurerm 2.42 以降の既定値も true）',
      en: 'not in the configuration: Azure has turned soft delete on for every vault since December 2020 (azurerm 2.42 on defaults it to true)',
    });
    return true;
  }
  return tr.read(vault, 'soft_delete_enabled', path);
}

function keyVault(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const vault = unit.primary;
  const p: JsonObject = {};
  set(p, 'sku', wrap('name', tr.read(vault, 'sku_name', 'properties.sku.name')));
  set(p, 'enableSoftDelete', softDeleteOf(vault, tr, ctx));
  set(
    p,
    'enablePurgeProtection',
    tr.read(vault, 'purge_protection_enabled', 'properties.enablePurgeProtection'),
  );
  set(
    p,
    'publicNetworkAccess',
    enabledDisabled(tr.read(vault, 'public_network_access_enabled', 'properties.publicNetworkAccess')),
  );
  // `network_acls` is Optional+Computed: a new vault that leaves it out has no firewall (Allow).
  const vaultAction = tr.readComputed(
    vault,
    'network_acls.0.default_action',
    'properties.networkAcls.defaultAction',
    ctx.config.sets(vault, 'network_acls'),
  );
  if (vaultAction !== undefined) {
    const ipRules = tr.read(vault, 'network_acls.0.ip_rules', 'properties.networkAcls.ipRules');
    p.networkAcls = {
      defaultAction: vaultAction,
      ipRules: (Array.isArray(ipRules) ? ipRules : []).map((value) => ({ value })),
    };
  }
  return fromArm('Microsoft.KeyVault/vaults', p, tr);
}

function wrap(key: string, value: unknown): JsonObject | undefined {
  return value === undefined ? undefined : { [key]: value };
}

const DESTINATIONS: Readonly<Record<string, string>> = {
  workspaceId: 'log_analytics_workspace_id',
  storageAccountId: 'storage_account_id',
  eventHubAuthorizationRuleId: 'eventhub_authorization_rule_id',
  marketplacePartnerId: 'partner_solution_id',
};

/**
 * A diagnostic setting. Its target and destinations are often created by the same plan (ids
 * known after apply): a reference to a resource of the plan names it by its address.
 */
function diagnosticSetting(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const setting = unit.primary;
  const p: JsonObject = {};
  for (const [field, attribute] of Object.entries(DESTINATIONS)) {
    set(p, field, valueOrReference(tr, ctx, setting, attribute, `properties.${field}`));
  }
  const logsPath = 'properties.logs';
  const logs: JsonObject[] = [];
  const values = tr.valuesOf(setting);
  for (const attribute of ['enabled_log', 'log']) {
    const state = values.read(attribute).state;
    if (state === 'absent') continue;
    // azurerm 3.39–3.x made `log` and the new `enabled_log` both Optional+Computed (exactly one of
    // them written): a configuration that writes one has the other known after apply, the same
    // enabled categories read back. (A `dynamic` block is not in `expressions`: with neither
    // written, the computed one stays unknown.)
    const other = attribute === 'log' ? 'enabled_log' : 'log';
    if (state === 'unknown' && values.present(`${other}.0`) && !ctx.config.sets(setting, attribute)) continue;
    const blocks = tr.read(setting, attribute, logsPath);
    for (const block of Array.isArray(blocks) ? blocks : []) {
      if (!isObject(block)) continue;
      logs.push({
        category: block.category,
        categoryGroup: block.category_group,
        enabled: block.enabled ?? true,
      });
    }
  }
  if (!logs.length) tr.mark(logsPath, `${setting.address}.enabled_log`, 'known');
  p.logs = logs;
  const resource = fromArm('Microsoft.Insights/diagnosticSettings', p, tr);
  const targetPath = `${setting.address}.target_resource_id`;
  const target = resourceNamedBy(tr, ctx, setting, 'target_resource_id', targetPath);
  return {
    ...resource,
    facts: {
      ...resource.facts,
      targetResourceId:
        typeof target === 'string'
          ? explicit(target.toLowerCase(), targetPath)
          : unknown(targetPath, KNOWN_AFTER_APPLY),
    },
  };
}

/** `non_ssl_port_enabled` (azurerm 3.x late, 4.x) was `enable_non_ssl_port` (1.x–3.x, removed in 4.0). */
function redisCache(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const cache = unit.primary;
  const p: JsonObject = {};
  set(
    p,
    'enableNonSslPort',
    readFirst(tr, ctx, cache, ['non_ssl_port_enabled', 'enable_non_ssl_port'], 'properties.enableNonSslPort'),
  );
  set(p, 'minimumTlsVersion', tr.read(cache, 'minimum_tls_version', 'properties.minimumTlsVersion'));
  set(
    p,
    'publicNetworkAccess',
    enabledDisabled(tr.read(cache, 'public_network_access_enabled', 'properties.publicNetworkAccess')),
  );
  return fromArm('Microsoft.Cache/Redis', p, tr);
}

/**
 * `minimum_tls_version` (1.0, 1.1, 1.2; Optional, default 1.2). Whether a database takes plaintext
 * clients is `azurerm_redis_enterprise_database`'s `client_protocol`, not read here: unknown.
 */
function redisEnterpriseCluster(unit: Unit, tr: Translation): Resource {
  const p: JsonObject = {};
  set(p, 'minimumTlsVersion', tr.read(unit.primary, 'minimum_tls_version', 'properties.minimumTlsVersion'));
  return fromArm('Microsoft.Cache/redisEnterprise', p, tr);
}

/** `retention_in_days`: Optional+Computed, the API's 30 days when a new workspace leaves it out. */
function logAnalyticsWorkspace(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const workspace = unit.primary;
  const p: JsonObject = {};
  set(
    p,
    'retentionInDays',
    tr.readComputed(
      workspace,
      'retention_in_days',
      'properties.retentionInDays',
      ctx.config.sets(workspace, 'retention_in_days'),
    ),
  );
  return fromArm('Microsoft.OperationalInsights/workspaces', p, tr);
}

type Build = (unit: Unit, tr: Translation, ctx: BuildContext) => Resource;

function azure(build: Build, extra: Partial<TerraformAdapter> = {}): TerraformAdapter {
  return {
    provider: 'azure',
    build: (unit, tr, ctx) => {
      const resource = build(unit, tr, ctx);
      const primary = unit.primary;
      const isNew = isCreated(primary);
      const facts: AzureDiagnosedFacts = {
        diagnosticSettingsListed: attachmentsListed(primary, isNew, DIAGNOSTIC_SETTINGS, ctx),
      };
      return { ...resource, facts: { ...resource.facts, ...facts } };
    },
    ...extra,
  };
}

const DIAGNOSTIC_SETTING = 'azurerm_monitor_diagnostic_setting';

/** A resource's diagnostic settings: those of the plan are all a resource it creates has (attachmentsListed). */
const DIAGNOSTIC_SETTINGS: Attachment = {
  type: DIAGNOSTIC_SETTING,
  targets: ['target_resource_id'],
  targetTypes: [],
  existing: {
    ja: 'このリソースは既存のため、Terraform の構成の外で作られた診断設定は計画に現れません',
    en: 'the resource exists already: diagnostic settings made outside the Terraform configuration are not in the plan',
  },
  unnamed: {
    ja: '計画の診断設定が対象とするリソースが適用後まで分からないため、このリソースの診断設定かどうか判断できません',
    en: "a diagnostic setting of the plan targets a resource known only after apply: it may be this resource's",
  },
};

export const azureAdapters: Readonly<Record<string, TerraformAdapter>> = {
  ...azureAuthorizationAdapters,
  ...azureAzapiAdapters,
  ...azureDirectoryAdapters,
  ...azureNetworkAdapters,
  azurerm_storage_account: azure(storageAccount, {
    parts: {
      azurerm_storage_account_network_rules: {
        attribute: 'storage_account_id',
        parentKeys: ['id'],
        // azurerm 2.x (deprecated in 3.x, removed in 4.0): the account's name, with its resource group.
        older: { attribute: 'storage_account_name', parentKeys: ['name'] },
      },
      azurerm_storage_account_customer_managed_key: { attribute: 'storage_account_id', parentKeys: ['id'] },
    },
  }),
  azurerm_network_security_group: azure(networkSecurityGroup, {
    parts: {
      azurerm_network_security_rule: {
        attribute: 'network_security_group_name',
        parentKeys: ['name'],
        standalone: 'own-location',
      },
    },
  }),
  azurerm_key_vault: azure(keyVault),
  azurerm_key_vault_key: azure(keyVaultKey),
  azurerm_key_vault_managed_hardware_security_module_key: azure(managedHsmKey, {
    parts: MANAGED_HSM_KEY_PARTS,
  }),
  azurerm_container_registry: azure(containerRegistry),
  azurerm_mssql_server: azure(mssqlServer, {
    parts: MSSQL_SERVER_PARTS,
  }),
  // azurerm 1.x–3.x (removed in 4.0): the same server, auditing inline or split as the new one's.
  azurerm_sql_server: azure(mssqlServer, { parts: MSSQL_SERVER_PARTS }),
  ...Object.fromEntries(
    FIREWALL_RULE_TYPES.map((type) => [type, azure(sqlFirewallRule, { idOf: sqlFirewallRuleId })]),
  ),
  ...Object.fromEntries(
    Object.entries(AZURE_DATABASES).map(([type, { build, parts, dataRegion }]) => [
      type,
      azure(build, { ...(parts && { parts }), ...(dataRegion && { dataRegion }) }),
    ]),
  ),
  azurerm_monitor_diagnostic_setting: azure(diagnosticSetting, { global: true }),
  azurerm_kubernetes_cluster: azure(kubernetesCluster),
  azurerm_redis_cache: azure(redisCache),
  azurerm_redis_enterprise_cluster: azure(redisEnterpriseCluster),
  azurerm_security_center_subscription_pricing: azure(securityPricing, {
    global: true,
    idOf: (unit, _ctx, account) => securityPricingId(unit, account),
    nameOf: (unit) => unit.primary.after.knownText('resource_type'),
  }),
  azurerm_consumption_budget_subscription: azure(consumptionBudget, { global: true }),
  azurerm_log_analytics_workspace: azure(logAnalyticsWorkspace),
  azurerm_linux_virtual_machine: azure(virtualMachine),
  azurerm_windows_virtual_machine: azure(virtualMachine),
  azurerm_virtual_machine: azure(virtualMachine),
  azurerm_managed_disk: azure(managedDisk),
  azurerm_linux_web_app: azure(webApp),
  azurerm_windows_web_app: azure(webApp),
  azurerm_linux_function_app: azure(webApp),
  azurerm_windows_function_app: azure(webApp),
  azurerm_app_service: azure(webApp),
  azurerm_function_app: azure(webApp),
  ...Object.fromEntries(
    [
      'azurerm_linux_web_app_slot',
      'azurerm_windows_web_app_slot',
      'azurerm_linux_function_app_slot',
      'azurerm_windows_function_app_slot',
      'azurerm_app_service_slot',
      'azurerm_function_app_slot',
    ].map((type) => [type, azure(webApp)]),
  ),
  ...Object.fromEntries(
    Object.entries(AZURE_LOCATED_ONLY).map(([type, armType]) => [
      type,
      azure((_unit, tr) => fromArm(armType, {}, tr)),
    ]),
  ),
};
