import { describe, expect, it } from 'vitest';
import dataInJapan from '../../../../src/checks/common/location/data-in-japan.ts';
import { azureArm } from '../../../../src/sources/azure/arm.ts';
import { gcpAssetList } from '../../../../src/sources/gcp/asset-list.ts';
import { evaluate, readRecords } from '../../../helpers/checks.ts';

// LOC-2 covers copies abroad of data whose primary is domestic: the source must be found and
// be in Japan. Records as Cloud Asset exports and ARM write them.
const disk = (zone: string, name: string) => ({
  name: `//compute.googleapis.com/projects/city/zones/${zone}/disks/${name}`,
  asset_type: 'compute.googleapis.com/Disk',
  resource: {
    parent: '//cloudresourcemanager.googleapis.com/projects/444444444444',
    data: { name, zone: `https://www.googleapis.com/compute/v1/projects/city/zones/${zone}` },
  },
});
const snapshot = (name: string, location: string, sourceDisk: string, labels = {}) => ({
  name: `//compute.googleapis.com/projects/city/global/snapshots/${name}`,
  asset_type: 'compute.googleapis.com/Snapshot',
  resource: {
    parent: '//cloudresourcemanager.googleapis.com/projects/444444444444',
    data: {
      name,
      storageLocations: [location],
      sourceDisk: `https://www.googleapis.com/compute/v1/projects/city/zones/${sourceDisk}`,
      labels,
    },
  },
});
const gcp = readRecords(gcpAssetList, [
  disk('asia-northeast1-a', 'tokyo'),
  disk('us-central1-f', 'iowa'),
  snapshot('of-tokyo', 'us', 'asia-northeast1-a/disks/tokyo'),
  snapshot('of-iowa', 'us', 'us-central1-f/disks/iowa'),
  snapshot('of-iowa-tagged', 'us', 'us-central1-f/disks/iowa', { 'kansa-purpose': 'backup' }),
  snapshot('of-gone', 'eu', 'europe-west1-b/disks/gone'),
]);
const snap = (name: string) => `//compute.googleapis.com/projects/city/global/snapshots/${name}`;

describe('common.location.data-in-japan: the LOC-2 premise', () => {
  it('allows a copy abroad of a domestic disk, with the source region as evidence', () => {
    const result = evaluate(dataInJapan, gcp, snap('of-tokyo'));
    expect(result).toMatchObject({ status: 'PASS', message: 'backupAbroad' });
    expect(result.evidence).toContainEqual(
      expect.objectContaining({
        value: 'asia-northeast1',
        resourceId: expect.stringContaining('disks/tokyo'),
      }),
    );
  });

  it('refuses the exception for a copy of a disk that is itself abroad, backup label or not', () => {
    for (const name of ['of-iowa', 'of-iowa-tagged'])
      expect(evaluate(dataInJapan, gcp, snap(name))).toMatchObject({
        status: 'FAIL',
        message: 'copyOfForeignData',
        data: { sourceRegion: 'us-central1' },
      });
  });

  it('is UNKNOWN, naming the source, when the source is not in the inventory', () => {
    expect(evaluate(dataInJapan, gcp, snap('of-gone'))).toMatchObject({
      status: 'UNKNOWN',
      message: 'sourceMissing',
      data: { source: '//compute.googleapis.com/projects/city/zones/europe-west1-b/disks/gone' },
    });
  });

  it('is UNKNOWN when the location names no region (a template expression)', () => {
    const [account] = readRecords(azureArm, {
      value: [
        {
          id: '/subscriptions/{subscription-id}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1',
          name: 'st1',
          type: 'Microsoft.Storage/storageAccounts',
          location: '[parameters(\u0027location\u0027)]',
          properties: {},
        },
      ],
    });
    expect(evaluate(dataInJapan, [account!], account!.id)).toMatchObject({
      status: 'UNKNOWN',
      message: 'locationUnreadable',
    });
  });
});
