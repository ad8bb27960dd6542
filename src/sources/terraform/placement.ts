import {
  isTagList,
  type Provider,
  type Resource,
  TAG_AFTER_APPLY,
  UNKNOWN_ACCOUNT,
  UNKNOWN_REGION,
} from '../../model/resource.ts';
import { arnPart } from '../aws/config-item.ts';
import { GUID, subscriptionOf } from '../azure/arm-record.ts';
import type { BuildContext } from './adapters/adapter.ts';
import { providerType } from './address.ts';
import type { TerraformConfiguration } from './configuration.ts';
import { isCreated, moduleResources, type TfInstance } from './document.ts';
import { isObject, type JsonObject } from './kind.ts';
import type { TfValues } from './tf-values.ts';

/**
 * Where a planned resource will live: its account (AWS account, subscription, project) and
 * region. From the resource's own values, else its provider block in `configuration`
 * (aliases included), else what other resources of the same provider block show. A region no
 * source tells stays unknown: the provider's default may come from the environment of the run.
 */
export class Placement {
  readonly #blockAccounts = new Map<JsonObject | undefined, string | undefined>();
  readonly #configAccounts = new Map<string, string | undefined>();

  readonly #instances: readonly TfInstance[];
  readonly #config: TerraformConfiguration;
  readonly #callerIdentities: readonly BlockReading[];
  readonly #regionReads: readonly BlockReading[];

  /** `document`: the plan or state the instances are of. */
  constructor(instances: readonly TfInstance[], config: TerraformConfiguration, document: JsonObject) {
    this.#instances = instances;
    this.#config = config;
    this.#callerIdentities = readsWhilePlanning(document, config, 'aws_caller_identity', accountId);
    this.#regionReads = readsWhilePlanning(document, config, 'aws_region', regionName);
  }

  account(instance: TfInstance, provider: Provider): string {
    const own = ownAccount(instance, provider);
    if (own) return own;
    if (instance.providerConfig !== undefined) {
      const named = instance.providerConfig;
      if (!this.#configAccounts.has(named))
        this.#configAccounts.set(named, this.#accountOfConfig(named, provider));
      return this.#configAccounts.get(named) ?? UNKNOWN_ACCOUNT;
    }
    const block = this.#config.providerOf(instance);
    if (!this.#blockAccounts.has(block))
      this.#blockAccounts.set(block, this.#accountOfBlock(block, provider));
    return this.#blockAccounts.get(block) ?? UNKNOWN_ACCOUNT;
  }

  /**
   * A state file names each resource's provider configuration but holds none of its
   * arguments: the account other resources of the same configuration show; else, when the
   * state's resources of the provider show one account only, that one (an alias that only
   * changes the region shares it); else unknown (an alias with credentials of its own may
   * reach another account).
   */
  #accountOfConfig(named: string, provider: Provider): string | undefined {
    for (const other of this.#instances) {
      if (other.providerConfig !== named) continue;
      const found = ownAccount(other, provider);
      if (found) return found;
    }
    return this.#onlyAccount(provider);
  }

  #accountOfBlock(block: JsonObject | undefined, provider: Provider): string | undefined {
    const configured = this.#argumentOf(block, PROVIDER_ACCOUNT_KEY[provider]);
    const account = Array.isArray(configured) && configured.length === 1 ? configured[0] : configured;
    if (typeof account === 'string' && account !== '')
      return provider === 'azure' ? account.toLowerCase() : account;
    if (provider === 'aws') {
      const identity = this.#callerIdentities.find((candidate) => candidate.block === block);
      if (identity) return identity.value;
    }
    for (const other of this.#instances) {
      if (this.#config.providerOf(other) !== block) continue;
      const found = ownAccount(other, provider);
      if (found) return found;
    }
    // An alias that only changes the region uses the same credentials: when the plan shows one
    // account for the provider, that is it. An alias with credentials of its own stays unknown.
    if (hasOwnCredentials(block)) return undefined;
    return this.#onlyAccount(provider);
  }

  /**
   * The account of the provider's resources, and of the blocks that sign in with the default
   * credentials whose `data.aws_caller_identity` was read while planning, when they show one only.
   */
  #onlyAccount(provider: Provider): string | undefined {
    const accounts = new Set<string>();
    for (const other of this.#instances) {
      if (!PROVIDER_TYPES[provider].includes(providerType(other.providerName))) continue;
      const found = ownAccount(other, provider);
      if (found) accounts.add(found);
    }
    if (provider === 'aws')
      for (const identity of this.#callerIdentities)
        if (!hasOwnCredentials(identity.block)) accounts.add(identity.value);
    return accounts.size === 1 ? [...accounts][0] : undefined;
  }

  region(instance: TfInstance, provider: Provider, links: BuildContext): string {
    const own = ownRegion(instance, provider);
    if (own) return own;
    // A location taken from another resource (`location = azurerm_resource_group.rg.location`,
    // a key's key ring, a database's server, a 3.x deployment slot's app): that resource's location.
    for (const attribute of ['location', 'key_ring', 'key_vault_id', 'server_id', 'app_service_id']) {
      for (const target of links.referenced(instance, attribute, [])) {
        const found = ownRegion(target, provider);
        if (found) return found;
      }
    }
    if (provider === 'gcp') {
      const keyRing = known(instance, 'key_ring');
      const location = typeof keyRing === 'string' ? /\/locations\/([^/]+)\//.exec(keyRing)?.[1] : undefined;
      if (location) return location.toLowerCase();
    }
    const block = this.#config.providerOf(instance);
    const region = this.#argumentOf(block, 'region');
    if (typeof region === 'string' && region !== '' && provider !== 'azure')
      return regionOfZone(region.toLowerCase());
    const read =
      provider === 'aws' ? this.#regionReads.find((candidate) => candidate.block === block) : undefined;
    return read ? read.value : UNKNOWN_REGION;
  }

  name(instance: TfInstance): string {
    for (const attribute of ['bucket', 'name', 'identifier', 'project_id']) {
      const value = known(instance, attribute);
      if (typeof value === 'string' && value !== '') return value;
    }
    return instance.index === undefined
      ? instance.name
      : `${instance.name}${JSON.stringify([instance.index])}`;
  }

  /**
   * The resource's tags (a Google Cloud resource's labels) as the cloud will hold them, and
   * those a plan knows only after apply. The AWS provider's `tags_all` and google 5.x's
   * `effective_labels` hold the provider's `default_tags` / `default_labels` with the resource's
   * own (`tags`, `labels`: the configuration's only) over them, and a plan knows them only after
   * apply as soon as one value is: then they are worked out as the provider does, from the
   * provider block's defaults (its constant, or a root variable) and the own tags the plan knows,
   * an own tag known only after apply being unknown; without the defaults (a local, no
   * configuration), only the own tags the plan knows are certain. An updated Google Cloud
   * resource's `effective_labels` keep labels set outside Terraform, which the plan does not list.
   */
  tags(instance: TfInstance): PlannedTags {
    const values = valuesOf(instance);
    for (const [all, own, defaults] of MERGED_TAGS) {
      const read = values.read(all);
      if (read.state === 'known' && isObject(read.value)) return { tags: textValues(read.value) };
      if (read.state !== 'unknown' && read.state !== 'sensitive') continue;
      const mine = ownTags(values, values.keys('').includes(own) ? own : 'resource_labels');
      if (mine.unknownTags !== undefined && !isTagList(mine.unknownTags)) return mine;
      const provided =
        isCreated(instance) || own === 'tags' ? this.#providerDefaults(instance, defaults) : undefined;
      if (provided === undefined) return { tags: mine.tags, unknownTags: TAG_AFTER_APPLY };
      const overridden = new Set(mine.unknownTags);
      return {
        tags: {
          ...Object.fromEntries(Object.entries(provided).filter(([key]) => !overridden.has(key))),
          ...mine.tags,
        },
        ...(mine.unknownTags && { unknownTags: mine.unknownTags }),
      };
    }
    for (const attribute of ['tags', 'labels', 'resource_labels', 'settings.0.user_labels']) {
      const read = values.read(attribute);
      if (read.state === 'known' && isObject(read.value)) return { tags: textValues(read.value) };
      if (read.state === 'unknown' || read.state === 'sensitive') return ownTags(values, attribute);
    }
    return { tags: {} };
  }

  /**
   * The tags (labels) the instance's provider block gives every resource: `default_tags { tags }`
   * of the AWS provider, `default_labels` of google's; empty where the block sets none; undefined
   * where the plan does not show them (no configuration, or an expression kansa does not read).
   */
  #providerDefaults(
    instance: TfInstance,
    argument: 'default_tags' | 'default_labels',
  ): Record<string, string> | undefined {
    if (!this.#config.resourceOf(instance)) return undefined;
    const block = this.#config.providerOf(instance);
    const expressions = block && isObject(block.expressions) ? block.expressions : {};
    if (!(argument in expressions)) return {};
    // default_tags is a block: a list of one in the configuration's expressions.
    const blocks = expressions[argument];
    const holder =
      argument === 'default_tags'
        ? Array.isArray(blocks) && blocks.length === 1 && isObject(blocks[0])
          ? { ...block, expressions: blocks[0] }
          : undefined
        : block;
    if (argument === 'default_tags' && holder && !('tags' in (holder.expressions as JsonObject))) return {};
    const value = holder && this.#argumentOf(holder, argument === 'default_tags' ? 'tags' : argument);
    if (value === null) return {};
    return isObject(value) ? textValues(value) : undefined;
  }

  /**
   * A provider argument's value: its constant, or, in a root provider block, the value the plan
   * was made with of the root variable it is set to (`region = var.region`): `configuration`
   * gives only the reference, and the plan's `variables` the value. A module's provider block
   * (`module_address`) takes its variables from its caller, which `variables` does not hold. An
   * expression naming anything else besides (`local.region`, a second variable) is not read; one
   * building a text around the variable (`"${var.name}-1"`) lists the same single reference,
   * and is taken for it: no provider argument kansa reads is written so in practice.
   */
  #argumentOf(block: JsonObject | undefined, key: string): unknown {
    const expressions = block && isObject(block.expressions) ? block.expressions : undefined;
    const expression = expressions?.[key];
    if (!isObject(expression)) return undefined;
    if ('constant_value' in expression) return expression.constant_value;
    const references = Array.isArray(expression.references) ? expression.references : [];
    const name = references.length === 1 ? /^var\.([\w-]+)$/.exec(String(references[0]))?.[1] : undefined;
    if (!name || (typeof block?.module_address === 'string' && block.module_address !== '')) return undefined;
    return this.#config.rootValue(name);
  }
}

/** What a data source read through a provider block while planning says of where it works. */
interface BlockReading {
  readonly block: JsonObject | undefined;
  readonly value: string;
}

/**
 * The values of an AWS data source of `type` read while planning (a plan's `prior_state`, a
 * state's `values`), with the provider block each was read through. `data.aws_caller_identity`
 * gives the account the block signs in to, in which it makes resources (configurations read it
 * to name their own account, `arn:aws:iam::${data.aws_caller_identity.current.account_id}:root`);
 * `data.aws_region` the block's region (`region` in provider 6.x, `name` before), set by the
 * environment when the block does not name it.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/caller_identity
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/region
 */
function readsWhilePlanning(
  document: JsonObject,
  config: TerraformConfiguration,
  type: 'aws_caller_identity' | 'aws_region',
  read: (values: JsonObject) => string | undefined,
): BlockReading[] {
  const state = isObject(document.prior_state) ? document.prior_state.values : document.values;
  const readings: BlockReading[] = [];
  for (const resource of moduleResources(isObject(state) ? state.root_module : undefined)) {
    if (!isObject(resource) || resource.mode !== 'data' || resource.type !== type) continue;
    const value = isObject(resource.values) ? read(resource.values) : undefined;
    if (!value) continue;
    const address = typeof resource.address === 'string' ? resource.address : '';
    const moduleAddress = address.slice(0, Math.max(address.lastIndexOf('.data.'), 0));
    const block = config.providerOf({
      moduleAddress,
      type,
      name: typeof resource.name === 'string' ? resource.name : '',
      action: 'read',
    });
    readings.push({ block, value });
  }
  return readings;
}

const accountId = (values: JsonObject) =>
  typeof values.account_id === 'string' && /^\d{12}$/.test(values.account_id) ? values.account_id : undefined;
const regionName = (values: JsonObject) => {
  const region = values.region ?? values.name;
  return typeof region === 'string' && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(region) ? region : undefined;
};

const PROVIDER_ACCOUNT_KEY: Readonly<Record<Provider, string>> = {
  aws: 'allowed_account_ids',
  azure: 'subscription_id',
  gcp: 'project',
};

/** A management group's scope, or the tenant root's. */
const ABOVE = /^(?:\/|\/providers\/microsoft\.management\/managementgroups\/[^/]+\/?)$/i;

/** Whether a provider block signs in with credentials (or to a target) of its own. */
function hasOwnCredentials(block: JsonObject | undefined): boolean {
  const expressions = block && isObject(block.expressions) ? Object.keys(block.expressions) : [];
  return expressions.some((key) => OWN_CREDENTIALS.has(key));
}

/** Provider arguments that give an alias credentials (or a target) of its own. */
const OWN_CREDENTIALS = new Set([
  'assume_role',
  'assume_role_with_web_identity',
  'profile',
  'access_key',
  'allowed_account_ids',
  'subscription_id',
  'client_id',
  'project',
  'credentials',
  'impersonate_service_account',
]);

/** The Terraform providers of each cloud: google-beta manages the same projects as google. */
const PROVIDER_TYPES: Readonly<Record<Provider, readonly string[]>> = {
  aws: ['aws'],
  // azapi manages the same subscriptions, through ARM itself.
  azure: ['azurerm', 'azapi'],
  gcp: ['google', 'google-beta'],
};

/** The values the instance shows: a deleted one's before the plan, when it was where it was. */
function valuesOf(instance: TfInstance): TfValues {
  return instance.action === 'delete' ? (instance.before ?? instance.after) : instance.after;
}

/** An attribute the instance shows (valuesOf). */
function known(instance: TfInstance, attribute: string): unknown {
  const read = valuesOf(instance).read(attribute);
  return read.state === 'known' ? read.value : undefined;
}

/** A planned resource's tags, and those known only after apply. */
type PlannedTags = Pick<Resource, 'tags' | 'unknownTags'>;

/** The providers' merged tags: the attribute, the resource's own, and the provider block's argument. */
const MERGED_TAGS = [
  ['tags_all', 'tags', 'default_tags'],
  ['effective_labels', 'labels', 'default_labels'],
] as const;

/** A map's values as text, null ones left out (a tag of a null value is not sent). */
function textValues(map: JsonObject): Record<string, string> {
  return Object.fromEntries(
    Object.entries(map)
      .filter(([, value]) => value != null)
      .map(([key, value]) => [key, String(value)]),
  );
}

/** The resource's own tags at `attribute`, some or all of them known only after apply. */
function ownTags(values: TfValues, attribute: string): PlannedTags {
  const read = values.read(attribute);
  if (read.state === 'absent') return { tags: {} };
  const entries = values.entries(attribute);
  if (!entries) return { tags: {}, unknownTags: TAG_AFTER_APPLY };
  return {
    tags: textValues(entries.known),
    ...(entries.unread.length > 0 && { unknownTags: entries.unread }),
  };
}

/** The AWS provider's resource identity (Terraform 1.12 on): the account and Region of what it manages. */
function identified(instance: TfInstance, key: 'account_id' | 'region'): string | undefined {
  const value = instance.identity?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function ownAccount(instance: TfInstance, provider: Provider): string | undefined {
  switch (provider) {
    case 'aws': {
      const arn = known(instance, 'arn');
      const owner = known(instance, 'owner_id');
      return (
        (typeof arn === 'string' ? arnPart(arn, 4) : undefined) ??
        (typeof owner === 'string' ? owner : undefined) ??
        identified(instance, 'account_id')
      );
    }
    case 'azure':
      for (const attribute of [
        'id',
        'target_resource_id',
        'storage_account_id',
        'key_vault_id',
        'scope',
        'parent_id',
        // What a subscription-wide setting applies to (a budget's): a resource id, in azurerm 2.x
        // the bare GUID.
        'subscription_id',
      ]) {
        const value = known(instance, attribute);
        if (attribute === 'subscription_id' && typeof value === 'string' && GUID.test(value))
          return value.toLowerCase();
        // azurerm's composite ids name the scope first (a diagnostic setting's `<target>|<name>`).
        const id = attribute === 'id' && typeof value === 'string' ? value.split('|')[0] : value;
        // What is assigned at a management group or the root is above every subscription: its
        // account is the group, as a tenant-wide export files it (scan/management-groups.ts).
        if ((attribute === 'scope' || attribute === 'parent_id') && typeof id === 'string' && ABOVE.test(id))
          return id === '/' ? id : id.toLowerCase().replace(/\/+$/, '');
        const subscription = typeof id === 'string' ? subscriptionOf(id) : undefined;
        if (subscription) return subscription;
      }
      return undefined;
    case 'gcp': {
      const project = known(instance, 'project') ?? known(instance, 'project_id');
      return typeof project === 'string' && project !== '' ? project : undefined;
    }
  }
}

function ownRegion(instance: TfInstance, provider: Provider): string | undefined {
  // An AWS zone names its region (`ap-northeast-1a`): an EBS volume, a DB instance.
  const attributes =
    provider === 'azure'
      ? ['location']
      : provider === 'aws'
        ? ['region', 'availability_zone']
        : ['location', 'region', 'zone'];
  for (const attribute of attributes) {
    const value = known(instance, attribute);
    if (typeof value === 'string' && value !== '')
      return regionOfZone(value.replace(/\s+/g, '').toLowerCase());
  }
  if (provider === 'aws') {
    const arn = known(instance, 'arn');
    const region = typeof arn === 'string' ? arnPart(arn, 3) : undefined;
    if (region) return region;
    return identified(instance, 'region');
  }
  return undefined;
}

/** Zonal resources are placed by their region (`asia-northeast1-b` → `asia-northeast1`, `ap-northeast-1a` → `ap-northeast-1`). */
function regionOfZone(location: string): string {
  return (
    /^([a-z]+-[a-z]+\d+)-[a-z]$/.exec(location)?.[1] ??
    /^([a-z]{2}-[a-z]+-\d)[a-z]$/.exec(location)?.[1] ??
    location
  );
}
