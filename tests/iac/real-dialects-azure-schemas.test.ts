import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * azurerm plans whose configuration does not say what the values say (SOURCES.md, "Dialects of
 * public plans"): blocks written by `dynamic` blocks, which the configuration's `expressions` leave
 * out, a 1.x schema that lacks an attribute the later versions default, and the OS disk a VM
 * makes, which is no resource of the plan.
 */

const providers = { azurerm: { features: constant([{}]) } };

/** A new storage account of azurerm 3.x as a registry module writes it (a `dynamic` block for each optional block). */
function account(name: string, after: Json, afterUnknown: Json): Change {
  return {
    address: `azurerm_storage_account.${name}`,
    after: {
      name,
      location: 'japaneast',
      account_tier: 'Standard',
      account_replication_type: 'ZRS',
      allow_nested_items_to_be_public: false,
      enable_https_traffic_only: true,
      min_tls_version: 'TLS1_2',
      public_network_access_enabled: true,
      customer_managed_key: [],
      identity: [],
      ...after,
    },
    afterUnknown: { id: true, primary_access_key: true, customer_managed_key: [], ...afterUnknown },
    // The module's `dynamic "customer_managed_key"` is not here.
    expressions: { name: ref('each.value.name'), account_tier: constant('Standard') },
  };
}

describe('azurerm blocks written by dynamic blocks', () => {
  // Modelled on azurerm 3.x plans of registry storage modules (Azure/terraform-azurerm-avm-res-storage-storageaccount):
  // `customer_managed_key` written by a `dynamic` block, its key id known only after apply.
  const document = plan(
    [
      account(
        'dynamic_cmk',
        { customer_managed_key: [{}], identity: [{ type: 'UserAssigned', identity_ids: null }] },
        {
          customer_managed_key: [{ key_vault_key_id: true, user_assigned_identity_id: true }],
          identity: [{ identity_ids: true, principal_id: true, tenant_id: true }],
          network_rules: true,
        },
      ),
      account('no_blocks', {}, { network_rules: true }),
    ],
    { formatVersion: '1.2', terraformVersion: '1.5.7', providers },
  );

  it('reads a customer_managed_key block the plan shows, key id unknown, as a customer-managed key', async () => {
    const scanned = await scanDocument(document);
    const finding = findingOf(
      scanned,
      'azure.storage.customer-managed-key',
      'azurerm_storage_account.dynamic_cmk',
    );
    expect(finding.status).toBe('PASS');
    expect(finding.evidence[0]?.path).toBe('azurerm_storage_account.dynamic_cmk.customer_managed_key');
  });

  it('still reads blocks a new account leaves out as the provider’s defaults', async () => {
    const scanned = await scanDocument(document);
    expect(
      findingOf(scanned, 'azure.storage.customer-managed-key', 'azurerm_storage_account.no_blocks').status,
    ).toBe('FAIL');
    expect(
      findingOf(scanned, 'common.classification.closed-network', 'azurerm_storage_account.no_blocks').status,
    ).toBe('FAIL');
  });
});

describe('azurerm 1.x storage account (no blob public access attribute)', () => {
  // Modelled on Terraform 0.12 plans of azurerm 1.x (format 0.1, bare provider names): the schema
  // has neither `allow_blob_public_access` (2.x) nor `allow_nested_items_to_be_public` (3.x on).
  const legacy = (name: string, actions: string[], before: Json | null): Change => {
    const values = {
      name,
      location: 'japaneast',
      account_kind: 'Storage',
      account_tier: 'Standard',
      account_replication_type: 'LRS',
      account_encryption_source: 'Microsoft.Storage',
      enable_https_traffic_only: true,
    };
    return {
      address: `azurerm_storage_account.${name}`,
      actions,
      before,
      after: before ? { ...values, id: before.id } : values,
      afterUnknown: before ? {} : { id: true, network_rules: true, primary_access_key: true },
      expressions: { name: constant(name), enable_https_traffic_only: constant(true) },
    };
  };
  const document = plan(
    [
      legacy('created', ['create'], null),
      legacy('kept', ['no-op'], {
        id: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/kept',
      }),
    ],
    { formatVersion: '0.1', terraformVersion: '0.12.29', bareProviderNames: true, providers },
  );

  it('leaves a new account’s anonymous access unknown: the platform’s default when applied decides', async () => {
    const scanned = await scanDocument(document);
    const finding = findingOf(scanned, 'azure.storage.blob-public-access', 'azurerm_storage_account.created');
    expect(finding.status).toBe('UNKNOWN');
    expect(finding.evidence[0]?.path).toBe('azurerm_storage_account.created.allow_blob_public_access');
  });

  it('leaves an existing account’s anonymous access unknown: the schema does not record it', async () => {
    // Unlike an export's absent property, the attribute is absent because the 1.x schema has
    // none: the account may have been set since outside Terraform (not a default FAIL).
    const scanned = await scanDocument(document);
    const finding = findingOf(scanned, 'azure.storage.blob-public-access', 'azurerm_storage_account.kept');
    expect(finding.status).toBe('UNKNOWN');
    expect(finding.evidence[0]?.path).toBe('azurerm_storage_account.kept.allow_blob_public_access');
  });
});

describe('the OS disk azurerm_linux_virtual_machine makes with the VM', () => {
  // azurerm 3.x / 4.x `linux_virtual_machine` documentation: `os_disk.disk_encryption_set_id`, and
  // for a confidential VM `os_disk.secure_vm_disk_encryption_set_id`; the disk is no resource of
  // the plan. A disk encryption set made by the same plan has its id known only after apply.
  const vm = (name: string, osDisk: Json, osDiskUnknown: Json, expressions: Json): Change => ({
    address: `azurerm_linux_virtual_machine.${name}`,
    after: {
      name,
      location: 'japaneast',
      size: 'Standard_D2s_v5',
      admin_username: 'azureuser',
      encryption_at_host_enabled: true,
      os_disk: [
        {
          caching: 'ReadWrite',
          storage_account_type: 'Premium_LRS',
          disk_encryption_set_id: null,
          secure_vm_disk_encryption_set_id: null,
          ...osDisk,
        },
      ],
    },
    afterUnknown: { id: true, os_disk: [{ disk_size_gb: true, name: true, ...osDiskUnknown }] },
    expressions: { name: constant(name), os_disk: [{ caching: constant('ReadWrite'), ...expressions }] },
  });
  const document = plan(
    [
      vm('platform_key', {}, {}, {}),
      vm(
        'set_of_the_plan',
        {},
        { disk_encryption_set_id: true },
        {
          disk_encryption_set_id: ref('azurerm_disk_encryption_set.vm.id', 'azurerm_disk_encryption_set.vm'),
        },
      ),
      vm(
        'existing_set',
        {
          disk_encryption_set_id:
            '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des',
        },
        {},
        { disk_encryption_set_id: ref('var.disk_encryption_set_id') },
      ),
      {
        address: 'azurerm_virtual_machine.legacy',
        after: {
          name: 'legacy',
          location: 'japaneast',
          vm_size: 'Standard_DS1_v2',
          storage_os_disk: [
            { name: 'legacy-os', caching: 'ReadWrite', create_option: 'FromImage', vhd_uri: null },
          ],
        },
        afterUnknown: { id: true, storage_os_disk: [{ managed_disk_id: true, managed_disk_type: true }] },
        expressions: { name: constant('legacy') },
      },
    ],
    { formatVersion: '1.2', terraformVersion: '1.9.8', providers },
  );
  const verdict = async (address: string) =>
    findingOf(await scanDocument(document), 'common.classification.cmk-at-rest', address);

  it('fails an OS disk without a disk encryption set: the platform-managed key', async () => {
    const finding = await verdict('azurerm_linux_virtual_machine.platform_key');
    expect(finding.status).toBe('FAIL');
    expect(finding.evidence[1]?.path).toBe(
      'azurerm_linux_virtual_machine.platform_key.os_disk.0.disk_encryption_set_id',
    );
  });

  it('passes an OS disk with a disk encryption set, known or made by the plan', async () => {
    expect((await verdict('azurerm_linux_virtual_machine.set_of_the_plan')).status).toBe('PASS');
    expect((await verdict('azurerm_linux_virtual_machine.existing_set')).status).toBe('PASS');
  });

  it('leaves the legacy azurerm_virtual_machine’s OS disk, perhaps a VHD, unknown', async () => {
    expect((await verdict('azurerm_virtual_machine.legacy')).status).toBe('UNKNOWN');
  });
});

describe('Defender for Servers that a plan turns on for its VMs’ subscription', () => {
  // azurerm `security_center_subscription_pricing` (2.x–4.x documentation): `resource_type`
  // (default VirtualMachines), `tier`; the plan's id is known after apply, ARM's
  // `/subscriptions/<id>/providers/Microsoft.Security/pricings/<resource_type>`.
  const subscription = '4d6f8a0c-2e4a-4b6c-8d0e-3f5a7b9c1d2e';
  const inSubscription = { azurerm: { features: constant([{}]), subscription_id: constant(subscription) } };
  const servers = (tier: string): Change => ({
    address: 'azurerm_security_center_subscription_pricing.servers',
    after: {
      tier,
      resource_type: 'VirtualMachines',
      subplan: tier === 'Standard' ? 'P2' : null,
      extension: [],
    },
    afterUnknown: { id: true },
    expressions: { tier: constant(tier), resource_type: constant('VirtualMachines') },
  });
  const vm: Change = {
    address: 'azurerm_linux_virtual_machine.app',
    after: { name: 'app', location: 'japaneast', size: 'Standard_D2s_v5', encryption_at_host_enabled: true },
    afterUnknown: { id: true, virtual_machine_id: true },
    expressions: { name: constant('app') },
  };
  const scan = (tier: string) =>
    scanDocument(plan([servers(tier), vm], { terraformVersion: '1.9.8', providers: inSubscription }));

  it('judges the VM by the plan’s VirtualMachines plan (it was UNKNOWN: the plan was not found)', async () => {
    for (const [tier, status] of [
      ['Standard', 'PASS'],
      ['Free', 'FAIL'],
    ] as const) {
      const scanned = await scan(tier);
      const finding = findingOf(
        scanned,
        'azure.compute.vm-endpoint-protection',
        'azurerm_linux_virtual_machine.app',
      );
      expect(finding.status, tier).toBe(status);
      expect(finding.evidence[0]?.path).toBe('azurerm_security_center_subscription_pricing.servers.tier');
      const plan = `/subscriptions/${subscription}/providers/microsoft.security/pricings/virtualmachines`;
      expect(findingOf(scanned, 'azure.security.defender-plans', plan).status).toBe(status);
    }
  });
});

describe('Managed HSM keys and their rotation policy resource', () => {
  // azurerm 4.x `key_vault_managed_hardware_security_module_key` (`expiration_date`) and
  // `_key_rotation_policy` (`managed_hsm_key_id`, `expire_after`, exactly one of
  // `time_after_creation` / `time_before_expiry`). The type was not read (skipped).
  const HSM = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/managedHSMs/hsm';
  const key = (name: string, expiration: string | null, actions = ['create']): Change => {
    const after = {
      name,
      managed_hsm_id: HSM,
      key_type: 'RSA-HSM',
      key_size: 3072,
      key_opts: ['unwrapKey', 'wrapKey'],
      curve: null,
      expiration_date: expiration,
      not_before_date: null,
      tags: null,
    };
    return {
      address: `azurerm_key_vault_managed_hardware_security_module_key.${name}`,
      actions,
      ...(actions[0] === 'no-op' && {
        before: { ...after, id: `https://hsm.managedhsm.azure.net/keys/${name}` },
      }),
      after:
        actions[0] === 'no-op' ? { ...after, id: `https://hsm.managedhsm.azure.net/keys/${name}` } : after,
      afterUnknown: actions[0] === 'no-op' ? {} : { id: true, versioned_id: true },
      expressions: { name: constant(name), managed_hsm_id: constant(HSM) },
    };
  };
  const policy: Change = {
    address: 'azurerm_key_vault_managed_hardware_security_module_key_rotation_policy.rotated',
    after: { expire_after: 'P1Y', time_after_creation: 'P90D', time_before_expiry: null },
    afterUnknown: { id: true, managed_hsm_key_id: true },
    expressions: {
      managed_hsm_key_id: ref(
        'azurerm_key_vault_managed_hardware_security_module_key.rotated.id',
        'azurerm_key_vault_managed_hardware_security_module_key.rotated',
      ),
      expire_after: constant('P1Y'),
      time_after_creation: constant('P90D'),
    },
  };
  const document = plan(
    [key('rotated', '2027-06-30T00:00:00Z'), policy, key('plain', null), key('existing', null, ['no-op'])],
    { formatVersion: '1.2', terraformVersion: '1.9.8', providers },
  );
  const status = async (check: string, name: string) =>
    findingOf(
      await scanDocument(document),
      check,
      `azurerm_key_vault_managed_hardware_security_module_key.${name}`,
    ).status;

  it('reads the expiry and the rotation policy resource naming the key', async () => {
    expect(await status('azure.keyvault.key-expiry', 'rotated')).toBe('PASS');
    expect(await status('azure.keyvault.key-rotation', 'rotated')).toBe('PASS');
  });

  it('reads the inline rotation_policy of the provider versions that have one', async () => {
    // terraform-provider-azurerm managedhsm key resource: `rotation_policy { expire_after_duration,
    // automatic { duration_after_creation | duration_before_expiry } }`.
    const inline = (name: string, automatic: Json[]): Change => {
      const change = key(name, '2027-06-30T00:00:00Z');
      return {
        ...change,
        after: {
          ...(change.after as object),
          rotation_policy: [{ expire_after_duration: 'P1Y', automatic }],
        },
      };
    };
    const scanned = await scanDocument(
      plan(
        [
          inline('inline', [{ duration_after_creation: null, duration_before_expiry: 'P30D' }]),
          inline('notify_only', []),
        ],
        { formatVersion: '1.2', terraformVersion: '1.9.8', providers },
      ),
    );
    const verdict = (name: string) =>
      findingOf(
        scanned,
        'azure.keyvault.key-rotation',
        `azurerm_key_vault_managed_hardware_security_module_key.${name}`,
      ).status;
    expect(verdict('inline')).toBe('PASS');
    expect(verdict('notify_only')).toBe('FAIL');
  });

  it('fails a new key without expiry or policy, and leaves an existing key’s policy unknown', async () => {
    expect(await status('azure.keyvault.key-expiry', 'plain')).toBe('FAIL');
    expect(await status('azure.keyvault.key-rotation', 'plain')).toBe('FAIL');
    expect(await status('azure.keyvault.key-rotation', 'existing')).toBe('UNKNOWN');
  });
});
