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
  return { source: 'explicit', value, path };
}

export function cloudDefault<T>(value: T, path: string, note: Localized): Fact<T> {
  return { source: 'default', value, path, note };
}

export function unknown<T>(path: string, note: Localized): Fact<T> {
  return { source: 'unknown', path, note };
}

/** True when the fact carries a value (explicit or documented default). */
export function isKnown<T>(fact: Fact<T>): fact is Extract<Fact<T>, { value: T }> {
  return fact.source !== 'unknown';
}
