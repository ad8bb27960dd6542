import type { AwsGuardDutyDetectorFacts } from '../../../model/aws.ts';
import type { ConfigItem } from '../config-item.ts';
import { configBoolean } from './fields.ts';

/** AWS::GuardDuty::Detector (`Enable`, `FindingPublishingFrequency`, …). */
export function guardDutyDetectorFacts(item: ConfigItem): AwsGuardDutyDetectorFacts {
  return { enabled: configBoolean(item, 'Enable') };
}
