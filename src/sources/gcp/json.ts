/** Small readers for untyped JSON from the exports: they never throw, absent reads as undefined. */

import { dottedKeys } from '../../base/dotted-path.ts';

export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value under the first of `keys` that is present: exports spell fields snake_case or camelCase. */
export function field(object: JsonObject, ...keys: string[]): unknown {
  for (const key of keys) if (object[key] !== undefined) return object[key];
  return undefined;
}

/** The key under which the first of `keys` is present (to name the evidence path as the file spells it). */
export function presentKey(object: JsonObject, ...keys: string[]): string | undefined {
  return keys.find((key) => object[key] !== undefined);
}

/** Follows a dotted path of object keys and array indexes (`storageLocations.0`). */
export function at(object: JsonObject | undefined, path: string): unknown {
  const keys = dottedKeys(path);
  let current: unknown = object;
  for (let i = 0; i < keys.length; i++) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Readonly<Record<string, unknown>>)[keys[i]!];
  }
  return current;
}

export function stringAt(object: JsonObject | undefined, path: string): string | undefined {
  const value = at(object, path);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function arrayOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function stringsOf(value: unknown): string[] {
  return arrayOf(value).filter((item): item is string => typeof item === 'string');
}

/** Label maps are string → string; anything else is dropped. */
export function labelsOf(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  const labels: Record<string, string> = {};
  for (const key in value) {
    const label = value[key];
    if (typeof label === 'string') labels[key] = label;
  }
  return labels;
}

/** The last segment of a resource name or URL (`…/zones/asia-northeast1-b` → `asia-northeast1-b`). */
export function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}
