import { describe, expect, it } from 'vitest';
import { type Change, constant, plan } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * Settings older azurerm schemas lack: 2.x has no `local_account_disabled` on
 * `azurerm_kubernetes_cluster` (2.60), no `rotation_policy` on `azurerm_key_vault_key` and no inline
 * `customer_managed_key` on `azurerm_storage_account`. A resource such a plan or state shows as
 * existing may have had the setting changed outside Terraform: unknown, not the cloud's default; one
 * it creates gets the default (SOURCES.md, "azurerm 2.x, 3.x and 4.x, each in its own dialect").
 */

const SUBSCRIPTION = 'c3a1f14e-2c9d-4a2f-8b14-14e0a5b7c9bb';
const ARM = `/subscriptions/${SUBSCRIPTION}/resourceGroups/t14z-rg/providers`;
const PROVIDER = 'provider["registry.terraform.io/hashicorp/azurerm"]';

const cluster = {
  name: 't14z-aks',
  location: 'japaneast',
  dns_prefix: 't14z-aks',
  private_cluster_enabled: false,
  api_server_authorized_ip_ranges: ['203.0.113.0/24'],
  role_based_access_control: [{ enabled: true, azure_active_directory: [] }],
};
const key = {
  name: 't14z-key',
  key_type: 'RSA',
  key_size: 2048,
  key_opts: ['wrapKey', 'unwrapKey'],
  expiration_date: '2027-01-01T00:00:00Z',
};
const account = {
  name: 't14zsa',
  location: 'japaneast',
  account_tier: 'Standard',
  account_replication_type: 'LRS',
  enable_https_traffic_only: true,
  allow_blob_public_access: false,
  min_tls_version: 'TLS1_2',
};

/** A Terraform 0.14 state of azurerm 2.60: every attribute of the version's schema, and no other. */
function state2x(): unknown {
  const resource = (type: string, name: string, attributes: Record<string, unknown>) => ({
    mode: 'managed',
    type,
    name,
    provider: PROVIDER,
    instances: [{ schema_version: 0, attributes, sensitive_attributes: [] }],
  });
  return {
    version: 4,
    terraform_version: '0.14.11',
    serial: 3,
    lineage: '7c14c0de-2a9f-4e1b-8c3d-14e0a5b7c9bb',
    outputs: {},
    resources: [
      resource('azurerm_kubernetes_cluster', 'aks', {
        ...cluster,
        id: `${ARM}/Microsoft.ContainerService/managedClusters/t14z-aks`,
      }),
      resource('azurerm_key_vault_key', 'key', {
        ...key,
        id: 'https://t14z-kv.vault.azure.net/keys/t14z-key/0a1b2c3d4e5f60718293a4b5c6d7e8f9',
        key_vault_id: `${ARM}/Microsoft.KeyVault/vaults/t14z-kv`,
      }),
      resource('azurerm_storage_account', 'sa', {
        ...account,
        id: `${ARM}/Microsoft.Storage/storageAccounts/t14zsa`,
        network_rules: [],
      }),
    ],
  };
}

function created(address: string, after: Record<string, unknown>): Change {
  return { address, after, afterUnknown: { id: true }, expressions: {} };
}

describe('azurerm 2.x schemas without a setting', () => {
  it('leave it unknown on the resources a state shows', async () => {
    const scanned = await scanDocument(state2x(), 'terraform.tfstate');
    const rbac = findingOf(scanned, 'azure.aks.rbac', 'azurerm_kubernetes_cluster.aks');
    expect(rbac.status).toBe('UNKNOWN');
    expect(JSON.stringify(rbac.evidence)).toContain('local_account_disabled');
    expect(findingOf(scanned, 'azure.keyvault.key-rotation', 'azurerm_key_vault_key.key').status).toBe(
      'UNKNOWN',
    );
    expect(
      findingOf(scanned, 'azure.storage.customer-managed-key', 'azurerm_storage_account.sa').status,
    ).toBe('UNKNOWN');
  });

  it("give a resource the plan creates the cloud's default", async () => {
    const document = plan(
      [
        created('azurerm_kubernetes_cluster.aks', cluster),
        created('azurerm_key_vault_key.key', key),
        created('azurerm_storage_account.sa', account),
      ],
      {
        terraformVersion: '1.1.9',
        formatVersion: '1.0',
        providers: { azurerm: { features: constant([{}]), subscription_id: constant(SUBSCRIPTION) } },
      },
    );
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'azure.aks.rbac', 'azurerm_kubernetes_cluster.aks').status).toBe('FAIL');
    expect(findingOf(scanned, 'azure.keyvault.key-rotation', 'azurerm_key_vault_key.key').status).toBe(
      'FAIL',
    );
    expect(
      findingOf(scanned, 'azure.storage.customer-managed-key', 'azurerm_storage_account.sa').status,
    ).toBe('FAIL');
  });
});
