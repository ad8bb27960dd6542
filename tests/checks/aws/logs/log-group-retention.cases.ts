import { configSelect } from '../../../helpers/exports.ts';
import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNT, REGION, snapshotItem } from '../../../sources/aws/builders.ts';

const name = '/aws/eks/city-platform/cluster';
const arn = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${name}`;
const logGroup = (configuration: Record<string, unknown>) =>
  snapshotItem(
    'AWS::Logs::LogGroup',
    name,
    { LogGroupName: name, Arn: `${arn}:*`, ...configuration },
    { arn, name },
  );
const evidence = (source: string) => [{ source, path: 'configuration.RetentionInDays' }];

export default {
  valid: [
    {
      name: '400 days',
      records: [logGroup({ RetentionInDays: 400 })],
      messageId: 'retained',
      evidence: evidence('explicit'),
    },
    {
      name: '365 days, the exact minimum',
      records: [logGroup({ RetentionInDays: 365 })],
      messageId: 'retained',
      evidence: evidence('explicit'),
    },
    {
      name: 'no retention (never expire, the default)',
      records: [logGroup({})],
      messageId: 'neverExpires',
      evidence: evidence('default'),
    },
  ],
  invalid: [
    {
      name: '30 days',
      records: [logGroup({ RetentionInDays: 30 })],
      messageId: 'tooShort',
      evidence: evidence('explicit'),
    },
    {
      name: '400 days against a 731-day policy',
      records: [logGroup({ RetentionInDays: 400 })],
      params: { logRetentionDays: 731 },
      messageId: 'tooShort',
      evidence: evidence('explicit'),
    },
    {
      name: 'a SELECT row that carries no retention',
      records: [
        configSelect([
          {
            accountId: ACCOUNT,
            awsRegion: REGION,
            arn,
            resourceId: name,
            resourceName: name,
            resourceType: 'AWS::Logs::LogGroup',
          },
        ]),
      ],
      messageId: 'unknown',
      status: 'UNKNOWN',
    },
  ],
} satisfies RuleTests;
