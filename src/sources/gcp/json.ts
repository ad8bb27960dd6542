/** Small readers for untyped JSON from the exports: they never throw, absent reads as undefined. */

import { dottedKeys } from '../../base/dotted-path.ts';

export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value under `key`, else under `alternative`: exports spell fields snake_case or camelCase.
 * (Two names at most, rather than a list: every record reads several fields.)
 */
export function field(object: JsonObject, key: string, alternative?: string): unknown {
  const value = object[key];
  return value !== undefined || alternative === undefined ? value : object[alternative];
}

/** Which of `key` and `alternative` is present (to name the evidence path as the file spells it). */
export function presentKey(object: JsonObject, key: string, alternative?: string): string | undefined {
  if (object[key] !== undefined) return key;
  return alternative !== undefined && object[alternative] !== undefined ? alternative : undefined;
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

/**
 * The entries of a list that holds objects only: none when absent (proto JSON omits empty
 * lists), undefined when it is no list or holds anything else. A list read in part could leave
 * out the entry that decides (a public binding), so such a list is unknown as a whole.
 */
export function objectsOf(value: unknown): readonly JsonObject[] | undefined {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) && value.every(isObject) ? value : undefined;
}

/** The strings of a list that holds strings only: none when absent, undefined otherwise (see objectsOf). */
export function stringListOf(value: unknown): readonly string[] | undefined {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string') ? value : undefined;
}

/** The strings of a list: the list itself when it holds nothing else (as lists of names do), not a copy. */
export function stringsOf(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return [];
  for (const item of value) {
    if (typeof item !== 'string') return value.filter((entry): entry is string => typeof entry === 'string');
  }
  return value as readonly string[];
}

/**
 * Label maps are string → string; anything else is dropped. A map of strings only (every
 * export's) is kept as it is, not copied for every resource: resources never change their tags.
 */
export function labelsOf(value: unknown): Readonly<Record<string, string>> {
  if (!isObject(value)) return {};
  if (onlyStrings(value)) return value as Readonly<Record<string, string>>;
  const labels: Record<string, string> = {};
  for (const key in value) {
    const label = value[key];
    if (typeof label === 'string') labels[key] = label;
  }
  return labels;
}

function onlyStrings(object: JsonObject): boolean {
  for (const key in object) if (typeof object[key] !== 'string') return false;
  return true;
}

/** The last segment of a resource name or URL (`…/zones/asia-northeast1-b` → `asia-northeast1-b`). */
export function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}
