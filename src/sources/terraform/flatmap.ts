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

/** The keys of one attribute (or list element): its own value, or the keys below it, without its name. */
interface Part {
  own?: string;
  readonly inner: Flat;
}

/**
 * The keys grouped by their first part, in the order of their first key: a key without a dot is
 * the part's own value, a longer one goes below it (a map's keys, dots and all, stay whole below
 * its name).
 */
function parts(flat: Flat): Map<string, Part> {
  const grouped = new Map<string, Part>();
  for (const [key, value] of flat) {
    const dot = key.indexOf('.');
    const name = dot === -1 ? key : key.slice(0, dot);
    const part = grouped.get(name) ?? { inner: new Map<string, string>() };
    grouped.set(name, part);
    if (dot === -1) part.own = value;
    else part.inner.set(key.slice(dot + 1), value);
  }
  return grouped;
}

/** The object the keys describe: each first part of a key an attribute. */
function objectOf(flat: Flat): JsonObject {
  const object: JsonObject = {};
  for (const [name, part] of parts(flat)) {
    const value = attributeValue(part);
    if (value !== undefined) object[name] = value;
  }
  return object;
}

/** The value of one attribute: a scalar, a list or set (`name.#`), a map (`name.%`) or a block. */
function attributeValue({ own, inner }: Part): unknown {
  if (own !== undefined) return typed(own);
  if (inner.has('%')) {
    inner.delete('%');
    return Object.fromEntries([...inner].map(([key, value]) => [key, typed(value)]));
  }
  if (inner.has('#')) {
    inner.delete('#');
    const elements = parts(inner);
    const keys = [...elements.keys()];
    // A list's positions in their order; a set's hashes in the file's (sorted) order.
    const order = keys.every((key) => /^\d+$/.test(key)) ? keys.sort((a, b) => Number(a) - Number(b)) : keys;
    return order.map((key) => {
      const element = elements.get(key)!;
      return element.own !== undefined && element.inner.size === 0
        ? typed(element.own)
        : objectOf(element.inner);
    });
  }
  return inner.size > 0 ? objectOf(inner) : undefined;
}

const NUMBER = /^-?(?:0|[1-9]\d{0,8})$/;

function typed(text: string): unknown {
  if (text === 'true') return true;
  if (text === 'false') return false;
  return NUMBER.test(text) ? Number(text) : text;
}
