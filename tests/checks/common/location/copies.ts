import { assetExport, configSnapshot, jsonFile } from '../../../helpers/exports.ts';
import type { InvalidCase, ValidCase } from '../../../helpers/rule-tester.ts';
import { ACCOUNT, snapshotItem } from '../../../sources/aws/builders.ts';

// More common.location.data-in-japan cases. Records as Cloud Asset exports (older dialect: no ancestors, zone URLs) and ARM list bodies
// write them. LOC-2 covers copies abroad of data whose primary is domestic: where a record names
// its source, the source must be in the inventory and in Japan.
type Json = Record<string, unknown>;
const PROJECT = '//cloudresourcemanager.googleapis.com/projects/444444444444';

const disk = (zone: string, name: string): Json => ({
  name: `//compute.googleapis.com/projects/city/zones/${zone}/disks/${name}`,
  asset_type: 'compute.googleapis.com/Disk',
  resource: {
    parent: PROJECT,
    data: { name, zone: `https://www.googleapis.com/compute/v1/projects/city/zones/${zone}` },
  },
});
const snapshot = (name: string, location: string, sourceDisk: string, labels: Json = {}): Json => ({
  name: `//compute.googleapis.com/projects/city/global/snapshots/${name}`,
  asset_type: 'compute.googleapis.com/Snapshot',
  resource: {
    parent: PROJECT,
    data: {
      name,
      storageLocations: [location],
      sourceDisk: `https://www.googleapis.com/compute/v1/projects/city/zones/${sourceDisk}`,
      labels,
    },
  },
});
const bucket = (name: string, location: string, labels: Json = {}, kms?: string): Json => ({
  name: `//storage.googleapis.com/${name}`,
  asset_type: 'storage.googleapis.com/Bucket',
  resource: {
    parent: PROJECT,
    data: { name, location, labels, ...(kms && { encryption: { defaultKmsKeyName: kms } }) },
  },
});
const snap = (name: string) => `//compute.googleapis.com/projects/city/global/snapshots/${name}`;
const KEY = 'projects/city/locations/us/keyRings/r/cryptoKeys/k';

export const copyCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    {
      name: 'a bucket in the Tokyo + Osaka dual-region (ASIA1, upper-case)',
      records: [assetExport([bucket('osaka-dual', 'ASIA1')])],
      messageId: 'domestic',
      example: true,
    },
    {
      name: 'a bucket labelled as a backup, encrypted with a customer-managed key (LOC-2)',
      records: [assetExport([bucket('osaka-dr-cmk', 'US', { 'kansa-purpose': 'backup' }, KEY)])],
      messageId: 'backupAbroad',
    },
  ],
  invalid: [
    {
      name: 'a key in the global location, not placed in Japan',
      records: [
        assetExport([
          {
            name: '//cloudkms.googleapis.com/projects/city/locations/global/keyRings/r/cryptoKeys/k',
            asset_type: 'cloudkms.googleapis.com/CryptoKey',
            resource: {
              parent: PROJECT,
              data: { purpose: 'ENCRYPT_DECRYPT', labels: { confidentiality: '1' } },
            },
          },
        ]),
      ],
      messageId: 'anywhere',
    },
    {
      name: 'a copy abroad of a domestic disk (LOC-2), the source region as evidence',
      records: [
        assetExport([
          disk('asia-northeast1-a', 'tokyo'),
          snapshot('of-tokyo', 'us', 'asia-northeast1-a/disks/tokyo'),
        ]),
      ],
      target: snap('of-tokyo'),
      // Replicated data is to be encrypted under the user's key too (discussion paper 3.1 1)(4)).
      messageId: 'backupAbroadWithoutCmk',
      severity: 'low',
      assert: (result) => {
        if (
          !result.evidence.some((e) => e.value === 'asia-northeast1' && e.resourceId?.endsWith('disks/tokyo'))
        )
          throw new Error('the source disk region is not in the evidence');
      },
    },
    {
      name: 'a bucket labelled as a backup (no source named)',
      records: [assetExport([bucket('osaka-dr', 'US', { 'kansa-purpose': 'backup' })])],
      messageId: 'backupAbroadWithoutCmk',
      severity: 'low',
    },
    {
      name: 'an EBS volume tagged as a backup whose record does not show its key',
      records: [
        configSnapshot([
          snapshotItem(
            'AWS::EC2::Volume',
            'vol-dr',
            {},
            {
              arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:volume/vol-dr`,
              region: 'us-east-1',
              tags: { 'kansa:purpose': 'backup' },
            },
          ),
        ]),
      ],
      messageId: 'backupAbroadKeyUnknown',
      status: 'UNKNOWN',
    },
    {
      name: 'a bucket in the ASIA multi-region (several countries)',
      records: [assetExport([bucket('asia-multi', 'ASIA', { confidentiality: '1' })])],
      messageId: 'abroad',
      example: true,
    },
    {
      name: 'a copy of a disk that is itself abroad, backup label or not',
      records: [
        assetExport([
          disk('us-central1-f', 'iowa'),
          snapshot('of-iowa', 'us', 'us-central1-f/disks/iowa', { 'kansa-purpose': 'backup' }),
        ]),
      ],
      target: snap('of-iowa'),
      messageId: 'copyOfForeignData',
      data: { sourceRegion: 'us-central1' },
    },
    {
      name: 'a copy whose source is not in the inventory',
      records: [assetExport([snapshot('of-gone', 'eu', 'europe-west1-b/disks/gone')])],
      messageId: 'sourceMissing',
      status: 'UNKNOWN',
      data: { source: '//compute.googleapis.com/projects/city/zones/europe-west1-b/disks/gone' },
    },
    {
      name: 'a location that names no region (a template expression)',
      records: [
        jsonFile({
          value: [
            {
              id: '/subscriptions/{subscription-id}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1',
              name: 'st1',
              type: 'Microsoft.Storage/storageAccounts',
              location: "[parameters('location')]",
              properties: {},
            },
          ],
        }),
      ],
      messageId: 'locationUnreadable',
      status: 'UNKNOWN',
    },
    {
      name: 'abroad with a customer-managed key, class 1: lower severity (LOC-3)',
      records: [assetExport([bucket('us-cmk', 'US', { confidentiality: '1' }, KEY)])],
      messageId: 'abroadWithCmk',
      severity: 'medium',
    },
    {
      name: 'abroad with a customer-managed key, untagged (default class 2): no relief (CLS-1)',
      records: [assetExport([bucket('us-cmk-untagged', 'US', {}, KEY)])],
      messageId: 'abroadClassified',
    },
  ],
};
