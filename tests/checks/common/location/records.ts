import { assetExport, graphQuery } from '../../../helpers/exports.ts';

// Records in the clouds' real export shapes, for the common.location.* cases: `az graph query -o
// json` rows and `gcloud asset export --content-type=resource` lines. Each case evaluates one of
// them (`target`) in the same export.
export const SUB = '6c1f2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

export function storageAccount(
  name: string,
  location: string,
  tags: Record<string, string>,
  keySource = 'Microsoft.Storage',
) {
  return {
    id: `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/${name}`,
    name,
    type: 'microsoft.storage/storageaccounts',
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    kind: 'StorageV2',
    location,
    resourceGroup: 'rg-data',
    subscriptionId: SUB,
    sku: { name: 'Standard_LRS', tier: 'Standard' },
    tags,
    properties: {
      allowBlobPublicAccess: false,
      supportsHttpsTrafficOnly: true,
      minimumTlsVersion: 'TLS1_2',
      encryption: {
        keySource,
        ...(keySource === 'Microsoft.Keyvault'
          ? { keyvaultproperties: { keyname: 'cmk', keyvaulturi: 'https://kv-osaka.vault.azure.net/' } }
          : {}),
        services: { blob: { enabled: true, keyType: 'Account' } },
      },
    },
  };
}

function workspace(name: string, location: string) {
  return {
    id: `/subscriptions/${SUB}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/${name}`,
    name,
    type: 'microsoft.operationalinsights/workspaces',
    location,
    resourceGroup: 'rg-ops',
    subscriptionId: SUB,
    tags: {},
    properties: { retentionInDays: 30, sku: { name: 'PerGB2018' } },
  };
}

export const AZURE = graphQuery([
  storageAccount('sttokyo', 'japaneast', {}),
  storageAccount('stosaka', 'Japan West', {}),
  storageAccount('stvirginia', 'eastus', { confidentiality: '1' }),
  storageAccount('stvirginiacmk', 'eastus', { confidentiality: '1' }, 'Microsoft.Keyvault'),
  storageAccount('stsecretcmk', 'eastus', { Confidentiality: '2' }, 'Microsoft.Keyvault'),
  storageAccount('stbackup', 'westus2', { 'kansa:purpose': 'Backup' }),
  workspace('log-tokyo', 'japaneast'),
  workspace('log-useast', 'eastus'),
]);

export const gcpBucket = (name: string, location: string, labels: Record<string, string>) => ({
  name: `//storage.googleapis.com/${name}`,
  asset_type: 'storage.googleapis.com/Bucket',
  resource: {
    version: 'v1',
    discovery_document_uri: 'https://www.googleapis.com/discovery/v1/apis/storage/v1/rest',
    discovery_name: 'Bucket',
    parent: '//cloudresourcemanager.googleapis.com/projects/555555555555',
    data: {
      name,
      location: location.toUpperCase(),
      locationType: 'multi-region',
      labels,
      storageClass: 'STANDARD',
    },
    location: location.toLowerCase(),
  },
  ancestors: ['projects/555555555555', 'organizations/123456789012'],
  update_time: '2026-11-01T00:00:00Z',
});

export const GCP = assetExport([
  gcpBucket('osaka-asia-multi', 'ASIA', { confidentiality: '1' }),
  gcpBucket('osaka-dual', 'ASIA1', {}),
  gcpBucket('osaka-dr-copy', 'US', { 'kansa-purpose': 'dr' }),
]);

export const azureId = (name: string) =>
  `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/${name}`;
