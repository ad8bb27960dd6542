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

  // Resource Manager tags beside the labels: `tags` and `effectiveTags` (inherited ones too),
  // before them `tagValues`; each value namespaced `<org or project>/<key>/<value>`.
  it("reads a result's Resource Manager tags by their short names, beside its labels", () => {
    const tag = (key: string, value: string) => ({
      tagKey: `123456789012/${key}`,
      tagKeyId: 'tagKeys/281475012345678',
      tagValue: `123456789012/${key}/${value}`,
      tagValueId: 'tagValues/281476012345678',
    });
    const [direct] = read([{ ...summary, tags: [tag('kansa-secrecy', 'gokuhi')] }]) as [ReadResource];
    expect(direct.tags).toEqual({ confidentiality: '1', 'kansa-secrecy': 'gokuhi' });
    const inherited = {
      ...summary,
      labels: undefined,
      effectiveTags: [
        {
          attachedResource: '//cloudresourcemanager.googleapis.com/projects/444444444444',
          effectiveTags: [tag('mynumber', 'true')],
        },
      ],
    };
    expect((read([inherited]) as [ReadResource])[0].tags).toEqual({ mynumber: 'true' });
    const deprecated = { ...summary, tagKeys: ['sandbox/env'], tagValues: ['sandbox/env/prod'] };
    expect((read([deprecated]) as [ReadResource])[0].tags).toEqual({ confidentiality: '1', env: 'prod' });
    // A label keeps its value where a tag of the same key says another.
    const both = { ...summary, tags: [tag('confidentiality', '3')] };
    expect((read([both]) as [ReadResource])[0].tags).toEqual({ confidentiality: '1' });
  });

  it('reads the full data from versionedResources (--read-mask=*)', () => {
    const [bucket] = read({ results: [withReadMask] }) as [ReadResource];
    expect(bucket.facts.uniformBucketLevelAccess).toMatchObject({
      source: 'explicit',
      value: true,
      path: 'versionedResources[0].resource.iamConfiguration.uniformBucketLevelAccess.enabled',
    });
  });

  describe('kmsKeys (kmsKey before it) as the CMEK of types under one key', () => {
    const KEY = 'projects/kms/locations/us-east1/keyRings/r/cryptoKeys/k';
    const bucket = (fields: object) => ({ ...withReadMask, versionedResources: undefined, ...fields });

    it('a summary naming keys: customer-managed, the keys as evidence', () => {
      const [resource] = read([bucket({ kmsKeys: [KEY] })]) as [ReadResource];
      expect(resource.facts.customerManagedKey).toMatchObject({
        source: 'explicit',
        value: true,
        field: { source: 'explicit', value: [KEY], path: 'kmsKeys' },
      });
    });

    it('the older single kmsKey, a key version', () => {
      const [resource] = read([bucket({ kmsKey: `${KEY}/cryptoKeyVersions/2` })]) as [ReadResource];
      expect(resource.facts.customerManagedKey).toMatchObject({
        value: true,
        field: { value: `${KEY}/cryptoKeyVersions/2`, path: 'kmsKey' },
      });
    });

    it('no keys listed: still unknown (a read mask may have left them out)', () => {
      const [resource] = read([bucket({ kmsKeys: [] })]) as [ReadResource];
      expect(resource.facts.customerManagedKey).toBeUndefined();
    });

    it('the full data naming the key is the evidence; data without one gives way to kmsKeys', () => {
      const data = (encryption?: object) => [{ version: 'v1', resource: { name: 'uploads', encryption } }];
      const [keyed] = read([
        bucket({ kmsKeys: [KEY], versionedResources: data({ defaultKmsKeyName: KEY }) }),
      ]) as [ReadResource];
      expect(keyed.facts.customerManagedKey?.path).toBe(
        'versionedResources[0].resource.encryption.defaultKmsKeyName',
      );
      const [unkeyed] = read([bucket({ kmsKeys: [KEY], versionedResources: data() })]) as [ReadResource];
      expect(unkeyed.facts.customerManagedKey).toMatchObject({ value: true, path: 'kmsKeys' });
    });

    it('a VM’s keys may be some of its disks’ only: not its CMEK', () => {
      const [vm] = read([{ ...summary, kmsKeys: [KEY] }]) as [ReadResource];
      expect(vm.facts.customerManagedKey).toBeUndefined();
    });
  });
});
