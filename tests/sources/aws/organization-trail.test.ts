import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { awsApiDescribeFormat } from '../../../src/sources/aws/api-describe.ts';
import { configItemsToResources } from '../../../src/sources/aws/config-items-reader.ts';
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
});
