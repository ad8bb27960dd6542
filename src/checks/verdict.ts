import { asEvidence, type Fact } from '../model/fact.ts';
import type { Resource } from '../model/resource.ts';
import { type CheckResult, type Evidence, fail, pass, undetermined } from './check.ts';

/** The messages of a verdict: one for each of PASS, FAIL and UNKNOWN. */
export interface VerdictMessages<M extends string> {
  readonly pass: M;
  readonly fail: M;
  readonly unknown: M;
}

/**
 * The verdict of a check that decides on one setting: UNKNOWN when the export cannot tell
 * (never a pass), otherwise PASS or FAIL by `compliant`. The fact is the evidence either way,
 * so a value taken from the cloud's default says so (in the evidence's note, in each language).
 * The message data holds `extra` (e.g. the threshold a value was compared with) and, once known,
 * the fact's `value`.
 */
export function decideOnFact<T, M extends string>(
  fact: Fact<T>,
  compliant: (value: T) => boolean,
  messages: VerdictMessages<M>,
  extra: Record<string, unknown> = {},
): CheckResult<M> {
  if (fact.source === 'unknown') return undetermined(messages.unknown, [fact], extra);
  const data = { ...extra, value: fact.value };
  return compliant(fact.value) ? pass(messages.pass, [fact], data) : fail(messages.fail, [fact], data);
}

/** One setting of a several-setting check, and the values that comply. */
export interface Requirement {
  readonly fact: Fact<unknown>;
  readonly compliant: (value: never) => boolean;
}

/** A requirement on a fact of type T (keeps `compliant` typed where it is written). */
export function requirement<T>(fact: Fact<T>, compliant: (value: T) => boolean): Requirement {
  return { fact, compliant: compliant as (value: never) => boolean };
}

/**
 * The verdict of a check that needs several settings at once: FAIL naming the settings that
 * do not comply (even when others are unknown), else UNKNOWN naming those the export cannot
 * tell, else PASS. Every fact is evidence.
 */
export function decideOnFacts<M extends string>(
  requirements: readonly Requirement[],
  messages: VerdictMessages<M>,
): CheckResult<M> {
  // One pass over the requirements (a check of every resource of its types asks it).
  const evidence: Evidence[] = [];
  const failing: string[] = [];
  const unknownPaths: string[] = [];
  for (const { fact, compliant } of requirements) {
    evidence.push(fact);
    if (fact.source === 'unknown') unknownPaths.push(fact.path);
    else if (!compliant(fact.value as never)) failing.push(fieldSays(fact));
  }
  if (failing.length > 0) return fail(messages.fail, evidence, { failing });
  if (unknownPaths.length > 0) return undetermined(messages.unknown, evidence, { unknown: unknownPaths });
  return pass(messages.pass, evidence);
}

/** `path = value` of the field that decided (a derived fact's field, with its own value). */
function fieldSays(fact: Fact<unknown>): string {
  const field = asEvidence(fact);
  return `${field.path} = ${String(field.value)}`;
}

/** The messages of a check that asks one yes/no setting to be on. */
export const ENABLED_MESSAGES = { pass: 'enabled', fail: 'disabled', unknown: 'unknown' } as const;

/** `compliant` for a yes/no setting that must be on. */
export const isOn = (value: boolean): boolean => value;

/** A fact of another resource (an account's setting, a key, a firewall rule), as evidence naming that resource. */
export function evidenceFrom(resource: Resource, fact: Fact<unknown>): Evidence {
  return { ...fact, resourceId: resource.id };
}
