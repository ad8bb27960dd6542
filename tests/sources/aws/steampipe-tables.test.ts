import { beforeAll, describe, expect, it } from 'vitest';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { readRows } from '../steampipe/read-rows.ts';
import { ACCOUNT } from './builders.ts';

// Rows as `steampipe query --output json "select * from <table>"` writes them, with the columns
// of turbot/steampipe-plugin-aws aws/table_<table>.go: every table adds `partition`, `region`,
// `account_id`, `title`, `akas`; JSON columns hold the API's own structures.
const REGION = 'ap-northeast-1';
const common = (title: string, arn: string) => ({
  title,
  akas: [arn],
  partition: 'aws',
  region: REGION,
  account_id: ACCOUNT,
  tags: null,
});

/** The rows as Steampipe v0.24 and later writes them: `{"columns": [...], "rows": [...]}`. */
const read = (rows: unknown[]) => readRows({ columns: [{ name: 'title', data_type: 'text' }], rows });

// The CSV parser is loaded by the scan before a text format is asked (read-inputs); here, first.
beforeAll(loadCsvParser);

describe('steampipe-rows: AWS tables read as their Config items', () => {
  it('aws_vpc_security_group: ip_permissions in the EC2 API’s own names', () => {
    const arn = `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-0a1`;
    const { resources, skipped } = read([
      {
        group_id: 'sg-0a1',
        group_name: 'bastion',
        arn,
        vpc_id: 'vpc-0b2',
        owner_id: ACCOUNT,
        ip_permissions: [
          {
            IpProtocol: 'tcp',
            FromPort: 22,
            ToPort: 22,
            IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'ssh' }],
            Ipv6Ranges: [],
            PrefixListIds: [],
            UserIdGroupPairs: [],
          },
        ],
        ip_permissions_egress: [],
        ...common('bastion', arn),
      },
    ]);
    expect(skipped).toEqual([]);
    expect(resources[0]).toMatchObject({
      id: arn,
      nativeType: 'AWS::EC2::SecurityGroup',
      facts: { ipIngress: { value: [{ protocol: 'tcp', fromPort: 22, toPort: 22, source: '0.0.0.0/0' }] } },
    });
  });

  it('aws_ebs_volume, aws_efs_file_system: encrypted and the key', () => {
    const volume = `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/vol-0c3`;
    const fileSystem = `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/fs-0d4`;
    const { resources, skipped } = read([
      { volume_id: 'vol-0c3', arn: volume, encrypted: false, kms_key_id: null, ...common('vol-0c3', volume) },
      {
        file_system_id: 'fs-0d4',
        name: 'shared',
        arn: fileSystem,
        encrypted: true,
        kms_key_id: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/city-efs`,
        ...common('shared', fileSystem),
      },
    ]);
    expect(skipped).toEqual([]);
    expect(
      resources.map((r) => [r.nativeType, r.facts['encrypted']?.value, r.facts['customerManagedKey']?.value]),
    ).toEqual([
      ['AWS::EC2::Volume', false, false],
      ['AWS::EFS::FileSystem', true, true],
    ]);
  });

  it('aws_vpc and aws_vpc_flow_log (the flow log’s ARN only in akas)', () => {
    const vpc = `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/vpc-0b2`;
    const flowLog = `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc-flow-log/fl-0e5`;
    const { resources, skipped } = read([
      {
        vpc_id: 'vpc-0b2',
        arn: vpc,
        cidr_block: '10.0.0.0/16',
        is_default: false,
        owner_id: ACCOUNT,
        ...common('vpc-0b2', vpc),
      },
      {
        flow_log_id: 'fl-0e5',
        resource_id: 'vpc-0b2',
        flow_log_status: 'ACTIVE',
        traffic_type: 'ALL',
        log_destination_type: 's3',
        ...common('fl-0e5', flowLog),
      },
    ]);
    expect(skipped).toEqual([]);
    expect(resources.map((r) => [r.id, r.kansaType])).toEqual([
      [vpc, 'network.vpc'],
      [flowLog, 'network.flow-log'],
    ]);
    expect(resources[1]?.facts['flowLogStatus']?.value).toBe('ACTIVE');
  });

  it('aws_guardduty_detector: GetDetector’s status', () => {
    const arn = `arn:aws:guardduty:${REGION}:${ACCOUNT}:detector/4ab`;
    const { resources } = read([
      {
        detector_id: '4ab',
        arn,
        status: 'DISABLED',
        finding_publishing_frequency: 'SIX_HOURS',
        ...common('4ab', arn),
      },
    ]);
    expect(resources[0]?.facts['enabled']).toMatchObject({ value: false, source: 'explicit' });
  });

  it('aws_lambda_function: a null policy is no policy; a public one is named; role is the execution role', () => {
    const fn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
    const { resources } = read([
      {
        name: 'private',
        arn: fn('private'),
        runtime: 'nodejs20.x',
        role: `arn:aws:iam::${ACCOUNT}:role/service-role/private-role-x1y2z3`,
        policy: null,
        ...common('private', fn('private')),
      },
      {
        name: 'open',
        arn: fn('open'),
        runtime: 'nodejs20.x',
        policy: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'FunctionURLAllowPublicAccess',
              Effect: 'Allow',
              Principal: '*',
              Action: 'lambda:InvokeFunctionUrl',
              Resource: fn('open'),
              Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
            },
          ],
        },
        ...common('open', fn('open')),
      },
    ]);
    expect(resources.map((r) => r.facts['publicPolicyStatements']?.value)).toEqual([
      [],
      [expect.objectContaining({ statement: 'FunctionURLAllowPublicAccess' })],
    ]);
    expect(resources.map((r) => r.facts['executionRole'])).toEqual([
      expect.objectContaining({ value: `arn:aws:iam::${ACCOUNT}:role/service-role/private-role-x1y2z3` }),
      expect.objectContaining({ source: 'unknown' }),
    ]);
  });

  it('aws_kms_key: key_rotation_enabled, and its false beside a null policy (both calls denied) unknown', () => {
    const key = (id: string, rotation: boolean | null, policy: unknown) => {
      const arn = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`;
      return {
        id,
        arn,
        key_manager: 'CUSTOMER',
        key_state: 'Enabled',
        origin: 'AWS_KMS',
        customer_master_key_spec: 'SYMMETRIC_DEFAULT',
        key_rotation_enabled: rotation,
        policy,
        ...common(id, arn),
      };
    };
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
    };
    const { resources, skipped } = read([
      key('k-on', true, policy),
      key('k-off', false, policy),
      key('k-denied', false, null),
      key('k-on-no-policy', true, null),
    ]);
    expect(skipped).toEqual([]);
    expect(resources.map((resource) => resource.facts['rotationEnabled'])).toMatchObject([
      { value: true, source: 'explicit' },
      { value: false, source: 'explicit' },
      { source: 'unknown', path: 'key_rotation_enabled' },
      { value: true, source: 'explicit' },
    ]);
  });

  it('aws_cloudwatch_log_group and aws_dynamodb_table: null is the cloud’s default', () => {
    const group = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:app:*`;
    const table = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/orders`;
    const { resources, skipped } = read([
      { name: 'app', arn: group, retention_in_days: null, kms_key_id: null, ...common('app', group) },
      { name: 'orders', arn: table, sse_description: null, ...common('orders', table) },
    ]);
    expect(skipped).toEqual([]);
    expect(resources[0]?.facts['retentionInDays']).toMatchObject({ value: null, source: 'default' });
    expect(resources[1]?.facts['customerManagedKey']).toMatchObject({ value: false, source: 'default' });
  });

  it('aws_eks_cluster: the Go SDK’s ResourcesVpcConfig, and ClusterLogging put back as Config’s', () => {
    const arn = `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/apps`;
    const { resources, skipped } = read([
      {
        name: 'apps',
        arn,
        version: '1.31',
        resources_vpc_config: {
          ClusterSecurityGroupId: 'sg-0aa',
          EndpointPrivateAccess: true,
          EndpointPublicAccess: true,
          PublicAccessCidrs: ['203.0.113.0/24'],
          SecurityGroupIds: [],
          SubnetIds: ['subnet-0bb'],
          VpcId: 'vpc-0cc',
        },
        logging: {
          ClusterLogging: [
            { Enabled: true, Types: ['api', 'audit'] },
            { Enabled: false, Types: ['authenticator', 'controllerManager', 'scheduler'] },
          ],
        },
        ...common('apps', arn),
      },
    ]);
    expect(skipped).toEqual([]);
    expect(resources[0]?.facts).toMatchObject({
      endpointPublicAccess: { value: true, source: 'explicit' },
      publicAccessCidrs: { value: ['203.0.113.0/24'] },
      enabledLogTypes: { value: ['api', 'audit'], source: 'explicit' },
    });
  });

  it('skips a row whose query left out a column the checks read', () => {
    const arn = `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/vol-0f6`;
    const { resources, skipped } = read([{ volume_id: 'vol-0f6', arn, ...common('vol-0f6', arn) }]);
    expect(resources).toEqual([]);
    expect(skipped).toEqual([
      expect.stringContaining('aws_ebs_volume row without the columns encrypted, kms_key_id'),
    ]);
  });
});
