import type { Resource } from '../../../model/resource.ts';
import type { Translation } from '../translation.ts';
import type { TerraformAdapter, Unit } from './adapter.ts';
import { configItem, fromConfigItem } from './aws-record.ts';

/**
 * aws_guardduty_detector as Config's AWS::GuardDuty::Detector: GuardDuty in its provider's
 * Region, on as `enable` says (the provider's default, true, is in the plan when left out).
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/guardduty_detector
 */
function detector(unit: Unit, tr: Translation): Resource {
  const enable = tr.read(unit.primary, 'enable', 'configuration.Enable');
  return fromConfigItem(
    configItem('AWS::GuardDuty::Detector', enable === undefined ? {} : { Enable: enable }),
    tr,
  );
}

/** Deleting the detector (DeleteDetector) turns GuardDuty off in its Region. */
function deletedDetector(unit: Unit, tr: Translation): Resource {
  tr.mark('configuration.Enable', unit.primary.address, 'known');
  return fromConfigItem(configItem('AWS::GuardDuty::Detector', { Enable: false }), tr);
}

/**
 * `data.aws_guardduty_detector` read while planning (or kept in a state): the Region's detector
 * as GuardDuty holds it, whether the configuration manages it or not (`status` ENABLED or
 * DISABLED, as GetDetector answers). Configurations read it to add features to a detector made
 * elsewhere (an organization's delegated administrator, the console).
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/guardduty_detector
 */
function detectorRead(unit: Unit, tr: Translation): Resource {
  const status = tr.read(unit.primary, 'status', 'configuration.Status');
  return fromConfigItem(
    configItem('AWS::GuardDuty::Detector', status === undefined ? {} : { Status: status }),
    tr,
  );
}

/** Data sources that show a resource as it exists: judged where no managed resource stands for it. */
export const awsGuardDutyReadings: Readonly<Record<string, TerraformAdapter>> = {
  aws_guardduty_detector: { provider: 'aws', build: detectorRead },
};

export const awsGuardDutyAdapters: Readonly<Record<string, TerraformAdapter>> = {
  aws_guardduty_detector: { provider: 'aws', build: detector, whenDeleted: deletedDetector },
};
