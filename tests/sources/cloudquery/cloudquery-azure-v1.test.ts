import { describe, expect, it } from 'vitest';
import { fact, readRows as read } from './rows.ts';

// The Azure plugin's 2022 tables (v1, track-1 SDK; cloudquery/cloudquery
// plugins/source/azure/docs/tables/*.md at 490f4d84c1): ARM properties flattened into columns.
const SUB = '4f6a8c0e-2b3d-4e5f-9a1b-3c5d7e9f1b2d';
const cq = (columns: Record<string, unknown>): Record<string, unknown> => ({
  _cq_source_name: 'azure',
  _cq_sync_time: '2022-11-02T05:06:07.891234',
  _cq_id: '2b4c0001-6d8e-4f0a-9b2c-4d6e8f0a2b01',
  _cq_parent_id: null,
  subscription_id: SUB,
  ...columns,
});

describe('CloudQuery Azure plugin v1 rows (properties as columns)', () => {
  it('reads the flattened properties as the ARM record’s, with or without the properties_ prefix', () => {
    const rg = `/subscriptions/${SUB}/resourceGroups/rg/providers`;
    const { resources, skipped } = read('azure_storage_accounts.json', [
      cq({
        id: `${rg}/Microsoft.Storage/storageAccounts/st1`,
        name: 'st1',
        type: 'Microsoft.Storage/storageAccounts',
        location: 'japaneast',
        supports_https_traffic_only: false,
        allow_blob_public_access: true,
        minimum_tls_version: 'TLS1_0',
        // As the CSV output writes it: a structure's JSON text.
        network_acls: '{"defaultAction":"Allow","bypass":"AzureServices"}',
        blob_logging_settings: null,
      }),
    ]);
    expect(skipped).toEqual([]);
    expect(fact(resources[0], 'httpsTrafficOnly')).toMatchObject({ source: 'explicit', value: false });
    expect(fact(resources[0], 'allowBlobPublicAccess')).toMatchObject({ source: 'explicit', value: true });
    expect(fact(resources[0], 'networkDefaultAction')).toMatchObject({ source: 'explicit', value: 'Allow' });
    const vault = read('azure_keyvault_vaults.json', [
      cq({
        id: `${rg}/Microsoft.KeyVault/vaults/kv1`,
        name: 'kv1',
        type: 'Microsoft.KeyVault/vaults',
        location: 'japaneast',
        properties_enable_soft_delete: true,
        properties_enable_purge_protection: true,
      }),
    ]).resources[0];
    expect(fact(vault, 'purgeProtectionEnabled')).toMatchObject({ source: 'explicit', value: true });
  });

  it('still skips a row with no property at all, as one synced with properties among skip_columns', () => {
    const { skipped } = read('azure_sql_servers.json', [
      cq({
        id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Sql/servers/s`,
        type: 'Microsoft.Sql/servers',
        name: 's',
      }),
    ]);
    expect(skipped).toEqual([expect.stringMatching(/without the columns properties/)]);
  });
});
