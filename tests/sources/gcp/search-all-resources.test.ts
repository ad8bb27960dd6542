import { describe, expect, it } from 'vitest';
import { gcpAssetList } from '../../../src/sources/gcp/asset-list.ts';
import { gcpSearchAllResources } from '../../../src/sources/gcp/search-all-resources.ts';
import type { ReadResource } from './records.ts';

const summary = {
  name: '//compute.googleapis.com/projects/sandbox/zones/us-east1-b/instances/vm',
  assetType: 'compute.googleapis.com/Instance',
  project: 'projects/444444444444',
  displayName: 'vm',
  location: 'us-east1-b',
  labels: { confidentiality: '1' },
  folders: ['folders/456789012345'],
  organization: 'organizations/123456789012',
  parentFullResourceName: '//cloudresourcemanager.googleapis.com/projects/444444444444',
};
const withReadMask = {
  name: '//storage.googleapis.com/uploads',
  assetType: 'storage.googleapis.com/Bucket',
  project: 'projects/444444444444',
  location: 'us-east1',
  versionedResources: [
    {
      version: 'v1',
      resource: { name: 'uploads', iamConfiguration: { uniformBucketLevelAccess: { enabled: true } } },
    },
  ],
};

function read(document: unknown) {
  const ctx = { file: 'search.json', skip: () => {} };
  return [...gcpSearchAllResources.read(document, ctx)];
}

describe('gcp-search-all-resources', () => {
  it('recognises search results (gcloud array and REST page) and not asset lists', () => {
    expect(gcpSearchAllResources.matches([summary])).toBe(true);
    expect(gcpSearchAllResources.matches({ results: [summary], nextPageToken: 'x' })).toBe(true);
    expect(gcpAssetList.matches([summary])).toBe(false);
    expect(
      gcpSearchAllResources.matches([{ name: '//storage.googleapis.com/b', assetType: 'x', ancestors: [] }]),
    ).toBe(false);
    expect(gcpSearchAllResources.matches({ data: [] })).toBe(false);
  });

  it('a summary gives type, account, region and labels; its settings stay unknown', () => {
    const [vm] = read([summary]) as [ReadResource];
    expect(vm).toMatchObject({
      kansaType: 'compute.vm',
      account: '444444444444',
      region: 'us-east1',
      tags: { confidentiality: '1' },
      facts: {},
    });
  });

  it('reads the full data from versionedResources (--read-mask=*)', () => {
    const [bucket] = read({ results: [withReadMask] }) as [ReadResource];
    expect(bucket.facts.uniformBucketLevelAccess).toMatchObject({
      source: 'explicit',
      value: true,
      path: 'versionedResources[0].resource.iamConfiguration.uniformBucketLevelAccess.enabled',
    });
  });
});
