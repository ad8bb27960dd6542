import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { awsConfigRuleEventFormat } from '../../../src/sources/aws/config-rule-event.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';

// Events as AWS Config hands them to rules (modelled on the developer guide's example events
// and awslabs/aws-config-rules test events).
const item = {
  configurationItemVersion: '1.3',
  configurationItemCaptureTime: '2019-04-15T18:13:56.913Z',
  configurationItemStatus: 'OK',
  awsAccountId: '123456789012',
  awsRegion: 'ap-northeast-1',
  resourceType: 'AWS::EC2::Volume',
  resourceId: 'vol-1',
  ARN: 'arn:aws:ec2:ap-northeast-1:123456789012:volume/vol-1',
  configuration: { volumeId: 'vol-1', encrypted: false },
  supplementaryConfiguration: {},
  tags: {},
};
const change = {
  configurationItem: item,
  messageType: 'ConfigurationItemChangeNotification',
  recordVersion: '1.3',
};

function read(document: unknown) {
  const skipped: { reason: string; index?: number }[] = [];
  const resources: Resource[] = [
    ...awsConfigRuleEventFormat.read(document, {
      file: 'event.json',
      skip: (reason, where) => skipped.push({ reason, ...where }),
    }),
  ];
  return { resources, skipped };
}

describe('aws-config-rule-event', () => {
  it.each([
    [
      'a Lambda event (invokingEvent as a JSON string)',
      { invokingEvent: JSON.stringify(change), ruleParameters: '{}', resultToken: 'TESTMODE' },
    ],
    ['a Lambda event (invokingEvent as an object)', { invokingEvent: change, resultToken: 'TESTMODE' }],
    ['an SNS change notification', change],
    [
      'an EventBridge event',
      { 'detail-type': 'Config Configuration Item Change', source: 'aws.config', detail: change },
    ],
  ])('reads %s', (_what, event) => {
    expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(event))?.id).toBe(
      'aws-config-rule-event',
    );
    const { resources, skipped } = read(event);
    expect(skipped).toEqual([]);
    expect(resources).toMatchObject([
      { id: item.ARN, kansaType: 'compute.disk', region: 'ap-northeast-1', origin: { index: 0 } },
    ]);
  });

  it('skips periodic and oversized notifications, which carry no configuration, with the reason', () => {
    const periodic = {
      invokingEvent: JSON.stringify({ messageType: 'ScheduledNotification', awsAccountId: '123456789012' }),
    };
    const oversized = {
      invokingEvent: JSON.stringify({
        messageType: 'OversizedConfigurationItemChangeNotification',
        configurationItemSummary: {},
      }),
    };
    const { resources, skipped } = read([periodic, oversized, change]);
    expect(resources).toHaveLength(1);
    expect(skipped).toEqual([
      { index: 0, reason: 'event 0: ScheduledNotification carries no configuration item' },
      {
        index: 1,
        reason: 'event 1: OversizedConfigurationItemChangeNotification carries no configuration item',
      },
    ]);
  });
});
