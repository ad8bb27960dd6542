import { configSelect } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNT, REGION } from '../../../sources/aws/builders.ts';
import { arn, instance } from './instance.ts';

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
];

export default byVerdict(cases) satisfies RuleTests;
