import { configSnapshot, searchAllResources } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNT, REGION, snapshotItem } from '../../../sources/aws/builders.ts';
import { classAfterApplyCase } from './planned.ts';
import { dbArn, WITHOUT_TAGS } from './queried.ts';
import { ACCOUNTS, id } from './storage.ts';
import { LIST_BUCKETS, SECRET_BUCKET } from './untagged-answers.ts';

const table = [
  ['stpublicdocs', 'NOT_APPLICABLE', 'notClassified'],
  ['stjumin', 'PASS', 'closed'], // public network access disabled
  ['stfirewalled', 'PASS', 'closed'], // firewall denies, no public IP rules
  ['stzeimu', 'FAIL', 'public'],
  ['stsecretword', 'UNKNOWN', 'classUnreadable'],
] as const;

const cases: AnyCase[] = [
  ...table.map(([name, status, messageId]) => ({
    name,
    records: [ACCOUNTS],
    target: id(name),
    status,
    messageId,
  })),
  {
    // `reachableFromInternet` is worked out from the property: the evidence shows the property.
    name: 'public network access disabled: the evidence shows the property as the export has it',
    records: [ACCOUNTS],
    target: id('stjumin'),
    status: 'PASS',
    messageId: 'closed',
    evidence: [
      { source: 'explicit', path: 'tags.confidentiality', value: 2 },
      { source: 'explicit', path: 'properties.publicNetworkAccess', value: 'Disabled' },
    ],
  },
  {
    // Where untagged resources count as class 1, a resource tagged C2 is class 2 all the same.
    name: 'a public account tagged C2 where the default class is 1',
    records: [ACCOUNTS],
    target: id('stclassc2'),
    params: { classification: { tagKey: 'confidentiality', default: 1 } },
    status: 'FAIL',
    messageId: 'public',
    evidence: [{ source: 'explicit', path: 'tags.Confidentiality', value: 2 }, {}],
  },
  {
    // Nor does a tag kansa cannot read take the default class 1.
    name: 'a public account whose class tag names no class, where the default class is 1',
    records: [ACCOUNTS],
    target: id('stsecretword'),
    params: { classification: { tagKey: 'confidentiality', default: 1 } },
    status: 'UNKNOWN',
    messageId: 'classUnreadable',
    evidence: [{ source: 'unknown', path: 'tags.confidentiality' }],
    data: { tag: 'confidentiality' },
  },
  {
    // Never a pass when the export does not show the network settings.
    name: 'network settings not in the export: the default (public) decides',
    records: [ACCOUNTS],
    target: id('stprojected'),
    status: 'FAIL',
    messageId: 'public',
  },
  // AWS Config records a Redshift cluster's and a Multi-AZ DB cluster's `publiclyAccessible`
  // (awslabs/aws-config-resource-schema AWS::Redshift::Cluster, AWS::RDS::DBCluster); an Aurora
  // cluster's item leaves it out (its instances carry it).
  {
    name: 'a Redshift cluster that is publicly accessible',
    records: [
      configSnapshot([
        awsItem('AWS::Redshift::Cluster', 'cluster:dwh', {
          clusterIdentifier: 'dwh',
          publiclyAccessible: true,
          encrypted: true,
        }),
      ]),
    ],
    status: 'FAIL',
    messageId: 'public',
  },
  {
    name: 'a Multi-AZ DB cluster that is not publicly accessible',
    records: [
      configSnapshot([
        awsItem('AWS::RDS::DBCluster', 'cluster:orders', {
          dbclusterIdentifier: 'orders',
          engine: 'postgres',
          publiclyAccessible: false,
          storageEncrypted: true,
        }),
      ]),
    ],
    status: 'PASS',
    messageId: 'closed',
  },
  {
    name: 'an Aurora cluster item (publiclyAccessible on its instances only)',
    records: [
      configSnapshot([
        awsItem('AWS::RDS::DBCluster', 'cluster:aurora', {
          dbclusterIdentifier: 'aurora',
          engine: 'aurora-postgresql',
          storageEncrypted: true,
        }),
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
  {
    name: 'a search summary of a bucket: its network settings are not in the export',
    records: [
      searchAllResources([
        {
          name: '//storage.googleapis.com/b',
          assetType: 'storage.googleapis.com/Bucket',
          project: 'projects/4',
          location: 'asia-northeast1',
        },
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
  {
    name: 'a bucket only list-buckets shows: the class is not known',
    records: [LIST_BUCKETS],
    target: SECRET_BUCKET,
    status: 'UNKNOWN',
    messageId: 'classTagUnknown',
    evidence: [{ source: 'unknown', path: 'tags.confidentiality' }],
  },
];

function awsItem(resourceType: string, resource: string, configuration: Record<string, unknown>) {
  const service = resourceType === 'AWS::Redshift::Cluster' ? 'redshift' : 'rds';
  const name = resource.split(':')[1] ?? resource;
  return snapshotItem(resourceType, name, configuration, {
    arn: `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`,
    name,
  });
}

cases.push({
  // A Config query that did not SELECT tags: the class is unknown, never the default.
  name: 'a Config query row, its query SELECTing no tags',
  records: [WITHOUT_TAGS],
  target: dbArn('untold'),
  status: 'UNKNOWN',
  messageId: 'classTagUnknown',
});

export default byVerdict([...cases, classAfterApplyCase]) satisfies RuleTests;
