import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { gcpRestResources } from '../../../src/sources/gcp/rest-resources.ts';
import { readRecords } from '../../helpers/checks.ts';

/**
 * gcloud `--format="json(…)"` projections print only the keys asked for, and leave `labels` out
 * both where the resource has none and where the projection did not ask for them: a record
 * without labels tells the resource has none only when it is whole (Resource.unknownTags).
 */
const KEY = 'projects/city-kms/locations/asia-northeast1/keyRings/juki/cryptoKeys/records';
const wholeKey = {
  name: KEY,
  purpose: 'ENCRYPT_DECRYPT',
  createTime: '2024-04-01T00:00:00.000000000Z',
  versionTemplate: { algorithm: 'GOOGLE_SYMMETRIC_ENCRYPTION', protectionLevel: 'SOFTWARE' },
  rotationPeriod: '7776000s',
};
const disk = {
  kind: 'compute#disk',
  name: 'juki-data',
  selfLink: 'https://www.googleapis.com/compute/v1/projects/city-web/zones/asia-northeast1-b/disks/juki-data',
};

const readOne = (record: unknown) =>
  readRecords(gcpRestResources, [record])[0] as Resource<
    Record<string, { source?: string; value?: unknown }>
  >;

describe('gcp-rest-resources: gcloud projections without labels', () => {
  it('reads a whole record without labels as a resource without labels', () => {
    const key = readOne(wholeKey);
    expect(key.tags).toEqual({});
    expect(key.unknownTags).toBeUndefined();
    // A documentation sample trimmed of its creation time is still whole by its version template.
    const { createTime: _trimmed, ...sample } = wholeKey;
    expect(readOne(sample).unknownTags).toBeUndefined();
  });

  it('leaves the labels of a projection (no createTime, no versionTemplate) unknown', () => {
    const key = readOne({ name: KEY, rotationPeriod: '7776000s' });
    expect(key.unknownTags).toMatchObject({ en: expect.stringMatching(/projection without labels/) });
    // The projection's own keys are still read.
    expect(key.facts.rotationPeriodSeconds).toMatchObject({ source: 'explicit', value: 7776000 });
  });

  it('reads the labels a projection shows', () => {
    const key = readOne({ name: KEY, labels: { confidentiality: '3' } });
    expect(key.unknownTags).toBeUndefined();
    expect(key.tags).toEqual({ confidentiality: '3' });
  });

  it('tells a Compute Engine projection by its missing creationTimestamp and id', () => {
    expect(readOne(disk).unknownTags).toBeDefined();
    expect(readOne({ ...disk, id: '4711' }).unknownTags).toBeUndefined();
    expect(
      readOne({ ...disk, creationTimestamp: '2024-02-01T10:00:00.000-08:00' }).unknownTags,
    ).toBeUndefined();
  });

  it('reads a GKE cluster’s labels from resourceLabels', () => {
    const cluster = {
      name: 'juki',
      selfLink:
        'https://container.googleapis.com/v1/projects/city-web/locations/asia-northeast1/clusters/juki',
    };
    expect(readOne(cluster).unknownTags).toBeDefined();
    expect(readOne({ ...cluster, resourceLabels: { team: 'juki' } }).unknownTags).toBeUndefined();
    expect(readOne({ ...cluster, status: 'RUNNING' }).unknownTags).toBeUndefined();
  });

  it('asks nothing of types without labels (service accounts)', () => {
    const account = { name: 'projects/city-web/serviceAccounts/app@city-web.iam.gserviceaccount.com' };
    expect(readOne(account).unknownTags).toBeUndefined();
  });
});
