import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { gcpRestResources } from '../../../src/sources/gcp/rest-resources.ts';
import { readRecords } from '../../helpers/checks.ts';

// Cloud Custodian's Google Cloud records are the REST resources, with what its filters kept
// beside them: the iam-policy filter's `c7n:iamPolicy` (c7n_gcp filters/iampolicy.py), the
// resource's getIamPolicy answer.
const bucket = {
  kind: 'storage#bucket',
  id: 'juki-open',
  name: 'juki-open',
  projectNumber: '246813579024',
  selfLink: 'https://www.googleapis.com/storage/v1/b/juki-open',
  timeCreated: '2025-04-02T00:00:00.000Z',
  location: 'ASIA-NORTHEAST1',
  iamConfiguration: { uniformBucketLevelAccess: { enabled: true }, publicAccessPrevention: 'inherited' },
};
const policy = {
  version: 1,
  bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }],
};

type Read = Resource<Record<string, { source?: string; value?: unknown; path?: string }>>;
const readOne = (record: unknown) => readRecords(gcpRestResources, [record])[0] as Read;

describe('Cloud Custodian c7n:iamPolicy on a Google Cloud record', () => {
  it('reads the annotation as the resource’s IAM policy, naming it in the evidence', () => {
    const read = readOne({ ...bucket, 'c7n:iamPolicy': policy });
    expect(read.facts.publicBindings).toMatchObject({
      source: 'explicit',
      path: 'c7n:iamPolicy.bindings',
      value: [{ role: 'roles/storage.objectViewer', member: 'allUsers' }],
    });
  });

  it('leaves the policy unknown without the annotation, or where it holds no policy', () => {
    expect(readOne(bucket).facts.publicBindings).toBeUndefined();
    // The GKE filter keeps a list of the project's bindings under the same key.
    expect(
      readOne({ ...bucket, 'c7n:iamPolicy': [policy.bindings[0]] }).facts.publicBindings,
    ).toBeUndefined();
  });
});
