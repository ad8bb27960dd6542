import { describe, expect, it } from 'vitest';
import type { GcpFirewallFacts, GcpHierarchyNodeFacts } from '../../../src/model/gcp.ts';
import { UNKNOWN_REGION } from '../../../src/model/resource.ts';
import { currentAssetType } from '../../../src/sources/gcp/asset.ts';
import { gcpAssetList } from '../../../src/sources/gcp/asset-list.ts';
import { readRecords } from '../../helpers/checks.ts';

// Cloud Asset records as older exports and policy tools' fixtures carry them (modelled on
// GoogleCloudPlatform/policy-library validator/test/fixtures and Forseti dumps): no
// `ancestors`, the project only in the name, the parent or the REST JSON.
const read = (records: unknown[]) => readRecords(gcpAssetList, records);
const nodeFacts = (resource: { facts: object } | undefined) =>
  resource?.facts as GcpHierarchyNodeFacts | undefined;

describe('gcp: the project of records without ancestors', () => {
  it.each([
    [
      'the asset name (by id)',
      {
        name: '//cloudkms.googleapis.com/projects/city-kms/locations/us/keyRings/r/cryptoKeys/k',
        asset_type: 'cloudkms.googleapis.com/CryptoKey',
        resource: { data: { purpose: 'ENCRYPT_DECRYPT' } },
      },
      'city-kms',
      { path: 'name', value: 'city-kms' },
    ],
    [
      'resource.parent (by number), the id from the name kept as alias',
      {
        name: '//compute.googleapis.com/projects/sandbox2/zones/us-central1-f/disks/d',
        asset_type: 'compute.googleapis.com/Disk',
        resource: {
          parent: '//cloudresourcemanager.googleapis.com/projects/142577876613',
          data: { name: 'd' },
        },
      },
      '142577876613',
      { path: 'resource.parent', value: '142577876613' },
    ],
    [
      'the parent asset of a child type',
      {
        name: '//bigquery.googleapis.com/projects/p-data/datasets/d/tables/t',
        asset_type: 'bigquery.googleapis.com/Table',
        resource: { parent: '//bigquery.googleapis.com/projects/p-data/datasets/d', data: {} },
      },
      'p-data',
      { path: 'resource.parent', value: 'p-data' },
    ],
    [
      'data.projectNumber (buckets)',
      {
        name: '//storage.googleapis.com/b',
        asset_type: 'storage.googleapis.com/Bucket',
        resource: { data: { projectNumber: '987654321098', location: 'US' } },
      },
      '987654321098',
      { path: 'resource.data.projectNumber', value: '987654321098' },
    ],
    [
      "Forseti's ancestry_path",
      {
        name: '//compute.googleapis.com/projects/x/zones/asia-northeast1-a/instances/vm',
        asset_type: 'compute.googleapis.com/Instance',
        ancestry_path: 'organization/614830067722/folder/561421552790/project/my-project',
        resource: { data: {} },
      },
      'my-project',
      { path: 'ancestors', value: 'my-project' },
    ],
    [
      'an organization-level custom role (parent organization)',
      {
        name: '//iam.googleapis.com/organizations/123456/roles/r',
        asset_type: 'iam.googleapis.com/Role',
        resource: { parent: '//cloudresourcemanager.googleapis.com/organizations/123456', data: {} },
      },
      'organizations/123456',
      { path: 'resource.parent', value: 'organizations/123456' },
    ],
    [
      "a bucket's IAM-policy line alone: its owners' convenience member (policy-library storage_bucket_world_readable)",
      {
        name: '//storage.googleapis.com/b',
        asset_type: 'google.cloud.storage.Bucket',
        iam_policy: {
          version: 1,
          etag: '',
          bindings: [
            {
              role: 'roles/storage.legacyBucketOwner',
              members: ['projectEditor:p-web', 'projectOwner:p-web'],
            },
            { role: 'roles/storage.objectViewer', members: ['projectViewer:p-partner', 'allUsers'] },
          ],
        },
      },
      'p-web',
      { path: 'iam_policy.bindings', value: 'p-web' },
    ],
  ])('from %s', (_what, record, account, project) => {
    const [resource] = read([record]);
    expect(resource?.account).toBe(account);
    expect((resource?.facts as { project?: unknown } | undefined)?.project).toMatchObject({
      source: 'explicit',
      ...project,
    });
  });

  it("places no bucket by its IAM policy's project members when they name two owning projects", () => {
    const owners = (...members: string[]) => ({
      name: '//storage.googleapis.com/b',
      asset_type: 'storage.googleapis.com/Bucket',
      iam_policy: { bindings: [{ role: 'roles/storage.legacyBucketOwner', members }] },
    });
    expect(read([owners('projectOwner:p-a', 'projectOwner:p-b')])[0]?.account).toBe('');
    expect(read([owners('projectViewer:p-a')])[0]?.account).toBe('');
  });

  it('keeps the project id beside the number when the record names both', () => {
    const [disk] = read([
      {
        name: '//compute.googleapis.com/projects/sandbox2/zones/us-central1-f/disks/d',
        asset_type: 'compute.googleapis.com/Disk',
        resource: { parent: '//cloudresourcemanager.googleapis.com/projects/142577876613', data: {} },
      },
    ]);
    expect(disk).toMatchObject({ account: '142577876613', accountAlias: 'sandbox2' });
  });

  it('keys a project named by id as the account resource, and by number once both are known', () => {
    const [byId, both] = read([
      {
        name: '//cloudresourcemanager.googleapis.com/projects/good',
        asset_type: 'cloudresourcemanager.googleapis.com/Project',
        iam_policy: { bindings: [] },
      },
      {
        name: '//cloudresourcemanager.googleapis.com/projects/city-web',
        asset_type: 'cloudresourcemanager.googleapis.com/Project',
        resource: { data: { projectNumber: '222222222222', projectId: 'city-web' } },
      },
    ]);
    expect(byId).toMatchObject({
      id: '//cloudresourcemanager.googleapis.com/projects/good',
      account: 'good',
      kansaType: 'account',
    });
    expect(both).toMatchObject({
      id: '//cloudresourcemanager.googleapis.com/projects/222222222222',
      account: '222222222222',
      accountAlias: 'city-web',
    });
  });
});

describe('gcp: the node above a project or folder, in records without ancestors (Forseti dumps)', () => {
  const node = (name: string, type: string, resource: object) => ({
    name: `//cloudresourcemanager.googleapis.com/${name}`,
    asset_type: `cloudresourcemanager.googleapis.com/${type}`,
    resource,
  });

  it.each([
    [
      'resource.parent',
      node('projects/4211', 'Project', {
        parent: '//cloudresourcemanager.googleapis.com/folders/4202',
        data: { projectNumber: '4211', parent: { id: '4202', type: 'folder' } },
      }),
      { path: 'resource.parent', value: '//cloudresourcemanager.googleapis.com/folders/4202' },
    ],
    [
      "Resource Manager v1's {type, id}, without resource.parent",
      node('projects/4212', 'Project', {
        data: { projectNumber: '4212', parent: { type: 'organization', id: '4242' } },
      }),
      { path: 'resource.data.parent', value: '//cloudresourcemanager.googleapis.com/organizations/4242' },
    ],
    [
      "a folder's data.parent (v2: folders/F or organizations/O)",
      node('folders/4202', 'Folder', { data: { name: 'folders/4202', parent: 'folders/4201' } }),
      { path: 'resource.data.parent', value: '//cloudresourcemanager.googleapis.com/folders/4201' },
    ],
  ])('reads it from %s', (_name, record, parent) => {
    const [resource] = read([record]);
    expect(nodeFacts(resource)?.parent).toMatchObject({ source: 'explicit', ...parent });
    expect(nodeFacts(resource)?.ancestors).toBeUndefined();
  });

  it('reads no parent where the record has ancestors, nor one that is not a folder or organization', () => {
    const [withAncestors, billing] = read([
      {
        ...node('projects/4213', 'Project', {
          parent: '//cloudresourcemanager.googleapis.com/folders/4299',
          data: {},
        }),
        ancestors: ['projects/4213', 'folders/4299', 'organizations/4242'],
      },
      node('projects/4214', 'Project', { data: { parent: { type: 'billingAccount', id: 'x' } } }),
    ]);
    expect(nodeFacts(withAncestors)?.parent).toBeUndefined();
    expect(nodeFacts(withAncestors)?.ancestors).toMatchObject({
      value: [
        '//cloudresourcemanager.googleapis.com/folders/4299',
        '//cloudresourcemanager.googleapis.com/organizations/4242',
      ],
    });
    expect(nodeFacts(billing)?.parent).toBeUndefined();
  });
});

describe('gcp: location when `location` is not where you look', () => {
  it.each([
    [
      'locations/ in the name (multi-region key ring)',
      {
        name: '//cloudkms.googleapis.com/projects/p/locations/us/keyRings/r',
        asset_type: 'cloudkms.googleapis.com/KeyRing',
        resource: { data: {} },
      },
      'us',
    ],
    [
      'a zone URL',
      {
        name: '//compute.googleapis.com/projects/p/zones/europe-west1-b/disks/d',
        asset_type: 'compute.googleapis.com/Disk',
        resource: { data: { zone: 'https://www.googleapis.com/compute/v1/projects/p/zones/europe-west1-b' } },
      },
      'europe-west1',
    ],
    [
      'a region URL',
      {
        name: '//compute.googleapis.com/projects/p/regions/us-east4/subnetworks/s',
        asset_type: 'compute.googleapis.com/Subnetwork',
        resource: { data: { region: 'https://www.googleapis.com/compute/v1/projects/p/regions/us-east4' } },
      },
      'us-east4',
    ],
    [
      'settings.locationPreference.zone',
      {
        name: '//cloudsql.googleapis.com/projects/p/instances/i',
        asset_type: 'sqladmin.googleapis.com/Instance',
        resource: { data: { settings: { locationPreference: { zone: 'ASIA-NORTHEAST1-B' } } } },
      },
      'asia-northeast1',
    ],
    [
      'the Spanner configuration nested in the create request (terraform-validator)',
      {
        name: '//spanner.googleapis.com/projects/p/instances/i',
        asset_type: 'spanner.googleapis.com/Instance',
        resource: { data: { instance: { config: 'projects/p/instanceConfigs/regional-asia-northeast1' } } },
      },
      'asia-northeast1',
    ],
    [
      'a Pub/Sub topic kept in one region',
      {
        name: '//pubsub.googleapis.com/projects/p/topics/t',
        asset_type: 'pubsub.googleapis.com/Topic',
        resource: { data: { messageStoragePolicy: { allowedPersistenceRegions: ['us-central1'] } } },
      },
      'us-central1',
    ],
    [
      'a Pub/Sub topic allowed in several regions: the first outside Japan (a message may be there)',
      {
        name: '//pubsub.googleapis.com/projects/p/topics/t2',
        asset_type: 'pubsub.googleapis.com/Topic',
        resource: {
          data: { messageStoragePolicy: { allowedPersistenceRegions: ['asia-northeast1', 'us-central1'] } },
        },
      },
      'us-central1',
    ],
    [
      'a Pub/Sub topic allowed in Tokyo and Osaka only',
      {
        name: '//pubsub.googleapis.com/projects/p/topics/t3',
        asset_type: 'pubsub.googleapis.com/Topic',
        resource: {
          data: {
            messageStoragePolicy: { allowedPersistenceRegions: ['asia-northeast2', 'asia-northeast1'] },
          },
        },
      },
      'asia-northeast2',
    ],
    [
      'a Pub/Sub topic with no storage policy: where its messages are kept is not told (unknown, not global)',
      {
        name: '//pubsub.googleapis.com/projects/p/topics/t4',
        asset_type: 'pubsub.googleapis.com/Topic',
        resource: { data: { name: 'projects/p/topics/t4' } },
      },
      UNKNOWN_REGION,
    ],
    [
      'storageLocations over resource.location (snapshot)',
      {
        name: '//compute.googleapis.com/projects/p/global/snapshots/s',
        asset_type: 'compute.googleapis.com/Snapshot',
        resource: { location: 'global', data: { storageLocations: ['EU'] } },
      },
      'eu',
    ],
    [
      // A search summary keeps a snapshot's `location` (global), not its `storageLocations`.
      'a snapshot without storageLocations: unknown, not its global scope',
      {
        name: '//compute.googleapis.com/projects/p/global/snapshots/s',
        asset_type: 'compute.googleapis.com/Snapshot',
        resource: {
          location: 'global',
          data: { name: 's', sourceDisk: 'projects/p/zones/asia-northeast1-a/disks/d' },
        },
      },
      UNKNOWN_REGION,
    ],
    [
      'the older storageLocation spelling',
      {
        name: '//compute.googleapis.com/projects/p/global/snapshots/s',
        asset_type: 'compute.googleapis.com/Snapshot',
        resource: { data: { storageLocation: ['asia1'] } },
      },
      'asia1',
    ],
    [
      'upper-case location',
      {
        name: '//storage.googleapis.com/b',
        asset_type: 'storage.googleapis.com/Bucket',
        resource: { data: { projectNumber: '1', location: 'ASIA-NORTHEAST1' } },
      },
      'asia-northeast1',
    ],
    [
      'nothing: global',
      {
        name: '//iam.googleapis.com/projects/p/serviceAccounts/sa@p.iam.gserviceaccount.com',
        asset_type: 'iam.googleapis.com/ServiceAccount',
        resource: { data: {} },
      },
      'global',
    ],
  ])('from %s', (_what, record, region) => {
    expect(read([record])[0]?.region).toBe(region);
  });
});

describe('gcp: asset types of the Cloud Asset Inventory beta', () => {
  it.each([
    ['google.compute.Firewall', 'compute.googleapis.com/Firewall'],
    ['google.cloud.storage.Bucket', 'storage.googleapis.com/Bucket'],
    ['google.cloud.sql.Instance', 'sqladmin.googleapis.com/Instance'],
    ['google.cloud.resourcemanager.Project', 'cloudresourcemanager.googleapis.com/Project'],
    ['google.cloud.kms.CryptoKey', 'cloudkms.googleapis.com/CryptoKey'],
    ['google.bigtable.Instance', 'bigtableadmin.googleapis.com/Instance'],
    ['google.container.Cluster', 'container.googleapis.com/Cluster'],
    ['storage.googleapis.com/Bucket', 'storage.googleapis.com/Bucket'],
  ])('%s → %s', (old, current) => {
    expect(currentAssetType(old)).toBe(current);
  });

  it('reads an old-named bucket as a bucket', () => {
    const [bucket] = read([
      {
        name: '//storage.googleapis.com/old',
        asset_type: 'google.cloud.storage.Bucket',
        resource: {
          data: {
            projectNumber: '1',
            location: 'US',
            iamConfiguration: { bucketPolicyOnly: { enabled: false } },
          },
        },
      },
    ]);
    expect(bucket).toMatchObject({
      kansaType: 'storage.bucket',
      nativeType: 'storage.googleapis.com/Bucket',
      region: 'us',
    });
  });
});

describe('gcp: firewall lists under Compute Engine proto names (2019 Cloud Asset exports)', () => {
  // Modelled on policy-library validator/test/fixtures/restricted_firewall_rules/assets/sources:
  // singular list names (`sourceRange`, `sourceTag`, `sourceServiceAccount`) and `ipProtocol`.
  const firewall = (data: Record<string, unknown>) =>
    read([
      {
        name: '//compute.googleapis.com/projects/fw-dev/global/firewalls/rule',
        asset_type: 'compute.googleapis.com/Firewall',
        resource: {
          parent: '//cloudresourcemanager.googleapis.com/projects/573900000001',
          data: { direction: 'INGRESS', disabled: false, allowed: [{ ipProtocol: 'all' }], ...data },
        },
      },
    ])[0]?.facts as GcpFirewallFacts;

  it('reads `sourceRange` as the source ranges, with its own path', () => {
    const facts = firewall({ sourceRange: ['10.0.0.0/24', '10.1.0.0/24'] });
    expect(facts.sourceRanges).toMatchObject({
      value: ['10.0.0.0/24', '10.1.0.0/24'],
      source: 'explicit',
      path: 'resource.data.sourceRange',
    });
    expect(facts.allowed?.value).toEqual([{ protocol: 'all', ports: [] }]);
  });

  it('reads `allowed[].port` as the allowed ports', () => {
    const facts = firewall({
      sourceRange: ['0.0.0.0/0'],
      allowed: [{ ipProtocol: 'icmp' }, { ipProtocol: 'tcp', port: ['123', '1000-7000'] }],
    });
    expect(facts.allowed?.value).toEqual([
      { protocol: 'icmp', ports: [] },
      { protocol: 'tcp', ports: ['123', '1000-7000'] },
    ]);
  });

  it.each([
    ['sourceTag', { sourceTag: ['batch'] }],
    ['sourceServiceAccount', { sourceServiceAccount: ['sa@fw-dev.iam.gserviceaccount.com'] }],
  ])('a rule with only `%s` has no source range, not the default 0.0.0.0/0', (_field, data) => {
    expect(firewall(data).sourceRanges).toMatchObject({ value: [], source: 'explicit' });
  });

  it('still applies the default to an ingress rule with no source under either name', () => {
    expect(
      firewall({ targetServiceAccount: ['sa@fw-dev.iam.gserviceaccount.com'] }).sourceRanges,
    ).toMatchObject({ value: ['0.0.0.0/0'], source: 'default' });
  });
});

describe('gcp: BigQuery assets of 2019 exports (policy-library bigquery_cmek fixture)', () => {
  // The dataset's data as short as a `bq ls` entry (`kind`, `id`, `datasetReference`, `location`),
  // tables with `schema` and no `location`: whole Cloud Assets, not list summaries.
  const [dataset, table] = read([
    {
      name: '//bigquery.googleapis.com/projects/bq-p/datasets/ds',
      asset_type: 'bigquery.googleapis.com/Dataset',
      resource: {
        parent: '//cloudresourcemanager.googleapis.com/projects/734800000001',
        data: {
          kind: 'bigquery#dataset',
          id: 'bq-p:ds',
          datasetReference: { datasetId: 'ds', projectId: 'bq-p' },
          location: 'US',
        },
      },
    },
    {
      name: '//bigquery.googleapis.com/projects/bq-p/datasets/ds/tables/t',
      asset_type: 'bigquery.googleapis.com/Table',
      resource: {
        parent: '//bigquery.googleapis.com/projects/bq-p/datasets/ds',
        data: {
          kind: 'bigquery#table',
          id: 'bq-p:ds.t',
          schema: { fields: [{ name: 'f', type: 'TYPE_STRING' }] },
          tableReference: { datasetId: 'ds', projectId: 'bq-p', tableId: 't' },
        },
      },
    },
  ]);

  it('reads an absent encryption setting as the Google-managed default, not as a list entry', () => {
    expect(dataset?.facts).toMatchObject({
      customerManagedKey: {
        source: 'default',
        value: false,
        path: 'resource.data.defaultEncryptionConfiguration.kmsKeyName',
      },
    });
    expect(table?.facts).toMatchObject({ customerManagedKey: { source: 'default', value: false } });
  });

  it('leaves the location of a table that names none unknown, not global', () => {
    expect(dataset?.region).toBe('us');
    expect(table?.region).toBe(UNKNOWN_REGION);
  });
});
