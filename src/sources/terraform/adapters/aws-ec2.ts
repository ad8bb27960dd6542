import type { Resource } from '../../../model/resource.ts';
import { isCreated, type TfInstance } from '../document.ts';
import { isObject } from '../kind.ts';
import type { TfValues } from '../tf-values.ts';
import type { Translation } from '../translation.ts';
import { type Alongside, type BuildContext, isLeftOut, type TerraformAdapter, type Unit } from './adapter.ts';
import { configItem, fromConfigItem, kmsKeyOf, readInto, withPlanKey } from './aws-record.ts';

/**
 * EBS volumes as Config's AWS::EC2::Volume (`encrypted`, `kmsKeyId`): `aws_ebs_volume`, and the
 * volumes an `aws_instance` makes with itself (`root_block_device`, `ebs_block_device`), which
 * Config records apart from the instance, as volumes of their own.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#ebs-ephemeral-and-root-block-devices
 */

function ebsVolume(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const volume = unit.primary;
  return volumeOf(
    volume,
    '',
    tr,
    ctx,
    fromSnapshot(volume, tr.valuesOf(volume), 'snapshot_id', ctx) ? 'on' : 'any',
  );
}

/**
 * The volume whose attributes are under `block` (`''` for aws_ebs_volume,
 * `root_block_device.0.` for an instance's root volume). `encrypted` left out of a new volume
 * (Optional+Computed) is the Region's EBS encryption by default, an account setting the plan
 * shows only when it manages it (`aws_ebs_encryption_by_default`, through the same provider
 * block: the same account and Region), which, on, encrypts every new volume. `byDefault`: what
 * that setting decides, `any` for an empty volume, `on` for one made from a snapshot whose
 * encryption the plan does not show (an AMI's), which only encryption by default turns on.
 */
function volumeOf(
  instance: TfInstance,
  block: string,
  tr: Translation,
  ctx: BuildContext,
  byDefault: 'any' | 'on',
): Resource {
  const setting = encryptionByDefault(instance, `${block}encrypted`, tr, ctx);
  const decided = setting === true || (setting === false && byDefault === 'any') ? setting : undefined;
  const configuration = readInto(
    tr,
    instance,
    decided === undefined ? { encrypted: `${block}encrypted` } : {},
    'configuration',
  );
  if (decided !== undefined) configuration.encrypted = decided;
  const key = kmsKeyOf(tr, ctx, instance, `${block}kms_key_id`, 'configuration.kmsKeyId');
  if (key.value !== undefined) configuration.kmsKeyId = key.value;
  const resource = fromConfigItem(configItem('AWS::EC2::Volume', configuration), tr);
  return configuration.encrypted === false ? resource : withPlanKey(resource, key.planKey);
}

/**
 * A volume made from a snapshot (or from one known only after apply) inherits its encryption.
 * `snapshot_id` is Optional+Computed, so a plan shows it known only after apply on every new
 * volume, one the configuration makes empty too (checkov's terragoat plan): where the plan's
 * configuration is there and does not set it, the volume is made empty.
 */
function fromSnapshot(instance: TfInstance, values: TfValues, attribute: string, ctx: BuildContext): boolean {
  const snapshot = values.read(attribute);
  if (snapshot.state === 'known') return snapshot.value !== '';
  if (snapshot.state !== 'unknown') return false;
  const configured = ctx.config.resourceOf(instance);
  if (!configured) return true;
  // ebs_block_device is a set: its blocks in the values are not in the configuration's order.
  // Blocks a `dynamic` block writes are not in the configuration's JSON: they may set it.
  const set = /^(ebs_block_device)\.\d+\.(.+)$/.exec(attribute);
  if (!set) return ctx.config.sets(instance, attribute);
  const expressions = configured.expressions;
  const blocks = isObject(expressions) ? expressions[set[1]!] : undefined;
  if (!Array.isArray(blocks)) return true;
  return blocks.some((_, index) => ctx.config.sets(instance, `${set[1]}.${index}.${set[2]}`));
}

/**
 * The Region's encryption by default, for a new volume: on, it encrypts every volume made
 * ("the EBS volumes that you create are always encrypted", EnableEbsEncryptionByDefault), one
 * that says `encrypted = false` too; off, it decides only for a volume that leaves `encrypted` out.
 */
function encryptionByDefault(
  instance: TfInstance,
  attribute: string,
  tr: Translation,
  ctx: BuildContext,
): boolean | undefined {
  if (!isCreated(instance)) return undefined;
  const providerKey = (other: TfInstance) => ctx.config.resourceOf(other)?.provider_config_key;
  const setting = ctx
    .instancesOf('aws_ebs_encryption_by_default')
    .find((candidate) => providerKey(candidate) === providerKey(instance));
  const enabled = setting?.after.read('enabled');
  if (!setting || enabled?.state !== 'known' || typeof enabled.value !== 'boolean') return undefined;
  if (enabled.value === false && !isLeftOut(tr, ctx, instance, attribute)) return undefined;
  tr.mark('configuration.encrypted', `${setting.address}.enabled`, 'known');
  return enabled.value;
}

/**
 * The EBS volumes an instance is launched with. Its root volume is made from the AMI's
 * snapshot: left out of the configuration (the block known only after apply) or without
 * `encrypted`, it is encrypted as that snapshot is, which the plan does not show, or by the
 * Region's encryption by default. `ebs_block_device` blocks are volumes of their own, keyed by
 * `device_name`. An instance whose plan shows no root block at all (an instance store AMI's)
 * has no root volume to judge.
 */
function instanceVolumes(unit: Unit, translate: () => Translation, ctx: BuildContext): Alongside[] {
  const instance = unit.primary;
  const volumes: Alongside[] = [];
  const values = translate().valuesOf(instance);
  if (values.read('root_block_device').state === 'unknown' || values.present('root_block_device.0'))
    volumes.push({
      suffix: '.root_block_device',
      resource: volumeOf(instance, 'root_block_device.0.', translate(), ctx, 'on'),
    });
  for (let index = 0; values.present(`ebs_block_device.${index}`); index++) {
    const device = values.read(`ebs_block_device.${index}.device_name`);
    const key = device.state === 'known' && typeof device.value === 'string' ? device.value : index;
    const fresh = !fromSnapshot(instance, values, `ebs_block_device.${index}.snapshot_id`, ctx);
    volumes.push({
      suffix: `.ebs_block_device[${JSON.stringify(key)}]`,
      resource: volumeOf(instance, `ebs_block_device.${index}.`, translate(), ctx, fresh ? 'any' : 'on'),
    });
  }
  return volumes;
}

/** Where the instance is (the location checks), as the exports read it: no setting of its own. */
function ec2Instance(_unit: Unit, tr: Translation): Resource {
  return fromConfigItem(configItem('AWS::EC2::Instance', {}), tr);
}

export const awsEc2Adapters: Readonly<Record<string, TerraformAdapter>> = {
  aws_ebs_volume: { provider: 'aws', build: ebsVolume },
  aws_instance: { provider: 'aws', build: ec2Instance, alongside: instanceVolumes },
};
