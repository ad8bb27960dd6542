import type { Resource } from '../../../model/resource.ts';
import { isCreated, type TfInstance } from '../document.ts';
import { isObject, type JsonObject } from '../kind.ts';
import type { TfRead } from '../tf-values.ts';
import type { Translation } from '../translation.ts';
import { type BuildContext, notInSchema, readFirst, spellingOf, type Unit } from './adapter.ts';
import { enabledDisabled, fromArm, set } from './azure-record.ts';

/**
 * azurerm compute resources: AKS clusters and container registries, virtual machines, managed
 * disks and App Service apps.
 */

export function kubernetesCluster(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const cluster = unit.primary;
  const p: JsonObject = {};
  const profile: JsonObject = {};
  // Optional+Computed in azurerm 2.x: a new cluster that leaves it out has a public API server.
  // azurerm 1.x–2.0 spell it `private_link_enabled` (deprecated beside the new name until 3.0).
  const privateSpellings = ['private_cluster_enabled', 'private_link_enabled'];
  set(
    profile,
    'enablePrivateCluster',
    tr.readComputed(
      cluster,
      spellingOf(tr, ctx, cluster, privateSpellings),
      'properties.apiServerAccessProfile.enablePrivateCluster',
      privateSpellings.some((attribute) => ctx.config.sets(cluster, attribute)),
    ),
  );
  // `api_server_access_profile.authorized_ip_ranges` (azurerm 3.39 on, 4.x's only spelling) and
  // `api_server_authorized_ip_ranges` (removed in 4.0): both Optional+Computed in 3.x, so a new
  // cluster that sets neither has no authorized range, and the one a configuration leaves out is
  // computed.
  const rangeSpellings = [
    'api_server_access_profile.0.authorized_ip_ranges',
    'api_server_authorized_ip_ranges',
  ];
  const ranges = tr.readComputed(
    cluster,
    spellingOf(tr, ctx, cluster, rangeSpellings),
    'properties.apiServerAccessProfile.authorizedIPRanges',
    ['api_server_access_profile', 'api_server_authorized_ip_ranges'].some((attribute) =>
      ctx.config.sets(cluster, attribute),
    ),
  );
  set(profile, 'authorizedIPRanges', ranges);
  p.apiServerAccessProfile = profile;
  // azurerm 2.x: a `role_based_access_control { enabled }` block, Optional+Computed (2.60–2.90
  // kubernetes_cluster_resource.go): a new cluster that leaves it out gets AKS's default, RBAC on
  // (2.99's `role_based_access_control_enabled` "Defaults to true").
  const values = tr.valuesOf(cluster);
  const isNew = isCreated(cluster);
  if (
    isNew &&
    values.read('role_based_access_control_enabled').state === 'absent' &&
    values.read('role_based_access_control').state === 'unknown' &&
    !values.present('role_based_access_control') &&
    !ctx.config.sets(cluster, 'role_based_access_control')
  ) {
    tr.mark('properties.enableRBAC', `${cluster.address}.role_based_access_control`, 'assumed', {
      ja: '構成にないため、AKS の既定値（RBAC 有効）です',
      en: 'not in the configuration: AKS’s default (RBAC on)',
    });
    p.enableRBAC = true;
  } else {
    set(
      p,
      'enableRBAC',
      readFirst(
        tr,
        ctx,
        cluster,
        ['role_based_access_control_enabled', 'role_based_access_control.0.enabled'],
        'properties.enableRBAC',
      ),
    );
  }
  // 2.x before `local_account_disabled` (2.60 has none).
  if (!notInSchema(tr, cluster, 'local_account_disabled', 'properties.disableLocalAccounts'))
    set(
      p,
      'disableLocalAccounts',
      tr.read(cluster, 'local_account_disabled', 'properties.disableLocalAccounts'),
    );
  set(p, 'diskEncryptionSetID', tr.read(cluster, 'disk_encryption_set_id', 'properties.diskEncryptionSetID'));
  return fromArm('Microsoft.ContainerService/managedClusters', p, tr);
}

/**
 * A virtual machine: `encryption_at_host_enabled` (default false). The legacy
 * `azurerm_virtual_machine`, and `azurerm_linux_virtual_machine` / `_windows_virtual_machine` of
 * early 2.x, have no such attribute: a VM they create has encryption at host off (the API's
 * default); on one that exists it may have been turned on outside the configuration.
 */
export function virtualMachine(unit: Unit, tr: Translation): Resource {
  const vm = unit.primary;
  const attribute = 'encryption_at_host_enabled';
  const path = 'properties.securityProfile.encryptionAtHost';
  const p: JsonObject = {};
  const osDisk = osDiskOf(vm, tr);
  if (osDisk) p.storageProfile = { osDisk };
  if (!isCreated(vm) && tr.valuesOf(vm).read(attribute).state === 'absent') {
    tr.mark(path, `${vm.address}.${attribute}`, 'unmanaged');
  } else {
    const host = tr.read(vm, attribute, path);
    if (host !== undefined) p.securityProfile = { encryptionAtHost: host };
  }
  return fromArm('Microsoft.Compute/virtualMachines', p, tr);
}

/**
 * The managed OS disk that `azurerm_linux_virtual_machine` / `_windows_virtual_machine` make with
 * the VM (`os_disk`), whose key is in no other resource of the plan: a disk encryption set
 * (`disk_encryption_set_id`, a confidential VM's `secure_vm_disk_encryption_set_id`) is there
 * even when its id is known only after apply. The legacy `azurerm_virtual_machine`'s
 * `storage_os_disk` may be unmanaged (a VHD): not read.
 */
function osDiskOf(vm: TfInstance, tr: Translation): JsonObject | undefined {
  const values = tr.valuesOf(vm);
  if (vm.type === 'azurerm_virtual_machine' || !values.present('os_disk.0')) return undefined;
  const path = 'properties.storageProfile.osDisk.managedDisk.diskEncryptionSet.id';
  const keys = ['os_disk.0.disk_encryption_set_id', 'os_disk.0.secure_vm_disk_encryption_set_id'];
  const set =
    keys.find((key) => namesSet(values.read(key))) ??
    keys.find((key) => values.read(key).state === 'unknown');
  if (set === undefined) {
    // Not set (null, or a state's ""), or not shown (sensitive): read for the mark.
    const key = keys.find((k) => values.read(k).state === 'sensitive') ?? keys[0]!;
    tr.read(vm, key, path);
    return { managedDisk: {} };
  }
  tr.mark(path, `${vm.address}.${set}`, 'known');
  const read = values.read(set);
  return {
    managedDisk: { diskEncryptionSet: { id: read.state === 'known' ? read.value : `${vm.address}.${set}` } },
  };
}

/**
 * A disk with a disk encryption set uses a customer-managed key; without one, the platform key.
 * A set the configuration names (`disk_encryption_set_id = azurerm_disk_encryption_set.x.id`) is
 * there even while its id is known only after apply, as a VM's OS disk's is.
 */
export function managedDisk(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const disk = unit.primary;
  const path = 'properties.encryption.type';
  const set_ = tr.valuesOf(disk).read('disk_encryption_set_id');
  const named = set_.state === 'unknown' && ctx.config.sets(disk, 'disk_encryption_set_id');
  if (!named && (set_.state === 'unknown' || set_.state === 'sensitive')) {
    tr.read(disk, 'disk_encryption_set_id', path);
    return fromArm('Microsoft.Compute/disks', {}, tr);
  }
  tr.mark(path, `${disk.address}.disk_encryption_set_id`, 'known');
  const type =
    named || namesSet(set_) ? 'EncryptionAtRestWithCustomerKey' : 'EncryptionAtRestWithPlatformKey';
  return fromArm('Microsoft.Compute/disks', { encryption: { type } }, tr);
}

/** A disk encryption set id the values show: a state writes an unset one as "". */
function namesSet(read: TfRead): boolean {
  return read.state === 'known' && typeof read.value === 'string' && read.value !== '';
}

/**
 * App Service apps: azurerm 3.x `azurerm_linux_web_app` / `_windows_web_app` and function apps,
 * and their 2.x forms `azurerm_app_service` / `azurerm_function_app`; and their deployment slots
 * (`*_slot`), apps of their own with the same `https_only` and `site_config`.
 */
export function webApp(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const app = unit.primary;
  const p: JsonObject = {};
  set(p, 'httpsOnly', tr.read(app, 'https_only', 'properties.httpsOnly'));
  set(
    p,
    'publicNetworkAccess',
    enabledDisabled(tr.read(app, 'public_network_access_enabled', 'properties.publicNetworkAccess')),
  );
  const siteConfig = legacyDefaults(app, tr, ctx);
  if (siteConfig.minTlsVersion === undefined)
    set(
      siteConfig,
      'minTlsVersion',
      // `min_tls_version` in azurerm 2.x's azurerm_app_service / azurerm_function_app.
      readFirst(
        tr,
        ctx,
        app,
        ['site_config.0.minimum_tls_version', 'site_config.0.min_tls_version'],
        'properties.siteConfig.minTlsVersion',
      ),
    );
  if (siteConfig.ftpsState === undefined)
    set(siteConfig, 'ftpsState', tr.read(app, 'site_config.0.ftps_state', 'properties.siteConfig.ftpsState'));
  p.siteConfig = siteConfig;
  return fromArm(app.type.endsWith('_slot') ? 'Microsoft.Web/sites/slots' : 'Microsoft.Web/sites', p, tr);
}

/**
 * azurerm 2.x `azurerm_app_service` / `azurerm_function_app` (and their slots): `site_config` and its
 * `min_tls_version` are Optional+Computed, "1.2 for new app services" (and function apps); a
 * function app's `ftps_state` "Defaults to AllAllowed". A new app whose configuration leaves them
 * out gets those.
 */
function legacyDefaults(app: TfInstance, tr: Translation, ctx: BuildContext): JsonObject {
  const defaults: Record<string, Record<string, string>> = {
    azurerm_app_service: { min_tls_version: '1.2' },
    azurerm_app_service_slot: { min_tls_version: '1.2' },
    azurerm_function_app: { min_tls_version: '1.2', ftps_state: 'AllAllowed' },
    azurerm_function_app_slot: { min_tls_version: '1.2', ftps_state: 'AllAllowed' },
  };
  const native: Record<string, string> = { min_tls_version: 'minTlsVersion', ftps_state: 'ftpsState' };
  const isNew = isCreated(app);
  const result: JsonObject = {};
  for (const [attribute, value] of Object.entries(defaults[app.type] ?? {})) {
    const path = `site_config.0.${attribute}`;
    if (!isNew || tr.valuesOf(app).read(path).state !== 'unknown' || ctx.config.sets(app, path)) continue;
    const field = native[attribute] ?? attribute;
    tr.mark(`properties.siteConfig.${field}`, `${app.address}.${path}`, 'assumed', {
      ja: `構成にないため、新しいアプリの既定値（${value}）です`,
      en: `not in the configuration: a new app's default (${value})`,
    });
    result[field] = value;
  }
  return result;
}

/**
 * azurerm_container_registry: `admin_enabled` (default false), `public_network_access_enabled`
 * (default true), the Premium firewall `network_rule_set` (Optional+Computed: a new registry that
 * leaves it out accepts every network) and `encryption`: in 3.x an Optional+Computed block with
 * `enabled` (default false), from 4.0 the block alone (`key_vault_key_id`, a customer-managed key).
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/container_registry
 */
export function containerRegistry(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const registry = unit.primary;
  const p: JsonObject = {};
  set(p, 'adminUserEnabled', tr.read(registry, 'admin_enabled', 'properties.adminUserEnabled'));
  set(
    p,
    'publicNetworkAccess',
    enabledDisabled(tr.read(registry, 'public_network_access_enabled', 'properties.publicNetworkAccess')),
  );
  const action = tr.readComputed(
    registry,
    'network_rule_set.0.default_action',
    'properties.networkRuleSet.defaultAction',
    ctx.config.sets(registry, 'network_rule_set'),
  );
  if (action !== undefined) {
    const ipRules = tr.read(registry, 'network_rule_set.0.ip_rule', 'properties.networkRuleSet.ipRules');
    p.networkRuleSet = {
      defaultAction: action,
      ipRules: (Array.isArray(ipRules) ? ipRules : [])
        .filter(isObject)
        .map((rule) => ({ action: rule.action, value: rule.ip_range })),
    };
  }
  const statusPath = 'properties.encryption.status';
  if (tr.valuesOf(registry).present('encryption.0')) {
    // 4.x has no `enabled`: the block is the customer-managed key.
    if (tr.valuesOf(registry).read('encryption.0.enabled').state === 'absent') {
      tr.mark(statusPath, `${registry.address}.encryption`, 'known');
      p.encryption = { status: 'enabled' };
    } else {
      const enabled = tr.read(registry, 'encryption.0.enabled', statusPath);
      if (typeof enabled === 'boolean') p.encryption = { status: enabled ? 'enabled' : 'disabled' };
    }
  } else {
    tr.readComputed(registry, 'encryption', statusPath, ctx.config.sets(registry, 'encryption'));
  }
  return fromArm('Microsoft.ContainerRegistry/registries', p, tr);
}
