import { keyManagerOfReference } from '../../../model/aws.ts';
import { unknown } from '../../../model/fact.ts';
import type { Resource } from '../../../model/resource.ts';
import type { TfInstance } from '../document.ts';
import type { JsonObject } from '../kind.ts';
import { KNOWN_AFTER_APPLY, type Translation } from '../translation.ts';
import {
  type BuildContext,
  instanceWithArn,
  isLeftOut,
  type TerraformAdapter,
  type Unit,
} from './adapter.ts';
import { configItem, fromConfigItem, readInto } from './aws-record.ts';

/**
 * Customer managed KMS keys: aws_kms_key, its multi-Region replicas (aws_kms_replica_key) and the
 * keys of imported material (aws_kms_external_key, aws_kms_replica_external_key), as Config's
 * AWS::KMS::Key. Stores name any of them (`kms_key_id = aws_kms_replica_key.x.arn`, KMS_KEY_TYPES).
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key
 */

/**
 * Keys made with aws_kms_key are customer managed, in AWS KMS unless a custom key store is named
 * (an external key store's key names its `xks_key_id`, provider 5.x).
 * A key the plan replaces (a new `customer_master_key_spec`, `key_usage` or `multi_region`) is
 * destroyed as a deleted one is: its deletion is scheduled, and what it encrypted is lost after
 * the waiting period, whatever the new key is.
 */
function kmsKey(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const key = unit.primary;
  const store = tr.read(key, 'custom_key_store_id', 'configuration.origin');
  const external = store ? tr.read(key, 'xks_key_id', 'configuration.origin') : undefined;
  tr.mark('configuration.keyManager', `${key.address} (aws_kms_key)`, 'known');
  let keyState: string;
  if (tr.side === 'after' && key.destroysOld) {
    tr.mark(
      'configuration.keyState',
      `${key.address} (replaced: ScheduleKeyDeletion of the old key)`,
      'known',
    );
    keyState = 'PendingDeletion';
  } else keyState = tr.read(key, 'is_enabled', 'configuration.keyState') === false ? 'Disabled' : 'Enabled';
  const configuration: JsonObject = {
    keyManager: 'CUSTOMER',
    keyState,
    origin: external ? 'EXTERNAL_KEY_STORE' : store ? 'AWS_CLOUDHSM' : 'AWS_KMS',
    ...readInto(tr, key, { keySpec: 'customer_master_key_spec' }, 'configuration'),
  };
  return keyWithRotation(configuration, rotationOf(key, tr, ctx), tr);
}

/**
 * aws_kms_replica_key (provider 3.64 on): a replica of a multi-Region key in its provider's
 * Region. KMS rotates it with its primary, whose rotation alone is set: `key_rotation_enabled` as
 * the provider reads it back (Computed), else, in a plan, the primary's that `primary_key_arn`
 * names. https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-manage.html#multi-region-rotate
 */
function replicaKey(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const key = unit.primary;
  const configuration = customerKey(key, 'AWS_KMS', tr);
  const [primary] = ctx.referenced(key, 'primary_key_arn', ['aws_kms_key']);
  if (tr.valuesOf(key).read('key_rotation_enabled').state !== 'known' && primary)
    return keyWithRotation(configuration, rotationOf(primary, tr, ctx), tr);
  const rotation = tr.read(key, 'key_rotation_enabled', ROTATION_STATUS);
  return keyWithRotation(configuration, rotation === undefined ? {} : { KeyRotationStatus: rotation }, tr);
}

/**
 * aws_kms_external_key and aws_kms_replica_external_key: keys of imported key material (origin
 * EXTERNAL), which KMS never rotates automatically. `key_state` as the provider reads it back
 * (PendingImport until material is imported), else `enabled`.
 */
function externalKey(unit: Unit, tr: Translation): Resource {
  const key = unit.primary;
  const configuration = customerKey(key, 'EXTERNAL', tr);
  if (tr.valuesOf(key).read('key_state').state === 'known')
    configuration.keyState = tr.read(key, 'key_state', 'configuration.keyState');
  return fromConfigItem(configItem('AWS::KMS::Key', configuration), tr);
}

/** A replica or imported-material key: customer managed, of `origin`, enabled as `enabled` says. */
function customerKey(key: TfInstance, origin: string, tr: Translation): JsonObject {
  tr.mark('configuration.keyManager', `${key.address} (${key.type})`, 'known');
  tr.mark('configuration.origin', `${key.address} (${key.type})`, 'known');
  const enabled = tr.read(key, 'enabled', 'configuration.keyState');
  return {
    keyManager: 'CUSTOMER',
    origin,
    ...(enabled !== undefined && { keyState: enabled === false ? 'Disabled' : 'Enabled' }),
    ...readInto(tr, key, { keySpec: 'key_spec' }, 'configuration'),
  };
}

const ROTATION_STATUS = 'supplementaryConfiguration.KeyRotationStatus';
const ROTATION_PERIOD = 'supplementaryConfiguration.RotationPeriodInDays';

/** An aws_kms_key's rotation, spelt as Config's `supplementaryConfiguration`. */
function rotationOf(key: TfInstance, tr: Translation, ctx: BuildContext): JsonObject {
  const rotation = tr.read(key, 'enable_key_rotation', ROTATION_STATUS);
  if (rotation === undefined) return {};
  const period = rotation === true ? rotationPeriod(key, tr, ctx) : undefined;
  return { KeyRotationStatus: rotation, ...(period !== undefined && { RotationPeriodInDays: period }) };
}

/**
 * The key as a Config item. The Config adapter has no fact for a period the item does not carry:
 * one the plan knows only after apply is unknown, named by its attribute.
 */
function keyWithRotation(configuration: JsonObject, rotation: JsonObject, tr: Translation): Resource {
  const { RotationPeriodInDays: period, ...known } = rotation;
  const supplementary = typeof period === 'number' ? rotation : known;
  const resource = fromConfigItem(configItem('AWS::KMS::Key', configuration, supplementary), tr);
  if (period !== 'unknown') return resource;
  return {
    ...resource,
    facts: {
      ...resource.facts,
      ...tr.rewrite({ rotationPeriodDays: unknown(ROTATION_PERIOD, KNOWN_AFTER_APPLY) }),
    },
  };
}

/**
 * `rotation_period_in_days` (provider 5.41 on; Optional+Computed, 90 to 2560): what the plan
 * shows; left out of a new key, the 365 days KMS rotates by when EnableKeyRotation names no period;
 * set from what is known only after apply, unknown. Older providers have no such attribute: the
 * key rotates by that same default, and no period is read.
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html
 */
function rotationPeriod(key: TfInstance, tr: Translation, ctx: BuildContext): number | 'unknown' | undefined {
  const attribute = 'rotation_period_in_days';
  if (isLeftOut(tr, ctx, key, attribute)) {
    tr.mark(ROTATION_PERIOD, `${key.address}.${attribute}`, 'assumed', {
      ja: '構成にないため、KMS の既定の間隔（365日）です',
      en: 'not in the configuration: KMS’s default period (365 days)',
    });
    return 365;
  }
  const state = tr.valuesOf(key).read(attribute).state;
  const days = tr.read(key, attribute, ROTATION_PERIOD);
  if (typeof days === 'number' && days > 0) return days;
  return state === 'unknown' || state === 'sensitive' ? 'unknown' : undefined;
}

/**
 * Destroying a KMS key does not delete it: the provider schedules its deletion
 * (ScheduleKeyDeletion, after `deletion_window_in_days`), and the key waits in PendingDeletion,
 * when what it encrypted can still be saved.
 */
function deletedKmsKey(unit: Unit, tr: Translation): Resource {
  tr.mark('configuration.keyManager', `${unit.primary.address} (${unit.primary.type})`, 'known');
  tr.mark('configuration.keyState', `${unit.primary.address} (destroyed: ScheduleKeyDeletion)`, 'known');
  return fromConfigItem(
    configItem('AWS::KMS::Key', { keyManager: 'CUSTOMER', keyState: 'PendingDeletion' }),
    tr,
  );
}

const managedKey = (build: TerraformAdapter['build']): TerraformAdapter => ({
  provider: 'aws',
  build,
  whenDeleted: deletedKmsKey,
});

export const awsKmsAdapters: Readonly<Record<string, TerraformAdapter>> = {
  aws_kms_key: managedKey(kmsKey),
  aws_kms_replica_key: managedKey(replicaKey),
  aws_kms_external_key: managedKey(externalKey),
  aws_kms_replica_external_key: managedKey(externalKey),
};

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
