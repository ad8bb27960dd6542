import { beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { awsApiDescribeFormat } from '../../../src/sources/aws/api-describe.ts';
import { configItemsToResources } from '../../../src/sources/aws/config-items-reader.ts';
import { cloudQueryRecords } from '../../../src/sources/cloudquery.ts';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { readRows } from '../steampipe/read-rows.ts';
import { ACCOUNT, snapshotItem } from './builders.ts';

// A member account's records of its organization's trail: the trail's ARN names the management
// account (ACCOUNT), the record is the member's (its dump's folders, its recorder's awsAccountId).
const MEMBER = '444455556666';
const ARN = `arn:aws:cloudtrail:ap-northeast-1:${ACCOUNT}:trail/org-audit`;
const entry = (isOrganizationTrail: unknown) => ({
  Name: 'org-audit',
  TrailARN: ARN,
  IsMultiRegionTrail: true,
  HomeRegion: 'ap-northeast-1',
  ...(isOrganizationTrail !== undefined && { IsOrganizationTrail: isOrganizationTrail }),
});

function describeTrails(file: string, ...trails: unknown[]) {
  const skipped: string[] = [];
  const resources = [
    ...awsApiDescribeFormat.read({ trailList: trails }, { file, skip: (reason) => skipped.push(reason) }),
  ] as Resource<Record<string, unknown>>[];
  expect(skipped).toEqual([]);
  return resources;
}

// The CSV parser is loaded by the scan before a text format is asked (read-inputs); here, first
// (readRows reads the Steampipe rows as CSV too).
beforeAll(loadCsvParser);

describe("a member account's record of its organization's trail", () => {
  it("is the management account's trail, and the member's account listing it", () => {
    const [trail, member, ...rest] = describeTrails(
      `${MEMBER}/ap-northeast-1/describe-trails.json`,
      entry(true),
    );
    expect(rest).toEqual([]);
    expect(trail).toMatchObject({ account: ACCOUNT, id: ARN, kansaType: 'audit.trail' });
    expect(member).toMatchObject({
      account: MEMBER,
      id: `arn:aws:iam::${MEMBER}:root`,
      kansaType: 'account',
      facts: { organizationTrails: { source: 'explicit', value: [ARN] } },
    });
  });

  it('lists nothing for a trail of the account itself, or one not said to be an organization trail', () => {
    expect(describeTrails(`${ACCOUNT}/ap-northeast-1/describe-trails.json`, entry(true))).toHaveLength(1);
    for (const flag of [false, undefined, 'yes'])
      expect(describeTrails(`${MEMBER}/ap-northeast-1/describe-trails.json`, entry(flag))).toHaveLength(1);
    // A dump whose folders name no account: the ARN alone places the trail.
    expect(describeTrails('describe-trails.json', entry(true))).toHaveLength(1);
  });

  it("reads the member's Config item alike: the trail where its ARN is, the member's listing", () => {
    const item = {
      ...snapshotItem(
        'AWS::CloudTrail::Trail',
        'org-audit',
        { name: 'org-audit', trailARN: ARN, isMultiRegionTrail: true, isOrganizationTrail: true },
        { arn: ARN },
      ),
      awsAccountId: MEMBER,
    };
    const resources = [...configItemsToResources([item], { file: 'snapshot.json', skip: () => {} }, false)];
    expect(resources.map((resource) => [resource.kansaType, resource.account])).toEqual([
      ['audit.trail', ACCOUNT],
      ['account', MEMBER],
    ]);
  });

  it('keeps the account whose listing holds the trail; a get-trail-status answer lists none', () => {
    const [trail] = describeTrails(`${MEMBER}/ap-northeast-1/describe-trails.json`, entry(true));
    expect(trail?.facts['listedBy']).toMatchObject({ source: 'explicit', value: [MEMBER] });
    const [own] = describeTrails(`${ACCOUNT}/ap-northeast-1/describe-trails.json`, entry(true));
    expect(own?.facts['listedBy']).toMatchObject({ value: [ACCOUNT] });
    const status = [
      ...awsApiDescribeFormat.read(
        { IsLogging: true },
        { file: `${ACCOUNT}/ap-northeast-1/get-trail-status_org-audit.json`, skip: () => {} },
      ),
    ] as Resource<Record<string, unknown>>[];
    expect(status).toHaveLength(1);
    expect(status[0]?.facts['listedBy']).toBeUndefined();
  });

  // Steampipe's aws_cloudtrail_trail queried with the member's connection: `account_id` the
  // member's, `arn` the management account's; `is_logging` null (the plugin asks no status of a
  // trail another account owns).
  const steampipeRow = (isOrganizationTrail: boolean) => ({
    name: 'org-audit',
    arn: ARN,
    home_region: 'ap-northeast-1',
    is_multi_region_trail: true,
    log_file_validation_enabled: true,
    is_logging: null,
    is_organization_trail: isOrganizationTrail,
    include_global_service_events: true,
    s3_bucket_name: 'org-audit-logs',
    tags: {},
    title: 'org-audit',
    akas: [ARN],
    partition: 'aws',
    region: 'ap-northeast-1',
    account_id: MEMBER,
  });

  it("reads a member's Steampipe row alike", () => {
    const { resources, skipped } = readRows([steampipeRow(true)]);
    expect(skipped).toEqual([]);
    expect(resources.map((resource) => [resource.kansaType, resource.account])).toEqual([
      ['audit.trail', ACCOUNT],
      ['account', MEMBER],
    ]);
    expect(resources[1]?.facts['organizationTrails']).toMatchObject({ value: [ARN] });
    expect(readRows([steampipeRow(false)]).resources.map((resource) => resource.account)).toEqual([ACCOUNT]);
  });

  it("reads a member's CloudQuery aws_cloudtrail_trails row alike", () => {
    const row = {
      _cq_id: '0b6f3c1e-7a2d-4e8f-9c10-5d4e3f2a1b0c',
      _cq_parent_id: null,
      _cq_source_name: 'aws',
      _cq_sync_time: '2024-03-11 09:14:05.123456',
      account_id: MEMBER,
      region: 'ap-northeast-1',
      arn: ARN,
      name: 'org-audit',
      home_region: 'ap-northeast-1',
      is_multi_region_trail: false,
      is_organization_trail: true,
      log_file_validation_enabled: true,
      status: null,
      tags: null,
    };
    const skipped: string[] = [];
    const resources = [
      ...cloudQueryRecords.read(
        row,
        { file: 'aws_cloudtrail_trails.json', skip: (reason) => skipped.push(reason) },
        1,
      ),
    ];
    expect(skipped).toEqual([]);
    expect(resources.map((resource) => [resource.kansaType, resource.account])).toEqual([
      ['audit.trail', ACCOUNT],
      ['account', MEMBER],
    ]);
  });
});
