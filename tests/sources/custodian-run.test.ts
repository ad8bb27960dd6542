import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileCoverage } from '../../src/model/coverage.ts';
import type { Resource } from '../../src/model/resource.ts';
import { readInputFile } from '../../src/sources/read-inputs.ts';
import { passedOverName } from '../../src/sources/walk-inputs.ts';

const ACCOUNT = '565656565656';

/**
 * A `custodian run -s <dir>` policy folder: resources.json beside metadata.json as c7n/ctx.py
 * writes it (`policy` as written, `config` with the account and Region, `execution.start`).
 */
function runFolder(
  policy: Record<string, unknown>,
  resources: unknown[],
  config: Record<string, unknown> = {},
) {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'kansa-c7n-')), String(policy['name']));
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'resources.json'), JSON.stringify(resources));
  const metadata = {
    policy,
    version: '0.9.44',
    execution: { id: 'e1', start: 1764750000.5, end_time: 1764750003, duration: 2.5 },
    config: { region: 'ap-northeast-1', account_id: ACCOUNT, output_dir: 'out', ...config },
    'sys-stats': {},
    'api-stats': {},
  };
  writeFileSync(path.join(dir, 'metadata.json'), JSON.stringify(metadata));
  return path.join(dir, 'resources.json');
}

async function read(file: string) {
  const resources: Resource<Record<string, unknown>>[] = [];
  const coverage: FileCoverage = await readInputFile(file, (resource) =>
    resources.push(resource as Resource<Record<string, unknown>>),
  );
  return { resources, coverage };
}

const bucket = (name: string, extra: Record<string, unknown>) => ({
  Name: name,
  CreationDate: '2024-05-14T02:11:09+00:00',
  Location: { LocationConstraint: 'ap-northeast-1' },
  Tags: [{ Key: 'owner', Value: 'web' }],
  ...extra,
});

describe('Cloud Custodian run output (resources.json beside metadata.json)', () => {
  it('reads aws.s3 records: Custodian augments as the bucket settings, absent or denied ones unknown', async () => {
    const file = runFolder({ name: 's3-all', resource: 'aws.s3' }, [
      bucket('c7n-a', { Policy: null, Logging: {}, Acl: { Owner: { ID: 'o' }, Grants: [] } }),
      bucket('c7n-b', {
        Location: { LocationConstraint: null },
        'c7n:DeniedMethods': ['get_bucket_policy', 'get_bucket_logging'],
      }),
    ]);
    const { resources, coverage } = await read(file);
    expect(coverage).toMatchObject({ format: 'custodian-resources', skipped: [] });
    const [a, b] = resources;
    expect(a).toMatchObject({
      id: 'arn:aws:s3:::c7n-a',
      account: ACCOUNT,
      region: 'ap-northeast-1',
      tags: { owner: 'web' },
      facts: {
        accessLogTargetBucket: { source: 'explicit', value: null },
        secureTransportDenyStatements: { value: [] },
        publicAclGrants: { source: 'explicit', value: [] },
        sseAlgorithm: { source: 'unknown' },
        blockPublicAcls: { source: 'unknown' },
      },
    });
    expect(a?.picked).toBeUndefined();
    // LocationConstraint null is us-east-1; a denied call leaves its setting unknown, not none.
    expect(b).toMatchObject({
      region: 'us-east-1',
      facts: {
        accessLogTargetBucket: { source: 'unknown' },
        secureTransportDenyStatements: { source: 'unknown' },
      },
    });
  });

  it("reads the filters' annotations: no default encryption, the bucket's block unless the call was denied", async () => {
    const off = {
      BlockPublicAcls: false,
      IgnorePublicAcls: false,
      BlockPublicPolicy: false,
      RestrictPublicBuckets: false,
    };
    const file = runFolder(
      { name: 's3-filtered', resource: 's3', filters: [{ type: 'check-public-block' }] },
      [
        bucket('c7n-plain', { 'c7n:bucket-encryption': {}, 'c7n:PublicAccessBlock': off }),
        bucket('c7n-denied', { 'c7n:DeniedMethods': ['GetPublicAccessBlock'], 'c7n:PublicAccessBlock': off }),
      ],
    );
    const [plain, denied] = (await read(file)).resources;
    expect(plain).toMatchObject({
      picked: true,
      facts: {
        customerManagedKey: { value: false },
        blockPublicAcls: { source: 'explicit', value: false },
      },
    });
    expect(denied?.facts['blockPublicAcls']).toMatchObject({ source: 'unknown' });
  });

  it('places records without an ARN by the metadata, and reads key rotation and trail status annotations', async () => {
    const group = runFolder({ name: 'sg', resource: 'aws.security-group', filters: [{ type: 'ingress' }] }, [
      {
        GroupId: 'sg-0123456789abcdef0',
        GroupName: 'web',
        OwnerId: ACCOUNT,
        IpPermissions: [],
        VpcId: 'vpc-01234567',
      },
    ]);
    expect((await read(group)).resources).toMatchObject([
      { id: `AWS::EC2::SecurityGroup/${ACCOUNT}/ap-northeast-1/sg-0123456789abcdef0`, picked: true },
    ]);
    const arn = `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/0c7a1e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d`;
    const key = runFolder(
      { name: 'kms', resource: 'aws.kms-key', filters: [{ type: 'key-rotation-status' }] },
      [
        {
          KeyId: '0c7a1e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
          KeyArn: arn,
          Arn: arn,
          KeyManager: 'CUSTOMER',
          KeyState: 'Enabled',
          KeyRotationEnabled: { KeyRotationEnabled: false },
        },
      ],
    );
    expect((await read(key)).resources[0]?.facts['rotationEnabled']).toMatchObject({ value: false });
    const trailArn = `arn:aws:cloudtrail:ap-northeast-1:${ACCOUNT}:trail/t`;
    const trail = runFolder({ name: 'ct', resource: 'aws.cloudtrail' }, [
      { Name: 't', TrailARN: trailArn, IsMultiRegionTrail: true, 'c7n:TrailStatus': { IsLogging: true } },
    ]);
    expect((await read(trail)).resources[0]?.facts['isLogging']).toMatchObject({ value: true });
  });

  it("reads a user's c7n:credential-report as its credential report row: typed cells, keys under access_keys", async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:user/u`;
    const file = runFolder({ name: 'cred', resource: 'iam-user', filters: [{ type: 'credential' }] }, [
      {
        UserName: 'u',
        UserId: 'AIDAC7NTEST000000001',
        Arn: arn,
        'c7n:credential-report': {
          user: 'u',
          arn,
          user_creation_time: '2024-01-10T00:00:00+00:00',
          password_enabled: true,
          password_last_used: null,
          mfa_active: false,
          access_keys: [{ active: true, last_rotated: '2025-01-05T00:00:00+00:00', last_used_date: null }],
        },
      },
    ]);
    const user = (await read(file)).resources.find((resource) => 'mfaActive' in resource.facts);
    expect(user).toMatchObject({
      id: arn,
      picked: true,
      facts: {
        passwordEnabled: { value: true },
        mfaActive: { source: 'explicit', value: false },
        passwordLastUsed: { value: null },
        activeAccessKeys: { value: [{ slot: 1, lastRotated: '2025-01-05T00:00:00+00:00', lastUsed: null }] },
      },
    });
  });

  describe("a user's policy filter annotations (c7n:Policies, with include-via c7n:Groups)", () => {
    const admin = { PolicyName: 'AdministratorAccess', Arn: 'arn:aws:iam::aws:policy/AdministratorAccess' };
    const readOnly = { PolicyName: 'ReadOnlyAccess', Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' };
    const user = (name: string, annotations: Record<string, unknown>) => ({
      UserName: name,
      UserId: `AIDAC7N${name.toUpperCase().padEnd(13, '0')}`,
      Arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
      ...annotations,
    });
    const byId = (resources: readonly Resource<Record<string, unknown>>[], id: string) =>
      resources.find((resource) => resource.id === id);

    it('reads c7n:Policies without c7n:Groups as the policies attached to the user', async () => {
      const file = runFolder({ name: 'adm', resource: 'iam-user', filters: [{ type: 'policy' }] }, [
        user('a', { 'c7n:Policies': [admin, readOnly] }),
      ]);
      const { resources } = await read(file);
      expect(byId(resources, `arn:aws:iam::${ACCOUNT}:user/a`)?.facts).toMatchObject({
        attachedPolicyArns: { source: 'explicit', value: [admin.Arn, readOnly.Arn] },
      });
    });

    it("reads include-via's c7n:Groups as the user's groups, each group with its attached policies", async () => {
      const group = {
        GroupName: 'admins',
        GroupId: 'AGPAC7NADMINS0000001',
        Arn: `arn:aws:iam::${ACCOUNT}:group/admins`,
        AttachedPolicies: [{ PolicyName: admin.PolicyName, PolicyArn: admin.Arn }],
      };
      const file = runFolder(
        { name: 'via', resource: 'iam-user', filters: [{ type: 'policy', 'include-via': true }] },
        [user('g', { 'c7n:Policies': [admin, readOnly], 'c7n:Groups': [group] })],
      );
      const { resources } = await read(file);
      // ReadOnlyAccess is in no group's list: attached to the user itself.
      expect(byId(resources, `arn:aws:iam::${ACCOUNT}:user/g`)?.facts).toMatchObject({
        attachedPolicyArns: { source: 'explicit', value: [readOnly.Arn] },
        groups: { source: 'explicit', value: ['admins'] },
      });
      expect(byId(resources, group.Arn)).toMatchObject({
        kansaType: 'iam.group',
        facts: { name: { value: 'admins' }, attachedPolicyArns: { source: 'explicit', value: [admin.Arn] } },
      });
    });

    it('leaves the policies unknown where no policy filter ran', async () => {
      const file = runFolder({ name: 'plain', resource: 'iam-user' }, [user('p', {})]);
      const { resources } = await read(file);
      expect(byId(resources, `arn:aws:iam::${ACCOUNT}:user/p`)?.facts['attachedPolicyArns']).toMatchObject({
        source: 'unknown',
      });
    });
  });

  it("reads a function's c7n:Policy (the cross-account filter's GetPolicy answer) as its resource policy", async () => {
    const arn = `arn:aws:lambda:ap-northeast-1:${ACCOUNT}:function:f`;
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: arn }],
    });
    const file = runFolder({ name: 'fn', resource: 'aws.lambda', filters: [{ type: 'cross-account' }] }, [
      { FunctionName: 'f', FunctionArn: arn, Runtime: 'python3.12', 'c7n:Policy': policy },
    ]);
    expect((await read(file)).resources[0]?.facts['publicPolicyStatements']).toMatchObject({
      source: 'explicit',
      value: [expect.anything()],
    });
  });

  it("reads a VPC's c7n:flow-logs as its flow logs listed whole: an empty list is none", async () => {
    const file = runFolder(
      { name: 'vpc', resource: 'aws.vpc', filters: [{ type: 'flow-logs', enabled: false }] },
      [{ VpcId: 'vpc-0c7n000000000002', OwnerId: ACCOUNT, CidrBlock: '10.0.0.0/16', 'c7n:flow-logs': [] }],
    );
    const { resources } = await read(file);
    const account = resources.find((resource) => resource.kansaType === 'account');
    expect(account?.picked).toBeUndefined();
    expect(account?.facts['flowLogListings']).toMatchObject({
      value: [{ region: 'ap-northeast-1', resourceId: 'vpc-0c7n000000000002' }],
    });
  });

  it("names the VPC's record where one of its c7n:flow-logs is skipped, not the record after it", async () => {
    const vpc = (id: string, flowLogs: unknown[]) => ({
      VpcId: id,
      OwnerId: ACCOUNT,
      'c7n:flow-logs': flowLogs,
    });
    const flowLog = { FlowLogId: 'fl-0c7n0001', ResourceId: 'vpc-0c7n000000000003', FlowLogStatus: 'ACTIVE' };
    const file = runFolder(
      { name: 'vpc', resource: 'aws.vpc', filters: [{ type: 'flow-logs', enabled: true }] },
      [vpc('vpc-0c7n000000000003', ['not a flow log', flowLog]), vpc('vpc-0c7n000000000004', [])],
    );
    const { resources, coverage } = await read(file);
    expect(coverage.skipped).toEqual([
      { index: 0, reason: expect.stringContaining('not a configuration item') },
    ]);
    expect(resources.find((resource) => resource.kansaType === 'network.flow-log')?.origin.index).toBe(0);
  });

  it("reads Azure's and Google Cloud's records with those clouds' readers, picked where the policy filtered", async () => {
    const account = (name: string) => ({
      id: `/subscriptions/3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/${name}`,
      name,
      type: 'Microsoft.Storage/storageAccounts',
      location: 'japaneast',
      kind: 'StorageV2',
      properties: { supportsHttpsTrafficOnly: false },
    });
    const filtered = runFolder(
      { name: 'az', resource: 'azure.storage', filters: [{ 'properties.supportsHttpsTrafficOnly': false }] },
      [account('c7nhttp')],
    );
    const read1 = await read(filtered);
    expect(read1.coverage.format).toBe('custodian-resources');
    expect(read1.resources).toMatchObject([{ provider: 'azure', picked: true }]);
    const bucket = {
      kind: 'storage#bucket',
      id: 'c7n-b',
      name: 'c7n-b',
      projectNumber: '246813579024',
      location: 'US',
    };
    const listed = await read(runFolder({ name: 'gcs', resource: 'gcp.bucket' }, [bucket]));
    expect(listed.resources).toMatchObject([{ provider: 'gcp', id: '//storage.googleapis.com/c7n-b' }]);
    expect(listed.resources[0]?.picked).toBeUndefined();
  });

  it('reads queues, topics and repositories as their describe entries, and instances without their reservation', async () => {
    const key = `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/0c7a1e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d`;
    const queues = runFolder({ name: 'sqs', resource: 'aws.sqs' }, [
      {
        QueueArn: `arn:aws:sqs:ap-northeast-1:${ACCOUNT}:q-sse`,
        SqsManagedSseEnabled: 'true',
        QueueUrl: `https://sqs.ap-northeast-1.amazonaws.com/${ACCOUNT}/q-sse`,
        Tags: [{ Key: 'confidentiality', Value: '2' }],
      },
    ]);
    expect((await read(queues)).resources).toMatchObject([
      { nativeType: 'AWS::SQS::Queue', facts: { customerManagedKey: { value: false } } },
    ]);
    // Both answer with `Attributes`: the policy's type says which one a topic's record is.
    const topics = runFolder({ name: 'sns', resource: 'aws.sns' }, [
      { TopicArn: `arn:aws:sns:ap-northeast-1:${ACCOUNT}:t`, Owner: ACCOUNT, KmsMasterKeyId: key },
    ]);
    expect((await read(topics)).resources).toMatchObject([
      { nativeType: 'AWS::SNS::Topic', facts: { kmsKeyId: { value: key } } },
    ]);
    const repositories = runFolder({ name: 'ecr', resource: 'aws.ecr' }, [
      {
        repositoryArn: `arn:aws:ecr:ap-northeast-1:${ACCOUNT}:repository/base`,
        repositoryName: 'base',
        encryptionConfiguration: { encryptionType: 'AES256' },
      },
    ]);
    expect((await read(repositories)).resources).toMatchObject([
      {
        nativeType: 'AWS::ECR::Repository',
        facts: {
          customerManagedKey: { value: false, path: 'configuration.EncryptionConfiguration.EncryptionType' },
        },
      },
    ]);
    const instances = runFolder({ name: 'ec2', resource: 'aws.ec2' }, [
      { InstanceId: 'i-0a1', Placement: { AvailabilityZone: 'ap-northeast-1c' }, State: { Name: 'running' } },
    ]);
    expect((await read(instances)).resources).toMatchObject([
      { nativeType: 'AWS::EC2::Instance', account: ACCOUNT, region: 'ap-northeast-1' },
    ]);
  });

  it("reads aws.account's password policy and account summary annotations; a policy not configured is none", async () => {
    const weak = runFolder(
      {
        name: 'pw',
        resource: 'account',
        filters: [{ type: 'password-policy', key: 'RequireSymbols', value: false }],
      },
      [
        {
          account_id: ACCOUNT,
          account_name: 'main',
          'c7n:password_policy': {
            MinimumPasswordLength: 8,
            RequireSymbols: false,
            PasswordPolicyConfigured: true,
          },
          'c7n:iam_summary': { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 },
        },
      ],
    );
    const [account] = (await read(weak)).resources;
    expect(account).toMatchObject({
      id: `arn:aws:iam::${ACCOUNT}:root`,
      kansaType: 'account',
      facts: {
        passwordPolicySet: { value: true },
        passwordMinimumLength: { value: 8, path: 'c7n:password_policy.MinimumPasswordLength' },
        rootMfaActive: { value: true },
        rootAccessKeyActive: { value: false },
      },
    });
    expect(account?.picked).toBeUndefined();
    const none = runFolder({ name: 'none', resource: 'aws.account' }, [
      { account_id: ACCOUNT, account_name: '', 'c7n:password_policy': { PasswordPolicyConfigured: false } },
    ]);
    expect((await read(none)).resources[0]?.facts).toEqual({
      passwordPolicySet: expect.objectContaining({ value: false }),
    });
  });

  it('skips what it cannot place or does not read, saying why', async () => {
    const unread = runFolder({ name: 'asg', resource: 'aws.asg' }, [{ AutoScalingGroupName: 'x' }]);
    expect((await read(unread)).coverage.skipped).toEqual([
      { index: 0, reason: 'aws.asg: a Cloud Custodian resource type kansa does not read' },
    ]);
    const noAccount = runFolder({ name: 'rds', resource: 'aws.rds' }, [{ DBInstanceIdentifier: 'db' }], {
      account_id: null,
    });
    expect((await read(noAccount)).coverage.skipped[0]?.reason).toContain('names no account');
  });

  it('passes over the metadata beside the resources, and the run log', () => {
    const besides = (sibling: string) => sibling === 'resources.json';
    expect(passedOverName('metadata.json', besides)).toContain('Cloud Custodian');
    expect(passedOverName('metadata.json', () => false)).toBeUndefined();
    expect(passedOverName('custodian-run.log', () => false)).toContain('run log');
  });
});
