import { configSnapshot, jsonFile } from '../../../helpers/exports.ts';
import type { AnyCase } from '../../../helpers/rule-tester.ts';
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

export const globalTableCases: AnyCase[] = [
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
    messageId: 'abroadClassified', // describe-table prints no tags: the default class 2
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
