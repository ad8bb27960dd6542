import { explicit, type Fact } from '../../../model/fact.ts';
import type { Resource } from '../../../model/resource.ts';
import { configItemToResource } from '../../aws/adapters/index.ts';
import type { ConfigItem } from '../../aws/config-item.ts';
import type { TfInstance } from '../document.ts';
import type { JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import { type BuildContext, isLeftOut, partsOf, type Unit } from './adapter.ts';

/** An AWS Config item holding what the Terraform resource says (identity is set by the caller). */
export function configItem(
  resourceType: string,
  configuration: JsonObject,
  supplementary: JsonObject = {},
): ConfigItem {
  return {
    accountId: '',
    region: '',
    resourceType,
    resourceId: '',
    resourceName: '',
    arn: undefined,
    tags: {},
    configuration,
    supplementary,
    partial: false,
    deleted: false,
    captureTime: undefined,
  };
}

export function fromConfigItem(item: ConfigItem, tr: Translation): Resource {
  const resource = configItemToResource(item, { file: '' });
  return { ...resource, facts: tr.rewrite(resource.facts) };
}

/** Reads several attributes into one object, dropping those the plan does not know. */
export function readInto(
  tr: Translation,
  instance: TfInstance,
  fields: Readonly<Record<string, string>>,
  nativeBase: string,
): JsonObject {
  const result: JsonObject = {};
  for (const [nativeKey, attribute] of Object.entries(fields)) {
    const value = tr.read(instance, attribute, `${nativeBase}.${nativeKey}`);
    if (value !== undefined) result[nativeKey] = value;
  }
  return result;
}

/** A single part (the last declared wins, as Terraform's own apply order would leave it). */
export function onePart(unit: Unit, type: string): TfInstance | undefined {
  const parts = partsOf(unit, type);
  return parts[parts.length - 1];
}

/**
 * The customer managed keys a configuration makes (aws-kms.ts): aws_kms_key, its multi-Region
 * replicas and the keys of imported material.
 */
const KMS_KEY_TYPES: readonly string[] = [
  'aws_kms_key',
  'aws_kms_replica_key',
  'aws_kms_external_key',
  'aws_kms_replica_external_key',
];

/**
 * A KMS key attribute: its value, or, when the key is created by the same plan (its ARN is
 * known only after apply), the key's address, which names that key in the inventory.
 * `planKey` is the attribute's path when it names a key of the plan: such a key is customer
 * managed (KMS_KEY_TYPES make only those). So is a key named through an `aws_kms_alias` of the
 * plan (`kms_key_id = aws_kms_alias.x.arn`): AWS reserves `alias/aws/` for the keys it manages,
 * and no other alias can name one; the alias stands for the key the plan does not show.
 */
export function kmsKeyOf(
  tr: Translation,
  ctx: BuildContext,
  instance: TfInstance,
  attribute: string,
  nativePath: string,
): { value: unknown; planKey?: string } {
  const tfPath = `${instance.address}.${attribute}`;
  const alias = ctx.referenced(instance, attribute, ['aws_kms_alias'])[0];
  const key =
    ctx.referenced(instance, attribute, KMS_KEY_TYPES)[0] ??
    (alias && ctx.referenced(alias, 'target_key_id', KMS_KEY_TYPES)[0]);
  const named = key ?? alias;
  if (named && tr.valuesOf(instance).read(attribute).state === 'unknown') {
    tr.mark(nativePath, tfPath, 'known');
    return { value: ctx.idOf(named), planKey: tfPath };
  }
  const value = tr.read(instance, attribute, nativePath);
  return named ? { value, planKey: tfPath } : { value };
}

/**
 * An encrypted store's KMS key: the configuration's (a key of the plan counts by its address), or,
 * when a new store's configuration names none (the attribute is then known only after apply), the
 * service's AWS managed key, named by its alias.
 */
export function keyOrAwsManaged(
  tr: Translation,
  ctx: BuildContext,
  store: TfInstance,
  attribute: string,
  nativePath: string,
  awsManagedAlias: string,
): { value: unknown; planKey?: string } {
  if (isLeftOut(tr, ctx, store, attribute)) {
    tr.mark(nativePath, `${store.address}.${attribute}`, 'assumed', {
      ja: `構成にないため、AWS 管理キー（${awsManagedAlias}）です`,
      en: `not in the configuration: the AWS managed key (${awsManagedAlias})`,
    });
    return { value: `alias/${awsManagedAlias}` };
  }
  return kmsKeyOf(tr, ctx, store, attribute, nativePath);
}

/** A resource encrypted with a key the plan creates uses a customer managed key. */
export function withPlanKey(resource: Resource, planKey: string | undefined): Resource {
  if (!planKey) return resource;
  const facts = resource.facts as { customerManagedKey?: Fact<boolean> };
  if (facts.customerManagedKey?.source === 'explicit') return resource;
  return { ...resource, facts: { ...facts, customerManagedKey: explicit(true, planKey) } };
}
