import { describe, expect, it } from 'vitest';
import dataInJapan from '../../../src/checks/common/location/data-in-japan.ts';
import managementInJapan from '../../../src/checks/common/location/management-in-japan.ts';
import { DEFAULT_PARAMETERS } from '../../../src/model/parameters.ts';
import { azureGraphCli } from '../../../src/sources/azure/graph-cli.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';

// Records in the clouds' real export shapes: `az graph query -o json` rows and
// `gcloud asset export --content-type=resource` lines.
const SUB = '6c1f2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

function storageAccount(
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

const azure = readRecords(azureGraphCli, {
  count: 8,
  data: [
    storageAccount('sttokyo', 'japaneast', {}),
    storageAccount('stosaka', 'Japan West', {}),
    storageAccount('stvirginia', 'eastus', { confidentiality: '1' }),
    storageAccount('stvirginiacmk', 'eastus', { confidentiality: '1' }, 'Microsoft.Keyvault'),
    storageAccount('stsecretcmk', 'eastus', { Confidentiality: '2' }, 'Microsoft.Keyvault'),
    storageAccount('stbackup', 'westus2', { 'kansa:purpose': 'Backup' }),
    workspace('log-tokyo', 'japaneast'),
    workspace('log-useast', 'eastus'),
  ],
  skip_token: null,
  total_records: 8,
});

const gcpBucket = (name: string, location: string, labels: Record<string, string>) => ({
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

const gcp = readRecords(gcpAssetExport, [
  gcpBucket('osaka-asia-multi', 'ASIA', { confidentiality: '1' }),
  gcpBucket('osaka-dual', 'ASIA1', {}),
  gcpBucket('osaka-dr-copy', 'US', { 'kansa-purpose': 'dr' }),
]);

const azureId = (name: string) =>
  `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/${name}`;

describe('common.location.data-in-japan', () => {
  it.each([
    ['sttokyo', 'PASS', 'domestic', undefined],
    ['stosaka', 'PASS', 'domestic', undefined], // display-name location "Japan West"
    ['stvirginia', 'FAIL', 'abroad', undefined],
    ['stvirginiacmk', 'FAIL', 'abroadWithCmk', 'medium'], // LOC-3: CMK lowers the severity
    ['stsecretcmk', 'FAIL', 'abroadClassified', undefined], // CLS-1: no LOC-3 relief for class 2
    ['stbackup', 'PASS', 'backupAbroad', undefined], // LOC-2, tag value in any case
  ])('Azure %s → %s (%s)', (name, status, message, severity) => {
    const result = evaluate(dataInJapan, azure, azureId(name));
    expect(result).toMatchObject({ status, message });
    expect(result.severity).toBe(severity);
  });

  it('treats an untagged resource abroad as the default class (2): no CMK relief', () => {
    const result = evaluate(dataInJapan, azure, azureId('stvirginia'), {
      classification: { tagKey: 'confidentiality', default: 2 },
    });
    expect(result.message).toBe('abroad'); // tagged 1 explicitly
    const untagged = readRecords(azureGraphCli, {
      count: 1,
      data: [storageAccount('stx', 'eastus', {}, 'Microsoft.Keyvault')],
    });
    expect(evaluate(dataInJapan, untagged, azureId('stx')).message).toBe('abroadClassified');
    const relaxed = { classification: { tagKey: 'confidentiality', default: 1 } };
    expect(evaluate(dataInJapan, untagged, azureId('stx'), relaxed)).toMatchObject({
      message: 'abroadWithCmk',
      severity: 'medium',
    });
  });

  it('shows the region and the deciding key evidence', () => {
    const result = evaluate(dataInJapan, azure, azureId('stvirginia'));
    expect(result.evidence[0]).toMatchObject({ path: 'region', value: 'eastus', source: 'explicit' });
    expect(result.evidence[1]?.path).toMatch(/customerManagedKey|encryption/);
  });

  it.each([
    ['osaka-asia-multi', 'FAIL', 'abroad'], // the ASIA multi-region is not domestic
    ['osaka-dual', 'PASS', 'domestic'], // asia1 = Tokyo + Osaka
    ['osaka-dr-copy', 'PASS', 'backupAbroad'], // GCP labels cannot hold ':'
  ])('Google Cloud %s → %s', (name, status, message) => {
    expect(evaluate(dataInJapan, gcp, `//storage.googleapis.com/${name}`)).toMatchObject({ status, message });
  });

  it('refuses the backup exception where the framework allows no backups abroad (Kobe)', () => {
    const result = evaluate(dataInJapan, azure, azureId('stbackup'), { allowBackupsAbroad: false });
    expect(result).toMatchObject({ status: 'FAIL' });
  });

  it('grants the customer-key relief to classified data where the framework allows it (national)', () => {
    const result = evaluate(dataInJapan, azure, azureId('stsecretcmk'), { customerKeyReliefMaxClass: 3 });
    expect(result).toMatchObject({ status: 'FAIL', message: 'abroadWithCmk', severity: 'medium' });
  });

  it('follows the allowed regions of the framework (one region only)', () => {
    const tokyoOnly = { allowedRegions: { ...DEFAULT_PARAMETERS.allowedRegions, azure: ['japaneast'] } };
    expect(evaluate(dataInJapan, azure, azureId('stosaka'), tokyoOnly).status).toBe('FAIL');
    expect(evaluate(dataInJapan, azure, azureId('sttokyo'), tokyoOnly).status).toBe('PASS');
  });
});

describe('common.location.management-in-japan', () => {
  const id = (name: string) =>
    `/subscriptions/${SUB}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/${name}`;
  it('passes a domestic workspace and reports one abroad at low severity', () => {
    expect(evaluate(managementInJapan, azure, id('log-tokyo')).status).toBe('PASS');
    const abroad = evaluate(managementInJapan, azure, id('log-useast'));
    expect(abroad).toMatchObject({ status: 'FAIL', message: 'abroad' });
    expect(managementInJapan.meta.severity).toBe('low');
  });
});
