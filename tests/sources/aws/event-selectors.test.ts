import { describe, expect, it } from 'vitest';
import { managementEventsFact } from '../../../src/sources/aws/adapters/event-selectors.ts';
import type { ConfigItem } from '../../../src/sources/aws/config-item.ts';

/** A trail's item whose configuration is a describe-trails Trail, a get-event-selectors answer or both. */
const trailItem = (configuration: Record<string, unknown>, partial = false): ConfigItem => ({
  accountId: '111122223333',
  region: 'ap-northeast-1',
  resourceType: 'AWS::CloudTrail::Trail',
  resourceId: 'audit',
  resourceName: 'audit',
  arn: 'arn:aws:cloudtrail:ap-northeast-1:111122223333:trail/audit',
  tags: {},
  configuration,
  supplementary: undefined,
  partial,
  captureTime: undefined,
  deleted: false,
});

const management = (readOnly?: Record<string, unknown>) => ({
  Name: 'Management events',
  FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, ...(readOnly ? [readOnly] : [])],
});

// Shapes of awscli/examples/cloudtrail/get-event-selectors.rst and put-event-selectors.rst, the
// CloudTrail API reference's EventSelector and AdvancedFieldSelector.
describe('managementEventsFact: whether a trail records read and write management events', () => {
  it.each([
    [
      'the basic selector ReadWriteType All with management events',
      { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }] },
      true,
    ],
    [
      'a basic selector whose members are left out (All, included, by default)',
      { EventSelectors: [{}] },
      true,
    ],
    [
      'one trail with a ReadOnly and a WriteOnly selector: both kinds are recorded',
      { EventSelectors: [{ ReadWriteType: 'ReadOnly' }, { ReadWriteType: 'WriteOnly' }] },
      true,
    ],
    ['write-only management events', { EventSelectors: [{ ReadWriteType: 'WriteOnly' }] }, false],
    [
      'data events only (IncludeManagementEvents false)',
      {
        EventSelectors: [
          {
            ReadWriteType: 'All',
            IncludeManagementEvents: false,
            DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }],
          },
        ],
      },
      false,
    ],
    ['an advanced management selector without readOnly', { AdvancedEventSelectors: [management()] }, true],
    [
      'advanced selectors for reads (readOnly = true) and writes (readOnly NotEquals true)',
      {
        AdvancedEventSelectors: [
          management({ Field: 'readOnly', Equals: ['true'] }),
          management({ Field: 'readOnly', NotEquals: ['true'] }),
        ],
      },
      true,
    ],
    [
      'an advanced selector of management reads only',
      { AdvancedEventSelectors: [management({ Field: 'readOnly', Equals: ['true'] })] },
      false,
    ],
    [
      'advanced data selectors only',
      {
        AdvancedEventSelectors: [
          {
            Name: 'S3',
            FieldSelectors: [
              { Field: 'eventCategory', Equals: ['Data'] },
              { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            ],
          },
        ],
      },
      false,
    ],
    [
      "Steampipe's and ScoutSuite's trail: the selectors beside HasCustomEventSelectors",
      { HasCustomEventSelectors: true, EventSelectors: [{ ReadWriteType: 'ReadOnly' }] },
      false,
    ],
  ])('%s', (_name, configuration, expected) => {
    expect(managementEventsFact(trailItem(configuration))).toMatchObject({
      source: 'explicit',
      value: expected,
    });
  });

  it('takes a trail without custom selectors for the default selector: all management events', () => {
    expect(managementEventsFact(trailItem({ hasCustomEventSelectors: false }))).toMatchObject({
      source: 'default',
      value: true,
      path: 'configuration.EventSelectors',
    });
  });

  it('does not know custom selectors it has not read, nor an empty basic list beside no advanced one', () => {
    expect(managementEventsFact(trailItem({ HasCustomEventSelectors: true })).source).toBe('unknown');
    expect(managementEventsFact(trailItem({ EventSelectors: [] })).source).toBe('unknown');
    expect(managementEventsFact(trailItem({ EventSelectors: ['All'] })).source).toBe('unknown');
    expect(managementEventsFact(trailItem({ IsLogging: true }, true)).source).toBe('unknown');
  });
});
