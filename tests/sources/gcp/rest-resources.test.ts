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

  // datasets.list as Cloud Custodian's bq-dataset flights and `bq ls --format=json` give it: the
  // page keeps its entries under `datasets`; an entry has no etag and no encryption settings.
  it('reads a bigquery#datasetList page; its summaries leave CMEK unknown, bq show does not', () => {
    const entry = {
      kind: 'bigquery#dataset',
      id: 'city-data:resident_stats',
      datasetReference: { datasetId: 'resident_stats', projectId: 'city-data' },
      location: 'asia-northeast1',
      type: 'DEFAULT',
    };
    const page = { kind: 'bigquery#datasetList', etag: 'Xw0NW3Z1ZUfY8yLXUCM+Vg==', datasets: [entry] };
    expect(gcpRestResources.matches(page)).toBe(true);
    const [listed] = readRecords(gcpRestResources, page);
    expect(listed).toMatchObject({
      id: '//bigquery.googleapis.com/projects/city-data/datasets/resident_stats',
      kansaType: 'database.instance',
      facts: { customerManagedKey: { source: 'unknown' } },
    });
    const shown = { ...entry, etag: 'm2C9G2GJeBnNdhZJMT6Ugw==', creationTime: '1700000000000' };
    const [full] = readRecords(gcpRestResources, shown);
    expect(full?.facts).toMatchObject({ customerManagedKey: { source: 'default', value: false } });
  });

  // `gcloud spanner|redis|filestore instances describe --format=json` and the APIs' list pages
  // (`{"instances": [...]}`): kind-less, named alike, told apart by their own fields.
  it('reads Spanner, Memorystore and Filestore instances by name and shape, not Bigtable’s', () => {
    const spanner = {
      name: 'projects/city-db/instances/juki',
      config: 'projects/city-db/instanceConfigs/regional-asia-northeast1',
      displayName: 'juki',
      nodeCount: 1,
      state: 'READY',
    };
    const redis = {
      name: 'projects/city-db/locations/us-central1/instances/cache',
      locationId: 'us-central1-a',
      redisVersion: 'REDIS_7_0',
      tier: 'BASIC',
      customerManagedKey: 'projects/city-db/locations/us-central1/keyRings/r/cryptoKeys/k',
    };
    const filestore = {
      name: 'projects/city-db/locations/asia-northeast1-b/instances/share',
      tier: 'BASIC_HDD',
      fileShares: [{ name: 'vol1', capacityGb: '1024' }],
    };
    const bigtable = { name: 'projects/city-db/instances/bt', displayName: 'bt', type: 'PRODUCTION' };
    expect(gcpRestResources.matches({ instances: [spanner] })).toBe(true);
    expect(gcpRestResources.matches({ instances: [bigtable] })).toBe(false);
    const [s, r, f] = readRecords(gcpRestResources, [spanner, redis, filestore]);
    expect(s).toMatchObject({
      id: '//spanner.googleapis.com/projects/city-db/instances/juki',
      region: 'asia-northeast1',
      kansaType: 'database.instance',
    });
    expect(r).toMatchObject({
      id: '//redis.googleapis.com/projects/city-db/locations/us-central1/instances/cache',
      region: 'us-central1',
      kansaType: 'cache.cluster',
      facts: { customerManagedKey: { source: 'explicit', value: true } },
    });
    expect(f).toMatchObject({
      id: '//file.googleapis.com/projects/city-db/locations/asia-northeast1-b/instances/share',
      region: 'asia-northeast1',
      kansaType: 'storage.file-system',
    });
  });

  it('does not take other clouds’ or unknown kinds', () => {
    expect(gcpRestResources.matches({ kind: 'youtube#video', id: 'x' })).toBe(false);
    expect(gcpRestResources.matches([{ id: '/subscriptions/s/resourceGroups/r', name: 'r' }])).toBe(false);
  });

  // The newer APIs write no `kind`: Cloud KMS and IAM name resources in full, GKE by self link.
  const cryptoKey = {
    name: 'projects/city-keys/locations/asia-northeast1/keyRings/city-ring/cryptoKeys/docs-key',
    purpose: 'ENCRYPT_DECRYPT',
    createTime: '2024-04-22T14:38:20.559717266Z',
    rotationPeriod: '7776000s',
  };
  const cluster = {
    name: 'web',
    location: 'asia-northeast1-a',
    legacyAbac: { enabled: true },
    selfLink: 'https://container.googleapis.com/v1/projects/city-web/zones/asia-northeast1-a/clusters/web',
  };
  const saKey = {
    name: 'projects/city-web/serviceAccounts/ci@city-web.iam.gserviceaccount.com/keys/0f1e2d3c',
    keyType: 'USER_MANAGED',
    validAfterTime: '2021-03-23T14:07:01Z',
  };

  it.each([
    ['gcloud kms keys list --format=json', [cryptoKey]],
    ['the Cloud KMS API list page', { cryptoKeys: [cryptoKey], totalSize: 1 }],
    ['gcloud container clusters list --format=json', [cluster]],
    ['the GKE API list page', { clusters: [cluster] }],
    ['the IAM API keys page', { keys: [saKey] }],
    ['the Pub/Sub API topics page', { topics: [{ name: 'projects/city-web/topics/events' }] }],
    [
      'gcloud logging buckets list',
      [{ name: 'projects/city-web/locations/global/buckets/_Default', retentionDays: 30 }],
    ],
    [
      'the Cloud Functions API page',
      {
        functions: [{ name: 'projects/city-web/locations/asia-northeast1/functions/hook', httpsTrigger: {} }],
      },
    ],
  ])('is chosen for kind-less resources: %s', (_what, document) => {
    expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(document))?.id).toBe(
      'gcp-rest-resources',
    );
  });

  // GKE REST `Cluster`: node pools' `config.bootDiskKmsKey` (Cloud Custodian gke-cluster flights).
  it.each([
    [{ nodePools: [{ name: 'default-pool', config: { machineType: 'e2-medium' } }] }, 'default', false],
    [
      {
        nodePools: [
          {
            name: 'a',
            config: {
              bootDiskKmsKey: 'projects/city-keys/locations/asia-northeast1/keyRings/r/cryptoKeys/k',
            },
          },
          { name: 'b', config: { machineType: 'e2-medium' } },
        ],
      },
      'default',
      false,
    ],
    [
      {
        nodePools: [
          {
            name: 'a',
            config: {
              bootDiskKmsKey: 'projects/city-keys/locations/asia-northeast1/keyRings/r/cryptoKeys/k',
            },
          },
        ],
      },
      'explicit',
      true,
    ],
    [
      {
        autopilot: { enabled: true },
        autoscaling: {
          autoprovisioningNodePoolDefaults: {
            bootDiskKmsKey: 'projects/city-keys/locations/asia-northeast1/keyRings/r/cryptoKeys/k',
          },
        },
      },
      'explicit',
      true,
    ],
  ])('reads a GKE cluster’s node disk key %j: %s %s', (fields, source, cmk) => {
    const [gke] = readRecords(gcpRestResources, [{ ...cluster, ...fields }]);
    expect(gke?.facts).toMatchObject({ customerManagedKey: { source, value: cmk } });
  });

  it('names kind-less resources after their full name or GKE self link', () => {
    const [key, gke, sa] = readRecords(gcpRestResources, [cryptoKey, cluster, saKey]);
    expect(key).toMatchObject({
      id: '//cloudkms.googleapis.com/projects/city-keys/locations/asia-northeast1/keyRings/city-ring/cryptoKeys/docs-key',
      account: 'city-keys',
      region: 'asia-northeast1',
      kansaType: 'kms.key',
    });
    expect(gke).toMatchObject({
      id: '//container.googleapis.com/projects/city-web/zones/asia-northeast1-a/clusters/web',
      region: 'asia-northeast1',
      kansaType: 'container.cluster',
      facts: { legacyAbac: { source: 'explicit', value: true } },
    });
    expect(sa).toMatchObject({ kansaType: 'iam.service-account-key', account: 'city-web' });
  });

  it('tells 1st-gen Cloud Functions from 2nd-gen ones, and log buckets from Cloud Storage buckets', () => {
    const [gen1, gen2, logBucket] = readRecords(gcpRestResources, [
      { name: 'projects/p/locations/asia-northeast1/functions/a', httpsTrigger: {} },
      { name: 'projects/p/locations/asia-northeast1/functions/b', serviceConfig: {}, environment: 'GEN_2' },
      { name: 'projects/p/locations/global/buckets/_Default', retentionDays: 30 },
    ]);
    expect(gen1?.nativeType).toBe('cloudfunctions.googleapis.com/CloudFunction');
    expect(gen2?.nativeType).toBe('cloudfunctions.googleapis.com/Function');
    expect(logBucket).toMatchObject({
      nativeType: 'logging.googleapis.com/LogBucket',
      kansaType: 'audit.log-bucket',
    });
  });

  it('tells the APIs that name instances alike apart by their own fields; names projects by number', () => {
    const instance = (fields: object) => ({
      name: 'projects/p/locations/asia-northeast1/instances/i',
      ...fields,
    });
    const [workbench, userManaged, fusion, project] = readRecords(gcpRestResources, [
      instance({ gceSetup: {} }),
      instance({ machineType: 'n1-standard-4', vmImage: {} }),
      instance({ type: 'BASIC', tenantProjectId: 't-tp' }),
      { projectId: 'p', projectNumber: '123', lifecycleState: 'ACTIVE', parent: { type: 'folder', id: '9' } },
    ]);
    expect(workbench?.nativeType).toBe('notebooks.googleapis.com/Instance');
    expect(userManaged?.nativeType).toBe('notebooks.googleapis.com/Instance');
    expect(fusion?.nativeType).toBe('datafusion.googleapis.com/Instance');
    expect(project).toMatchObject({
      kansaType: 'account',
      account: '123',
      accountAlias: 'p',
      facts: { ancestors: { value: ['//cloudresourcemanager.googleapis.com/folders/9'] } },
    });
    // An instance no field tells (a Memcache or Bigtable one) is not taken for any of them.
    expect(gcpRestResources.matches([instance({ nodeCount: 1 })])).toBe(false);
  });

  it('takes a `…/clusters/…` name for GKE only with GKE’s self link (Memorystore clusters share the shape)', () => {
    const redisCluster = { name: 'projects/city-web/locations/asia-northeast1/clusters/cache' };
    expect(gcpRestResources.matches([redisCluster])).toBe(false);
  });

  it('reads a bucket’s IAM policy (storage#policy) as the bucket asset’s policy, its project from the bucket', () => {
    const policy = {
      kind: 'storage#policy',
      resourceId: 'projects/_/buckets/city-open-data',
      bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }],
    };
    expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(policy))?.id).toBe(
      'gcp-rest-resources',
    );
    const [fromPolicy, fromBucket] = readRecords(gcpRestResources, [policy, bucket]);
    expect(fromPolicy).toMatchObject({
      id: '//storage.googleapis.com/city-open-data',
      kansaType: 'storage.bucket',
    });
    expect(fromBucket).toMatchObject({
      id: '//storage.googleapis.com/city-open-data',
      account: '123456789012',
    });
  });

  // `GET …/b/<bucket>/acl` as Cloud Custodian's bucket-access-control flights record it.
  const aclAnswer = (entries: Record<string, unknown>[]) => ({
    kind: 'storage#bucketAccessControls',
    items: entries.map((entry) => ({
      kind: 'storage#bucketAccessControl',
      bucket: 'city-open-data',
      ...entry,
    })),
  });
  const ownersEntry = {
    entity: 'project-owners-123456789012',
    role: 'OWNER',
    projectTeam: { projectNumber: '123456789012', team: 'owners' },
  };

  it('reads a bucket’s ACL answer (storage#bucketAccessControls) as the bucket’s ACL only', () => {
    const answer = aclAnswer([ownersEntry, { entity: 'allUsers', role: 'READER' }]);
    expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(answer))?.id).toBe(
      'gcp-rest-resources',
    );
    const [fromAcl] = readRecords(gcpRestResources, answer);
    expect(fromAcl).toMatchObject({
      id: '//storage.googleapis.com/city-open-data',
      kansaType: 'storage.bucket',
      account: '123456789012',
    });
    // The answer shows the ACL and nothing else: no defaults for the bucket's other settings.
    expect(fromAcl?.facts).toEqual({
      project: expect.anything(),
      publicAcl: { source: 'explicit', value: [{ role: 'READER', member: 'allUsers' }], path: 'items' },
    });
  });

  it('reads an ACL answer without public entries as explicitly none (the whole list)', () => {
    const [fromAcl] = readRecords(gcpRestResources, aclAnswer([ownersEntry]));
    expect(fromAcl?.facts).toMatchObject({ publicAcl: { source: 'explicit', value: [] } });
  });

  // `gcloud storage buckets describe --format=json` without `--raw`: gcloud's own record.
  const gcloudBucket = (name: string, fields: Record<string, unknown>) => ({
    name,
    storage_url: `gs://${name}/`,
    location: 'ASIA-NORTHEAST1',
    location_type: 'region',
    ...fields,
  });
  const ownersAcl = {
    entity: 'project-owners-123456789012',
    projectTeam: { projectNumber: '123456789012', team: 'owners' },
    role: 'OWNER',
  };

  it('reads gcloud storage’s snake_case bucket record as the storage#bucket it comes from', () => {
    const document = [
      gcloudBucket('acl-bucket', {
        uniform_bucket_level_access: false,
        public_access_prevention: 'inherited',
        acl: [ownersAcl, { entity: 'allUsers', role: 'READER' }],
        default_kms_key: 'projects/p/locations/asia-northeast1/keyRings/r/cryptoKeys/k',
      }),
    ];
    expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(document))?.id).toBe(
      'gcp-rest-resources',
    );
    const [b] = readRecords(gcpRestResources, document);
    expect(b).toMatchObject({
      id: '//storage.googleapis.com/acl-bucket',
      account: '123456789012',
      region: 'asia-northeast1',
      kansaType: 'storage.bucket',
      facts: {
        uniformBucketLevelAccess: { source: 'explicit', value: false },
        publicAccessPrevention: { source: 'explicit', value: 'inherited' },
        publicAcl: { source: 'explicit', value: [{ role: 'READER', member: 'allUsers' }] },
        customerManagedKey: { source: 'explicit', value: true },
      },
    });
  });

  it('places a gcloud storage bucket in no project when its ACLs name none (uniform access) or two', () => {
    const other = { ...ownersAcl, projectTeam: { projectNumber: '999', team: 'viewers' } };
    const read = readRecords(gcpRestResources, [
      gcloudBucket('ubla', { uniform_bucket_level_access: true }),
      gcloudBucket('two-projects', { acl: [ownersAcl, other] }),
    ]);
    // The scan drops, as skipped with the reason, what no record places in a project.
    expect(read.map((r) => [r.id, r.account])).toEqual([
      ['//storage.googleapis.com/ubla', ''],
      ['//storage.googleapis.com/two-projects', ''],
    ]);
  });

  // `gcloud storage buckets list` lists the buckets of one project (its --project): a bucket with
  // uniform access has no ACL to name it, the others' ACLs name the project they are all in.
  it('places a uniform-access bucket of a gcloud storage list in the one project its other buckets’ ACLs name', () => {
    const listed = readRecords(gcpRestResources, [
      gcloudBucket('ubla', { uniform_bucket_level_access: true }),
      gcloudBucket('acl-bucket', { acl: [ownersAcl] }),
    ]);
    expect(listed.map((r) => [r.id, r.account])).toEqual([
      ['//storage.googleapis.com/ubla', '123456789012'],
      ['//storage.googleapis.com/acl-bucket', '123456789012'],
    ]);
    const other = { ...ownersAcl, projectTeam: { projectNumber: '999', team: 'owners' } };
    const mixed = readRecords(gcpRestResources, [
      gcloudBucket('ubla', { uniform_bucket_level_access: true }),
      gcloudBucket('acl-bucket', { acl: [ownersAcl] }),
      gcloudBucket('elsewhere', { acl: [other] }),
    ]);
    expect(mixed.map((r) => r.account)).toEqual(['', '123456789012', '999']);
  });

  it('skips Steampipe rows (`akas`, `title`) that carry a `kind`: their columns are not the API’s', () => {
    const skipped: string[] = [];
    const ctx = { file: 'steampipe.json', skip: (reason: string) => skipped.push(reason) };
    const row = {
      ...bucket,
      iam_configuration_uniform_bucket_level_access_enabled: true,
      title: bucket.name,
      akas: [`gcp://storage.googleapis.com/projects/p/buckets/${bucket.name}`],
    };
    expect([...gcpRestResources.read([row], ctx)]).toEqual([]);
    expect(skipped).toEqual([expect.stringContaining('a Steampipe table row')]);
  });
});
