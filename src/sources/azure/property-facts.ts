import {
  cloudDefault,
  derived,
  explicit,
  type Fact,
  factPath,
  unexpectedType,
  unknown,
} from '../../model/fact.ts';
import type { Localized } from '../../model/localized.ts';
import { type ArmRecord, getPath, isObject } from './arm-record.ts';

/** Turns a raw value into the fact's type; undefined when it is not one. */
export type Parse<T> = (value: unknown) => T | undefined;

/** What an absent property means: the cloud's documented default, or nothing safe (unknown). */
export type WhenAbsent<T> =
  | { readonly default: T; readonly note: Localized }
  | { readonly unknown: Localized };

const NOT_PROJECTED: Localized = {
  ja: 'エクスポートに properties 列がありません（クエリで properties を project してください）',
  en: 'the export has no properties column (project `properties` in the query)',
};

/**
 * Reads a setting under `properties` into a fact. `paths` lists the dialects' names for it, the
 * ARM name first (the CLI flattens and renames some: `supportsHttpsTrafficOnly` is
 * `enableHttpsTrafficOnly` in `az storage account show`). The evidence path is the name found.
 */
export function propertyFact<T>(
  record: ArmRecord,
  paths: readonly [string, ...string[]],
  parse: Parse<T>,
  whenAbsent: WhenAbsent<T>,
): Fact<T> {
  if (!record.properties) return unknown(factPath('properties', paths[0]), NOT_PROJECTED);
  let unparsed: string | undefined;
  for (const path of paths) {
    const raw = getPath(record.properties, path);
    if (raw === undefined && holderIsNoObject(record.properties, path)) unparsed ??= path;
    if (raw === undefined || raw === null || raw === '') continue;
    const value = parse(raw);
    if (value !== undefined) return explicit(value, factPath('properties', path));
    unparsed ??= path;
  }
  // A value the export holds but `parse` does not take says nothing of the default.
  if (unparsed !== undefined) return unexpectedType(factPath('properties', unparsed));
  const canonical = factPath('properties', paths[0]);
  return 'default' in whenAbsent
    ? cloudDefault(whenAbsent.default, canonical, whenAbsent.note)
    : unknown(canonical, whenAbsent.unknown);
}

/** Whether the object that should hold the path's last key is a value of another type (`encryption: "on"`). */
function holderIsNoObject(properties: unknown, path: string): boolean {
  const dot = path.lastIndexOf('.');
  if (dot === -1) return false;
  const holder = getPath(properties, path.slice(0, dot));
  return holder !== undefined && holder !== null && !isObject(holder);
}

/**
 * A fact derived from another one (same provenance and path), e.g. keySource → customerManagedKey:
 * its evidence shows the property it was worked out from, with that property's value.
 */
export function derivedFact<S, T>(source: Fact<S>, derive: (value: S) => T | undefined): Fact<T> {
  if (source.source === 'unknown') return unknown(source.path, source.note);
  const value = derive(source.value);
  if (value === undefined) {
    return unknown(source.path, {
      ja: `値 ${String(source.value)} からは判定できません`,
      en: `cannot tell from the value ${String(source.value)}`,
    });
  }
  return derived(value, source);
}

export { asBoolean } from '../../base/boolean.ts';

export const asString: Parse<string> = (value) => (typeof value === 'string' ? value : undefined);

export const asNumber: Parse<number> = (value) => {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
};

/** Not written anywhere in this export format (absent with no documented default). */
export function notSet(en: string, ja: string): WhenAbsent<never> {
  return { unknown: { ja, en } };
}

/**
 * What an absent property means when the REST specs changed its default at an API version
 * (`changedAt`): `before` or `since` by the version the record was written with, which only a
 * template's record carries (`apiVersion`; a GET body names none: `unversioned`).
 */
export function defaultAtApiVersion<T>(
  record: ArmRecord,
  changedAt: string,
  defaults: {
    readonly before: WhenAbsent<T>;
    readonly since: WhenAbsent<T>;
    readonly unversioned: WhenAbsent<T>;
  },
): WhenAbsent<T> {
  const apiVersion = record.raw.apiVersion;
  if (typeof apiVersion !== 'string' || !API_VERSION.test(apiVersion)) return defaults.unversioned;
  return apiVersion.slice(0, 10) >= changedAt ? defaults.since : defaults.before;
}

/** `2019-04-01`, `2021-06-01-preview`. */
const API_VERSION = /^\d{4}-\d{2}-\d{2}(?:-[a-z]+)?$/i;
