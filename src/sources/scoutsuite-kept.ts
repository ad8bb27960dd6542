import { type Fact, unknown } from '../model/fact.ts';
import type { Localized } from '../model/localized.ts';

/*
 * ScoutSuite keeps a few settings of some resources (an Azure storage account's, a Google Cloud
 * bucket's) under its own names: its readers put them back where the cloud's record holds them
 * and run the type's adapter, which gives a setting the record lacks the cloud's default. Here
 * the facts of the settings ScoutSuite did not keep are made unknown instead.
 */

/**
 * The facts read from a setting the results hold (`written`: the settings made from them, placed
 * under `prefix` in the record, `properties` or `resource.data`); the others read from under
 * `prefix`, and those worked out from settings the results do not hold as well (`combined`, by
 * fact name), unknown. Facts read from elsewhere (a project, an IAM policy) stay as they are.
 */
export function keptOnly(
  facts: object,
  written: unknown,
  prefix: string,
  note: Localized,
  combined: readonly string[] = [],
): Record<string, Fact<unknown>> {
  const kept = new Set(leafPaths(written, prefix));
  return Object.fromEntries(
    Object.entries(facts).map(([key, fact]) => {
      if (!isFact(fact)) return [key, fact];
      const dropped = fact.path.startsWith(`${prefix}.`) && !kept.has(fact.path);
      return [key, dropped || combined.includes(key) ? unknown(fact.path, note) : fact];
    }),
  );
}

/** The paths of an object's values that are no objects (a list is one value). */
function leafPaths(value: unknown, path: string): string[] {
  return isRecord(value)
    ? Object.entries(value).flatMap(([key, member]) => leafPaths(member, `${path}.${key}`))
    : [path];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFact(value: unknown): value is Fact<unknown> {
  return isRecord(value) && 'source' in value && typeof value.path === 'string';
}
