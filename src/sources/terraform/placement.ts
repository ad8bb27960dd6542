import {
  type Provider,
  type Resource,
  tagsHeldElsewhere,
  UNKNOWN_ACCOUNT,
  UNKNOWN_REGION,
} from '../../model/resource.ts';
import { arnPart } from '../aws/config-item.ts';
import { GUID, subscriptionOf } from '../azure/arm-record.ts';
import type { BuildContext } from './adapters/adapter.ts';
import { providerType } from './address.ts';
import type { TerraformConfiguration } from './configuration.ts';
import { moduleResources, type TfInstance } from './document.ts';
import { isObject, type JsonObject } from './kind.ts';

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

  tags(instance: TfInstance): Record<string, string> {
    for (const attribute of TAG_ATTRIBUTES) {
      const value = known(instance, attribute);
      if (isObject(value)) {
        return Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => v != null)
            .map(([k, v]) => [k, String(v)]),
        );
      }
    }
    return {};
  }

  /**
   * The note of a resource whose tags the plan leaves to apply (its tags or labels known only
   * after apply, or sensitive: a tag set from another resource's output, and no merged
   * `tags_all` known): its tags, and so its class, are not in the plan (Resource.tagsUnrecorded).
   */
  tagsUnrecorded(instance: TfInstance): Pick<Resource, 'tagsUnrecorded'> {
    const values = instance.action === 'delete' ? (instance.before ?? instance.after) : instance.after;
    let hidden = false;
    for (const attribute of TAG_ATTRIBUTES) {
      const { state } = values.read(attribute);
      if (state === 'known') return {};
      // `tags_all` is `tags` with the provider's default_tags merged in, unknown in many a plan
      // whose own `tags` are known (or null: none): the resource's own argument decides.
      if (attribute !== 'tags_all' && (state === 'unknown' || state === 'sensitive')) hidden = true;
    }
    return hidden ? TAGS_AFTER_APPLY : {};
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
    // A data source's block is keyed `data.<type>.<name>` in its module's configuration.
    const block = config.providerOf({
      moduleAddress,
      type: `data.${type}`,
      name: typeof resource.name === 'string' ? resource.name : '',
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

/** An attribute the instance shows: a deleted one's before the plan, when it was where it was. */
/** The attributes that hold a resource's tags or labels, the provider's merged `tags_all` first. */
const TAG_ATTRIBUTES = ['tags_all', 'tags', 'labels', 'resource_labels', 'settings.0.user_labels'];

const TAGS_AFTER_APPLY: Pick<Resource, 'tagsUnrecorded'> = Object.freeze({
  tagsUnrecorded: tagsHeldElsewhere(
    'the plan, which knows its tags only after apply',
    'the state after apply',
  ),
});

function known(instance: TfInstance, attribute: string): unknown {
  const values = instance.action === 'delete' ? (instance.before ?? instance.after) : instance.after;
  const read = values.read(attribute);
  return read.state === 'known' ? read.value : undefined;
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
