import type { AwsGuardDutyDetectorFacts } from '../../../model/aws.ts';
import { derived, explicit } from '../../../model/fact.ts';
import type { ConfigItem } from '../config-item.ts';
import { configBoolean, field, toStringValue } from './fields.ts';

/**
 * AWS::GuardDuty::Detector: Config records the CloudFormation shape (`Enable`,
 * `FindingPublishingFrequency`, …); GetDetector answers `Status: ENABLED | DISABLED` instead,
 * which records keeping that answer as their configuration carry.
 * https://docs.aws.amazon.com/guardduty/latest/APIReference/API_GetDetector.html
 */
export function guardDutyDetectorFacts(item: ConfigItem): AwsGuardDutyDetectorFacts {
  const enable = configBoolean(item, 'Enable');
  if (enable.source !== 'unknown') return { enabled: enable };
  const status = toStringValue(field(item.configuration, 'Status'));
  const upper = status?.toUpperCase();
  if (upper === 'ENABLED' || upper === 'DISABLED')
    return { enabled: derived(upper === 'ENABLED', explicit(status, 'configuration.Status')) };
  return { enabled: enable };
}
