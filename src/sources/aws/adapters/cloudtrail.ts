import type { AwsCloudTrailFacts } from '../../../model/aws.ts';
import type { ConfigItem } from '../config-item.ts';
import { configBoolean, configString } from './fields.ts';

/**
 * AWS::CloudTrail::Trail (the Trail structure of DescribeTrails). IsLogging is GetTrailStatus,
 * which Config does not record.
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Trail.html
 */
export function cloudTrailFacts(item: ConfigItem): AwsCloudTrailFacts {
  return {
    isMultiRegionTrail: configBoolean(item, 'isMultiRegionTrail'),
    logFileValidationEnabled: configBoolean(item, 'logFileValidationEnabled'),
    isOrganizationTrail: configBoolean(item, 'isOrganizationTrail'),
    homeRegion: configString(item, 'homeRegion'),
  };
}
