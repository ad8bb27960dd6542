import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * azurerm plans whose configuration does not say what the values say (SOURCES.md, "Dialects of
 * public plans"): blocks written by `dynamic` blocks, which the configuration's `expressions` leave
 * out, and a 1.x schema that lacks an attribute the later versions default.
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

  it('judges an existing account as its export would be judged (an absent setting)', async () => {
    const scanned = await scanDocument(document);
    expect(
      findingOf(scanned, 'azure.storage.blob-public-access', 'azurerm_storage_account.kept').status,
    ).not.toBe('UNKNOWN');
  });
});
