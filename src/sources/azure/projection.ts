import { type Fact, unknown } from '../../model/fact.ts';
import type { Localized } from '../../model/localized.ts';
import { get, isObject, type JsonObject } from './arm-record.ts';
import { comparablePath, isFact, isUnderPath } from './depth-cut.ts';

/**
 * A Resource Graph query that projects a setting without naming it
 * (`project id, name, properties.supportsHttpsTrafficOnly`) gets a column named after its path,
 * the dots as underscores: `properties_supportsHttpsTrafficOnly`,
 * `properties_securityProfile_encryptionAtHost`. Such a column is that setting, whatever else the
 * query left out; an alias (`httpsOnly = properties.supportsHttpsTrafficOnly`) may hold any
 * expression and is not read.
 * https://learn.microsoft.com/rest/api/azureresourcegraph/resourcegraph/resources/resources (example "Access a properties field")
 */
const PROJECTED_COLUMN = /^properties_(.+)$/i;

/** Whether a column is one Resource Graph names after a projected `properties.<path>`. */
export function isProjectedColumn(column: string): boolean {
  return PROJECTED_COLUMN.test(column);
}

/** Whether a row has such a column: only Resource Graph names its columns so. */
export function hasProjectedColumn(row: unknown): boolean {
  if (!isObject(row)) return false;
  for (const column in row) if (isProjectedColumn(column)) return true;
  return false;
}

/** A row with the settings its `properties_<path>` columns hold, and those paths (`properties.a.b`). */
export interface Projection {
  readonly row: JsonObject;
  readonly paths: readonly string[];
}

/**
 * A Resource Graph row without a `properties` column, with the settings its `properties_<path>`
 * columns hold rebuilt as the `properties` they were projected from; undefined for any other
 * row. ARM property names are camelCase: an underscore in a column's name is a dot of its path.
 * A null column is a path the resource does not have (Resource Graph projects a missing path as
 * null): absent, as in a full row.
 */
export function projectedRow(row: unknown): Projection | undefined {
  if (!isObject(row) || (get(row, 'properties') ?? null) !== null) return undefined;
  let properties: JsonObject | undefined;
  const paths: string[] = [];
  for (const column in row) {
    const path = PROJECTED_COLUMN.exec(column)?.[1]
      ?.split('_')
      .filter((key) => key !== '');
    if (!path || path.length === 0) continue;
    properties ??= {};
    if (!setPath(properties, path, row[column])) continue;
    paths.push(`properties.${path.join('.')}`);
  }
  return properties && { row: { ...row, properties }, paths };
}

/**
 * Sets a value at a path of keys; false where a value of another type already holds a key on the
 * way. A column of the whole object and one of a path inside it (`properties_networkAcls` and
 * `properties_networkAcls_defaultAction`) agree: a value already there is kept.
 */
function setPath(target: JsonObject, keys: readonly string[], value: unknown): boolean {
  let holder = target;
  for (const key of keys.slice(0, -1)) {
    const next = holder[key] ?? {};
    if (!isObject(next)) return false;
    // The row's own objects (a column of a whole object) are copied, never changed.
    holder[key] = { ...next };
    holder = holder[key] as JsonObject;
  }
  const last = keys.at(-1)!;
  if (holder[last] === undefined || holder[last] === null) holder[last] = value;
  return true;
}

const NOT_PROJECTED: Localized = {
  ja: 'クエリでこの設定が project されていません（行にあるのは project された properties_… 列だけです）',
  en: 'the query did not project this setting (the row holds only the properties_… columns it projected)',
};

/**
 * The facts (the same object when none is touched), with each one read from `properties` outside
 * the projected paths made unknown: absent from a projection is not absent from the resource, so
 * neither the API's default nor a value worked out from other settings applies.
 */
export function withProjectedOnly<F extends object>(facts: F, projected: readonly string[]): F {
  const kept = projected.map(comparablePath);
  const result: Record<string, unknown> = {};
  let touched = false;
  for (const [key, value] of Object.entries(facts)) {
    const path = isFact(value) && value.source !== 'unknown' ? comparablePath(value.path) : undefined;
    const unread =
      path !== undefined &&
      (path === 'properties' || path.startsWith('properties.')) &&
      !kept.some((prefix) => isUnderPath(path, prefix));
    result[key] = unread ? unknown((value as Fact<unknown>).path, NOT_PROJECTED) : value;
    touched ||= unread;
  }
  return touched ? (result as F) : facts;
}
