import { describe, expect, it } from 'vitest';
import { Inventory } from '../../../src/scan/inventory.ts';
import { gcpAssetFeed, gcpAssetHistory } from '../../../src/sources/gcp/asset-history.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { readRecords } from '../../helpers/checks.ts';

// TemporalAsset versions as `gcloud asset get-history --format=json` and feeds deliver them.
const version = (uniform: boolean, startTime: string, deleted = false) => ({
  window: { startTime, endTime: startTime },
  ...(deleted && { deleted: true }),
  asset: {
    name: '//storage.googleapis.com/city-archive',
    assetType: 'storage.googleapis.com/Bucket',
    ancestors: ['projects/123456789012'],
    resource: {
      data: {
        name: 'city-archive',
        location: 'ASIA-NORTHEAST1',
        iamConfiguration: { uniformBucketLevelAccess: { enabled: uniform } },
      },
    },
  },
});

describe('gcp-asset-history', () => {
  it.each([
    ['get-history output (an array)', [version(false, '2022-01-01T00:00:00Z')]],
    ['a BatchGetAssetsHistory response', { assets: [version(false, '2022-01-01T00:00:00Z')] }],
    ['one feed message', version(false, '2022-01-01T00:00:00Z')],
  ])('is chosen for %s', (_what, document) => {
    expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(document))?.id).toBe(
      'gcp-asset-history',
    );
  });

  it('keeps the newest version, whatever the order, and drops an asset whose newest version is a deletion', () => {
    const read = (versions: unknown[]) => {
      const inventory = new Inventory();
      for (const resource of readRecords(gcpAssetHistory, versions)) inventory.add(resource);
      return inventory;
    };
    const fixed = read([version(true, '2022-03-01T00:00:00Z'), version(false, '2022-01-01T00:00:00Z')]);
    expect(fixed.byId('gcp', '//storage.googleapis.com/city-archive')?.facts).toMatchObject({
      uniformBucketLevelAccess: { value: true },
    });
    const deleted = read([
      version(false, '2022-01-01T00:00:00Z'),
      version(false, '2022-03-01T00:00:00Z', true),
    ]);
    expect(deleted.size).toBe(0);
    expect(deleted.deletedCount).toBe(1);
  });

  it('dates a resource history and an IAM-policy history apart: the newest of each counts', () => {
    // get-history takes one --content-type: the bucket's policy history comes in a file of its own.
    const policyVersion = (members: string[], startTime: string) => ({
      window: { startTime, endTime: startTime },
      asset: {
        name: '//storage.googleapis.com/city-archive',
        assetType: 'storage.googleapis.com/Bucket',
        ancestors: ['projects/123456789012'],
        iamPolicy: { bindings: [{ role: 'roles/storage.objectViewer', members }] },
      },
    });
    const inventory = new Inventory();
    for (const resource of readRecords(gcpAssetHistory, [version(false, '2022-01-01T00:00:00Z')]))
      inventory.add(resource);
    for (const resource of readRecords(gcpAssetHistory, [
      policyVersion([], '2021-06-01T00:00:00Z'),
      policyVersion(['allUsers'], '2022-02-01T00:00:00Z'),
    ]))
      inventory.add(resource);
    expect(inventory.byId('gcp', '//storage.googleapis.com/city-archive')?.facts).toMatchObject({
      uniformBucketLevelAccess: { value: false },
      publicBindings: { value: [{ role: 'roles/storage.objectViewer', member: 'allUsers' }] },
    });
  });

  // A feed created without --content-type delivers each change with the asset's name, type and
  // ancestors only: read as listed only, and noted as a list without content is.
  it('reads a feed message without content as listed only, noting why', () => {
    const notes: { note: string; where?: { line?: number } }[] = [];
    const ctx = {
      file: 'feed.ndjson',
      skip: () => {},
      note: (note: string, where?: { line?: number }) => notes.push({ note, where }),
    };
    const message = {
      window: { startTime: '2022-01-01T00:00:00Z' },
      asset: {
        name: '//storage.googleapis.com/city-archive',
        assetType: 'storage.googleapis.com/Bucket',
        ancestors: ['projects/123456789012'],
        updateTime: '2022-01-01T00:00:00Z',
      },
    };
    const [resource] = [...gcpAssetFeed.read(message, ctx, 3)];
    expect(resource?.listedOnly).toBe(true);
    expect(resource?.origin).toEqual({ file: 'feed.ndjson', line: 3 });
    expect(notes).toEqual([
      {
        note: expect.stringContaining('//storage.googleapis.com/city-archive: no content'),
        where: { line: 3 },
      },
    ]);
  });
});
