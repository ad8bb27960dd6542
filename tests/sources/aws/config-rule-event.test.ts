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
    // The developer guide's "Example Configuration Item Change Notifications": the notification
    // in its SNS envelope, as an SQS queue or HTTP endpoint subscribed to the topic receives it
    // (the message a JSON string), or as the guide prints it (an object).
    [
      'an SNS envelope, its Message a JSON string',
      {
        Type: 'Notification',
        MessageId: '8b945cb0-db34-5b72-b032-1724878af488',
        TopicArn: 'arn:aws:sns:ap-northeast-1:123456789012:config-topic',
        Subject: '[AWS Config:ap-northeast-1] AWS::EC2::Volume vol-1 Updated in Account 123456789012',
        Message: JSON.stringify(change),
        Timestamp: '2019-04-15T18:13:58.001Z',
        SignatureVersion: '1',
      },
    ],
    ['an SNS envelope, its Message an object', { Type: 'Notification', Message: change }],
    // MessageVersion 1.0 listed its items, and spelled the type in capitals.
    [
      'a first-version notification (configurationItems, AWS::EC2::VOLUME)',
      {
        Type: 'Notification',
        Message: {
          MessageVersion: '1.0',
          messageType: 'ConfigurationItemChangeNotification',
          configurationItems: [{ ...item, resourceType: 'AWS::EC2::VOLUME' }],
        },
      },
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

  it('skips periodic notifications, which name no resource, and reads an oversized item’s summary as listed only', () => {
    const periodic = {
      invokingEvent: JSON.stringify({ messageType: 'ScheduledNotification', awsAccountId: '123456789012' }),
    };
    const oversized = {
      invokingEvent: JSON.stringify({
        messageType: 'OversizedConfigurationItemChangeNotification',
        // The item went to S3: the summary is the item without its settings.
        configurationItemSummary: {
          ...item,
          configuration: undefined,
          supplementaryConfiguration: undefined,
        },
        s3ObjectKey:
          'AWSLogs/123456789012/Config/ap-northeast-1/2019/4/15/OversizedChangeNotification/x.json.gz',
      }),
    };
    // A snapshot's delivery, in its SNS envelope: where the snapshot is, not what it holds.
    const delivered = {
      Type: 'Notification',
      Message: JSON.stringify({
        configSnapshotId: '16da64e4-cb65-4846-b061-e6c3ba43cb96',
        s3ObjectKey: 'AWSLogs/123456789012/Config/ap-northeast-1/2016/9/27/ConfigSnapshot/x.json.gz',
        messageType: 'ConfigurationSnapshotDeliveryCompleted',
        recordVersion: '1.1',
      }),
    };
    const { resources, skipped } = read([periodic, oversized, change, delivered]);
    expect(resources.map((r) => [r.id, r.region, r.listedOnly])).toEqual([
      [item.ARN, 'ap-northeast-1', true],
      [item.ARN, 'ap-northeast-1', undefined],
    ]);
    expect(skipped).toEqual([
      { index: 0, reason: 'event 0: ScheduledNotification carries no configuration item' },
      { index: 3, reason: 'event 3: ConfigurationSnapshotDeliveryCompleted carries no configuration item' },
    ]);
  });
});
