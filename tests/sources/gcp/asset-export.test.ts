import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type Resource, UNKNOWN_REGION } from '../../../src/model/resource.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { readInputFile } from '../../../src/sources/read-inputs.ts';
import {
  ANCESTORS,
  bucketPolicyRecord,
  bucketRecord,
  computeRecord,
  FOLDER_NAME,
  PROJECT_NAME,
  policyRecord,
  projectPolicyRecord,
  type ReadResource,
  resourceRecord,
  sqlInstanceRecord,
  subnetworkRecord,
  UBLA_ON,
} from './records.ts';

function read(records: unknown[]) {
  const skipped: { reason: string; line?: number }[] = [];
  const ctx = {
    file: 'resource.json',
    skip: (reason: string, where?: { line?: number }) => skipped.push({ reason, ...where }),
  };
  const resources = records.flatMap((record, i) => [...gcpAssetExport.read(record, ctx, i + 1)]);
  return { resources, skipped };
}

describe('gcp-asset-export', () => {
  it('recognises asset records in either spelling and rejects other clouds', () => {
    expect(gcpAssetExport.matches(bucketRecord('b', UBLA_ON))).toBe(true);
    expect(
      gcpAssetExport.matches({
        name: '//storage.googleapis.com/b',
        assetType: 'storage.googleapis.com/Bucket',
      }),
    ).toBe(true);
    // AWS Config item, Azure Resource Graph row, ARM resource
    expect(
      gcpAssetExport.matches({
        resourceType: 'AWS::S3::Bucket',
        arn: 'arn:aws:s3:::b',
        awsRegion: 'ap-northeast-1',
      }),
    ).toBe(false);
    expect(
      gcpAssetExport.matches({
        id: '/subscriptions/x/resourceGroups/rg',
        type: 'microsoft.storage/storageaccounts',
        name: 'sa',
      }),
    ).toBe(false);
    expect(gcpAssetExport.matches({ name: 'b', asset_type: 'storage.googleapis.com/Bucket' })).toBe(false);
  });

  it('reads a bucket: id, account from ancestors, lower-case region, labels, facts with paths', () => {
    const record = bucketRecord(
      'city-records',
      { ...UBLA_ON, publicAccessPrevention: 'enforced' },
      {
        defaultKmsKeyName: 'projects/p/locations/asia-northeast1/keyRings/r/cryptoKeys/k',
      },
    );
    (record.resource.data as Record<string, unknown>).labels = { confidentiality: '3' };
    const [bucket] = read([record]).resources as [ReadResource];
    expect(bucket).toMatchObject({
      provider: 'gcp',
      account: '111111111111',
      region: 'asia-northeast1',
      kansaType: 'storage.bucket',
      nativeType: 'storage.googleapis.com/Bucket',
      id: '//storage.googleapis.com/city-records',
      name: 'city-records',
      tags: { confidentiality: '3' },
      origin: { file: 'resource.json', line: 1 },
    });
    expect(bucket.facts).toMatchObject({
      publicAccessPrevention: {
        source: 'explicit',
        value: 'enforced',
        path: 'resource.data.iamConfiguration.publicAccessPrevention',
      },
      uniformBucketLevelAccess: { source: 'explicit', value: true },
      customerManagedKey: {
        source: 'explicit',
        value: true,
        path: 'resource.data.encryption.defaultKmsKeyName',
      },
      publicAcl: { source: 'unknown' },
    });
  });

  it('applies documented defaults when bucket fields are absent', () => {
    const [bucket] = read([bucketRecord('old', undefined)]).resources as [ReadResource];
    expect(bucket.facts).toMatchObject({
      publicAccessPrevention: { source: 'default', value: 'inherited' },
      uniformBucketLevelAccess: { source: 'default', value: false },
      customerManagedKey: { source: 'default', value: false },
    });
  });

  it('gives the IAM-policy line the same id as the resource line, with its own facts only', () => {
    const { resources } = read([
      bucketPolicyRecord('city-records', [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }]),
    ]);
    const [policy] = resources as [ReadResource];
    expect(policy.id).toBe('//storage.googleapis.com/city-records');
    // A bucket is somewhere, but the policy line does not say where (its resource line does).
    expect(policy.region).toBe(UNKNOWN_REGION);
    expect(Object.keys(policy.facts)).toEqual(['project', 'publicBindings']);
    expect(policy.facts.publicBindings).toEqual({
      source: 'explicit',
      value: [{ role: 'roles/storage.objectViewer', member: 'allUsers' }],
      path: 'iam_policy.bindings',
    });
  });

  it('reads audit configs with integer log types (proto numbers) and keeps the ancestors of projects', () => {
    const [project] = read([
      policyRecord(PROJECT_NAME, 'cloudresourcemanager.googleapis.com/Project', {
        bindings: [],
        audit_configs: [
          {
            service: 'allServices',
            audit_log_configs: [{ log_type: 1 }, { log_type: 3, exempted_members: ['user:a@example.jp'] }],
          },
        ],
      }),
    ]).resources as [ReadResource];
    expect(project).toMatchObject({ kansaType: 'account', account: '111111111111', id: PROJECT_NAME });
    expect(project.facts.auditConfigs).toEqual({
      source: 'explicit',
      path: 'iam_policy.audit_configs',
      value: [
        {
          service: 'allServices',
          logConfigs: [
            { logType: 'ADMIN_READ', exemptedMembers: [] },
            { logType: 'DATA_READ', exemptedMembers: ['user:a@example.jp'] },
          ],
        },
      ],
    });
    expect(project.facts.ancestors?.value).toEqual([
      FOLDER_NAME,
      '//cloudresourcemanager.googleapis.com/organizations/123456789012',
    ]);
  });

  it('accounts folders to themselves and reads their audit configs (absent = the default: none)', () => {
    const [folder] = read([
      policyRecord(
        FOLDER_NAME,
        'cloudresourcemanager.googleapis.com/Folder',
        { bindings: [] },
        ANCESTORS.slice(1),
      ),
    ]).resources as [ReadResource];
    expect(folder).toMatchObject({ kansaType: 'other', account: 'folders/456789012345', id: FOLDER_NAME });
    expect(folder.facts.auditConfigs).toMatchObject({ source: 'default', value: [] });
  });

  it('maps data-handling types, zones to regions, CMEK and replicas', () => {
    const disk = resourceRecord(
      '//compute.googleapis.com/projects/p/zones/asia-northeast1-b/disks/d1',
      'compute.googleapis.com/Disk',
      {
        name: 'd1',
        zone: 'https://www.googleapis.com/compute/v1/projects/p/zones/asia-northeast1-b',
        sizeGb: '100',
      },
      'asia-northeast1-b',
    );
    const replica = resourceRecord(
      '//cloudsql.googleapis.com/projects/p/instances/db-replica',
      'sqladmin.googleapis.com/Instance',
      {
        name: 'db-replica',
        region: 'us-central1',
        masterInstanceName: 'p:db',
        settings: { userLabels: { confidentiality: '2' } },
        diskEncryptionConfiguration: {
          kmsKeyName: 'projects/p/locations/us-central1/keyRings/r/cryptoKeys/k',
        },
      },
      'us-central1',
    );
    const key = resourceRecord(
      '//cloudkms.googleapis.com/projects/p/locations/asia1/keyRings/r/cryptoKeys/k',
      'cloudkms.googleapis.com/CryptoKey',
      { purpose: 'ENCRYPT_DECRYPT', rotationPeriod: '7776000s', versionTemplate: { protectionLevel: 'HSM' } },
      'asia1',
    );
    const [d, r, k] = read([disk, replica, key]).resources as [ReadResource, ReadResource, ReadResource];
    expect(d).toMatchObject({ kansaType: 'compute.disk', region: 'asia-northeast1' });
    expect(d.facts.customerManagedKey).toMatchObject({ source: 'default', value: false });
    expect(r).toMatchObject({
      kansaType: 'database.instance',
      region: 'us-central1',
      tags: { confidentiality: '2' },
    });
    expect(r.facts).toMatchObject({
      customerManagedKey: { value: true },
      replicaOf: { value: '//cloudsql.googleapis.com/projects/p/instances/db' },
    });
    expect(k).toMatchObject({ kansaType: 'kms.key', region: 'asia1' });
    expect(k.facts).toMatchObject({
      hsmBackedKey: { value: true },
      rotationPeriodSeconds: { value: 7_776_000 },
    });
  });

  // A CryptoKey as the KMS API returns it to a reader without the template (Cloud Custodian
  // kms-cryptokey flights): the primary version's protectionLevel still says where the key lives.
  it.each([
    [{ primary: { name: 'v/1', state: 'ENABLED', protectionLevel: 'HSM' } }, 'explicit', true, 'primary'],
    [
      { versionTemplate: { protectionLevel: 'SOFTWARE' }, primary: { protectionLevel: 'HSM' } },
      'explicit',
      false,
      'versionTemplate',
    ],
    [{ versionTemplate: { algorithm: 'GOOGLE_SYMMETRIC_ENCRYPTION' } }, 'default', false, 'versionTemplate'],
  ])('reads a crypto key %j as HSM-backed: %s %s', (fields, source, hsm, where) => {
    const key = resourceRecord(
      '//cloudkms.googleapis.com/projects/p/locations/asia-northeast1/keyRings/r/cryptoKeys/k',
      'cloudkms.googleapis.com/CryptoKey',
      { purpose: 'ENCRYPT_DECRYPT', ...fields },
      'asia-northeast1',
    );
    const [k] = read([key]).resources as [ReadResource];
    expect(k.facts.hsmBackedKey).toMatchObject({ source, value: hsm });
    expect(k.facts.hsmBackedKey?.path).toContain(`${where}.protectionLevel`);
  });

  it('maps network, serverless and service-account types and keeps project bindings', () => {
    const { resources } = read([
      subnetworkRecord('s', { logConfig: { enable: true } }),
      computeRecord('Network', 'global/networks/default', { name: 'default' }),
      resourceRecord(
        '//run.googleapis.com/projects/p/locations/asia-northeast1/services/web',
        'run.googleapis.com/Service',
        {},
      ),
      resourceRecord(
        '//iam.googleapis.com/projects/p/serviceAccounts/1',
        'iam.googleapis.com/ServiceAccount',
        {},
      ),
      projectPolicyRecord([{ role: 'roles/owner', members: ['group:admins@city.example.jp'] }]),
    ]);
    expect(resources.map((r) => r.kansaType)).toEqual([
      'network.vpc',
      'network.vpc',
      'compute.serverless',
      'iam.service-account',
      'account',
    ]);
    expect((resources[4] as ReadResource).facts.bindings).toEqual({
      source: 'explicit',
      path: 'iam_policy.bindings',
      value: [{ role: 'roles/owner', members: ['group:admins@city.example.jp'] }],
    });
  });

  it('fills reachableFromInternet for Cloud SQL from ipv4Enabled, and only when the export shows it', () => {
    const [open, unknownIp] = read([
      sqlInstanceRecord('a', { ipConfiguration: { ipv4Enabled: true } }),
      sqlInstanceRecord('b', {}),
    ]).resources as [ReadResource, ReadResource];
    expect(open.facts.reachableFromInternet).toEqual({
      source: 'explicit',
      value: true,
      path: 'resource.data.settings.ipConfiguration.ipv4Enabled',
    });
    expect(unknownIp.facts.reachableFromInternet).toBeUndefined();
  });

  it('keeps unrecognised types as "other" with no facts', () => {
    const [other] = read([
      resourceRecord(
        '//dns.googleapis.com/projects/p/managedZones/z',
        'dns.googleapis.com/ManagedZone',
        { name: 'z' },
        'global',
      ),
    ]).resources as [ReadResource];
    expect(other).toMatchObject({ kansaType: 'other', facts: {}, region: 'global', account: '111111111111' });
  });

  it('reads resource.data given as a JSON string or a protobuf Struct', () => {
    const asString = bucketRecord('s', UBLA_ON);
    (asString.resource as Record<string, unknown>).data = JSON.stringify(asString.resource.data);
    const asStruct = bucketRecord('t', undefined);
    (asStruct.resource as Record<string, unknown>).data = {
      fields: {
        name: { stringValue: 't' },
        iamConfiguration: {
          structValue: {
            fields: {
              uniformBucketLevelAccess: { structValue: { fields: { enabled: { boolValue: true } } } },
            },
          },
        },
      },
    };
    const [s, t] = read([asString, asStruct]).resources as [ReadResource, ReadResource];
    expect(s.facts.uniformBucketLevelAccess).toMatchObject({ source: 'explicit', value: true });
    expect(t.facts.uniformBucketLevelAccess).toMatchObject({ source: 'explicit', value: true });
  });

  it('takes the account from resource.parent when ancestors are absent (older exports)', () => {
    const record: Record<string, unknown> = bucketRecord('no-ancestors', UBLA_ON);
    delete record.ancestors;
    const [bucket] = read([record]).resources as [ReadResource];
    expect(bucket.account).toBe('111111111111');
  });

  it('skips unusable records with a reason and their line', () => {
    const noAccount: Record<string, unknown> = bucketRecord('orphan', UBLA_ON);
    delete noAccount.ancestors;
    (noAccount.resource as Record<string, unknown>).parent = undefined;
    delete ((noAccount.resource as Record<string, unknown>).data as Record<string, unknown>).projectNumber;
    const badData = bucketRecord('bad', UBLA_ON);
    (badData.resource as Record<string, unknown>).data = '{not json';
    const { resources, skipped } = read([noAccount, { name: '//x.googleapis.com/y' }, badData]);
    // A record naming no project is kept unplaced: another record of the asset may name it (the scan drops it otherwise).
    expect(resources).toMatchObject([
      { id: '//storage.googleapis.com/orphan', account: '', facts: { project: { source: 'unknown' } } },
    ]);
    expect(skipped).toEqual([
      { reason: '//x.googleapis.com/y: no asset type', line: 2 },
      {
        reason: '//storage.googleapis.com/bad: resource.data is neither a JSON object nor a JSON string',
        line: 3,
      },
    ]);
  });

  it('reads a gzipped NDJSON export file end to end', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kansa-gcp-'));
    const file = path.join(dir, 'resource.json.gz');
    const lines = [bucketRecord('a', UBLA_ON), bucketPolicyRecord('a')]
      .map((r) => JSON.stringify(r))
      .join('\n');
    await writeFile(file, gzipSync(`${lines}\n`));
    const resources: Resource[] = [];
    const coverage = await readInputFile(file, (r) => resources.push(r));
    expect(coverage).toMatchObject({ format: 'gcp-asset-export', resources: 2, skipped: [] });
    expect(resources.map((r) => r.origin.line)).toEqual([1, 2]);
  });
});
