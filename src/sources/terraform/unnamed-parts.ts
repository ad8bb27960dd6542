import { type Fact, unknown } from '../../model/fact.ts';
import type { Resource } from '../../model/resource.ts';
import type { Unit } from './adapters/adapter.ts';
import type { TfInstance } from './document.ts';

/**
 * A resource of the plan that split resources may configure without the plan saying so: they
 * name the resource they configure only after apply, through what the configuration does not
 * trace (a `local`, a data source, a resource of another type). Each fact that one of them
 * would change, were it this resource's, is unknown, with that split resource's attribute as
 * the evidence: the unlinked reading (an S3 bucket's default Block Public Access, a security
 * group's inline rules alone) is not what the plan shows. `build` reads the resource with
 * other split resources.
 */
export function withUnnamedParts(built: Resource, unit: Unit, build: (unit: Unit) => Resource): Resource {
  const readings = otherReadings(unit);
  if (readings.length === 0) return built;
  const facts: Record<string, unknown> = { ...(built.facts as Record<string, unknown>) };
  for (const { unit: other, part, attribute } of readings) {
    const otherFacts = build(other).facts as Record<string, unknown>;
    for (const [key, fact] of Object.entries(facts)) {
      if (!isFact(fact) || fact.source === 'unknown' || sameFact(fact, otherFacts[key])) continue;
      facts[key] = unknown(`${part.address}.${attribute}`, {
        ja: `${part.type} が設定する対象は適用後に決まり、構成からたどれないため、この資源を設定するかどうか計画からは分かりません`,
        en: `the ${part.type} names what it configures only after apply, through what the configuration does not trace: whether it configures this resource the plan does not show`,
      });
    }
  }
  return { ...built, facts };
}

/**
 * The resource read with each split resource that may be its: a split resource of which a
 * resource has one (a bucket's public access block) one at a time, in place of none (one the
 * resource has already is its own); those it may have many of (rules, IAM members) all together.
 */
function otherReadings(unit: Unit): { unit: Unit; part: TfInstance; attribute: string }[] {
  const readings: { unit: Unit; part: TfInstance; attribute: string }[] = [];
  for (const [type, { link, parts }] of unit.unnamed ?? []) {
    const own = unit.parts.get(type) ?? [];
    const add = (extra: readonly TfInstance[]) => ({
      unit: { ...unit, parts: new Map([...unit.parts, [type, [...own, ...extra]]]) },
      part: extra[0]!,
      attribute: link.attribute,
    });
    if (link.many) readings.push(add(parts));
    else if (own.length === 0) readings.push(...distinct(parts).map((part) => add([part])));
  }
  return readings;
}

/** One of each set of split resources the plan shows alike: they read alike. */
function distinct(parts: readonly TfInstance[]): TfInstance[] {
  const seen = new Set<string>();
  return parts.filter((part) => {
    const signature = `${part.type} ${part.after.signature()}`;
    if (seen.has(signature)) return false;
    seen.add(signature);
    return true;
  });
}

function isFact(value: unknown): value is Fact<unknown> {
  return typeof value === 'object' && value !== null && 'source' in value && 'path' in value;
}

/** Whether another reading has the same fact: known alike, with the same value. */
function sameFact(fact: Fact<unknown>, other: unknown): boolean {
  return (
    isFact(other) && other.source !== 'unknown' && JSON.stringify(other.value) === JSON.stringify(fact.value)
  );
}
