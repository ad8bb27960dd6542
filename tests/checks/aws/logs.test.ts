import { describe, expect, it } from 'vitest';
import logGroupRetention from '../../../src/checks/aws/logs/log-group-retention.ts';
import { evaluate } from '../../helpers/checks.ts';
import { ACCOUNT, REGION, snapshotItem } from '../../sources/aws/builders.ts';
import { tenancy } from './harness.ts';

const name = '/aws/eks/city-platform/cluster';
const arn = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${name}`;
const logGroup = (configuration: Record<string, unknown>) =>
  snapshotItem(
    'AWS::Logs::LogGroup',
    name,
    { LogGroupName: name, Arn: `${arn}:*`, ...configuration },
    { arn, name },
  );

describe('aws.logs.log-group-retention', () => {
  it.each([
    ['400 days', { RetentionInDays: 400 }, {}, 'PASS', 'retained', 'explicit'],
    ['30 days', { RetentionInDays: 30 }, {}, 'FAIL', 'tooShort', 'explicit'],
    ['365 days, the exact minimum', { RetentionInDays: 365 }, {}, 'PASS', 'retained', 'explicit'],
    ['no retention (never expire, the default)', {}, {}, 'PASS', 'neverExpires', 'default'],
    [
      '400 days against a 731-day policy',
      { RetentionInDays: 400 },
      { logRetentionDays: 731 },
      'FAIL',
      'tooShort',
      'explicit',
    ],
  ])('%s → %s', (_, configuration, params, status, message, source) => {
    const result = evaluate(logGroupRetention, tenancy({ items: [logGroup(configuration)] }), arn, params);
    expect(result).toMatchObject({
      status,
      message,
      evidence: [{ source, path: 'configuration.RetentionInDays' }],
    });
  });

  it('is UNKNOWN when a SELECT row carries no retention', () => {
    const row = {
      accountId: ACCOUNT,
      awsRegion: REGION,
      arn,
      resourceId: name,
      resourceName: name,
      resourceType: 'AWS::Logs::LogGroup',
    };
    expect(evaluate(logGroupRetention, tenancy({ selectRows: [row] }), arn)).toMatchObject({
      status: 'UNKNOWN',
      message: 'unknown',
    });
  });
});
