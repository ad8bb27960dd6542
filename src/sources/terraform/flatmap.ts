import type { JsonObject } from './kind.ts';

/**
 * The attributes of Terraform 0.11 and before, "flatmap" (hashicorp/terraform's flatmap
 * package, which wrote `primary.attributes` of a version 3 state and, after an upgrade without a
 * refresh, `attributes_flat` of a version 4 one), turned back into the nested values a current
 * state holds: every value a string, a list or set `a.#` (its count) with `a.0.b`, `a.0.c` (a
 * set's elements keyed by their hash, `ingress.2541437006.from_port`), a map `a.%` with
 * `a.<key>` (a key may hold dots: `tags.kubernetes.io/cluster/x`).
 *
 * Terraform types the values by the provider's schema, which the file does not hold: `true` and
 * `false` are read as booleans, and a whole number of at most nine digits as a number (ports,
 * days, sizes: helper/schema's TypeInt as the checks read them); a longer run of digits is an id
 * (an AWS account, a project number) and stays text, as does a decimal (`"1.2"` is a TLS version
 * as often as a TypeFloat) and any other string.
 */
export function unflattened(flat: JsonObject): JsonObject {
  return objectOf(new Map(Object.entries(flat).filter(([, value]) => typeof value === 'string')) as Flat);
}

type Flat = Map<string, string>;

/** The object the keys describe: each first part of a key an attribute. */
function objectOf(flat: Flat): JsonObject {
  const object: JsonObject = {};
  for (const name of firstParts(flat)) {
    const value = valueAt(flat, name);
    if (value !== undefined) object[name] = value;
  }
  return object;
}

/** The attribute names, in the order of their first key (a map's keys, dots and all, are under its name). */
function firstParts(flat: Flat): Set<string> {
  const names = new Set<string>();
  for (const key of flat.keys()) {
    const dot = key.indexOf('.');
    names.add(dot === -1 ? key : key.slice(0, dot));
  }
  return names;
}

/** The value of one attribute: a scalar, a list or set (`name.#`), a map (`name.%`) or a block. */
function valueAt(flat: Flat, name: string): unknown {
  const scalar = flat.get(name);
  if (scalar !== undefined) return typed(scalar);
  const inner = under(flat, name);
  if (inner.has('%')) {
    inner.delete('%');
    return Object.fromEntries([...inner].map(([key, value]) => [key, typed(value)]));
  }
  if (inner.has('#')) {
    inner.delete('#');
    const elements = new Map<string, Flat>();
    for (const [key, value] of inner) {
      const dot = key.indexOf('.');
      const element = dot === -1 ? key : key.slice(0, dot);
      const held = elements.get(element) ?? new Map<string, string>();
      elements.set(element, held);
      held.set(dot === -1 ? '' : key.slice(dot + 1), value);
    }
    // A list's positions in their order; a set's hashes in the file's (sorted) order.
    const order = [...elements.keys()].every((key) => /^\d+$/.test(key))
      ? [...elements.keys()].sort((a, b) => Number(a) - Number(b))
      : [...elements.keys()];
    return order.map((key) => {
      const element = elements.get(key)!;
      const own = element.get('');
      return own !== undefined && element.size === 1 ? typed(own) : objectOf(element);
    });
  }
  return inner.size > 0 ? objectOf(inner) : undefined;
}

/** The keys below `name.`, without it. */
function under(flat: Flat, name: string): Flat {
  const prefix = `${name}.`;
  const inner: Flat = new Map();
  for (const [key, value] of flat) if (key.startsWith(prefix)) inner.set(key.slice(prefix.length), value);
  return inner;
}

const NUMBER = /^-?(?:0|[1-9]\d{0,8})$/;

function typed(text: string): unknown {
  if (text === 'true') return true;
  if (text === 'false') return false;
  return NUMBER.test(text) ? Number(text) : text;
}
