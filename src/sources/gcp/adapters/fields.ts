import { cloudDefault, explicit, type Fact, factPath, unexpectedType, unknown } from '../../../model/fact.ts';
import type { Localized } from '../../../model/localized.ts';
import { at, type JsonObject } from '../json.ts';

/** The evidence path of a record read as the service's own REST resource (not a Cloud Asset's `resource.data`). */
export const REST_RESOURCE = 'resource';

/** What an absent field means: the cloud's documented default, or nothing the export can tell. */
export type Absent<T> = { readonly default: T; readonly note: Localized } | { readonly unknown: Localized };

/**
 * The fact of one field of `resource.data`: explicit when `read` accepts the value; when the
 * field is absent (or null), the documented default or unknown, as `absent` says; when it holds
 * a value `read` does not accept, unknown.
 */
export function fieldFact<T>(
  data: JsonObject,
  dataPath: string,
  field: string,
  read: (raw: unknown) => T | undefined,
  absent: Absent<T>,
): Fact<T> {
  const path = factPath(dataPath, field);
  const raw = at(data, field);
  const value = read(raw);
  if (value !== undefined) return explicit(value, path);
  if (raw !== undefined && raw !== null) return unexpectedType(path);
  // `legacyAbac.enabled` under a `legacyAbac` that is a number is not absent either.
  const dot = field.lastIndexOf('.');
  const parent = dot === -1 ? undefined : at(data, field.slice(0, dot));
  const holds = typeof parent === 'object' && (!Array.isArray(parent) || /^\d+$/.test(field.slice(dot + 1)));
  if (parent !== undefined && parent !== null && !holds) return unexpectedType(path);
  return 'default' in absent
    ? cloudDefault(absent.default, path, absent.note)
    : unknown(path, absent.unknown);
}

export { asBoolean } from '../../../base/boolean.ts';

export const asString = (raw: unknown): string | undefined =>
  typeof raw === 'string' && raw !== '' ? raw : undefined;

/** Numbers, also as the decimal strings proto JSON writes for 64-bit integers. */
export const asNumber = (raw: unknown): number | undefined => {
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};
