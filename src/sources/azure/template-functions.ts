import { isObject, type JsonObject, PLACEHOLDER_SUBSCRIPTION } from './arm-record.ts';

/**
 * The functions of ARM template expressions that compute a value from their arguments, once
 * evaluated (template-expression.ts evaluates the arguments and calls them). An argument the
 * template leaves to the deployment (`Unknown`) makes the result unknown unless the function
 * does not need it.
 */

/** A value the template leaves to the deployment. */
export class Unknown {
  /** How a name holding it is shown: `{storageName}`, `{uniqueString()}`, `store{uniqueString()}`. */
  readonly shown: string;

  constructor(shown: string) {
    this.shown = shown;
  }
}

/**
 * The longest text and list an expression makes: far beyond any name, id or property of a real
 * template (ARM caps a template at 4 MB), and short of what would exhaust memory when a crafted
 * one doubles a value at each step.
 */
const MAX_TEXT = 1 << 20;
export const MAX_ITEMS = 100_000;

export function concat(values: readonly unknown[]): unknown {
  if (values.length > 0 && values.every(Array.isArray)) {
    const items = values.reduce((sum: number, list) => sum + (list as unknown[]).length, 0);
    return items > MAX_ITEMS ? new Unknown('{concat()}') : values.flat();
  }
  const parts = values.map(textOf);
  if (parts.some((part) => part === undefined)) return new Unknown('{concat()}');
  return joined(parts as (string | Unknown)[]);
}

/**
 * `format('{0}/{1}', a, b)`, `{{` and `}}` for braces. A format specifier (`{0:000}`) is .NET's
 * to apply: the result is unknown rather than a guess at it.
 */
export function format(values: readonly unknown[]): unknown {
  const [template, ...args] = values;
  if (typeof template !== 'string') return new Unknown('{format()}');
  const parts: (string | Unknown | undefined)[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{\{|\}\}|\{(\d+)(:[^}]*)?\}/g)) {
    if (match[2] !== undefined) return new Unknown('{format()}');
    const part = match[1] === undefined ? match[0][0] : textOf(args[Number(match[1])]);
    parts.push(template.slice(last, match.index), part);
    last = match.index + match[0].length;
  }
  parts.push(template.slice(last));
  if (parts.some((part) => part === undefined)) return new Unknown('{format()}');
  return joined(parts as (string | Unknown)[]);
}

function textOf(value: unknown): string | Unknown | undefined {
  if (value instanceof Unknown || typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : undefined;
}

/** Known parts and unknown ones: a string when all are known, else an Unknown showing them all. */
function joined(parts: readonly (string | Unknown)[]): string | Unknown {
  const length = parts.reduce((sum, part) => sum + (typeof part === 'string' ? part : part.shown).length, 0);
  if (length > MAX_TEXT) return new Unknown('{…}');
  if (parts.every((part) => typeof part === 'string')) return parts.join('');
  return new Unknown(parts.map((part) => (part instanceof Unknown ? part.shown : part)).join(''));
}

/**
 * `resourceId([subscriptionId,] [resourceGroupName,] type, name1, name2, …)`: the id of a resource
 * where the deployment is (`deployedTo`) unless the arguments name another resource group;
 * `subscriptionResourceId([subscriptionId,] type, name1, …)` (at most one argument before the
 * type), of a resource of the subscription.
 */
export function resourceId(values: readonly unknown[], deployedTo: string, maxBefore = 2): unknown {
  const typeAt = values.findIndex((value) => typeof value === 'string' && value.includes('/'));
  if (typeAt === -1 || typeAt > maxBefore) return new Unknown('{resourceId()}');
  const [namespace, ...types] = (values[typeAt] as string).split('/');
  const names = values.slice(typeAt + 1).map(textOf);
  const before = values.slice(0, typeAt).map(textOf);
  if (names.length !== types.length || [...names, ...before].some((part) => part === undefined))
    return new Unknown('{resourceId()}');
  const scope =
    before.length === 0
      ? [deployedTo]
      : maxBefore === 1
        ? ['/subscriptions/', before[0]!]
        : before.length === 1
          ? [`${PLACEHOLDER_SUBSCRIPTION}/resourceGroups/`, before[0]!]
          : ['/subscriptions/', before[0]!, '/resourceGroups/', before[1]!];
  const path = types.flatMap((type, i) => ['/', type, '/', names[i]!]);
  return joined([...scope, '/providers/', namespace!, ...path]);
}

/**
 * `createObject('k1', v1, 'k2', v2, …)`: keys must be known; a value left to the deployment stays
 * in place, for the reader to mark that member alone.
 */
export function createObject(values: readonly unknown[]): unknown {
  if (values.length % 2 !== 0) return new Unknown('{createObject()}');
  const result: JsonObject = {};
  for (let at = 0; at < values.length; at += 2) {
    const key = values[at];
    if (typeof key !== 'string') return new Unknown('{createObject()}');
    result[key] = values[at + 1];
  }
  return result;
}

/** `coalesce(a, b, …)` (Bicep's `??`): the first value that is not null; unknown when an unknown one comes first. */
export function coalesce(values: readonly unknown[]): unknown {
  for (const value of values) {
    if (value instanceof Unknown) return value;
    if (value !== null && value !== undefined) return value;
  }
  return null;
}

/**
 * `contains(container, item)`: a substring (case-sensitive), an array item (strings compared
 * case-sensitively, as ARM does), an object's property (case-insensitive, as ARM names are).
 */
export function contains(values: readonly unknown[]): unknown {
  const [container, item] = values;
  const unknown = new Unknown('{contains()}');
  if (container instanceof Unknown || item instanceof Unknown) return unknown;
  if (typeof container === 'string') return typeof item === 'string' ? container.includes(item) : unknown;
  if (isObject(container))
    return typeof item === 'string'
      ? Object.keys(container).some((key) => key.toLowerCase() === item.toLowerCase())
      : unknown;
  if (!Array.isArray(container) || !['string', 'number', 'boolean'].includes(typeof item)) return unknown;
  if (container.includes(item)) return true;
  // An item the deployment decides may be the one looked for.
  return container.some((entry) => entry instanceof Unknown) ? unknown : false;
}

/**
 * `shallowMerge([obj1, obj2, …])`: the objects' top-level properties, the last one's winning
 * (AVM modules build a resource's properties so). An unknown object may set any of them.
 */
export function shallowMerge(values: readonly unknown[]): unknown {
  const [objects] = values;
  const known = (value: unknown) => isObject(value) && !(value instanceof Unknown);
  if (!Array.isArray(objects) || !objects.every(known)) return new Unknown('{shallowMerge()}');
  return Object.assign({}, ...objects);
}

/**
 * `tryGet(value, key1, key2, …)` (Bicep's `.?`): the property or item at the path, null where it
 * is missing; unknown once the path reaches a value the deployment decides.
 */
export function tryGet(values: readonly unknown[]): unknown {
  let [value] = values;
  for (const key of values.slice(1)) {
    if (value instanceof Unknown || key instanceof Unknown) return new Unknown('{tryGet()}');
    if (value === null || value === undefined) return null;
    if (isObject(value) && typeof key === 'string') {
      const name = Object.keys(value).find((k) => k.toLowerCase() === key.toLowerCase());
      value = name === undefined ? null : value[name];
    } else if (Array.isArray(value) && typeof key === 'number') value = value[key] ?? null;
    else return new Unknown('{tryGet()}');
  }
  return value ?? null;
}

/**
 * `union(a, b, …)`: arrays joined without repeats; objects merged, the later value winning, and
 * nested objects merged the same way (ARM's documented recursion; nested arrays are replaced).
 */
export function union(values: readonly unknown[]): unknown {
  if (values.length === 0 || values.some((value) => value instanceof Unknown))
    return new Unknown('{union()}');
  if (values.every(Array.isArray)) {
    const items: unknown[] = [];
    const seen = new Set<string>();
    for (const item of values.flat()) {
      if (item instanceof Unknown) return new Unknown('{union()}');
      const key = JSON.stringify(item);
      if (!seen.has(key)) items.push(item);
      seen.add(key);
    }
    return items.length > MAX_ITEMS ? new Unknown('{union()}') : items;
  }
  if (!values.every(isObject)) return new Unknown('{union()}');
  return (values as JsonObject[]).reduce(merged, {});
}

function merged(into: JsonObject, from: JsonObject): JsonObject {
  const result: JsonObject = { ...into };
  for (const [key, value] of Object.entries(from)) {
    const before = result[key];
    const both = [before, value].every((side) => isObject(side) && !(side instanceof Unknown));
    result[key] = both ? merged(before as JsonObject, value as JsonObject) : value;
  }
  return result;
}
