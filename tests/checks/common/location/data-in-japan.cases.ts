import { expect } from 'vitest';
import { DEFAULT_PARAMETERS } from '../../../../src/model/parameters.ts';
import { assetExport, graphQuery, jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { computeRecord } from '../../../sources/gcp/records.ts';
import { dbArn, WITHOUT_TAGS } from '../classification/queried.ts';
import { copyCases } from './copies.ts';
import { globalTableCases } from './global-tables.ts';
import { AZURE, azureId, GCP, gcpBucket, SUB, storageAccount } from './records.ts';

const azureTable = [
  ['sttokyo', 'PASS', 'domestic', undefined],
  ['stosaka', 'PASS', 'domestic', undefined], // display-name location "Japan West"
  ['stvirginia', 'FAIL', 'abroad', undefined],
  ['stvirginiacmk', 'FAIL', 'abroadWithCmk', 'medium'], // LOC-3: CMK lowers the severity
  ['stsecretcmk', 'FAIL', 'abroadClassified', undefined], // CLS-1: no LOC-3 relief for class 2
  // LOC-2, tag value in any case; replicated data must be encrypted under the user's key too
  ['stbackup', 'FAIL', 'backupAbroadWithoutCmk', 'low'],
] as const;
const gcpTable = [
  ['osaka-asia-multi', 'FAIL', 'abroad'], // the ASIA multi-region is not domestic
  ['osaka-dual', 'PASS', 'domestic'], // asia1 = Tokyo + Osaka
  ['osaka-dr-copy', 'FAIL', 'backupAbroadWithoutCmk'], // GCP labels cannot hold ':'; no CMEK
] as const;
const PRIMARY = 'zones/asia-northeast1-b/disks/primary';
const disk = (path: string, zone: string, data: Record<string, unknown> = {}) =>
  computeRecord('Disk', path, { name: path.split('/').pop(), sizeGb: '100', status: 'READY', ...data }, zone);
const FOREIGN_PRIMARY = 'zones/us-west1-a/disks/primary';
const secondaryOf = (primary: string) =>
  disk('zones/us-east1-b/disks/secondary', 'us-east1-b', {
    asyncPrimaryDisk: { disk: `https://www.googleapis.com/compute/v1/projects/osaka-juki-prod/${primary}` },
  });
const secondary = secondaryOf(PRIMARY);
const SECONDARY_ID = '//compute.googleapis.com/projects/osaka-juki-prod/zones/us-east1-b/disks/secondary';
/** A Cosmos DB account as Resource Graph writes it: `locations` with their failover priority. */
const cosmos = (name: string, regions: string[], more: Record<string, unknown> = {}) =>
  graphQuery([
    {
      id: `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.DocumentDB/databaseAccounts/${name}`,
      name,
      type: 'microsoft.documentdb/databaseaccounts',
      location: regions[0],
      subscriptionId: SUB,
      tags: {},
      properties: {
        locations: regions.map((locationName, failoverPriority) => ({ locationName, failoverPriority })),
        ...more,
      },
    },
  ]);
const untagged = graphQuery([storageAccount('stx', 'eastus', {}, 'Microsoft.Keyvault')]);
// 社外秘 is a handling mark, not a class: the tag is there and names none.
const unreadableClass = graphQuery([
  storageAccount('stshagaihi', 'eastus', { confidentiality: '社外秘' }, 'Microsoft.Keyvault'),
]);
const locationless = gcpBucket('osaka-nowhere', 'ASIA1', {});
delete (locationless.resource as { location?: string }).location;
delete (locationless.resource.data as { location?: string }).location;
const globalKey = {
  name: '//cloudkms.googleapis.com/projects/osaka-juki-prod/locations/global/keyRings/ring/cryptoKeys/key',
  asset_type: 'cloudkms.googleapis.com/CryptoKey',
  ancestors: ['projects/123456789012'],
  resource: { data: { purpose: 'ENCRYPT_DECRYPT', rotationPeriod: '7776000s' } },
};
const VAULT = `/subscriptions/${SUB}/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-city`;
/** A vault as ARM lists it, and its keys in a list whose records name no location. */
const vaultWithKey = (location: string) => [
  jsonFile({
    value: [
      {
        id: VAULT,
        name: 'kv-city',
        type: 'Microsoft.KeyVault/vaults',
        location,
        properties: {
          sku: { family: 'A', name: 'standard' },
          enableSoftDelete: true,
          enablePurgeProtection: true,
        },
      },
    ],
  }),
  jsonFile(
    {
      value: [
        {
          id: `${VAULT}/keys/cmk`,
          name: 'cmk',
          type: 'Microsoft.KeyVault/vaults/keys',
          properties: { kty: 'RSA', attributes: { enabled: true, exp: 1893456000 } },
        },
      ],
    },
    'keys.json',
  ),
];

/**
 * A vault as Resource Graph lists it (`az graph query`), and its keys as `az keyvault key list
 * --vault-name` prints them in a file of their own: the data plane names a key's vault by its
 * host alone, so the keys sit under a placeholder vault of the same name.
 */
const graphVaultWithCliKeys = (location: string, hsm = false) => {
  const [name, type, host] = hsm
    ? ['mhsm-city', 'microsoft.keyvault/managedhsms', 'mhsm-city.managedhsm.azure.net']
    : ['kv-city-dp', 'microsoft.keyvault/vaults', 'kv-city-dp.vault.azure.net'];
  return [
    graphQuery([
      {
        id: `/subscriptions/${SUB}/resourceGroups/rg-keys/providers/${type}/${name}`,
        name,
        type,
        location,
        resourceGroup: 'rg-keys',
        subscriptionId: SUB,
        tags: {},
        properties: { enableSoftDelete: true, enablePurgeProtection: true },
      },
    ]),
    jsonFile(
      [
        {
          attributes: { created: '2025-01-10T05:00:00+00:00', enabled: true, expires: null },
          kid: `https://${host}/keys/cmk`,
          managed: null,
          name: 'cmk',
          tags: {},
        },
      ],
      'keys.json',
    ),
  ];
};
const cliKeyId = (hsm = false) =>
  `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.KeyVault/${
    hsm ? 'managedHSMs/mhsm-city' : 'vaults/kv-city-dp'
  }/keys/cmk`;

const cases: AnyCase[] = [
  ...azureTable.map(([name, status, messageId, severity]) => ({
    name: `Azure ${name}`,
    records: [AZURE],
    target: azureId(name),
    status,
    messageId,
    assert: (result: { severity?: string }) => expect(result.severity).toBe(severity),
  })),
  {
    name: 'an untagged resource abroad takes the default class (2): tagged 1 explicitly is still abroad',
    records: [AZURE],
    target: azureId('stvirginia'),
    params: { classification: { tagKey: 'confidentiality', default: 2 } },
    status: 'FAIL',
    messageId: 'abroad',
  },
  {
    name: 'an untagged CMK resource abroad: no relief at the default class 2',
    records: [untagged],
    status: 'FAIL',
    messageId: 'abroadClassified',
  },
  {
    // The default class 1 would grant the relief; a tag that names no class may be class 3.
    name: 'a CMK resource abroad whose class tag names no class: no relief, whatever the default',
    records: [unreadableClass],
    params: { classification: { tagKey: 'confidentiality', default: 1 } },
    status: 'FAIL',
    messageId: 'abroadClassUnreadable',
    severity: 'high',
    data: { tag: 'confidentiality' },
    evidence: [{ path: 'region' }, { source: 'unknown', path: 'tags.confidentiality' }],
  },
  {
    // Where the relief holds for every class (the national policy), the class does not matter.
    name: 'a CMK resource abroad whose class tag names no class, where the relief holds for every class',
    records: [unreadableClass],
    params: { customerKeyReliefMaxClass: 3 },
    status: 'FAIL',
    messageId: 'abroadWithCmk',
    severity: 'medium',
  },
  {
    name: 'an untagged CMK resource abroad: relief when the default class is 1',
    records: [untagged],
    params: { classification: { tagKey: 'confidentiality', default: 1 } },
    status: 'FAIL',
    messageId: 'abroadWithCmk',
    severity: 'medium',
  },
  {
    name: 'shows the region and the deciding key evidence',
    records: [AZURE],
    target: azureId('stvirginia'),
    status: 'FAIL',
    messageId: 'abroad',
    assert: (result) => {
      expect(result.evidence[0]).toMatchObject({ path: 'region', value: 'eastus', source: 'explicit' });
      expect(result.evidence[1]?.path).toMatch(/customerManagedKey|encryption/);
    },
  },
  ...gcpTable.map(([name, status, messageId]) => ({
    name: `Google Cloud ${name}`,
    records: [GCP],
    target: `//storage.googleapis.com/${name}`,
    status,
    messageId,
  })),
  {
    name: 'refuses the backup exception where the framework allows no backups abroad (Kobe)',
    records: [AZURE],
    target: azureId('stbackup'),
    params: { allowBackupsAbroad: false },
    status: 'FAIL',
    messageId: 'abroadClassified',
  },
  {
    name: 'grants the customer-key relief to classified data where the framework allows it (national)',
    records: [AZURE],
    target: azureId('stsecretcmk'),
    params: { customerKeyReliefMaxClass: 3 },
    status: 'FAIL',
    messageId: 'abroadWithCmk',
    severity: 'medium',
  },
  {
    name: 'follows the allowed regions of the framework: Osaka outside a Tokyo-only list',
    records: [AZURE],
    target: azureId('stosaka'),
    params: { allowedRegions: { ...DEFAULT_PARAMETERS.allowedRegions, azure: ['japaneast'] } },
    status: 'FAIL',
    messageId: 'abroadClassified',
  },
  {
    name: 'follows the allowed regions of the framework: Tokyo inside a Tokyo-only list',
    records: [AZURE],
    target: azureId('sttokyo'),
    params: { allowedRegions: { ...DEFAULT_PARAMETERS.allowedRegions, azure: ['japaneast'] } },
    status: 'PASS',
    messageId: 'domestic',
  },
  {
    // A bucket is always somewhere: a record that does not say where leaves it unknown.
    name: 'a bucket line without a location',
    records: [assetExport([locationless])],
    status: 'UNKNOWN',
    messageId: 'locationUnreadable',
  },
  {
    // Cloud KMS serves a global key ring from data centres around the world.
    name: 'a key in the global location, of class 1',
    records: [
      assetExport([
        {
          ...globalKey,
          resource: { data: { ...globalKey.resource.data, labels: { confidentiality: '1' } } },
        },
      ]),
    ],
    status: 'FAIL',
    messageId: 'anywhere',
  },
  {
    name: 'a key in the global location, untagged (the default class 2: no relief)',
    records: [assetExport([globalKey])],
    status: 'FAIL',
    messageId: 'abroadClassified',
  },
  {
    // A key record that names no location is where its vault is: the vault's region decides.
    name: 'a key without a location, in a vault in East US',
    records: vaultWithKey('eastus'),
    target: `${VAULT}/keys/cmk`,
    status: 'FAIL',
    messageId: 'abroadClassified',
    evidence: [{ path: 'region', value: 'eastus', resourceId: VAULT.toLowerCase() }, {}],
  },
  {
    name: 'a key without a location, in a vault in Japan East',
    records: vaultWithKey('japaneast'),
    target: `${VAULT}/keys/cmk`,
    status: 'PASS',
    messageId: 'domestic',
  },
  {
    name: 'a key without a location, its vault not in the inventory',
    records: vaultWithKey('japaneast').slice(1),
    target: `${VAULT}/keys/cmk`,
    status: 'UNKNOWN',
    messageId: 'locationUnreadable',
  },
  {
    name: 'a key listed by az keyvault key list on its own, its vault from Resource Graph in Japan East',
    records: graphVaultWithCliKeys('japaneast'),
    target: cliKeyId(),
    status: 'PASS',
    messageId: 'domestic',
    evidence: [
      {
        path: 'region',
        value: 'japaneast',
        resourceId: VAULT.replace('kv-city', 'kv-city-dp').toLowerCase(),
      },
    ],
  },
  {
    name: 'a key listed by az keyvault key list on its own, its vault from Resource Graph in Central US',
    records: graphVaultWithCliKeys('centralus'),
    target: cliKeyId(),
    status: 'FAIL',
    messageId: 'abroadClassified',
  },
  {
    name: 'a key listed by az keyvault key list --hsm-name on its own, its managed HSM in Japan West',
    records: graphVaultWithCliKeys('japanwest', true),
    target: cliKeyId(true),
    status: 'PASS',
    messageId: 'domestic',
  },
  {
    name: 'a key listed on its own, no vault of its name in the inventory',
    records: graphVaultWithCliKeys('japaneast').slice(1),
    target: cliKeyId(),
    status: 'UNKNOWN',
    messageId: 'locationUnreadable',
  },
  {
    name: 'a location that names no region (a template expression)',
    records: [graphQuery([storageAccount('sttemplate', '[resourceGroup().location]', {})])],
    status: 'UNKNOWN',
    messageId: 'locationUnreadable',
  },
  {
    // Azure/azure-rest-api-specs examples write `location1` (containerservice ManagedClusters*.json).
    name: 'a location that names no region (a REST API example placeholder)',
    records: [graphQuery([storageAccount('stexample', 'location1', {})])],
    status: 'UNKNOWN',
    messageId: 'locationUnreadable',
  },
  {
    name: 'a real region whose name ends in a digit is a region (eastus2)',
    records: [graphQuery([storageAccount('steastus2', 'eastus2', {})])],
    status: 'FAIL',
    messageId: 'abroadClassified',
  },
  {
    name: 'an asynchronous replica abroad of a domestic disk (LOC-2)',
    records: [assetExport([secondary, disk(PRIMARY, 'asia-northeast1-b')])],
    target: SECONDARY_ID,
    status: 'FAIL',
    messageId: 'backupAbroadWithoutCmk',
    severity: 'low',
  },
  {
    name: 'an asynchronous replica abroad whose primary is not in the export',
    records: [assetExport([secondary])],
    status: 'UNKNOWN',
    messageId: 'sourceMissing',
  },
  {
    name: 'a replica abroad of a primary that is itself abroad: no LOC-2 exception',
    records: [assetExport([secondaryOf(FOREIGN_PRIMARY), disk(FOREIGN_PRIMARY, 'us-west1-a')])],
    target: SECONDARY_ID,
    status: 'FAIL',
    messageId: 'copyOfForeignData',
  },
  {
    name: 'a Cosmos DB account written in Tokyo with a read region abroad: a replica of domestic data (LOC-2)',
    records: [cosmos('cosmos-tokyo', ['Japan East', 'East US'])],
    status: 'FAIL',
    messageId: 'backupAbroadWithoutCmk',
    severity: 'low',
  },
  {
    name: 'the same account encrypted with a customer-managed key: the exception applies',
    records: [
      cosmos('cosmos-tokyo-cmk', ['Japan East', 'East US'], {
        keyVaultKeyUri: 'https://kv-osaka.vault.azure.net/keys/cosmos',
      }),
    ],
    status: 'PASS',
    messageId: 'backupAbroad',
  },
  {
    name: 'a Cosmos DB account written abroad with a read region in Japan: no exception',
    records: [cosmos('cosmos-virginia', ['East US', 'Japan East'])],
    status: 'FAIL',
    messageId: 'abroadClassified', // untagged: the default class 2
  },
  {
    name: 'a Cosmos DB account that writes in every region: the region abroad holds primary data',
    records: [cosmos('cosmos-multi', ['Japan East', 'East US'], { enableMultipleWriteLocations: true })],
    status: 'FAIL',
    messageId: 'abroadClassified', // untagged: the default class 2
  },
  {
    name: 'refuses the replica exception where the framework allows no backups abroad (Kobe)',
    records: [cosmos('cosmos-kobe', ['Japan East', 'East US'])],
    params: { allowBackupsAbroad: false },
    status: 'FAIL',
    messageId: 'abroadClassified', // untagged: the default class 2
  },
  {
    // list-buckets carries no tags: the bucket may be above the class the relief is for.
    name: 'a bucket abroad that only list-buckets shows: no relief, its class not known',
    records: [
      jsonFile(
        {
          Buckets: [
            {
              Name: 'city-backup-virginia',
              CreationDate: '2024-04-01T00:00:00+00:00',
              BucketRegion: 'us-east-1',
            },
          ],
        },
        '246813579024/list-buckets.json',
      ),
    ],
    target: 'arn:aws:s3:::city-backup-virginia',
    status: 'FAIL',
    messageId: 'abroadClassTagUnknown',
    evidence: [{ path: 'region' }, { source: 'unknown', path: 'tags.confidentiality' }],
  },
];

cases.push({
  // Abroad, of a class the query's rows do not tell (no tags SELECTed): no relief is shown to apply.
  name: 'a Config query row abroad, its query SELECTing no tags',
  records: [WITHOUT_TAGS],
  target: dbArn('untold-abroad', 'us-east-1'),
  status: 'FAIL',
  messageId: 'abroadClassTagUnknown',
  data: { tag: 'confidentiality' },
});

const { valid, invalid } = byVerdict([...cases, ...globalTableCases]);

export default {
  valid: [...valid, ...copyCases.valid],
  invalid: [...invalid, ...copyCases.invalid],
} satisfies RuleTests;
