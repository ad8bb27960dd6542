import type { Fact } from '../../../src/model/fact.ts';
import type { Resource } from '../../../src/model/resource.ts';

/**
 * Cloud Asset records in the shape `gcloud asset export` writes them (proto field names,
 * snake_case envelope; `resource.data` is the service's REST JSON), for the gcp tests.
 */

export const PROJECT = '111111111111';
export const FOLDER = 'folders/456789012345';
export const ORG = 'organizations/123456789012';
export const ANCESTORS = [`projects/${PROJECT}`, FOLDER, ORG];
export const PROJECT_NAME = `//cloudresourcemanager.googleapis.com/projects/${PROJECT}`;
export const FOLDER_NAME = `//cloudresourcemanager.googleapis.com/${FOLDER}`;
export const ORG_NAME = `//cloudresourcemanager.googleapis.com/${ORG}`;

type Json = Record<string, unknown>;

export function resourceRecord(
  name: string,
  assetType: string,
  data: Json,
  location?: string,
  extra: Json = {},
) {
  return {
    name,
    asset_type: assetType,
    resource: {
      version: 'v1',
      discovery_document_uri: 'https://www.googleapis.com/discovery/v1/apis/storage/v1/rest',
      discovery_name: assetType.split('/')[1],
      parent: PROJECT_NAME,
      data,
      ...(location && { location }),
    },
    ancestors: ANCESTORS,
    update_time: '2026-11-20T01:00:00.000000Z',
    ...extra,
  };
}

export function policyRecord(name: string, assetType: string, policy: Json, ancestors = ANCESTORS) {
  return {
    name,
    asset_type: assetType,
    iam_policy: { version: 1, etag: 'BwYh3kPq9xM=', ...policy },
    ancestors,
    update_time: '2026-11-20T01:00:00.000000Z',
  };
}

export function bucketRecord(bucket: string, iamConfiguration: Json | undefined, encryption: Json = {}) {
  return resourceRecord(
    `//storage.googleapis.com/${bucket}`,
    'storage.googleapis.com/Bucket',
    {
      acl: [],
      defaultObjectAcl: [],
      encryption,
      ...(iamConfiguration && { iamConfiguration }),
      id: bucket,
      kind: 'storage#bucket',
      location: 'ASIA-NORTHEAST1',
      locationType: 'region',
      name: bucket,
      projectNumber: Number(PROJECT),
      storageClass: 'STANDARD',
    },
    'asia-northeast1',
  );
}

export function bucketPolicyRecord(bucket: string, extraBindings: Json[] = []) {
  return policyRecord(`//storage.googleapis.com/${bucket}`, 'storage.googleapis.com/Bucket', {
    bindings: [
      { role: 'roles/storage.legacyBucketOwner', members: ['projectOwner:osaka-juki-prod'] },
      ...extraBindings,
    ],
  });
}

export const UBLA_ON = { uniformBucketLevelAccess: { enabled: true }, bucketPolicyOnly: { enabled: true } };

/** A resource read by the gcp formats, its facts indexable by name for assertions. */
export type ReadResource = Resource<Readonly<Record<string, Fact<unknown> | undefined>>>;
