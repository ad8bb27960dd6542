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

/** A Compute Engine resource line (`compute.googleapis.com/<type>`) in project `osaka-juki-prod`. */
export function computeRecord(type: string, path: string, data: Json, location = 'global') {
  const name = `//compute.googleapis.com/projects/osaka-juki-prod/${path}`;
  return resourceRecord(name, `compute.googleapis.com/${type}`, data, location);
}

export function firewallRecord(rule: string, data: Json) {
  return computeRecord('Firewall', `global/firewalls/${rule}`, {
    id: '4567891234567891237',
    name: rule,
    network: 'https://www.googleapis.com/compute/v1/projects/osaka-juki-prod/global/networks/default',
    priority: 1000,
    selfLink: `https://www.googleapis.com/compute/v1/projects/osaka-juki-prod/global/firewalls/${rule}`,
    ...data,
  });
}

export function subnetworkRecord(subnet: string, data: Json) {
  return computeRecord(
    'Subnetwork',
    `regions/asia-northeast1/subnetworks/${subnet}`,
    {
      id: '1122334455667788990',
      name: subnet,
      network: 'https://www.googleapis.com/compute/v1/projects/osaka-juki-prod/global/networks/default',
      ipCidrRange: '10.146.0.0/20',
      region: 'https://www.googleapis.com/compute/v1/projects/osaka-juki-prod/regions/asia-northeast1',
      ...data,
    },
    'asia-northeast1',
  );
}

/** A Cloud SQL instance (`sqladmin.googleapis.com/Instance`); `settings` is merged into a minimal one. */
export function sqlInstanceRecord(instance: string, settings: Json, extra: Json = {}) {
  return resourceRecord(
    `//cloudsql.googleapis.com/projects/osaka-juki-prod/instances/${instance}`,
    'sqladmin.googleapis.com/Instance',
    {
      kind: 'sql#instance',
      name: instance,
      project: 'osaka-juki-prod',
      region: 'asia-northeast1',
      databaseVersion: 'POSTGRES_16',
      instanceType: 'CLOUD_SQL_INSTANCE',
      state: 'RUNNABLE',
      settings: { tier: 'db-custom-2-8192', ...settings },
      ...extra,
    },
    'asia-northeast1',
  );
}

/** A GKE cluster (`container.googleapis.com/Cluster`). */
export function clusterRecord(cluster: string, data: Json) {
  return resourceRecord(
    `//container.googleapis.com/projects/osaka-juki-prod/locations/asia-northeast1/clusters/${cluster}`,
    'container.googleapis.com/Cluster',
    {
      name: cluster,
      location: 'asia-northeast1',
      status: 'RUNNING',
      currentMasterVersion: '1.31.5-gke.1023000',
      ...data,
    },
    'asia-northeast1',
  );
}

/** The IAM-policy line of a project (or folder / organization) with the given bindings. */
export function projectPolicyRecord(
  bindings: Json[],
  name = PROJECT_NAME,
  assetType = 'cloudresourcemanager.googleapis.com/Project',
  ancestors = ANCESTORS,
) {
  return policyRecord(name, assetType, { bindings }, ancestors);
}

/** The organization's resource line: Google sets `displayName` to its primary domain. */
export function organizationRecord(domain: string) {
  const record = resourceRecord(ORG_NAME, 'cloudresourcemanager.googleapis.com/Organization', {
    name: ORG,
    displayName: domain,
    lifecycleState: 'ACTIVE',
    owner: { directoryCustomerId: 'C03abcd12' },
  });
  return { ...record, resource: { ...record.resource, parent: null }, ancestors: [ORG] };
}
