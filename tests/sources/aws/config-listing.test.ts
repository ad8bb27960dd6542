import { describe, expect, it } from 'vitest';
import type { AwsAccountFacts } from '../../../src/model/aws.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { awsConfigSnapshotFormat } from '../../../src/sources/aws/config-snapshot.ts';
import { ACCOUNT, apiItem, iamUserItem, snapshotDocument, snapshotItem } from './builders.ts';

function configListings(document: unknown, file = 'snapshot.json') {
  const ctx = { file, skip: () => {}, note: () => {} };
  const resources = [...awsConfigSnapshotFormat.read(document, ctx)] as Resource[];
  return resources.flatMap((r) => (r.facts as AwsAccountFacts).configListings ?? []);
}

const detector = snapshotItem('AWS::GuardDuty::Detector', 'det-1', { Id: 'det-1', Enable: true });
const volume = (region: string) =>
  snapshotItem('AWS::EC2::Volume', `vol-${region}`, { volumeId: `vol-${region}` }, { region });

describe('AWS Config inventories read whole: the types each Region holds (configListings)', () => {
  it('a snapshot lists, per Region of its regional items, the types it holds there; global items none', () => {
    const [listing, ...rest] = configListings(
      snapshotDocument([detector, volume('ap-northeast-1'), volume('us-east-1'), iamUserItem('alice')]),
    );
    expect(rest).toEqual([]);
    expect(listing).toMatchObject({
      source: 'explicit',
      path: 'configurationItems',
      value: [
        {
          region: 'ap-northeast-1',
          types: ['AWS::EC2::Volume', 'AWS::GuardDuty::Detector'],
          listing: 'snapshot.json: configurationItems',
        },
        { region: 'us-east-1', types: ['AWS::EC2::Volume'], listing: 'snapshot.json: configurationItems' },
      ],
    });
  });

  it('a live scan names its whole Config inventory so, but not what the direct calls of a Region without a recorder read', () => {
    const items = { configurationItems: [detector, volume('ap-northeast-1')] };
    expect(configListings(items, `configservice/${ACCOUNT}_ap-northeast-1_config-items.json`)).toHaveLength(
      1,
    );
    expect(configListings(items, `configservice/${ACCOUNT}_ap-northeast-1_direct_config-items.json`)).toEqual(
      [],
    );
    expect(
      configListings(items, `configservice/${ACCOUNT}_ap-northeast-1_config-items-incomplete.json`),
    ).toEqual([]);
  });

  it("one record of each account says both its IAM principals were listed and its Regions' types", () => {
    const ctx = { file: 'snapshot.json', skip: () => {}, note: () => {} };
    const document = snapshotDocument([detector, iamUserItem('alice')]);
    const accounts = [...awsConfigSnapshotFormat.read(document, ctx)].filter(
      (r) => r.kansaType === 'account',
    );
    expect(accounts).toHaveLength(1);
    expect(accounts[0]?.facts).toEqual({
      iamUsersListed: { source: 'explicit', value: true, path: 'configurationItems' },
      configListings: expect.objectContaining({
        value: [
          {
            region: 'ap-northeast-1',
            types: ['AWS::GuardDuty::Detector'],
            listing: 'snapshot.json: configurationItems',
          },
        ],
      }),
    });
  });

  it('holds a global table where Config recorded it, not in the Region of its farthest replica', () => {
    const globalTable = snapshotItem('AWS::DynamoDB::Table', 'juki-ledger', {
      tableName: 'juki-ledger',
      replicas: [{ regionName: 'ap-northeast-1' }, { regionName: 'us-east-1' }],
    });
    // A table naming its version but not its replicas is placed nowhere known, and still recorded here.
    const versioned = snapshotItem('AWS::DynamoDB::Table', 'juki-notes', {
      tableName: 'juki-notes',
      globalTableVersion: '2019.11.21',
    });
    const ctx = { file: 'snapshot.json', skip: () => {}, note: () => {} };
    const resources = [
      ...awsConfigSnapshotFormat.read(snapshotDocument([detector, globalTable, versioned]), ctx),
    ];
    expect(resources.find((r) => r.name === 'juki-ledger')?.region).toBe('us-east-1');
    const [listing, ...rest] = configListings(snapshotDocument([detector, globalTable, versioned]));
    expect(rest).toEqual([]);
    expect(listing?.value).toEqual([
      {
        region: 'ap-northeast-1',
        types: ['AWS::DynamoDB::Table', 'AWS::GuardDuty::Detector'],
        listing: 'snapshot.json: configurationItems',
      },
    ]);
  });

  it("holds a member's item of its organization's trail in the member's inventory, not the trail's account's", () => {
    const trail = snapshotItem(
      'AWS::CloudTrail::Trail',
      'org-trail',
      { name: 'org-trail', isOrganizationTrail: true, isMultiRegionTrail: true },
      { arn: 'arn:aws:cloudtrail:ap-northeast-1:999988887777:trail/org-trail' },
    );
    const ctx = { file: 'snapshot.json', skip: () => {}, note: () => {} };
    const accounts = [...awsConfigSnapshotFormat.read(snapshotDocument([detector, trail]), ctx)].filter(
      (r) => (r.facts as AwsAccountFacts).configListings,
    );
    expect(accounts.map((r) => r.account)).toEqual([ACCOUNT]);
  });

  it('a history file, a batch-get and a list of items hold some resources: no listing', () => {
    expect(configListings({ fileVersion: '1.0', configurationItems: [detector] })).toEqual([]);
    expect(configListings({ baseConfigurationItems: [apiItem(detector)] })).toEqual([]);
    expect(configListings([detector, volume('us-east-1')])).toEqual([]);
  });
});
