import type { AwsCloudTrailFacts } from '../../../model/aws.ts';
import { explicit, explicitList, type ListUnion } from '../../../model/fact.ts';
import type { Origin, Resource } from '../../../model/resource.ts';
import { accountInArn, type ConfigItem } from '../config-item.ts';
import { accountResource } from '../password-policy.ts';
import { managementEventsFact } from './event-selectors.ts';
import { configBoolean, configString, field, toBoolean } from './fields.ts';

const TRAIL_ARNS: ListUnion<string> = { key: (arn) => arn };
const ACCOUNTS: ListUnion<string> = { key: (account) => account };

/**
 * AWS::CloudTrail::Trail (the Trail structure of DescribeTrails). IsLogging is GetTrailStatus,
 * which Config does not record: a saved get-trail-status answer, read as the trail's record
 * (api-describe), carries it; without it the fact stays absent, and the checks say how to
 * confirm it.
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Trail.html
 */
export function cloudTrailFacts(item: ConfigItem): AwsCloudTrailFacts {
  const isLogging = toBoolean(field(item.configuration, 'IsLogging'));
  // DescribeTrails' Trail always has its Name; a get-trail-status answer lists no trail.
  const listing = field(item.configuration, 'name') !== undefined;
  return {
    ...(listing && { listedBy: explicitList([item.accountId], 'awsAccountId', ACCOUNTS) }),
    isMultiRegionTrail: configBoolean(item, 'isMultiRegionTrail'),
    logFileValidationEnabled: configBoolean(item, 'logFileValidationEnabled'),
    isOrganizationTrail: configBoolean(item, 'isOrganizationTrail'),
    homeRegion: configString(item, 'homeRegion'),
    recordsManagementEvents: managementEventsFact(item),
    ...(isLogging !== undefined && { isLogging: explicit(isLogging, 'configuration.IsLogging') }),
  };
}

/**
 * The account a trail is in: the one its ARN names. A member account's `describe-trails` (and
 * its Config recorder) lists the organization trail of the management account, whose ARN names
 * that account: the trail is one resource, wherever it is listed. (Steampipe, CloudQuery,
 * ScoutSuite and aws-recon rows keep the account they were collected in.)
 */
export function trailAccount(item: ConfigItem): string {
  return (item.resourceType === 'AWS::CloudTrail::Trail' && accountInArn(item.arn)) || item.accountId;
}

/**
 * A member account's record of its organization's trail (the record is the member's: its
 * recorder's `awsAccountId`, its dump's folder, a tool's `account_id`, kept as the trail's
 * `listedBy`; the trail's ARN names another account, and `IsOrganizationTrail` is true): the
 * member's account resource, listing the trail that logs it. A trail of another account that is
 * not said to be an organization trail covers no one.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html
 */
export function organizationTrailListing(trail: Resource, origin: Origin): readonly Resource[] {
  const facts = trail.facts as AwsCloudTrailFacts;
  if (trail.kansaType !== 'audit.trail' || facts.isOrganizationTrail?.value !== true) return [];
  const members = (facts.listedBy?.value ?? []).filter((account) => account !== trail.account);
  return members.map((member) =>
    accountResource(
      member,
      { organizationTrails: explicitList([trail.id], 'configuration.trailARN', TRAIL_ARNS) },
      origin,
    ),
  );
}
