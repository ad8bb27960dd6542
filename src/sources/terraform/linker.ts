import type { BuildContext, PartLink, TerraformAdapter, Unit } from './adapters/adapter.ts';
import { READ_THROUGH_REFERENCES } from './adapters/aws.ts';
import { AZURE_NETWORK_READ_THROUGH } from './adapters/azure-network.ts';
import { NODE_PART_TYPES, nodeNumber } from './adapters/gcp-hierarchy.ts';
import { splitAddress } from './address.ts';
import type { TerraformConfiguration } from './configuration.ts';
import type { TfInstance } from './document.ts';

/** Attributes a resource is named by when a reference has to be matched by value. */
const IDENTITY_KEYS = ['id', 'arn', 'name', 'bucket', 'project_id'];

/**
 * Groups split resources with the resource they configure (an S3 bucket and its public access
 * block, an NSG and its rules) and answers what an attribute refers to. A link is found from
 * the `configuration` references first (a new bucket's id is unknown in the plan), then by
 * value (a child naming an existing bucket by its name).
 */
export class Linker implements BuildContext {
  readonly #byBase = new Map<string, TfInstance[]>();
  readonly #byType = new Map<string, TfInstance[]>();
  /** By split resource type: how it names each type of resource it configures. */
  readonly #childLinks = new Map<string, { parentTypes: string[]; link: PartLink }[]>();
  readonly #valueIndex = new Map<string, Map<string, TfInstance[]>>();

  readonly config: TerraformConfiguration;
  readonly #instances: readonly TfInstance[];
  readonly #adapters: Readonly<Record<string, TerraformAdapter>>;

  readonly #dataByBase = new Map<string, TfInstance[]>();
  /** Before each address in an id: the workspace of a state kept in `terraform.tfstate.d/<workspace>/`. */
  readonly #idPrefix: string;

  constructor(
    instances: readonly TfInstance[],
    config: TerraformConfiguration,
    adapters: Readonly<Record<string, TerraformAdapter>>,
    dataSources: readonly TfInstance[] = [],
    idPrefix = '',
  ) {
    this.config = config;
    this.#idPrefix = idPrefix;
    this.#instances = instances;
    this.#adapters = adapters;
    for (const source of dataSources) {
      const base = baseAddress(source);
      this.#dataByBase.set(base, [...(this.#dataByBase.get(base) ?? []), source]);
    }
    for (const instance of instances) {
      const base = baseAddress(instance);
      this.#byBase.set(base, [...(this.#byBase.get(base) ?? []), instance]);
      if (instance.action !== 'delete') {
        const ofType = this.#byType.get(instance.type);
        if (ofType) ofType.push(instance);
        else this.#byType.set(instance.type, [instance]);
      }
    }
    for (const [parentType, adapter] of Object.entries(adapters)) {
      for (const [childType, link] of Object.entries(adapter.parts ?? {})) {
        const links = this.#childLinks.get(childType) ?? [];
        const same = links.find(
          (entry) => entry.link.attribute === link.attribute && entry.link.many === link.many,
        );
        if (same) same.parentTypes.push(parentType);
        else links.push({ parentTypes: [parentType], link });
        this.#childLinks.set(childType, links);
      }
    }
  }

  idOf(instance: TfInstance): string {
    return `${this.#idPrefix}${instance.address}`;
  }

  dataSourceOf(instance: TfInstance, attribute: string, type: string): TfInstance | undefined {
    for (const target of this.config.referencesOf(instance, attribute, 'data')) {
      const candidates = (this.#dataByBase.get(target.base) ?? []).filter((source) => source.type === type);
      const { key } = target;
      const chosen =
        key !== undefined
          ? candidates.find((source) => sameKey(source.index, key))
          : pickInstances(candidates, target.instanceKey, instance)[0];
      if (chosen) return chosen;
    }
    return undefined;
  }

  instancesOf(type: string): readonly TfInstance[] {
    return this.#byType.get(type) ?? [];
  }

  /** Every unit to evaluate, or why an instance is not evaluated. */
  *units(): Generator<{ unit?: Unit; reason: string }> {
    const parts = new Map<string, Map<string, TfInstance[]>>();
    const nodes = new Map<string, TfInstance[]>();
    /** By parent type: the split resources that name theirs only after apply, untraced. */
    const unnamed = new Map<string, Map<string, { link: PartLink; parts: TfInstance[] }>>();
    const deleted = (instance: TfInstance) => `${instance.address}: deleted by the plan: not evaluated`;
    for (const instance of this.#instances) {
      const adapter = this.#adapters[instance.type];
      if (adapter) {
        if (instance.action === 'delete')
          yield adapter.whenDeleted
            ? { unit: { primary: instance, parts: new Map() }, reason: '' }
            : { reason: deleted(instance) };
        continue;
      }
      const links = this.#childLinks.get(instance.type);
      const child = links?.[0];
      const node = NODE_PART_TYPES[instance.type];
      if (!child || (instance.action === 'delete' && node)) {
        if (instance.action === 'delete') {
          yield { reason: deleted(instance) };
          continue;
        }
        const through = READ_THROUGH_REFERENCES[instance.type] ?? AZURE_NETWORK_READ_THROUGH[instance.type];
        yield {
          reason: `${instance.address}: ${through ? `${instance.type} is ${through}` : `${instance.type} is not a resource type kansa reads`}`,
        };
        continue;
      }
      const parents = (links ?? []).flatMap(({ parentTypes, link }) => {
        let found = this.referenced(instance, link.attribute, parentTypes, link.parentKeys);
        if (found.length === 0 && link.older)
          found = this.referenced(instance, link.older.attribute, parentTypes, link.older.parentKeys);
        return link.many ? found : found.slice(0, 1);
      });
      if (parents.length > 0) {
        for (const parent of new Set(parents)) {
          const byType = parts.get(parent.address) ?? new Map<string, TfInstance[]>();
          const ofType = byType.get(instance.type);
          if (ofType) ofType.push(instance);
          else byType.set(instance.type, [instance]);
          parts.set(parent.address, byType);
        }
        continue;
      }
      if (node) {
        // Project, folder and organization IAM usually names a node the configuration does not
        // create: those naming one node are one resource (`folders/123` and `123` are one folder).
        const named = instance.after.read(node.attribute);
        const value = named.state === 'known' ? String(named.value) : '';
        const number = node.collection ? nodeNumber(value, node.collection) : undefined;
        const key = `${node.nodeType} ${number ?? value}`;
        const ofNode = nodes.get(key);
        if (ofNode) ofNode.push(instance);
        else nodes.set(key, [instance]);
        continue;
      }
      if (instance.action === 'delete') {
        yield { reason: deleted(instance) };
        continue;
      }
      if (child.link.unassigned && !namesAny(instance, child.link)) {
        yield { reason: `${instance.address}: ${child.link.unassigned}` };
        continue;
      }
      const untraced = (links ?? []).filter(({ link, parentTypes }) =>
        this.#namedOnlyAfterApply(instance, link, parentTypes),
      );
      for (const { parentTypes, link } of untraced) {
        for (const parentType of parentTypes) {
          const byType =
            unnamed.get(parentType) ?? new Map<string, { link: PartLink; parts: TfInstance[] }>();
          const entry = byType.get(instance.type) ?? { link, parts: [] };
          entry.parts.push(instance);
          byType.set(instance.type, entry);
          unnamed.set(parentType, byType);
        }
      }
      if (child.link.standalone) {
        yield { unit: { primary: instance, parts: new Map() }, reason: '' };
      } else {
        const types = (links ?? []).flatMap(({ parentTypes }) => parentTypes).join(' / ');
        const attributes = [...new Set((links ?? []).map(({ link }) => link.attribute))].join(', ');
        yield {
          reason:
            untraced.length > 0
              ? `${instance.address}: names the ${types} it configures (${attributes}) only after apply, through what the configuration does not trace: each of the plan’s may be it`
              : `${instance.address}: the ${types} it configures (${attributes}) is not in this plan`,
        };
      }
    }
    for (const instance of this.#instances) {
      if (this.#adapters[instance.type] && instance.action !== 'delete') {
        const maybe = unnamed.get(instance.type);
        yield {
          unit: {
            primary: instance,
            parts: parts.get(instance.address) ?? new Map(),
            ...(maybe && { unnamed: maybe }),
          },
          reason: '',
        };
      }
    }
    for (const members of nodes.values()) {
      const [primary, ...rest] = members;
      const byType = new Map<string, TfInstance[]>();
      for (const member of rest) byType.set(member.type, [...(byType.get(member.type) ?? []), member]);
      yield { unit: { primary: primary!, parts: byType }, reason: '' };
    }
  }

  /**
   * Whether a split resource that names no resource of the plan names its resource only after
   * apply: then what it names cannot be told (a `local`, a data source, a resource of another
   * type), and it may be any of the plan's. One that names its resource by a known value
   * configures one the plan does not hold.
   */
  #namedOnlyAfterApply(instance: TfInstance, link: PartLink, parentTypes: readonly string[]): boolean {
    const attributes = [link.attribute, ...(link.older ? [link.older.attribute] : [])];
    const reads = attributes.map((attribute) => instance.after.read(attribute));
    if (!reads.some((read) => read.state === 'unknown') || reads.some((read) => read.state === 'known'))
      return false;
    // `aws_s3_bucket.b[1].id` where the plan holds no `b[1]`: named, though not one of the plan's.
    const named = attributes.flatMap((attribute) => this.config.referencesOf(instance, attribute));
    return !named.some((target) => parentTypes.includes(splitAddress(target.base).at(-2) ?? ''));
  }

  referenced(
    instance: TfInstance,
    attribute: string,
    types: readonly string[],
    keys: readonly string[] = IDENTITY_KEYS,
    hops = 0,
  ): TfInstance[] {
    const accept = (candidate: TfInstance) =>
      candidate.action !== 'delete' && (types.length === 0 || types.includes(candidate.type));
    const found: TfInstance[] = [];
    for (const target of this.config.referencesOf(instance, attribute)) {
      const { key } = target;
      const candidates = this.#byBase.get(target.base) ?? [];
      const named =
        key !== undefined
          ? candidates.filter((c) => sameKey(c.index, key)).slice(0, 1)
          : pickInstances(candidates, target.instanceKey, instance);
      for (const candidate of named) {
        if (accept(candidate)) found.push(candidate);
        // `bucket = aws_s3_bucket_public_access_block.b.bucket` (a policy put after the block):
        // another split resource of the same resource names it in turn.
        else if (candidate.action !== 'delete' && hops < MAX_SPLIT_HOPS)
          found.push(...this.#throughSplitResource(candidate, types, hops + 1));
      }
    }
    if (found.length > 0) return found;
    // A deleted resource is gone from the configuration: its own values say what it configured.
    const value = (instance.action === 'delete' ? (instance.before ?? instance.after) : instance.after).read(
      attribute,
    );
    if (value.state !== 'known') return [];
    // A list names several (`aws_iam_policy_attachment`'s `roles`).
    const named = (Array.isArray(value.value) ? value.value : [value.value]).filter(
      (item): item is string => typeof item === 'string' && item !== '',
    );
    const byValue = new Set<TfInstance>();
    for (const name of named) {
      const wanted = name.toLowerCase();
      // The google provider stores a bucket IAM member's bucket as `b/<name>`: its last segment too.
      const lastSegment = wanted.slice(wanted.lastIndexOf('/') + 1);
      for (const key of keys) {
        for (const candidate of [...this.#byValue(key, wanted), ...this.#byValue(key, lastSegment)]) {
          if (candidate !== instance && accept(candidate)) byValue.add(candidate);
        }
      }
    }
    return [...byValue];
  }

  /** The resources of `types` that a split resource configures, by its own link. */
  #throughSplitResource(split: TfInstance, types: readonly string[], hops: number): TfInstance[] {
    if (types.length === 0) return [];
    return (this.#childLinks.get(split.type) ?? [])
      .filter(({ parentTypes }) => parentTypes.some((type) => types.includes(type)))
      .flatMap(({ link }) => this.referenced(split, link.attribute, types, link.parentKeys, hops));
  }

  /**
   * Instances by the lower-cased value of one identity attribute, indexed on first use: a state
   * has no configuration, so every split resource is linked by value, and a scan per child
   * would be quadratic in the size of the state.
   */
  #byValue(key: string, value: string): readonly TfInstance[] {
    let index = this.#valueIndex.get(key);
    if (!index) {
      index = new Map();
      for (const candidate of this.#instances) {
        const own = candidate.after.read(key);
        if (own.state !== 'known' || typeof own.value !== 'string' || own.value === '') continue;
        const ownValue = own.value.toLowerCase();
        index.set(ownValue, [...(index.get(ownValue) ?? []), candidate]);
      }
      this.#valueIndex.set(key, index);
    }
    return index.get(value) ?? [];
  }
}

/** How many split resources a reference is followed through (a bound against cycles). */
const MAX_SPLIT_HOPS = 4;

/** Whether a split resource's link attribute names a resource: known, and not empty. */
function namesAny(instance: TfInstance, link: PartLink): boolean {
  return instance.after.knownText(link.attribute) !== undefined;
}

/**
 * The instances of a resource a reference without a key names: the one there is; else the one
 * of the key the expression picks by (`each.key`, `count.index`, an output's element), or, the
 * expression saying none, of the referring instance's own key (`aws_s3_bucket.b[local.i]`).
 */
function pickInstances(
  candidates: readonly TfInstance[],
  instanceKey: number | string | undefined,
  referrer: TfInstance,
): TfInstance[] {
  if (candidates.length === 1) return [...candidates];
  const key = instanceKey ?? referrer.index;
  return key === undefined ? [] : candidates.filter((candidate) => sameKey(candidate.index, key));
}

/**
 * Whether two instance keys name one instance: HCL converts an index to the collection's key
 * type, so `count.index` 0 picks the `for_each` instance `"0"`, and `each.key` `"0"` the
 * `count` instance 0.
 */
function sameKey(index: number | string | undefined, key: number | string): boolean {
  return index !== undefined && String(index) === String(key);
}

/** The address without its instance key: `aws_s3_bucket.b[0]` → `aws_s3_bucket.b`. */
function baseAddress(instance: TfInstance): string {
  return instance.index === undefined ? instance.address : instance.address.replace(/\[[^\]]*\]$/, '');
}
