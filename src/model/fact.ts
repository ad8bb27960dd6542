import type { Localized } from './localized.ts';

/**
 * A setting read from a cloud's inventory, with where it came from (Trivy's BoolExplicit /
 * BoolDefault / BoolUnresolvable). Checks decide on facts, never on raw fields, so that
 * "absent" can never be mistaken for "false" and an unknown value never passes.
 *
 * - `explicit`: the field was present in the export with this value.
 * - `default`: the field was absent; the value is the cloud's documented default (`note` says which).
 * - `unknown`: the export cannot tell (field absent with no safe default, or the data is not in
 *   this export format at all); `value` is undefined.
 */
export type Fact<T> =
  | { readonly source: 'explicit'; readonly value: T; readonly path: string; readonly field?: FieldFact }
  | {
      readonly source: 'default';
      readonly value: T;
      readonly path: string;
      readonly note: Localized;
      readonly field?: FieldFact;
    }
  | {
      readonly source: 'unknown';
      readonly value?: undefined;
      readonly path: string;
      readonly note: Localized;
      readonly field?: undefined;
    };

/** A field's own value as the export has it (or its documented default), which a derived fact is worked out from. */
export type FieldFact = Exclude<Fact<unknown>, { readonly source: 'unknown' }>;

/**
 * A fact worked out from a field rather than being its value: `publicEndpoint` true from
 * `privateClusterConfig.enablePrivateEndpoint: false`, `customerManagedKey` from a key name or
 * from `keySource: Microsoft.Keyvault`. It has the field's path, provenance and note, and keeps
 * the field's own fact in `field`: checks decide on `value`, while the evidence a finding shows
 * is the field with its own value (`asEvidence`), never the worked-out value under the field's
 * name. An unknown field gives an unknown fact.
 */
export function derived<T>(value: T, field: Fact<unknown>): Fact<T> {
  if (field.source === 'unknown') return field as Fact<T>;
  const shown = field.field ?? field;
  if (!isShareable(value) || !Object.isFrozen(shown)) return derivedFact(value, shown);
  let byValue = SHARED_DERIVED.get(shown);
  if (!byValue) {
    byValue = new Map();
    SHARED_DERIVED.set(shown, byValue);
  }
  let fact = byValue.get(value) as Fact<T> | undefined;
  if (!fact) {
    fact = Object.freeze(derivedFact(value, shown));
    byValue.set(value, fact);
  }
  return fact;
}

function derivedFact<T>(value: T, field: FieldFact): Fact<T> {
  return field.source === 'explicit'
    ? { source: 'explicit', value, path: field.path, field }
    : { source: 'default', value, path: field.path, note: field.note, field };
}

/** Derived facts of shared field facts, by field, then value: one frozen object serves every resource. */
const SHARED_DERIVED = new WeakMap<FieldFact, Map<unknown, Fact<unknown>>>();

/**
 * A fact as evidence shows it: the field that decided with its own value. A derived fact
 * (`derived`) shows its field; any other fact is its own evidence.
 */
export function asEvidence<F extends Fact<unknown>>(fact: F): Fact<unknown> {
  return fact.field ?? fact;
}

export function explicit<T>(value: T, path: string): Fact<T> {
  if (!isShareable(value) || sharedCount >= MAX_SHARED_FACTS) return { source: 'explicit', value, path };
  const byValue = child(SHARED_EXPLICIT, path);
  let fact = byValue.get(value) as Fact<T> | undefined;
  if (!fact) {
    fact = Object.freeze({ source: 'explicit', value, path });
    byValue.set(value, fact);
    sharedCount++;
  }
  return fact;
}

/**
 * How the records of one resource add up to a list fact: most facts are one setting, and of two
 * records the first explicit value stands (scan/inventory.ts); a list whose records each hold a
 * part (a security group's rules, listed with the group in one file and on their own in
 * another) is their union instead.
 */
export interface ListUnion<T> {
  /** What makes two items one item (a rule's name): of the two, the first record's stands. */
  readonly key: (item: T) => string;
  /** The order of the union (rules by priority); undefined: the first record's items, then the other's. */
  readonly order?: (a: T, b: T) => number;
}

const UNION: unique symbol = Symbol('ListUnion');

/** A fact that declares how its records add up (`explicitList`, `unreadableList`). */
type UnionFact = Fact<readonly unknown[]> & { readonly [UNION]?: ListUnion<unknown> };

/**
 * An explicit list whose records of one resource add up (`ListUnion`). The declaration is a
 * symbol-keyed property: evidence and JSON leave it out, and a fact without it (every other)
 * costs the inventory's merge one missing-property read, only where two records hold the fact.
 */
export function explicitList<T>(items: readonly T[], path: string, union: ListUnion<T>): Fact<readonly T[]> {
  const fact: UnionFact = { source: 'explicit', value: items, path, [UNION]: union as ListUnion<unknown> };
  return fact as Fact<readonly T[]>;
}

/**
 * A record's part of such a list that holds a value of a type its reader does not take (a rule
 * that is no rule): unknown (`unexpectedType`), and so is the union, whatever the other records
 * hold; an unknown without the declaration (a record that does not hold the list at all) gives
 * way to another record's explicit list, as any unknown does.
 */
export function unreadableList<T>(path: string, union: ListUnion<T>): Fact<readonly T[]> {
  const fact: UnionFact = {
    ...unexpectedType<readonly unknown[]>(path),
    [UNION]: union as ListUnion<unknown>,
  };
  return fact as Fact<readonly T[]>;
}

/**
 * The union of one resource's fact from two records, when both declare the same union
 * (`explicitList`, `unreadableList`): `first`'s items, then those of `second` no item of `first`
 * has the key of, in the union's order; the unknown one, when a part is unknown. Undefined for
 * any other two facts (they merge by rank, the first explicit standing).
 */
export function unionOf(first: Fact<unknown>, second: Fact<unknown>): Fact<unknown> | undefined {
  const union = (first as UnionFact)[UNION];
  if (union === undefined || union !== (second as UnionFact)[UNION]) return undefined;
  if (first.source === 'unknown') return first;
  if (second.source === 'unknown') return second;
  const a = first.value as readonly unknown[];
  const b = second.value as readonly unknown[];
  const keys = new Set(a.map(union.key));
  const added = b.filter((item) => !keys.has(union.key(item)));
  if (added.length === 0) return first;
  const items = [...a, ...added];
  if (union.order) items.sort(union.order);
  return explicitList(items, first.path, union);
}

export function cloudDefault<T>(value: T, path: string, note: Localized): Fact<T> {
  if (!isShareable(value) || sharedCount >= MAX_SHARED_FACTS) return { source: 'default', value, path, note };
  const byValue = noted(SHARED_DEFAULTS, path, note);
  let fact = byValue.get(value) as Fact<T> | undefined;
  if (!fact) {
    fact = Object.freeze({ source: 'default', value, path, note });
    byValue.set(value, fact);
    sharedCount++;
  }
  return fact;
}

export function unknown<T>(path: string, note: Localized): Fact<T> {
  if (sharedCount >= MAX_SHARED_FACTS) return { source: 'unknown', path, note };
  const byValue = noted(SHARED_UNKNOWNS, path, note);
  let fact = byValue.get(undefined) as Fact<T> | undefined;
  if (!fact) {
    fact = Object.freeze({ source: 'unknown', path, note });
    byValue.set(undefined, fact);
    sharedCount++;
  }
  return fact;
}

/**
 * The fact of a field present in the export with a value of a type its reader does not take (a
 * string where a boolean belongs, an object for a list): unknown, never the documented default,
 * which describes an absent field and may be the safe setting.
 */
export function unexpectedType<T>(path: string): Fact<T> {
  return unknown(path, UNEXPECTED_TYPE);
}

const UNEXPECTED_TYPE: Localized = {
  ja: 'エクスポートのこの項目の値が想定した型ではないため、設定を判定できません',
  en: 'the export holds a value of an unexpected type in this field, so the setting cannot be told',
};

/**
 * `parent.child`, one string per pair. Adapters name most facts' paths this way
 * (`configuration.${name}`, `properties.${path}`); a path is a key of the shared-fact tables
 * below, and a string made afresh for every resource is hashed afresh at every lookup. Made once,
 * its hash is kept with it. Parents and children are the adapters' own constants; a bound keeps
 * anything else from growing the table.
 */
export function factPath(parent: string, child: string): string {
  let children = PATHS.get(parent);
  if (!children) {
    if (PATHS.size >= MAX_PATHS) PATHS.clear();
    children = new Map();
    PATHS.set(parent, children);
  }
  let path = children.get(child);
  if (path === undefined) {
    if (children.size >= MAX_PATHS) children.clear();
    path = `${parent}.${child}`;
    children.set(child, path);
  }
  return path;
}

const PATHS = new Map<string, Map<string, string>>();
const MAX_PATHS = 10_000;

/*
 * Facts are immutable, and most are the same across resources (`explicit(true,
 * 'properties.supportsHttpsTrafficOnly')`, the same documented default with the same note):
 * one shared, frozen object serves them all, which keeps a million-resource inventory small.
 * Only small scalar values are shared; ids, ARNs and lists get their own fact. The tables are
 * nested maps (path, then the note's texts, then the value) rather than keyed by a composite
 * string: a lookup builds no string and allocates nothing, and adapters make millions of them.
 */
type SharedTable<K> = Map<K, Map<unknown, Fact<unknown>>>;
/** Explicit facts by path, then value. */
const SHARED_EXPLICIT: SharedTable<string> = new Map();
/** Cloud defaults and unknowns by path, then note (English, then Japanese), then value. */
const SHARED_DEFAULTS = new Map<string, Map<string, SharedTable<string>>>();
const SHARED_UNKNOWNS = new Map<string, Map<string, SharedTable<string>>>();
let sharedCount = 0;
/** A bound on the tables, for inputs whose values are all different (they then stop growing). */
const MAX_SHARED_FACTS = 100_000;

function child<K, V>(table: Map<K, Map<unknown, V>>, key: K): Map<unknown, V> {
  let next = table.get(key);
  if (!next) {
    next = new Map();
    table.set(key, next);
  }
  return next;
}

function noted(
  table: Map<string, Map<string, SharedTable<string>>>,
  path: string,
  note: Localized,
): Map<unknown, Fact<unknown>> {
  let byEn = table.get(path);
  if (!byEn) {
    byEn = new Map();
    table.set(path, byEn);
  }
  let byJa = byEn.get(note.en);
  if (!byJa) {
    byJa = new Map();
    byEn.set(note.en, byJa);
  }
  return child(byJa, note.ja);
}

function isShareable(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    typeof value === 'boolean' ||
    typeof value === 'number' ||
    (typeof value === 'string' && value.length <= 32)
  );
}
