import { configSnapshot, jsonFile } from '../../../helpers/exports.ts';
import type { AnyCase } from '../../../helpers/rule-tester.ts';
import { type Change, constant, type Json, plan } from '../../../iac/dialect-plan.ts';
import { ACCOUNT, snapshotItem } from '../../../sources/aws/builders.ts';

// DynamoDB global tables (version 2019.11.21): every replica takes writes, so a table with a
// replica outside Japan keeps and writes its data there. The replicas as Config records them
// (`replicas[].regionName`) and as `aws dynamodb describe-table` prints them (`Replicas`).
const tableArn = (name: string) => `arn:aws:dynamodb:ap-northeast-1:${ACCOUNT}:table/${name}`;
const CLASS_1 = { confidentiality: '1' };

const configTable = (name: string, replicas: readonly Record<string, unknown>[]) =>
  configSnapshot([
    snapshotItem(
      'AWS::DynamoDB::Table',
      name,
      {
        tableName: name,
        tableArn: tableArn(name),
        tableStatus: 'ACTIVE',
        keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
        globalTableVersion: '2019.11.21',
        replicas,
      },
      { arn: tableArn(name), name, region: 'ap-northeast-1', tags: CLASS_1 },
    ),
  ]);

const describedTable = (name: string, replicas: readonly Record<string, unknown>[]) => ({
  ...jsonFile(
    {
      Table: {
        TableName: name,
        TableArn: tableArn(name),
        TableStatus: 'ACTIVE',
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        GlobalTableVersion: '2019.11.21',
        Replicas: replicas,
      },
    },
    `${ACCOUNT}/ap-northeast-1/dynamodb-describe-table_${name}.json`,
  ),
});

// Steampipe's `aws_dynamodb_table` (turbot/steampipe-plugin-aws aws/table_aws_dynamodb_table.go)
// had no replicas column before the plugin's AWS SDK v2 table (2024), only `global_table_version`;
// today's has `replicas`, as CloudQuery's `aws_dynamodb_tables` (plugins/source/aws, the SDK's
// TableDescription) does: ReplicaDescription as the Go SDK marshals it.
const steampipeTable = (
  name: string,
  globalTableVersion: string | null,
  replicas?: readonly Record<string, unknown>[] | null,
) =>
  jsonFile(
    {
      columns: [
        { name: 'name', data_type: 'text' },
        { name: 'sse_description', data_type: 'jsonb' },
        { name: 'global_table_version', data_type: 'text' },
        ...(replicas === undefined ? [] : [{ name: 'replicas', data_type: 'jsonb' }]),
      ],
      rows: [
        {
          name,
          arn: tableArn(name),
          table_status: 'ACTIVE',
          sse_description: null,
          global_table_version: globalTableVersion,
          ...(replicas !== undefined && { replicas }),
          title: name,
          akas: [tableArn(name)],
          tags: CLASS_1,
          partition: 'aws',
          region: 'ap-northeast-1',
          account_id: ACCOUNT,
        },
      ],
    },
    'aws_dynamodb_table.json',
  );
const cloudQueryTable = (name: string, replicas: readonly Record<string, unknown>[] | null) =>
  jsonFile(
    [
      {
        _cq_id: '3f1c2b7e-5a4d-4c3b-9e2f-1a0b9c8d7e6f',
        _cq_parent_id: null,
        _cq_source_name: 'aws',
        _cq_sync_time: '2025-02-03 04:05:06.789012',
        account_id: ACCOUNT,
        region: 'ap-northeast-1',
        arn: tableArn(name),
        table_name: name,
        table_status: 'ACTIVE',
        sse_description: null,
        global_table_version: replicas ? '2019.11.21' : null,
        replicas,
        tags: CLASS_1,
      },
    ],
    'aws_dynamodb_tables.json',
  );

// Terraform plans (hashicorp/aws 5.x docs): `aws_dynamodb_table` with `replica { region_name }`
// blocks, and `aws_dynamodb_table_replica` made through an aliased provider of its Region.
const plannedTable = (replica: Json[], replicaUnknown: Json[] = []): Change => ({
  address: 'aws_dynamodb_table.orders',
  after: {
    name: 'orders',
    hash_key: 'pk',
    billing_mode: 'PAY_PER_REQUEST',
    attribute: [{ name: 'pk', type: 'S' }],
    replica,
    server_side_encryption: [],
    stream_enabled: replica.length > 0,
    tags: CLASS_1,
  },
  afterUnknown: { id: true, arn: true, replica: replicaUnknown },
  expressions: { name: constant('orders') },
});
const TOKYO = { aws: { region: constant('ap-northeast-1') } };
const planFile = (changes: Change[]) => jsonFile(plan(changes, { providers: TOKYO }), 'plan.json');
/** The replica's provider is `aws.usw2` (`provider "aws" { alias = "usw2", region = "us-west-2" }`). */
const replicaPlan = () => {
  const document = plan(
    [
      plannedTable([]),
      {
        address: 'aws_dynamodb_table_replica.orders_usw2',
        after: { point_in_time_recovery: false, tags: CLASS_1 },
        afterUnknown: { id: true, arn: true, global_table_arn: true, kms_key_arn: true },
        expressions: {
          global_table_arn: { references: ['aws_dynamodb_table.orders.arn', 'aws_dynamodb_table.orders'] },
        },
      },
    ],
    { providers: TOKYO },
  ) as { configuration: { provider_config: Json; root_module: { resources: Json[] } } };
  document.configuration.provider_config['aws.usw2'] = {
    name: 'aws',
    alias: 'usw2',
    expressions: { region: constant('us-west-2') },
  };
  const replica = document.configuration.root_module.resources.find(
    (r) => r.type === 'aws_dynamodb_table_replica',
  );
  if (replica) replica.provider_config_key = 'aws.usw2';
  return jsonFile(document, 'plan.json');
};

export const globalTableCases: AnyCase[] = [
  {
    name: 'a DynamoDB global table with a replica in us-west-2 (CloudQuery aws_dynamodb_tables)',
    records: [cloudQueryTable('orders', [{ RegionName: 'us-west-2', ReplicaStatus: 'ACTIVE' }])],
    target: tableArn('orders'),
    status: 'FAIL',
    messageId: 'abroad',
    data: { region: 'us-west-2' },
  },
  {
    name: 'a DynamoDB table of no replicas (CloudQuery replicas null)',
    records: [cloudQueryTable('orders', null)],
    target: tableArn('orders'),
    status: 'PASS',
    messageId: 'domestic',
  },
  {
    name: 'a DynamoDB global table whose replicas Steampipe does not show (global_table_version only)',
    records: [steampipeTable('orders', '2019.11.21')],
    target: tableArn('orders'),
    status: 'UNKNOWN',
    messageId: 'locationUnreadable',
  },
  {
    name: 'a DynamoDB global table with a replica in us-west-2 (Steampipe replicas)',
    records: [
      steampipeTable('orders', '2019.11.21', [
        { RegionName: 'ap-northeast-3', ReplicaStatus: 'ACTIVE', KMSMasterKeyId: null },
        { RegionName: 'us-west-2', ReplicaStatus: 'ACTIVE', KMSMasterKeyId: null },
      ]),
    ],
    target: tableArn('orders'),
    status: 'FAIL',
    messageId: 'abroad',
  },
  {
    name: 'a DynamoDB global table replicated to Osaka only (Steampipe replicas)',
    records: [
      steampipeTable('orders', '2019.11.21', [{ RegionName: 'ap-northeast-3', ReplicaStatus: 'ACTIVE' }]),
    ],
    target: tableArn('orders'),
    status: 'PASS',
    messageId: 'domestic',
  },
  {
    name: 'a DynamoDB table Steampipe shows as no global table (global_table_version null)',
    records: [steampipeTable('orders', null)],
    target: tableArn('orders'),
    status: 'PASS',
    messageId: 'domestic',
  },
  {
    name: 'a Terraform plan: a Tokyo table with a replica block in us-west-2',
    records: [
      planFile([plannedTable([{ region_name: 'us-west-2', kms_key_arn: '', propagate_tags: false }])]),
    ],
    target: 'aws_dynamodb_table.orders',
    status: 'FAIL',
    messageId: 'abroad',
    data: { region: 'us-west-2' },
  },
  {
    name: 'a Terraform plan: a Tokyo table replicated to Osaka',
    records: [
      planFile([plannedTable([{ region_name: 'ap-northeast-3', kms_key_arn: '', propagate_tags: false }])]),
    ],
    target: 'aws_dynamodb_table.orders',
    status: 'PASS',
    messageId: 'domestic',
  },
  {
    name: 'a Terraform plan: a Tokyo table of no replica is in its provider’s Region',
    records: [planFile([plannedTable([])])],
    target: 'aws_dynamodb_table.orders',
    status: 'PASS',
    messageId: 'domestic',
  },
  {
    name: 'a Terraform plan: a replica whose Region is known only after apply',
    records: [planFile([plannedTable([{ propagate_tags: false }], [{ region_name: true }])])],
    target: 'aws_dynamodb_table.orders',
    status: 'UNKNOWN',
    messageId: 'locationUnreadable',
  },
  {
    name: 'a Terraform plan: replica blocks known only after apply (a dynamic block over an unknown value)',
    records: [
      planFile([
        {
          ...plannedTable([]),
          after: { ...plannedTable([]).after, replica: null },
          afterUnknown: { id: true, arn: true, replica: true },
        },
      ]),
    ],
    target: 'aws_dynamodb_table.orders',
    status: 'UNKNOWN',
    messageId: 'locationUnreadable',
  },
  {
    name: 'a Terraform plan: aws_dynamodb_table_replica through the us-west-2 provider',
    records: [replicaPlan()],
    target: 'aws_dynamodb_table_replica.orders_usw2',
    status: 'FAIL',
    messageId: 'abroad',
    data: { region: 'us-west-2' },
  },
  {
    name: 'a DynamoDB global table with a replica in us-west-2 (Config)',
    records: [configTable('orders', [{ regionName: 'us-west-2', replicaStatus: 'ACTIVE' }])],
    target: tableArn('orders'),
    status: 'FAIL',
    messageId: 'abroad',
    data: { region: 'us-west-2' },
  },
  {
    name: 'a DynamoDB global table with a replica in us-west-2 (describe-table)',
    records: [describedTable('orders', [{ RegionName: 'us-west-2', ReplicaStatus: 'ACTIVE' }])],
    target: tableArn('orders'),
    status: 'FAIL',
    // describe-table prints no tags: the class, which the relief depends on, is not known.
    messageId: 'abroadClassTagUnknown',
    data: { region: 'us-west-2' },
  },
  {
    name: 'a DynamoDB global table replicated to Osaka only',
    records: [configTable('orders', [{ regionName: 'ap-northeast-3', replicaStatus: 'ACTIVE' }])],
    target: tableArn('orders'),
    status: 'PASS',
    messageId: 'domestic',
  },
  {
    name: 'a DynamoDB replica abroad whose creation failed holds no data',
    records: [configTable('orders', [{ regionName: 'eu-west-1', replicaStatus: 'CREATION_FAILED' }])],
    target: tableArn('orders'),
    status: 'PASS',
    messageId: 'domestic',
  },
  {
    name: 'a DynamoDB replica whose Region is not named',
    records: [configTable('orders', [{ replicaStatus: 'ACTIVE' }])],
    target: tableArn('orders'),
    status: 'UNKNOWN',
    messageId: 'locationUnreadable',
  },
];
