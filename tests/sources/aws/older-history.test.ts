import { describe, expect, it } from 'vitest';
import { regionOfItem } from '../../../src/sources/aws/config-item.ts';
import { fileHint } from '../../../src/sources/aws/config-items-reader.ts';
import { awsConfigSnapshotFormat } from '../../../src/sources/aws/config-snapshot.ts';
import { readRecords } from '../../helpers/checks.ts';

// Configuration history files of older years (modelled on the AWS Config developer guide's
// history example and awslabs/aws-config-rules test events): no awsRegion, a misspelt or
// missing availability-zone field, malformed ARNs.
const HISTORY =
  'AWSLogs/111122223333/Config/eu-west-1/2017/3/14/ConfigHistory/111122223333_Config_eu-west-1_ConfigHistory_AWS::EC2::Volume_20170314T120000Z_20170314T130000Z_1.json.gz';

describe('aws: the region of items that do not say it', () => {
  it.each([
    ['awsRegion', { awsRegion: 'AP-NORTHEAST-1' }, undefined, 'ap-northeast-1'],
    ['the ARN', {}, 'arn:aws:ec2:eu-west-1:111122223333:volume/vol-1', 'eu-west-1'],
    ['the zone', { availabilityZone: 'us-east-2c' }, undefined, 'us-east-2'],
    ['a misspelt zone field', { availibilityZone: 'eu-west-1b' }, undefined, 'eu-west-1'],
    ['a Local Zone', { availabilityZone: 'us-west-2-lax-1a' }, undefined, 'us-west-2'],
    [
      'the file name',
      { availabilityZone: 'Multiple Availability Zones' },
      'arn:aws:ec2:::volume/v',
      'eu-west-1',
    ],
    ['a GovCloud ARN', {}, 'arn:aws-us-gov:ec2:us-gov-west-1:111122223333:volume/v', 'us-gov-west-1'],
    ['a global service', {}, 'arn:aws:iam::111122223333:user/admin', 'global'],
  ])('from %s', (_what, record, arn, region) => {
    expect(regionOfItem(record, 'AWS::EC2::Volume', arn, fileHint(HISTORY))).toBe(region);
  });

  it('never takes an account id or a non-region for the region', () => {
    const malformed = 'arn:aws:ec2:111122223333:volume/vol-1';
    expect(regionOfItem({ awsRegion: 'Regional' }, 'AWS::EC2::Volume', malformed, {})).toBeUndefined();
    expect(
      regionOfItem({ availabilityZone: 'Not Applicable' }, 'AWS::EC2::Volume', malformed, {}),
    ).toBeUndefined();
  });

  it('reads the account and region from the S3 key or the file name', () => {
    expect(fileHint(HISTORY)).toEqual({ account: '111122223333', region: 'eu-west-1' });
    expect(
      fileHint('/tmp/111122223333_Config_ap-northeast-3_ConfigSnapshot_20200101T000000Z_abc.json'),
    ).toEqual({
      account: '111122223333',
      region: 'ap-northeast-3',
    });
    expect(fileHint('export.json')).toEqual({});
  });

  it('reads an item with a malformed ARN and no awsRegion into the right account and region', () => {
    const item = {
      configurationItemVersion: '1.2',
      configurationItemCaptureTime: '2017-03-14T12:30:00.000Z',
      configurationItemStatus: 'OK',
      resourceType: 'AWS::EC2::Volume',
      resourceId: 'vol-1',
      ARN: 'arn:aws:ec2:111122223333:volume/vol-1',
      availibilityZone: 'eu-west-1b',
      configuration: { volumeId: 'vol-1', encrypted: false },
      supplementaryConfiguration: {},
      tags: {},
    };
    const [volume] = readRecords(awsConfigSnapshotFormat, { fileVersion: '1.0', configurationItems: [item] });
    expect(volume).toMatchObject({ account: '111122223333', region: 'eu-west-1', kansaType: 'compute.disk' });
  });
});

describe('aws: the aggregator APIs (PascalCase members)', () => {
  const item = {
    version: '1.3',
    accountId: '111122223333',
    awsRegion: 'ap-northeast-3',
    resourceType: 'AWS::EC2::Volume',
    resourceId: 'vol-agg',
    arn: 'arn:aws:ec2:ap-northeast-3:111122223333:volume/vol-agg',
    configurationItemStatus: 'OK',
    configuration: JSON.stringify({ volumeId: 'vol-agg', encrypted: true }),
    supplementaryConfiguration: {},
  };
  it.each([
    [
      'batch-get-aggregate-resource-config',
      { BaseConfigurationItems: [item], UnprocessedResourceIdentifiers: [] },
    ],
    ['get-aggregate-resource-config', { ConfigurationItem: item }],
  ])('reads %s output', (_what, document) => {
    expect(awsConfigSnapshotFormat.matches(document)).toBe(true);
    expect(readRecords(awsConfigSnapshotFormat, document)).toMatchObject([
      { id: item.arn, region: 'ap-northeast-3', facts: { encrypted: { value: true } } },
    ]);
  });
});
