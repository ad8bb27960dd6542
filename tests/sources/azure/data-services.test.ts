import { describe, expect, it } from 'vitest';
import { azureChecks } from '../../../src/checks/azure/index.ts';
import { appliesTo } from '../../../src/checks/check.ts';
import closedNetwork from '../../../src/checks/common/classification/closed-network.ts';
import dataInJapan from '../../../src/checks/common/location/data-in-japan.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { azureArm } from '../../../src/sources/azure/arm.ts';
import {
  graphResources,
  idOf,
  readDocument,
  row,
  SUBSCRIPTION_ID,
  storageProperties,
  storageRow,
} from '../../checks/azure/arg-rows.ts';
import { evaluate } from '../../helpers/checks.ts';

// Resource Graph rows (`az graph query -o json`) of the data-holding types added, their
// properties as the azure-rest-api-specs examples show them (Workspace/get.json of Machine
// Learning, GetAccount.json of Cognitive Services, SearchUpdateServiceToAllowAccessFromPublicCustomIPs.json
// of Search, BlobContainersList.json of Storage); see SOURCES.md.

const CLASS_1 = { confidentiality: '1' };

const cognitive = row('Microsoft.CognitiveServices', 'accounts', 'accounts/cog-translate', {
  kind: 'TextTranslation',
  location: 'westus',
  sku: { name: 'S1' },
  tags: CLASS_1,
  properties: { endpoint: 'https://westus.api.cognitive.microsoft.com/', provisioningState: 'Succeeded' },
});
const cognitiveClosed = row('Microsoft.CognitiveServices', 'accounts', 'accounts/cog-ocr', {
  kind: 'FormRecognizer',
  location: 'japaneast',
  properties: {
    provisioningState: 'Succeeded',
    publicNetworkAccess: 'Disabled',
    networkAcls: { defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [] },
    encryption: {
      keySource: 'Microsoft.KeyVault',
      keyVaultProperties: { keyName: 'cog-cmk', keyVaultUri: 'https://kv-kansa.vault.azure.net/' },
    },
  },
});
const search = row('Microsoft.Search', 'searchServices', 'searchServices/srch-docs', {
  location: 'eastus',
  sku: { name: 'standard' },
  tags: CLASS_1,
  properties: {
    replicaCount: 3,
    partitionCount: 1,
    status: 'running',
    hostingMode: 'default',
    provisioningState: 'succeeded',
    publicNetworkAccess: 'enabled',
    networkRuleSet: { ipRules: [{ value: '10.2.3.4' }] },
    encryptionWithCmk: { enforcement: 'Unspecified', encryptionComplianceStatus: 'Compliant' },
  },
});
const machineLearning = row('Microsoft.MachineLearningServices', 'workspaces', 'workspaces/mlw-juki', {
  location: 'eastus2',
  tags: CLASS_1,
  properties: {
    friendlyName: 'mlw-juki',
    hbiWorkspace: false,
    allowPublicAccessWhenBehindVnet: false,
    publicNetworkAccess: 'Disabled',
    encryption: {
      status: 'Enabled',
      keyVaultProperties: {
        keyVaultArmId: `${SUBSCRIPTION_ID}/resourceGroups/rg-kansa/providers/Microsoft.KeyVault/vaults/kv-kansa`,
        keyIdentifier: 'https://kv-kansa.vault.azure.net/keys/mlw/aabbccddee112233445566778899aabb',
      },
    },
  },
});
const appConfiguration = row(
  'Microsoft.AppConfiguration',
  'configurationStores',
  'configurationStores/appcs-juki',
  {
    location: 'japanwest',
    sku: { name: 'standard' },
    properties: {
      provisioningState: 'Succeeded',
      endpoint: 'https://appcs-juki.azconfig.io',
      encryption: { keyVaultProperties: null },
      publicNetworkAccess: null,
    },
  },
);
const databricks = row('Microsoft.Databricks', 'workspaces', 'workspaces/dbw-analytics', {
  location: 'westeurope',
  sku: { name: 'premium' },
  properties: {
    managedResourceGroupId: `${SUBSCRIPTION_ID}/resourceGroups/databricks-rg-dbw`,
    publicNetworkAccess: 'Enabled',
  },
});
const dataFactory = row('Microsoft.DataFactory', 'factories', 'factories/adf-juki', {
  location: 'japaneast',
  properties: { provisioningState: 'Succeeded', createTime: '2025-04-01T02:00:00Z', version: '2018-06-01' },
});
const classicStorage = row('Microsoft.ClassicStorage', 'storageAccounts', 'storageAccounts/stclassic', {
  location: 'eastus',
  properties: { provisioningState: 'Succeeded', status: 'Created', accountType: 'Standard-GRS' },
});
const classicVm = row('Microsoft.ClassicCompute', 'virtualMachines', 'virtualMachines/vmclassic', {
  location: 'japaneast',
  properties: { provisioningState: 'Succeeded', hardwareProfile: { size: 'Small' } },
});
const image = row('Microsoft.Compute', 'images', 'images/img-golden', {
  location: 'southeastasia',
  properties: {
    storageProfile: {
      osDisk: { osType: 'Linux', osState: 'Generalized', storageAccountType: 'Standard_LRS' },
      zoneResilient: false,
    },
    hyperVGeneration: 'V2',
  },
});

/** A gallery image version published in Japan East and copied to East US without a key there. */
const imageVersion = (name: string, targets: Record<string, unknown>[]) =>
  row('Microsoft.Compute', 'galleries/images/versions', `galleries/gal_juki/images/base/versions/${name}`, {
    properties: {
      publishingProfile: { targetRegions: targets, replicaCount: 1, storageAccountType: 'Standard_LRS' },
      storageProfile: { osDiskImage: { sizeInGB: 30, hostCaching: 'ReadOnly' } },
      provisioningState: 'Succeeded',
    },
  });
const DES = `${SUBSCRIPTION_ID}/resourceGroups/rg-kansa/providers/Microsoft.Compute/diskEncryptionSets/des-juki`;
const copiedAbroad = imageVersion('1.0.0', [
  { name: 'Japan East', regionalReplicaCount: 1, encryption: { osDiskImage: { diskEncryptionSetId: DES } } },
  { name: 'East US', regionalReplicaCount: 2, storageAccountType: 'Standard_LRS' },
]);
const copiedInJapan = imageVersion('1.0.1', [
  { name: 'Japan East', regionalReplicaCount: 1, encryption: { osDiskImage: { diskEncryptionSetId: DES } } },
  { name: 'Japan West', regionalReplicaCount: 1, encryption: { osDiskImage: { diskEncryptionSetId: DES } } },
]);

const resources = graphResources(
  copiedAbroad,
  copiedInJapan,
  cognitive,
  cognitiveClosed,
  search,
  machineLearning,
  appConfiguration,
  databricks,
  dataFactory,
  classicStorage,
  classicVm,
  image,
);
const byId = (record: Record<string, unknown>) => resources.find((resource) => resource.id === idOf(record))!;
const checksOn = (resource: Resource) =>
  azureChecks.filter((check) => appliesTo(check.meta, resource)).map((check) => check.meta.id);

describe('Azure data-holding types', () => {
  it('reads each type as its kansa type', () => {
    expect(
      [
        cognitive,
        search,
        machineLearning,
        appConfiguration,
        databricks,
        dataFactory,
        classicStorage,
        classicVm,
        image,
      ].map((record) => byId(record).kansaType),
    ).toEqual([
      'analytics.service',
      'database.server',
      'analytics.service',
      'database.instance',
      'analytics.service',
      'analytics.service',
      'storage.account',
      'compute.vm',
      'compute.snapshot',
    ]);
  });

  it('fails those abroad and passes those in Japan on the data location', () => {
    for (const record of [cognitive, search, machineLearning, databricks, classicStorage, image])
      expect([record.name, evaluate(dataInJapan, resources, idOf(record)).status]).toEqual([
        record.name,
        'FAIL',
      ]);
    for (const record of [cognitiveClosed, appConfiguration, dataFactory, classicVm])
      expect([record.name, evaluate(dataInJapan, resources, idOf(record)).status]).toEqual([
        record.name,
        'PASS',
      ]);
  });

  it('an AI services account without encryption or network settings: Microsoft keys, public', () => {
    expect(byId(cognitive).facts).toMatchObject({
      customerManagedKey: { source: 'default', value: false },
      reachableFromInternet: { source: 'default', value: true },
    });
    expect(evaluate(dataInJapan, resources, idOf(cognitive)).message).toBe('abroad');
    expect(byId(cognitiveClosed).facts).toMatchObject({
      customerManagedKey: { source: 'explicit', value: true, path: 'properties.encryption.keySource' },
      reachableFromInternet: { source: 'explicit', value: false },
    });
    expect(evaluate(closedNetwork, resources, idOf(cognitiveClosed)).status).toBe('PASS');
  });

  it('a Machine Learning workspace with a Key Vault key abroad: LOC-3 lowers the severity', () => {
    expect(evaluate(dataInJapan, resources, idOf(machineLearning))).toMatchObject({
      message: 'abroadWithCmk',
      severity: 'medium',
    });
    expect(byId(machineLearning).facts).toMatchObject({ reachableFromInternet: { value: false } });
  });

  it('a search service open to listed IPs is reachable; its key unknown unless enforced', () => {
    expect(byId(search).facts).toMatchObject({
      reachableFromInternet: { source: 'explicit', value: true },
      customerManagedKey: { source: 'unknown' },
    });
  });

  it('an App Configuration store with null publicNetworkAccess: reachability unknown', () => {
    expect(byId(appConfiguration).facts).toMatchObject({
      reachableFromInternet: { source: 'unknown' },
      customerManagedKey: { source: 'default', value: false },
    });
    expect(evaluate(closedNetwork, resources, idOf(appConfiguration)).status).toBe('UNKNOWN');
  });

  it('no Azure check of another native type runs on them', () => {
    for (const record of [
      cognitive,
      search,
      machineLearning,
      appConfiguration,
      databricks,
      dataFactory,
      image,
    ])
      expect([record.name, checksOn(byId(record))]).toEqual([record.name, []]);
    // Classic accounts and VMs carry none of the settings the storage and VM checks read.
    expect(checksOn(byId(classicStorage))).toEqual([]);
    expect(checksOn(byId(classicVm))).toEqual([]);
  });

  it('a gallery image version is where its copies are: abroad, a copy of its published version (LOC-2)', () => {
    expect(byId(copiedAbroad)).toMatchObject({
      kansaType: 'compute.snapshot',
      region: 'eastus',
      facts: {
        primaryRegion: { value: 'japaneast' },
        customerManagedKey: {
          source: 'default',
          value: false,
          path: 'properties.publishingProfile.targetRegions[1].encryption.osDiskImage.diskEncryptionSetId',
        },
      },
    });
    expect(evaluate(dataInJapan, resources, idOf(copiedAbroad))).toMatchObject({
      status: 'FAIL',
      message: 'backupAbroadWithoutCmk',
      severity: 'low',
    });
    expect(byId(copiedInJapan)).toMatchObject({
      region: 'japaneast',
      facts: { customerManagedKey: { source: 'explicit', value: true } },
    });
    expect(evaluate(dataInJapan, resources, idOf(copiedInJapan)).status).toBe('PASS');
  });

  it('blob containers are read as their storage account, located where it is', () => {
    const account = storageRow('sto1590', storageProperties(), { location: 'eastus' });
    const containerId = `${String(account.id)}/blobServices/default/containers/container1644`;
    const containers = {
      value: [
        {
          id: containerId,
          name: 'container1644',
          type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
          etag: '"0x8D589847D51C7DE"',
          properties: { publicAccess: 'Container', leaseStatus: 'Unlocked', leaseState: 'Available' },
        },
      ],
    };
    const [container] = readDocument(azureArm, containers);
    expect(container).toMatchObject({
      id: idOf(account),
      nativeType: 'microsoft.storage/storageaccounts',
      kansaType: 'storage.account',
      region: '',
    });
    expect(evaluate(dataInJapan, [container!], idOf(account)).status).toBe('UNKNOWN');
    expect(evaluate(dataInJapan, [...graphResources(account), container!], idOf(account)).status).toBe(
      'FAIL',
    );
  });
});
