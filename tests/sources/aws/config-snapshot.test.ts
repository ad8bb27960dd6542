import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/base/input-error.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { awsConfigSnapshotFormat } from '../../../src/sources/aws/config-snapshot.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { readInputFile } from '../../../src/sources/read-inputs.ts';
import {
  ACCOUNT,
  accessControlList,
  accountPublicAccessBlockItem,
  apiItem,
  bucketItem,
  bucketPolicy,
  defaultEncryption,
  iamUserItem,
  inlinePolicy,
  keyArn,
  kmsKeyItem,
  publicAccessBlock,
  snapshotDocument,
  snapshotItem,
} from './builders.ts';

function read(document: unknown) {
  const skipped: { reason: string; index?: number }[] = [];
  const notes: { note: string; index?: number }[] = [];
  const ctx = {
    file: 'snapshot.json',
    skip: (reason: string, where?: { index?: number }) => skipped.push({ reason, ...where }),
    note: (note: string, where?: { index?: number }) => notes.push({ note, ...where }),
  };
  const resources = [...awsConfigSnapshotFormat.read(document, ctx)] as Resource<Record<string, unknown>>[];
  return { resources, skipped, notes };
}

const KEY = '0f3a7c1e-52b4-4d8e-9a61-3c2b9e7d1f40';
const docsBucket = bucketItem(
  'city-docs',
  {
    AccessControlList: accessControlList(),
    BucketPolicy: bucketPolicy(),
    PublicAccessBlockConfiguration: publicAccessBlock(true, true, true, true),
    ServerSideEncryptionConfiguration: defaultEncryption('aws:kms', keyArn(KEY)),
  },
  { confidentiality: '3' },
);

describe('aws-config-snapshot: the snapshot / event dialect', () => {
  it('reads a configuration snapshot into resources with ids, regions, kansa types, tags and facts', () => {
    const { resources, skipped } = read(
      snapshotDocument([docsBucket, kmsKeyItem(KEY, {}, { KeyRotationStatus: true })]),
    );
    expect(skipped).toEqual([]);
    const [bucket, key] = resources;
    expect(bucket).toMatchObject({
      provider: 'aws',
      account: ACCOUNT,
      region: 'ap-northeast-1',
      kansaType: 'storage.bucket',
      nativeType: 'AWS::S3::Bucket',
      id: 'arn:aws:s3:::city-docs',
      name: 'city-docs',
      tags: { confidentiality: '3' },
      origin: { file: 'snapshot.json', index: 0 },
    });
    expect(bucket?.facts).toMatchObject({
      blockPublicAcls: {
        source: 'explicit',
        value: true,
        path: 'supplementaryConfiguration.PublicAccessBlockConfiguration.blockPublicAcls',
      },
      publicPolicyStatements: { source: 'explicit', value: [] },
      publicAclGrants: { source: 'explicit', value: [] },
      sseAlgorithm: { source: 'explicit', value: 'aws:kms' },
      kmsKeyId: { source: 'explicit', value: keyArn(KEY) },
      customerManagedKey: { source: 'unknown' },
    });
    expect(key).toMatchObject({ kansaType: 'kms.key', id: keyArn(KEY) });
    expect(key?.facts).toMatchObject({
      keyManager: { source: 'explicit', value: 'CUSTOMER' },
      rotationEnabled: {
        source: 'explicit',
        value: true,
        path: 'supplementaryConfiguration.KeyRotationStatus',
      },
      customerManagedKey: { source: 'explicit', value: true },
      hsmBackedKey: { source: 'default', value: true },
    });
  });

  it('applies the documented S3 defaults when a complete item has no Block Public Access or encryption configuration', () => {
    const { resources } = read(
      snapshotDocument([bucketItem('old-bucket', { BucketPolicy: bucketPolicy() })]),
    );
    const facts = resources[0]?.facts;
    expect(facts?.['ignorePublicAcls']).toMatchObject({ source: 'default', value: false });
    expect(facts?.['sseAlgorithm']).toMatchObject({ source: 'default', value: 'AES256' });
    expect(facts?.['customerManagedKey']).toMatchObject({ source: 'default', value: false });
    // The ACL is not defaulted: without it the bucket's grants are unknown.
    expect(facts?.['publicAclGrants']).toMatchObject({ source: 'unknown' });
  });

  // select-resource-config's Results parsed to objects (`jq '.Results | map(fromjson)'`): rows
  // without the item's own fields, holding only what the query SELECTed.
  it('reads an array of SELECT rows, which carry no item metadata, as partial: the rest unknown', () => {
    const {
      ARN,
      awsAccountId,
      configurationItemCaptureTime,
      configurationItemStatus,
      configurationStateId,
      configurationItemVersion,
      ...item
    } = bucketItem('old-bucket', { BucketPolicy: bucketPolicy() }) as Record<string, unknown>;
    // A SELECT row names the account and ARN as the API does (`accountId`, `arn`).
    const row = { ...item, arn: ARN, accountId: awsAccountId, supplementaryConfiguration: undefined };
    const rows = read([row]).resources[0]?.facts;
    expect(rows?.['ignorePublicAcls']).toMatchObject({ source: 'unknown' });
    expect(rows?.['sseAlgorithm']).toMatchObject({ source: 'unknown' });
    expect(read(row).resources[0]?.facts['sseAlgorithm']).toMatchObject({ source: 'unknown' });
    // One that SELECTed the capture time (the console's example queries do) is still a row.
    const timed = { ...row, configurationItemCaptureTime, configuration: { name: 'old-bucket' } };
    expect(read([timed]).resources[0]?.facts['sseAlgorithm']).toMatchObject({ source: 'unknown' });
    const logGroup = {
      resourceType: 'AWS::Logs::LogGroup',
      resourceId: 'app',
      accountId: awsAccountId,
      awsRegion: 'ap-northeast-1',
      arn: `arn:aws:logs:ap-northeast-1:${String(awsAccountId)}:log-group:app`,
      configurationItemCaptureTime,
      configuration: { LogGroupName: 'app' },
    };
    expect(read([logGroup]).resources[0]?.facts['retentionInDays']).toMatchObject({ source: 'unknown' });
    // An array of items, each with its capture time, keeps the documented defaults.
    const items = read([bucketItem('old-bucket', {})]).resources[0]?.facts;
    expect(items?.['sseAlgorithm']).toMatchObject({ source: 'default', value: 'AES256' });
  });

  it('finds public policy statements and public ACL grants, and honours restricting conditions', () => {
    const bucket = bucketItem('mixed', {
      AccessControlList: accessControlList(
        { grantee: 'AllUsers', permission: 'Read' },
        { grantee: 'LogDelivery', permission: 'Write' },
      ),
      BucketPolicy: bucketPolicy(
        {
          Sid: 'Public',
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::mixed/*',
        },
        {
          Effect: 'Allow',
          Principal: { AWS: ['*'] },
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'true' } },
        },
        {
          Sid: 'Vpce',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 's3:*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
        },
        {
          Sid: 'OpenCidr',
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:*',
          Resource: '*',
          Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } },
        },
        {
          Sid: 'DenyHttp',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ),
    });
    const facts = read(snapshotDocument([bucket])).resources[0]?.facts;
    expect(facts?.['publicPolicyStatements']).toMatchObject({
      value: [
        expect.objectContaining({ statement: 'Public' }),
        expect.objectContaining({ statement: 'Statement[1]' }),
        expect.objectContaining({
          statement: 'OpenCidr',
          conditions: [
            { operator: 'IpAddress', key: 'aws:SourceIp', value: '0.0.0.0/0', flaw: 'sourceIpRange' },
          ],
        }),
      ],
    });
    expect(facts?.['publicAclGrants']).toMatchObject({ value: ['AllUsers:Read'] });
  });

  it('reads the account Block Public Access as one account-wide resource, whatever region recorded it', () => {
    const flags = publicAccessBlock(true, true, false, false);
    const tokyo = read(snapshotDocument([accountPublicAccessBlockItem(flags)])).resources[0];
    const osaka = read(
      snapshotDocument([{ ...accountPublicAccessBlockItem(flags), awsRegion: 'ap-northeast-3' }]),
    ).resources[0];
    expect(tokyo).toMatchObject({
      kansaType: 'storage.account-public-access-block',
      region: 'global',
      id: `arn:aws:s3::${ACCOUNT}:account-public-access-block`,
      facts: {
        restrictPublicBuckets: {
          source: 'explicit',
          value: false,
          path: 'configuration.restrictPublicBuckets',
        },
      },
    });
    expect(osaka?.id).toBe(tokyo?.id);
  });

  it('maps data-handling types and reads PascalCase configurations (types from CloudFormation schemas)', () => {
    const efs = snapshotItem(
      'AWS::EFS::FileSystem',
      'fs-1',
      {
        FileSystemId: 'fs-1',
        Encrypted: true,
        KmsKeyId: `arn:aws:kms:${'ap-northeast-1'}:${ACCOUNT}:alias/efs-data`,
      },
      { arn: `arn:aws:elasticfilesystem:ap-northeast-1:${ACCOUNT}:file-system/fs-1` },
    );
    const volume = snapshotItem(
      'AWS::EC2::Volume',
      'vol-1',
      { volumeId: 'vol-1', encrypted: false, kmsKeyId: null },
      { arn: `arn:aws:ec2:ap-northeast-1:${ACCOUNT}:volume/vol-1` },
    );
    const unknownType = snapshotItem('AWS::Route53Resolver::ResolverRule', 'rslvr-1', { Name: 'x' });
    const resources = read(snapshotDocument([efs, volume, unknownType])).resources.filter(
      (r) => r.kansaType !== 'account',
    );
    expect(resources.map((r) => r.kansaType)).toEqual(['storage.file-system', 'compute.disk', 'other']);
    expect(resources[0]?.facts).toMatchObject({
      encrypted: { source: 'explicit', value: true, path: 'configuration.Encrypted' },
      customerManagedKey: { source: 'explicit', value: true },
    });
    expect(resources[1]?.facts).toMatchObject({
      customerManagedKey: { source: 'explicit', value: false, path: 'configuration.encrypted' },
    });
    expect(resources[2]).toMatchObject({
      facts: {},
      id: `AWS::Route53Resolver::ResolverRule/${ACCOUNT}/ap-northeast-1/rslvr-1`,
    });
  });

  it('reads IAM users with attached, inline (URL-encoded) and group policies', () => {
    const user = iamUserItem('admin', {
      groupList: ['Administrators'],
      userPolicyList: [
        inlinePolicy('all', { Effect: 'Allow', Action: '*', Resource: '*' }),
        inlinePolicy('s3', { Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      ],
    });
    const resource = read([user]).resources[0];
    expect(resource).toMatchObject({
      kansaType: 'iam.user',
      region: 'global',
      id: `arn:aws:iam::${ACCOUNT}:user/admin`,
    });
    expect(resource?.facts).toMatchObject({
      attachedPolicyArns: { value: [] },
      fullAdminInlinePolicies: { value: ['all'] },
      groups: { value: ['Administrators'] },
    });
  });

  it('passes on deletions and every version with its capture time; reads unrecorded items as listed only', () => {
    const deleted = snapshotItem('AWS::EC2::Volume', 'vol-gone', null, { status: 'ResourceDeleted' });
    const deletedNotRecorded = snapshotItem('AWS::EC2::Volume', 'vol-x', null, {
      status: 'ResourceDeletedNotRecorded',
    });
    const notRecorded = snapshotItem('AWS::EC2::Volume', 'vol-y', null, { status: 'ResourceNotRecorded' });
    const older = { ...docsBucket, configurationItemCaptureTime: '2026-10-01T00:00:00.000Z' };
    const {
      resources: all,
      skipped,
      notes,
    } = read(snapshotDocument([deleted, deletedNotRecorded, notRecorded, older, docsBucket, { hello: 1 }]));
    const resources = all.filter((r) => r.kansaType !== 'account');
    expect(resources.map((r) => [r.origin.index, r.deleted ?? false])).toEqual([
      [0, true],
      [1, true],
      [2, false],
      [3, false],
      [4, false],
    ]);
    expect(resources[0]).toMatchObject({ id: expect.stringContaining('vol-gone'), facts: {} });
    // The volume exists, its settings unknown: listed only, and undated, so that it never takes
    // the place of a readable item of the same volume.
    expect(resources[2]).toMatchObject({ id: expect.stringContaining('vol-y'), facts: {}, listedOnly: true });
    expect(resources[2]?.observedAt).toBeUndefined();
    expect(resources[3]?.observedAt).toBe(Date.parse('2026-10-01T00:00:00.000Z'));
    expect(resources[4]?.observedAt).toBeGreaterThan(resources[3]?.observedAt ?? Infinity);
    expect(notes).toEqual([
      {
        index: 2,
        note: 'AWS::EC2::Volume vol-y: ResourceNotRecorded (no configuration): read as listed only, its settings unknown',
      },
    ]);
    expect(skipped).toEqual([
      { index: 5, reason: expect.stringMatching(/^not a resource: resourceType and resourceId are missing/) },
    ]);
  });

  it('throws an InputError when configurationItems is not an array', () => {
    expect(() => read({ fileVersion: '1.0', configSnapshotId: 'x', configurationItems: { a: 1 } })).toThrow(
      InputError,
    );
    expect(() => read({ fileVersion: '1.0', configSnapshotId: 'x', configurationItems: { a: 1 } })).toThrow(
      /"configurationItems" must be an array of configuration items, found object/,
    );
  });
});

describe('aws-config-snapshot: the API dialect (history, batch-get)', () => {
  it('decodes configuration and supplementary values given as JSON strings, including a doubly encoded ACL', () => {
    const item = apiItem(
      bucketItem('api-bucket', {
        PublicAccessBlockConfiguration: publicAccessBlock(true, true, true, true),
        BucketPolicy: bucketPolicy({
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: '*',
        }),
        AccessControlList: accessControlList({ grantee: 'AuthenticatedUsers', permission: 'Write' }),
      }),
    );
    const resource = read({ configurationItems: [item], nextToken: 'abc' }).resources[0];
    expect(resource).toMatchObject({ id: 'arn:aws:s3:::api-bucket', account: ACCOUNT });
    expect(resource?.facts).toMatchObject({
      restrictPublicBuckets: { source: 'explicit', value: true },
      publicPolicyStatements: { value: [expect.objectContaining({ statement: 'Statement[0]' })] },
      publicAclGrants: { value: ['AuthenticatedUsers:Write'] },
    });
  });

  it('reads batch-get-resource-config output (no tags) and KeyRotationStatus as the string "true"', () => {
    const key = {
      ...apiItem(kmsKeyItem(KEY, {})),
      supplementaryConfiguration: { KeyRotationStatus: 'true' },
    };
    delete (key as Record<string, unknown>)['tags'];
    const { resources } = read({ baseConfigurationItems: [key], unprocessedResourceKeys: [] });
    expect(resources[0]).toMatchObject({
      tags: {},
      facts: { rotationEnabled: { source: 'explicit', value: true } },
    });
  });

  it('reads tags given as a list of {key, value}', () => {
    const item = { ...apiItem(docsBucket), tags: [{ key: 'confidentiality', value: '2' }] };
    expect(read([item]).resources[0]?.tags).toEqual({ confidentiality: '2' });
  });

  it('reads an item whose configuration is not valid JSON as listed only, noting why', () => {
    const item = { ...apiItem(docsBucket), configuration: '{"name": ' };
    const { resources, skipped, notes } = read([item]);
    expect(skipped).toEqual([]);
    expect(resources).toMatchObject([{ id: 'arn:aws:s3:::city-docs', listedOnly: true, facts: {} }]);
    expect(notes).toEqual([
      {
        index: 0,
        note: 'AWS::S3::Bucket city-docs: configuration is not a JSON object: read as listed only, its settings unknown',
      },
    ]);
  });
});

describe('aws-config-snapshot: recognising the file', () => {
  const cases: [string, unknown, boolean][] = [
    ['a configuration snapshot', snapshotDocument([]), true],
    ['a history file', { fileVersion: '1.0', configurationItems: [] }, true],
    ['get-resource-config-history output', { configurationItems: [] }, true],
    ['batch-get-resource-config output', { baseConfigurationItems: [], unprocessedResourceKeys: [] }, true],
    ['an array of configuration items', [docsBucket], true],
    ['an array of API-dialect items', [apiItem(docsBucket)], true],
    ['one snapshot-dialect item on its own', docsBucket, true],
    ['one API-dialect item on its own', apiItem(docsBucket), true],
    [
      'a Config rule event (its item is inside invokingEvent)',
      { invokingEvent: '{}', configRuleName: 'r' },
      false,
    ],
    [
      'az graph query output',
      {
        count: 1,
        data: [{ id: '/subscriptions/x', type: 'microsoft.storage/storageaccounts' }],
        skip_token: null,
        total_records: 1,
      },
      false,
    ],
    [
      'an ARM list body',
      { value: [{ id: '/subscriptions/x/resourceGroups/rg', type: 'Microsoft.Storage/storageAccounts' }] },
      false,
    ],
    [
      'gcloud asset list --format=json',
      [{ name: '//storage.googleapis.com/b', assetType: 'storage.googleapis.com/Bucket' }],
      false,
    ],
    ['select-resource-config output', { Results: [], QueryInfo: { SelectFields: [] } }, false],
    ['get-credential-report output', { Content: 'dXNlcg==', ReportFormat: 'text/csv' }, false],
    ['an empty array', [], false],
  ];
  it.each(cases)('%s → %s', (_, document, expected) => {
    expect(awsConfigSnapshotFormat.matches(document)).toBe(expected);
  });

  it('reads one item on its own as a list of one, in either dialect; without an account it is skipped', () => {
    for (const item of [docsBucket, apiItem(docsBucket)]) {
      const { resources, skipped } = read(item);
      expect(skipped).toEqual([]);
      expect(resources).toMatchObject([
        {
          id: 'arn:aws:s3:::city-docs',
          account: ACCOUNT,
          region: 'ap-northeast-1',
          kansaType: 'storage.bucket',
        },
      ]);
    }
    const { awsAccountId: _, ...withoutAccount } = docsBucket as Record<string, unknown>;
    expect(read(withoutAccount)).toMatchObject({
      resources: [],
      skipped: [{ reason: expect.stringContaining('no account id'), index: 0 }],
    });
  });

  it('is the format chosen for a gzipped snapshot on disk', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kansa-aws-'));
    const file = path.join(
      dir,
      `${ACCOUNT}_Config_ap-northeast-1_ConfigSnapshot_20261101T000000Z_3f6d1c2e.json.gz`,
    );
    await writeFile(file, gzipSync(JSON.stringify(snapshotDocument([docsBucket]))));
    const emitted: Resource[] = [];
    const coverage = await readInputFile(file, (r) => emitted.push(r));
    // The bucket, and the account's one record of the Region's Config inventory (withIamListings).
    expect(coverage).toMatchObject({ format: 'aws-config-snapshot', resources: 2, skipped: [] });
    // The registry holds it as read also inside placebo recordings (sources/aws/placebo.ts).
    expect(INPUT_FORMATS.find((f) => f.id === 'aws-config-snapshot')).toMatchObject({
      kind: 'document',
      description: awsConfigSnapshotFormat.description,
    });
  });
  it('says a snapshot lists the IAM types it holds items of; a history file or batch-get none', () => {
    const listed = (resources: readonly Resource[]) =>
      resources.filter((r) => r.kansaType === 'account').map((r) => Object.keys(r.facts));
    const user = iamUserItem('alice');
    expect(listed(read(snapshotDocument([user])).resources)).toEqual([['iamUsersListed']]);
    expect(listed(read({ fileVersion: '1.0', configurationItems: [user] }).resources)).toEqual([]);
    expect(listed(read({ baseConfigurationItems: [apiItem(user)] }).resources)).toEqual([]);
  });
});
