import { configSelect } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNT, REGION, snapshotItem } from '../../../sources/aws/builders.ts';
import { arn, instance } from './instance.ts';

// An Aurora instance names its cluster (`dBClusterIdentifier`); the cluster holds the exports
// (DescribeDBClusters' EnabledCloudwatchLogsExports), as Prowler and the Config rule read them.
const CLUSTER_ARN = `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:resident-aurora`;
const auroraInstance = instance({ engine: 'aurora-postgresql', dBClusterIdentifier: 'resident-aurora' });
const cluster = (exports: string[]) =>
  snapshotItem(
    'AWS::RDS::DBCluster',
    'cluster-ABCDEFGHIJKLMNOPQRSTUVWXY1',
    {
      dBClusterIdentifier: 'resident-aurora',
      engine: 'aurora-postgresql',
      storageEncrypted: true,
      enabledCloudwatchLogsExports: exports,
    },
    { arn: CLUSTER_ARN, name: 'resident-aurora' },
  );

const table = [
  [{ enabledCloudwatchLogsExports: ['postgresql', 'upgrade'] }, 'PASS', 'exported', 'explicit'],
  [{ enabledCloudwatchLogsExports: [] }, 'FAIL', 'notExported', 'explicit'],
  [{}, 'FAIL', 'notExported', 'default'],
] as const;

const cases: AnyCase[] = [
  ...table.map(([configuration, status, messageId, source]) => ({
    name: JSON.stringify(configuration),
    records: [instance(configuration)],
    status,
    messageId,
    evidence: [{ source, path: 'configuration.enabledCloudwatchLogsExports' }],
  })),
  {
    name: 'a SELECT that did not return the field',
    records: [
      configSelect([
        {
          accountId: ACCOUNT,
          awsRegion: REGION,
          arn,
          resourceId: 'db-1',
          resourceName: 'resident-db',
          resourceType: 'AWS::RDS::DBInstance',
          configuration: { publiclyAccessible: false },
        },
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
  {
    name: 'an Aurora instance whose cluster exports its logs',
    records: [auroraInstance, cluster(['postgresql'])],
    target: arn,
    status: 'PASS',
    messageId: 'clusterExported',
    evidence: [
      { path: 'configuration.dBClusterIdentifier' },
      { resourceId: CLUSTER_ARN, value: ['postgresql'] },
    ],
  },
  {
    name: 'an Aurora instance whose cluster exports nothing',
    records: [auroraInstance, cluster([])],
    target: arn,
    status: 'FAIL',
    messageId: 'clusterNotExported',
  },
  {
    name: 'an Aurora instance whose cluster is not in the export',
    records: [auroraInstance],
    status: 'UNKNOWN',
    messageId: 'clusterNotInExport',
    data: { cluster: CLUSTER_ARN },
  },
];

export default byVerdict(cases) satisfies RuleTests;
