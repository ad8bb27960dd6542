import { keyManagerOfReference } from '../../../model/aws.ts';
import type { Resource } from '../../../model/resource.ts';
import type { Translation } from '../translation.ts';
import { type BuildContext, instanceWithArn, type TerraformAdapter, type Unit } from './adapter.ts';
import { configItem, fromConfigItem, readInto } from './aws-record.ts';

/**
 * `data.aws_kms_key` read while planning (or kept in a state): the key as DescribeKey shows it,
 * whether the configuration manages it or not. Configurations read a key made elsewhere by its
 * alias (`key_id = "alias/app-data"`) and pass its `arn` to a store (`kms_master_key_id =
 * data.aws_kms_key.x.arn`): the store names the key by that ARN, and the key's `key_manager`
 * (CUSTOMER or AWS) tells whether it is customer managed. DescribeKey does not say whether the key
 * rotates (GetKeyRotationStatus does): its rotation stays unknown.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/kms_key
 */
function kmsKeyRead(unit: Unit, tr: Translation): Resource {
  const configuration = readInto(
    tr,
    unit.primary,
    {
      keyManager: 'key_manager',
      keyState: 'key_state',
      origin: 'origin',
      keySpec: 'key_spec',
    },
    'configuration',
  );
  return fromConfigItem(configItem('AWS::KMS::Key', configuration), tr);
}

/**
 * The key's ARN (the data source's `attribute`), as stores name it (a Config item's id); the
 * plan's own `aws_kms_key` of that ARN where it manages the key it reads, whose planned state stands.
 */
function kmsKeyReadId(unit: Unit, ctx: BuildContext, attribute: string): string | undefined {
  const arn = unit.primary.after.read(attribute);
  if (arn.state !== 'known' || typeof arn.value !== 'string' || arn.value === '') return undefined;
  const managed = instanceWithArn(ctx, 'aws_kms_key', arn.value);
  return managed ? ctx.idOf(managed) : arn.value;
}

/**
 * `data.aws_kms_alias` read while planning (or kept in a state): the key the alias names
 * (`target_key_arn`), as stores name it (`kms_key_id = data.aws_kms_alias.s3.target_key_arn`). The
 * alias tells who manages the key: AWS reserves `alias/aws/` (`alias/aws/s3`, `alias/aws/rds`)
 * for its managed keys, and no other alias can name one. Nothing else of the key is shown.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/kms_alias
 */
function kmsAliasRead(unit: Unit, tr: Translation): Resource {
  const name = tr.read(unit.primary, 'name', 'configuration.keyManager');
  const manager = typeof name === 'string' ? keyManagerOfReference(name) : undefined;
  return fromConfigItem(configItem('AWS::KMS::Key', manager ? { keyManager: manager } : {}), tr);
}

/** Data sources that show a key as it exists: judged where no managed key stands for it. */
export const awsKmsReadings: Readonly<Record<string, TerraformAdapter>> = {
  aws_kms_key: { provider: 'aws', build: kmsKeyRead, idOf: (unit, ctx) => kmsKeyReadId(unit, ctx, 'arn') },
  aws_kms_alias: {
    provider: 'aws',
    build: kmsAliasRead,
    idOf: (unit, ctx) => kmsKeyReadId(unit, ctx, 'target_key_arn'),
    partial: true,
  },
};
