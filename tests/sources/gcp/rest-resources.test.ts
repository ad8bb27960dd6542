import { describe, expect, it } from 'vitest';
import { gcpRestResources } from '../../../src/sources/gcp/rest-resources.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { readRecords } from '../../helpers/checks.ts';

// REST resources as gcloud and the API references print them (no Cloud Asset envelope).
const bucket = {
  kind: 'storage#bucket',
  id: 'city-open-data',
  name: 'city-open-data',
  projectNumber: '123456789012',
  location: 'ASIA-NORTHEAST1',
  selfLink: 'https://www.googleapis.com/storage/v1/b/city-open-data',
  iamConfiguration: { uniformBucketLevelAccess: { enabled: true } },
};
const instance = {
  kind: 'compute#instance',
  id: '8827364510293847561',
  name: 'web-1',
  zone: 'https://www.googleapis.com/compute/v1/projects/city-web/zones/us-west1-b',
  selfLink: 'https://www.googleapis.com/compute/v1/projects/city-web/zones/us-west1-b/instances/web-1',
};

describe('gcp-rest-resources', () => {
  it.each([
    ['a bare resource', bucket],
    ['an array (gcloud … list --format=json)', [bucket, instance]],
    ['an API list page', { kind: 'compute#instanceList', items: [instance] }],
  ])('is chosen for %s', (_what, document) => {
    expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(document))?.id).toBe(
      'gcp-rest-resources',
    );
  });

  it('names each resource as its Cloud Asset, with project and location from the REST JSON', () => {
    const [b, vm] = readRecords(gcpRestResources, [bucket, instance]);
    expect(b).toMatchObject({
      id: '//storage.googleapis.com/city-open-data',
      account: '123456789012',
      region: 'asia-northeast1',
      kansaType: 'storage.bucket',
      facts: {
        uniformBucketLevelAccess: {
          source: 'explicit',
          value: true,
          path: 'resource.iamConfiguration.uniformBucketLevelAccess.enabled',
        },
      },
    });
    expect(vm).toMatchObject({
      id: '//compute.googleapis.com/projects/city-web/zones/us-west1-b/instances/web-1',
      account: 'city-web',
      region: 'us-west1',
      kansaType: 'compute.vm',
    });
  });

  it('does not take other clouds’ or unknown kinds', () => {
    expect(gcpRestResources.matches({ kind: 'youtube#video', id: 'x' })).toBe(false);
    expect(gcpRestResources.matches([{ id: '/subscriptions/s/resourceGroups/r', name: 'r' }])).toBe(false);
  });
});
