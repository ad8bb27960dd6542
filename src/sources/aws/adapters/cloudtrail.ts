import type { AwsCloudTrailFacts } from '../../../model/aws.ts';
import { explicit } from '../../../model/fact.ts';
import type { ConfigItem } from '../config-item.ts';
import { configBoolean, configString, field, toBoolean } from './fields.ts';

/**
 * AWS::CloudTrail::Trail (the Trail structure of DescribeTrails). IsLogging is GetTrailStatus,
 * which Config does not record: a saved get-trail-status answer, read as the trail's record
 * (api-describe), carries it; without it the fact stays absent, and the checks say how to
 * confirm it.
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Trail.html
 */
export function cloudTrailFacts(item: ConfigItem): AwsCloudTrailFacts {
  const isLogging = toBoolean(field(item.configuration, 'IsLogging'));
  return {
    isMultiRegionTrail: configBoolean(item, 'isMultiRegionTrail'),
    logFileValidationEnabled: configBoolean(item, 'logFileValidationEnabled'),
    isOrganizationTrail: configBoolean(item, 'isOrganizationTrail'),
    homeRegion: configString(item, 'homeRegion'),
    ...(isLogging !== undefined && { isLogging: explicit(isLogging, 'configuration.IsLogging') }),
  };
}
