import { configSelect, jsonFile } from '../../../helpers/exports.ts';
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
/** `aws logs describe-log-groups`, kept per Region in the dump's `<account>/<region>/` folders. */
const describeLogGroups = (entry: Record<string, unknown>) =>
  jsonFile(
    {
      logGroups: [
        {
          logGroupName: '/aws/lambda/city-export',
          creationTime: 1733097600000,
          metricFilterCount: 0,
          arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/lambda/city-export:*`,
          storedBytes: 0,
          logGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/lambda/city-export`,
          ...entry,
        },
      ],
    },
    `${ACCOUNT}/${REGION}/logs-describe-log-groups.json`,
  );

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
    {
      name: 'a Delivery class log group (describe-log-groups): kept one day on its way to S3 or Firehose',
      records: [describeLogGroups({ retentionInDays: 1, logGroupClass: 'DELIVERY' })],
      status: 'NOT_APPLICABLE',
      messageId: 'deliveryClass',
      evidence: [{ source: 'explicit', value: 'DELIVERY', path: 'configuration.LogGroupClass' }],
    },
    {
      name: 'a Delivery class log group whose record has no retention is not one that never expires',
      records: [logGroup({ LogGroupClass: 'DELIVERY' })],
      status: 'NOT_APPLICABLE',
      messageId: 'deliveryClass',
    },
    {
      name: 'an Infrequent Access log group that never expires',
      records: [describeLogGroups({ logGroupClass: 'INFREQUENT_ACCESS' })],
      messageId: 'neverExpires',
    },
  ],
  invalid: [
    {
      name: 'a Standard class log group (describe-log-groups) kept 30 days',
      records: [describeLogGroups({ retentionInDays: 30, logGroupClass: 'STANDARD' })],
      messageId: 'tooShort',
      evidence: evidence('explicit'),
    },
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
