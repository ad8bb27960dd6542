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
  | { readonly source: 'explicit'; readonly value: T; readonly path: string }
  | { readonly source: 'default'; readonly value: T; readonly path: string; readonly note: Localized }
  | {
      readonly source: 'unknown';
      readonly value?: undefined;
      readonly path: string;
      readonly note: Localized;
    };

export function explicit<T>(value: T, path: string): Fact<T> {
  return interned(value, path, 'explicit', undefined, () => ({ source: 'explicit', value, path }));
}

export function cloudDefault<T>(value: T, path: string, note: Localized): Fact<T> {
  return interned(value, path, 'default', note, () => ({ source: 'default', value, path, note }));
}

export function unknown<T>(path: string, note: Localized): Fact<T> {
  return interned<T>(undefined, path, 'unknown', note, () => ({ source: 'unknown', path, note }));
}

/**
 * Facts are immutable, and most are the same across resources (`explicit(true,
 * 'properties.supportsHttpsTrafficOnly')`, the same documented default with the same note):
 * one shared, frozen object serves them all, which keeps a million-resource inventory small.
 * Only small scalar values are shared; ids, ARNs and lists get their own fact.
 */
function interned<T>(
  value: T | undefined,
  path: string,
  source: Fact<T>['source'],
  note: Localized | undefined,
  create: () => Fact<T>,
): Fact<T> {
  if (!isShareable(value) || sharedCount >= MAX_SHARED_FACTS) return create();
  // Nested maps rather than a composite string key: a lookup allocates nothing.
  const byNote = child(child(SHARED_FACTS, path), source);
  const byValue = child(byNote, note ? `${note.en}\0${note.ja}` : '') as Map<unknown, Fact<T>>;
  let fact = byValue.get(value);
  if (!fact) {
    fact = Object.freeze(create());
    byValue.set(value, fact);
    sharedCount++;
  }
  return fact;
}

type SharedTable = Map<unknown, SharedTable | Fact<unknown>>;
const SHARED_FACTS: SharedTable = new Map();
let sharedCount = 0;
/** A bound on the table, for inputs whose values are all different (it then stops growing). */
const MAX_SHARED_FACTS = 100_000;

function child(table: SharedTable, key: unknown): SharedTable {
  let next = table.get(key) as SharedTable | undefined;
  if (!next) {
    next = new Map();
    table.set(key, next);
  }
  return next;
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
