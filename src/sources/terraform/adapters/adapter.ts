import { explicit, type Fact, unknown } from '../../../model/fact.ts';
import type { Localized } from '../../../model/localized.ts';
import type { Provider, Resource } from '../../../model/resource.ts';
import type { TerraformConfiguration } from '../configuration.ts';
import { isCreated, type TfInstance } from '../document.ts';
import type { MarkState, Translation } from '../translation.ts';

/**
 * The region a built record carries until the plan places it (the resource's own location
 * attribute, else its provider's region): the records are read by the export adapters, which need
 * a location, and one that is no real place keeps `global` (Google's automatic replication, a key
 * ring in `global`) for what the record itself says is global.
 */
export const PLACED_BY_PLAN = 'placed-by-plan';

/** How a split resource (`aws_s3_bucket_policy`) names the resource it configures. */
export interface PartLink {
  /** The child's attribute holding the parent's id or name (`bucket`). */
  readonly attribute: string;
  /** The parent's attributes that value can be (`id`, `bucket`). */
  readonly parentKeys: readonly string[];
  /**
   * How older provider versions name the parent, tried when `attribute` names none (azurerm
   * 2.x `azurerm_storage_account_network_rules.storage_account_name`).
   */
  readonly older?: { readonly attribute: string; readonly parentKeys: readonly string[] };
  /**
   * Judged by itself, with the parent's adapter, when the resource it configures is not in the
   * plan: a rule the plan adds to an existing security group is what the plan brings in, and it
   * opens what it opens whatever else the group allows. `provider-region`: the parent is in the
   * provider's region (an AWS security group); `own-location`: the parent's location is its own,
   * which the split resource does not show (a bucket).
   */
  readonly standalone?: 'provider-region' | 'own-location';
  /**
   * The attribute names several resources, each configured by the split resource
   * (`aws_iam_policy_attachment`'s `roles`): it is merged into every one.
   */
  readonly many?: true;
  /**
   * Why a split resource that names none is passed over, where naming none is a state of its own
   * rather than a resource outside the plan (a virtual MFA device enabled for no user).
   */
  readonly unassigned?: string;
}

/** A resource and the split resources that configure it, evaluated as one. */
export interface Unit {
  readonly primary: TfInstance;
  /** The split resources, by Terraform type. */
  readonly parts: ReadonlyMap<string, readonly TfInstance[]>;
  /** Split resources the plan deletes (their settings go away with them), by Terraform type. */
  readonly removed?: ReadonlyMap<string, readonly TfInstance[]>;
  /**
   * Split resources of the plan that may configure this resource: they name theirs only after
   * apply, through what the configuration does not trace (a `local`, a data source), so any
   * resource of the types they configure may be it. By Terraform type, with their link.
   */
  readonly unnamed?: ReadonlyMap<string, { readonly link: PartLink; readonly parts: readonly TfInstance[] }>;
}

export interface BuildContext {
  readonly config: TerraformConfiguration;
  /**
   * The instances an attribute refers to (through `configuration` references first, then by
   * value), restricted to `types`.
   */
  referenced(instance: TfInstance, attribute: string, types: readonly string[]): TfInstance[];
  /** The kansa id a Terraform instance gets: its address (after its workspace, in a workspace's state file). */
  idOf(instance: TfInstance): string;
  /** The plan's instances of a Terraform type, but those it deletes. */
  instancesOf(type: string): readonly TfInstance[];
  /** The data source of a type an attribute takes its value from, when the plan reads it on apply. */
  dataSourceOf(instance: TfInstance, attribute: string, type: string): TfInstance | undefined;
}

/** Turns one Terraform resource type (and its split resources) into a kansa resource. */
export interface TerraformAdapter {
  readonly provider: Provider;
  readonly parts?: Readonly<Record<string, PartLink>>;
  /**
   * Builds the record the cloud's own export would hold and runs the export adapter on it.
   * Identity, account, region and origin are set by the caller.
   */
  build(unit: Unit, tr: Translation, ctx: BuildContext): Resource;
  /**
   * The id of a resource the cloud names under its parent (a SQL server's firewall rule:
   * `<server>/firewallrules/<name>`), so that checks of the parent find it; else its address.
   */
  idOf?(unit: Unit, ctx: BuildContext, account: string): string | undefined;
  /**
   * The name the cloud gives a resource that has no `name` attribute (a Defender plan's
   * `resource_type`); else its `name`, or the address's.
   */
  nameOf?(unit: Unit): string | undefined;
  /** The account of a resource that is its own (a folder, an organization); else the provider's. */
  accountOf?(unit: Unit): string | undefined;
  /** Location-less types (IAM, account settings): their region is `global`. */
  readonly global?: true;
  /**
   * Where the data is kept is not (only) where the resource is: the built record names it, as the
   * export adapter places it (a Cosmos DB account's replica region abroad, a Pub/Sub topic's
   * persistence regions, or that they cannot be told). That region, when the record gives one,
   * is the resource's.
   */
  readonly dataRegion?: true;
  /**
   * An account-wide setting the plan deletes: the account as the deletion leaves it (no
   * password policy, no public access block). Judged as an update of the account, against the
   * setting before the plan, so a deletion that weakens the account is a failure it brings in.
   * Types without it are not evaluated when deleted.
   */
  whenDeleted?(unit: Unit, tr: Translation): Resource;
  /**
   * The resources the cloud makes with this one and records apart (an EC2 instance's EBS
   * volumes), built from the same unit, each read with a translation of its own.
   */
  alongside?(unit: Unit, translate: () => Translation, ctx: BuildContext): Alongside[];
  /**
   * A data source read for what exists that reads several objects (`data.azuread_users`' `users`):
   * an instance for each, each judged as one.
   */
  each?(reading: TfInstance): TfInstance[];
  /**
   * A data source that shows only part of the object it reads (`data.aws_kms_alias` shows only
   * who manages its key): where another reading shows the same object (the same `idOf`), that one
   * is judged, and this one adds nothing.
   */
  readonly partial?: true;
}

/** A resource made with another: its id and name are the other's with `suffix` (`.root_block_device`). */
export interface Alongside {
  readonly suffix: string;
  readonly resource: Resource;
}

export function partsOf(unit: Unit, type: string): readonly TfInstance[] {
  return unit.parts.get(type) ?? [];
}

/** The split resource of a type the plan deletes, when it leaves none of that type. */
export function removedPart(unit: Unit, type: string): TfInstance | undefined {
  return partsOf(unit, type).length === 0 ? unit.removed?.get(type)?.[0] : undefined;
}

/**
 * The plan's instance of a Terraform type whose `arn` it shows to be `arn`: the key a data source
 * reads, the customer managed policy an attachment names by ARN.
 */
export function instanceWithArn(ctx: BuildContext, type: string, arn: string): TfInstance | undefined {
  return ctx.instancesOf(type).find((instance) => {
    const own = instance.after.read('arn');
    return own.state === 'known' && own.value === arn;
  });
}

const NOT_IN_SCHEMA: Localized = {
  ja: 'このプロバイダー バージョンのスキーマにない属性です。既存のリソースのこの設定は記録されていません（Terraform の外で変更された可能性があります）',
  en: "not in this provider version's schema: the existing resource's setting is not recorded (it may have been changed outside Terraform)",
};

/**
 * Whether an attribute is missing from a resource the plan or state shows as existing, written by
 * a provider version whose schema lacks it (azurerm 2.x's `local_account_disabled`): the setting
 * may have been changed outside Terraform, so it is marked (`state`, unmanaged unless told) at
 * `nativePath`, not left to the cloud's default, which holds only for a resource the plan creates.
 */
export function notInSchema(
  tr: Translation,
  instance: TfInstance,
  attribute: string,
  nativePath: string,
  state: MarkState = 'unmanaged',
  note: Localized = NOT_IN_SCHEMA,
): boolean {
  if (isCreated(instance) || attribute in tr.valuesOf(instance).values) return false;
  tr.mark(nativePath, `${instance.address}.${attribute}`, state, note);
  return true;
}

/**
 * An Optional+Computed attribute a new resource's configuration leaves out: the plan knows it
 * only after apply (with `orAbsent`, or writes it null, as older provider versions do), and
 * what the cloud fills in is its default at creation.
 */
export function isLeftOut(
  tr: Translation,
  ctx: BuildContext,
  instance: TfInstance,
  attribute: string,
  { orAbsent = false }: { orAbsent?: boolean } = {},
): boolean {
  if (!isCreated(instance) || ctx.config.sets(instance, attribute)) return false;
  const { state } = tr.valuesOf(instance).read(attribute);
  return state === 'unknown' || (orAbsent && state === 'absent');
}

/**
 * An attribute's value at `nativePath`; or, when the plan knows it only after apply (or, with
 * `whenKnown`, at all), the id of the plan's resource (of `types`, any when empty) the attribute
 * refers to, marked known.
 */
export function valueOrReference(
  tr: Translation,
  ctx: BuildContext,
  instance: TfInstance,
  attribute: string,
  nativePath: string,
  types: readonly string[] = [],
  { whenKnown = false }: { whenKnown?: boolean } = {},
): unknown {
  const { state } = tr.valuesOf(instance).read(attribute);
  if (state === 'unknown' || (whenKnown && state === 'known')) {
    const [target] = ctx.referenced(instance, attribute, types);
    if (target) {
      if (state === 'unknown') tr.mark(nativePath, `${instance.address}.${attribute}`, 'known');
      else tr.read(instance, attribute, nativePath);
      return ctx.idOf(target);
    }
  }
  return tr.read(instance, attribute, nativePath);
}

/**
 * The resource an attribute names by its cloud id (what a diagnostic setting or a flow log
 * watches), as kansa names it: the plan's or state's resource it refers to, by reference or by
 * that id, is named by its address, the value known or not (a state's setting names its target's
 * cloud id, and so does a plan's of a resource that exists); else the value (a resource the plan
 * does not manage). The resource's kansa id must be its address: not for a type with `idOf`.
 */
export function resourceNamedBy(
  tr: Translation,
  ctx: BuildContext,
  instance: TfInstance,
  attribute: string,
  nativePath: string,
  types: readonly string[] = [],
): unknown {
  return valueOrReference(tr, ctx, instance, attribute, nativePath, types, { whenKnown: true });
}

/**
 * Which spelling of a setting an instance uses, where provider versions spell it differently
 * (`allow_nested_items_to_be_public` / `allow_blob_public_access`, `uniform_bucket_level_access` /
 * `bucket_policy_only`). A provider in transition has both, the new one and the deprecated one,
 * each Optional+Computed (azurerm 3.114–3.117 `https_traffic_only_enabled` /
 * `enable_https_traffic_only`, 3.x AKS `api_server_access_profile.0.authorized_ip_ranges` /
 * `api_server_authorized_ip_ranges`, 4.x flow logs' `target_resource_id` /
 * `network_security_group_id`): the one the configuration leaves out is computed, known only
 * after apply on a new resource and the prior state's value on an update, never the answer. So:
 * the spelling the configuration sets, else the first whose value the plan knows, else the first
 * it carries at all.
 */
export function spellingOf(
  tr: Translation,
  ctx: BuildContext,
  instance: TfInstance,
  spellings: readonly string[],
): string {
  const values = tr.valuesOf(instance);
  return (
    spellings.find((attribute) => ctx.config.sets(instance, attribute)) ??
    spellings.find((attribute) => values.read(attribute).state === 'known') ??
    spellings.find((attribute) => values.read(attribute).state !== 'absent') ??
    spellings[0]!
  );
}

/** A setting that provider versions spell differently, read under the spelling the instance uses (spellingOf). */
export function readFirst(
  tr: Translation,
  ctx: BuildContext,
  instance: TfInstance,
  spellings: readonly string[],
  nativePath: string,
): unknown {
  return tr.read(instance, spellingOf(tr, ctx, instance, spellings), nativePath);
}

/** Resources that attach to another by naming it (flow logs, diagnostic settings). */
export interface Attachment {
  /** Their Terraform type (`aws_flow_log`). */
  readonly type: string;
  /** The attributes that name what they attach to (`vpc_id`). */
  readonly targets: readonly string[];
  /** The types a reference of those attributes may resolve to; empty: any. */
  readonly targetTypes: readonly string[];
  /** Why an existing parent's attachments are not all in the plan. */
  readonly existing: Localized;
  /** Why one of the plan's attachments, naming a target known only after apply, may be the parent's. */
  readonly unnamed: Localized;
}

/**
 * Whether the plan holds every attachment of a resource, so that those of the plan naming it are
 * all it has. A resource the plan creates (`isNew`) has none but the plan's, unless an attachment
 * of the plan names its target through a value known only after apply that no reference of the
 * configuration explains (a `local`, as registry modules write it): it may be this resource's. A
 * resource that exists may have attachments made outside the configuration.
 */
export function attachmentsListed(
  parent: TfInstance,
  isNew: boolean,
  attachment: Attachment,
  ctx: BuildContext,
): Fact<boolean> {
  const path = `${parent.address} (${attachment.type})`;
  if (!isNew) return unknown(path, attachment.existing);
  for (const instance of ctx.instancesOf(attachment.type)) {
    // Of two spellings of the target (azurerm 4.x flow logs), the one the configuration leaves
    // out is computed: known only after apply, yet it names no other target.
    const named = attachment.targets.filter(
      (attribute) => ctx.config.sets(instance, attribute) || instance.after.read(attribute).state === 'known',
    );
    const target = (named.length > 0 ? named : attachment.targets).find(
      (attribute) =>
        instance.after.read(attribute).state === 'unknown' &&
        ctx.referenced(instance, attribute, attachment.targetTypes).length === 0,
    );
    if (target) return unknown(`${instance.address}.${target}`, attachment.unnamed);
  }
  return explicit(true, path);
}
