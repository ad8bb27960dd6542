import { splitAddress } from './address.ts';
import type { TfInstance } from './document.ts';
import { isObject, type JsonObject } from './kind.ts';

/**
 * The plan's `configuration`: what the `.tf` files say, before values are known. A new child
 * resource's `bucket = aws_s3_bucket.x.id` is unknown in `after`; its expression's `references`
 * say which resource it names. References are resolved through module variables and outputs,
 * in the module instance the resource is in.
 */

interface ConfigModule {
  readonly resources: ReadonlyMap<string, JsonObject>;
  readonly calls: ReadonlyMap<string, JsonObject>;
  readonly outputs: JsonObject;
  /** The module's `variable` blocks (their `default`). */
  readonly variables: JsonObject;
}

/**
 * A resource a reference names: its address without an instance key, and the key when the
 * reference gives one. `instanceKey`: the key the expression picks the instance by when it
 * names none itself (`aws_s3_bucket.b[each.key]`, `each.value.id` of a `for_each =
 * aws_s3_bucket.b`, `module.s3.ids["logs"]` of an output keyed like its resource): the instance
 * of that key, when the resource has several.
 */
export interface ReferenceTarget {
  readonly base: string;
  readonly key?: number | string;
  readonly instanceKey?: number | string;
}

/** What finds an instance's block: its module, type and name, and whether it is a data source's (read). */
type ConfiguredInstance = Pick<TfInstance, 'moduleAddress' | 'type' | 'name'> & {
  readonly action?: TfInstance['action'];
};

/**
 * What `each` and `count` stand for where an expression is written: in a resource block, the
 * resource's `for_each` and its instance's key; in a module block, the call's `for_each` and
 * the key of the module instance.
 */
interface Repetition {
  readonly forEach?: unknown;
  readonly key?: number | string;
}

/** Roots of references that name no managed resource (`ephemeral.x.y`: opened for the run, never kept). */
const NON_RESOURCE_ROOTS = new Set([
  'local',
  'each',
  'count',
  'path',
  'terraform',
  'self',
  'data',
  'ephemeral',
]);
/** How deep variables and outputs are followed across modules (a bound against cycles). */
const MAX_HOPS = 16;

export class TerraformConfiguration {
  readonly #modules = new Map<string, ConfigModule>();
  readonly #providers: JsonObject;
  /** The local names of providers the root configures aliases of (`aws` of `aws.tokyo`). */
  readonly #aliased: ReadonlySet<string>;
  /** The plan's `variables`: the root module's variables with the values the plan was made with. */
  readonly #rootValues: JsonObject;

  constructor(configuration: unknown, variables?: unknown) {
    const config = isObject(configuration) ? configuration : {};
    this.#providers = isObject(config.provider_config) ? config.provider_config : {};
    this.#aliased = new Set(
      Object.keys(this.#providers)
        .filter((key) => key.includes('.'))
        .map((key) => key.split('.')[0]!),
    );
    this.#rootValues = isObject(variables) ? variables : {};
    this.#index('', config.root_module);
  }

  #index(path: string, raw: unknown): void {
    const module = isObject(raw) ? raw : {};
    const resources = new Map<string, JsonObject>();
    for (const resource of Array.isArray(module.resources) ? module.resources : []) {
      if (isObject(resource) && typeof resource.address === 'string') {
        resources.set(resource.address, resource);
      }
    }
    const calls = new Map<string, JsonObject>();
    for (const [name, call] of Object.entries(isObject(module.module_calls) ? module.module_calls : {})) {
      if (!isObject(call)) continue;
      calls.set(name, call);
      this.#index(path ? `${path}.module.${name}` : `module.${name}`, call.module);
    }
    this.#modules.set(path, {
      resources,
      calls,
      outputs: isObject(module.outputs) ? module.outputs : {},
      variables: isObject(module.variables) ? module.variables : {},
    });
  }

  /** The `resource` or `data` block of an instance (module path without instance keys). */
  resourceOf(instance: ConfiguredInstance): JsonObject | undefined {
    // A data source's block is listed as `data.<type>.<name>`; every data source is read
    // (action `read`) and no managed resource is.
    const mode = instance.action === 'read' ? 'data.' : '';
    return this.#modules
      .get(configPath(instance.moduleAddress))
      ?.resources.get(`${mode}${instance.type}.${instance.name}`);
  }

  /** The value the plan was made with of a root module variable (the plan's `variables`); undefined when it records none. */
  rootValue(name: string): unknown {
    const given = this.#rootValues[name];
    return isObject(given) ? given.value : undefined;
  }

  /**
   * Whether the `resource` block sets the attribute (a computed attribute it leaves out is the
   * provider's to fill). Callers ask about an attribute the plan shows as known only after
   * apply. An expression that is null when Terraform plans leaves the attribute to the provider
   * as if it were not written: a constant null, or variables that come down to one (the
   * registry modules' `backup_retention_period = var.backup_retention_period`, default null).
   * Variables are known when Terraform plans, so a root module variable behind an attribute
   * the plan cannot show was null too, unless the plan's `variables` record a value for it: an
   * attribute the plan shows but does not let be read (a sensitive `raw_key = var.disk_key`).
   */
  sets(instance: Pick<TfInstance, 'moduleAddress' | 'type' | 'name'>, attribute: string): boolean {
    // A path into nested blocks (`settings.0.ip_configuration`): their expressions are lists.
    let expression: unknown = this.resourceOf(instance)?.expressions;
    for (const key of attribute.split('.')) {
      if (Array.isArray(expression)) expression = /^\d+$/.test(key) ? expression[Number(key)] : undefined;
      else if (isObject(expression) && key in expression) expression = expression[key];
      else return false;
    }
    if (expression === undefined) return false;
    return !this.#nullWhenPlanned(instance.moduleAddress, expression, 0);
  }

  /**
   * The constant an attribute's expression is (`sse_algorithm = "aws:kms"`), through nested
   * blocks each written once (a block written several times, or a set, may be ordered
   * otherwise in the values); undefined for any other expression.
   */
  constantAt(
    instance: Pick<TfInstance, 'moduleAddress' | 'type' | 'name'>,
    attribute: string,
  ): { value: unknown } | undefined {
    let expression: unknown = this.resourceOf(instance)?.expressions;
    for (const key of attribute.split('.')) {
      if (Array.isArray(expression))
        expression = key === '0' && expression.length === 1 ? expression[0] : undefined;
      else expression = isObject(expression) ? expression[key] : undefined;
    }
    return isObject(expression) && 'constant_value' in expression && expression.constant_value !== null
      ? { value: expression.constant_value }
      : undefined;
  }

  #nullWhenPlanned(moduleInstance: string, expression: unknown, hops: number): boolean {
    if (!isObject(expression) || hops > MAX_HOPS) return false;
    if ('constant_value' in expression) return expression.constant_value === null;
    const references = Array.isArray(expression.references) ? expression.references : [];
    return (
      references.length > 0 &&
      references.every((reference) => {
        const [root, name] = typeof reference === 'string' ? splitAddress(reference) : [];
        if (root !== 'var' || !name) return false;
        const call = lastCall(moduleInstance);
        if (!call) {
          const given = this.rootValue(name);
          return given === null || given === undefined;
        }
        const parent = this.#modules.get(configPath(call.parent));
        const passed = parent?.calls.get(call.name)?.expressions;
        if (isObject(passed) && name in passed)
          return this.#nullWhenPlanned(call.parent, passed[name], hops + 1);
        // Left out by the caller: the variable's default.
        const declared = this.#modules.get(configPath(moduleInstance))?.variables[name];
        return !isObject(declared) || declared.default === undefined || declared.default === null;
      })
    );
  }

  /** The `source` of every module call from the root down to the module instance. */
  moduleSources(moduleAddress: string): string[] {
    const sources: string[] = [];
    let path = '';
    for (const name of callNames(moduleAddress)) {
      const source = this.#modules.get(path)?.calls.get(name)?.source;
      // A state carries no configuration: no sources at all rather than blanks.
      if (typeof source !== 'string') return [];
      sources.push(source);
      path = path ? `${path}.module.${name}` : `module.${name}`;
    }
    return sources;
  }

  /**
   * The provider block an instance uses. Terraform writes the key of the block the resource
   * really uses (a parent's block passed with `providers = {}` included), but a key can name a
   * module-local entry: then the root block of the same local name is the one. Terraform 0.13
   * to 1.0 keyed a module's resources to the module's own entry even when the module has no
   * provider block and inherits its parent's: such an entry, made of the module's
   * `required_providers` (a version constraint, no `expressions`), configures nothing, and the
   * root block of the same local name is the one too, unless the root has aliased blocks of
   * that provider: a module call's `providers = { aws = aws.osaka }` is in no JSON of those
   * versions, so which block the module got cannot be told (undefined: not placed by a guess).
   */
  providerOf(instance: ConfiguredInstance): JsonObject | undefined {
    const key = this.resourceOf(instance)?.provider_config_key;
    if (typeof key === 'string') {
      const block = this.#providers[key];
      const requirementOnly = key.includes(':') && isObject(block) && !isObject(block.expressions);
      if (isObject(block) && !requirementOnly) return block;
      const local = key.includes(':') ? key.slice(key.lastIndexOf(':') + 1) : key;
      const name = local.split('.')[0]!;
      if (key.includes(':') && this.#aliased.has(name)) return undefined;
      const root = this.#providers[local];
      if (isObject(root)) return root;
    }
    const local = instance.type.split('_')[0] ?? '';
    const fallback = this.#providers[local];
    return isObject(fallback) ? fallback : undefined;
  }

  /**
   * The resources the expression of an attribute refers to, in the module instance of
   * `instance`. The attribute may be inside nested blocks (`rule.0.apply_server_side_encryption_by_default.0.kms_master_key_id`),
   * whose expressions are lists of blocks. Empty when the expression is a constant, a local,
   * a data source, or absent.
   */
  referencesOf(
    instance: TfInstance,
    attribute: string,
    roots: 'resources' | 'data' = 'resources',
  ): ReferenceTarget[] {
    const resource = this.resourceOf(instance);
    let expression: unknown = resource?.expressions;
    for (const key of attribute.split('.')) {
      expression = Array.isArray(expression)
        ? expression[/^\d+$/.test(key) ? Number(key) : Number.NaN]
        : isObject(expression)
          ? expression[key]
          : undefined;
    }
    const repetition = { forEach: resource?.for_each_expression, key: instance.index };
    return this.#resolve(instance.moduleAddress, expression, 0, roots, repetition);
  }

  #resolve(
    moduleInstance: string,
    expression: unknown,
    hops: number,
    roots: 'resources' | 'data',
    repetition: Repetition = {},
  ): ReferenceTarget[] {
    if (!isObject(expression) || !Array.isArray(expression.references) || hops > MAX_HOPS) return [];
    const references = expression.references.filter((r): r is string => typeof r === 'string');
    // `aws_s3_bucket.b[each.key].id` is listed as `aws_s3_bucket.b` and `each.key`: the
    // instance of the key where the expression is written.
    const byKey = references.some((r) => /^(each\.key|each\.value|count\.index)(\.|\[|$)/.test(r));
    const targets: ReferenceTarget[] = [];
    const seen = new Set<string>();
    for (const reference of references) {
      for (const resolved of this.#resolveOne(moduleInstance, reference, hops, roots, repetition)) {
        const target =
          byKey &&
          resolved.key === undefined &&
          resolved.instanceKey === undefined &&
          repetition.key !== undefined
            ? { ...resolved, instanceKey: repetition.key }
            : resolved;
        const id = `${target.base}\0${String(target.key)}\0${String(target.instanceKey)}`;
        if (!seen.has(id)) {
          seen.add(id);
          targets.push(target);
        }
      }
    }
    // `aws_s3_bucket.b[0].id` is listed with `aws_s3_bucket.b`: the keyed one says more.
    const keyed = (t: ReferenceTarget) => t.key !== undefined || t.instanceKey !== undefined;
    return targets.filter((t) => keyed(t) || !targets.some((o) => o.base === t.base && keyed(o)));
  }

  /** `roots`: what the reference may name, the resources (managed) or the data sources. */
  #resolveOne(
    moduleInstance: string,
    reference: string,
    hops: number,
    roots: 'resources' | 'data',
    repetition: Repetition,
  ): ReferenceTarget[] {
    const parts = splitAddress(reference);
    const root = parts[0] ?? '';
    const module = this.#modules.get(configPath(moduleInstance));
    if (root === 'each' && parts[1] === 'value') {
      const forEach = repetition.forEach;
      // `for_each = module.vpc` and `vpc_id = each.value.vpc_id`: each value is the module
      // instance of the same key, and what follows `each.value` its output.
      const calls = isObject(forEach) && Array.isArray(forEach.references) ? forEach.references : [];
      const [moduleRoot, callName, ...rest] = calls.length === 1 ? splitAddress(String(calls[0])) : [];
      if (
        moduleRoot === 'module' &&
        callName &&
        !callName.includes('[') &&
        rest.length === 0 &&
        parts[2] &&
        repetition.key !== undefined
      ) {
        const output = [`module.${callName}${keyText(repetition.key)}`, ...parts.slice(2)].join('.');
        return this.#resolveOne(moduleInstance, output, hops + 1, roots, {});
      }
      // `for_each = aws_s3_bucket.b` and `bucket = each.value.id`: the instance of the same key.
      // A map built of a local or of several resources is keyed as its expression says, which
      // the configuration does not hold: its values name no instance.
      const built =
        !isObject(forEach) ||
        !Array.isArray(forEach.references) ||
        forEach.references.some((r) => typeof r === 'string' && /^(local|data)\./.test(r));
      const targets = built ? [] : this.#resolve(moduleInstance, forEach, hops + 1, roots);
      if (new Set(targets.map((target) => target.base)).size !== 1) return [];
      return targets.map((target) =>
        target.key === undefined && repetition.key !== undefined
          ? { ...target, instanceKey: repetition.key }
          : target,
      );
    }
    if (root === 'data') {
      const [name, key] = nameAndKey(parts[2] ?? '');
      if (roots !== 'data' || !parts[1] || !name) return [];
      const base = joinModule(moduleInstance, `data.${parts[1]}.${name}`);
      return [key === undefined ? { base } : { base, key }];
    }
    if (root === 'var') {
      // A module variable: what the calling module passes in its module block.
      const name = parts[1];
      const call = lastCall(moduleInstance);
      if (!name || !call) return [];
      const parentCall = this.#modules.get(configPath(call.parent))?.calls.get(call.name);
      const passed = isObject(parentCall?.expressions) ? parentCall.expressions[name] : undefined;
      return this.#resolve(call.parent, passed, hops + 1, roots, {
        forEach: parentCall?.for_each_expression,
        key: call.key,
      });
    }
    if (root === 'module') {
      // A child module's output: what the output expression refers to inside that child.
      const [callName, key] = nameAndKey(parts[1] ?? '');
      // `module.s3.ids["logs"]`: an element of an output keyed as its resource is.
      const [output, element] = nameAndKey(parts[2] ?? '');
      const call = module?.calls.get(callName);
      if (!call || !output) return [];
      const child = this.#modules.get(configPath(joinModule(moduleInstance, `module.${callName}`)));
      const declared = child?.outputs[output];
      const childInstance = joinModule(
        moduleInstance,
        `module.${callName}${key === undefined ? '' : keyText(key)}`,
      );
      const targets = this.#resolve(
        childInstance,
        isObject(declared) ? declared.expression : undefined,
        hops + 1,
        roots,
      );
      return element === undefined
        ? targets
        : targets.map((target) => (target.key === undefined ? { ...target, instanceKey: element } : target));
    }
    if (roots === 'data' || NON_RESOURCE_ROOTS.has(root) || parts.length < 2) return [];
    const [name, key] = nameAndKey(parts[1] ?? '');
    const base = joinModule(moduleInstance, `${root}.${name}`);
    return [key === undefined ? { base } : { base, key }];
  }
}

/** `module.a["x"].module.b[0]` → `module.a.module.b`. */
export function configPath(moduleAddress: string): string {
  return splitAddress(moduleAddress)
    .map((part) => part.replace(/\[.*\]$/, ''))
    .join('.');
}

function callNames(moduleAddress: string): string[] {
  if (!moduleAddress) return [];
  const parts = splitAddress(moduleAddress);
  const names: string[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) names.push(nameAndKey(parts[i + 1] ?? '')[0]);
  return names;
}

function lastCall(
  moduleInstance: string,
): { parent: string; name: string; key: number | string | undefined } | undefined {
  if (!moduleInstance) return undefined;
  const parts = splitAddress(moduleInstance);
  const last = parts[parts.length - 1];
  if (!last) return undefined;
  const [name, key] = nameAndKey(last);
  return { parent: parts.slice(0, -2).join('.'), name, key };
}

/** `web["a"]` → ['web', 'a']; `web[0]` → ['web', 0]; `web` → ['web', undefined]. */
export function nameAndKey(part: string): [string, number | string | undefined] {
  const match = /^([^[]+)\[(.+)\]$/.exec(part);
  if (!match) return [part, undefined];
  const raw = match[2] ?? '';
  if (/^\d+$/.test(raw)) return [match[1] ?? part, Number(raw)];
  if (/^".*"$/.test(raw)) return [match[1] ?? part, JSON.parse(raw) as string];
  // `count.index`, `each.key`: not a constant key.
  return [match[1] ?? part, undefined];
}

function keyText(key: number | string): string {
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

function joinModule(moduleInstance: string, rest: string): string {
  return moduleInstance ? `${moduleInstance}.${rest}` : rest;
}
