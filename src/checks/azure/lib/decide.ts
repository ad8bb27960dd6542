import type { Fact } from '../../../model/fact.ts';
import { type CheckResult, fail, pass, undetermined } from '../../check.ts';

/**
 * The common shape of a one-setting check: unknown → UNKNOWN (never a pass), otherwise PASS or
 * FAIL by `compliant`. The fact is the evidence either way, so a default value says so.
 * `extra` adds message data (the threshold a value was compared with).
 */
export function decideOnFact<T, M extends string>(
  fact: Fact<T>,
  compliant: (value: T) => boolean,
  messages: { readonly pass: M; readonly fail: M; readonly unknown: M },
  extra: Record<string, unknown> = {},
): CheckResult<M> {
  if (fact.source === 'unknown') return undetermined(messages.unknown, [fact], extra);
  const data = { ...extra, value: fact.value, source: fact.source };
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
 * The shape of a check that needs several settings at once: FAIL naming the settings that do
 * not comply (even when others are unknown), else UNKNOWN naming those the export cannot tell,
 * else PASS. Every fact is evidence.
 */
export function decideOnFacts<M extends string>(
  requirements: readonly Requirement[],
  messages: { readonly pass: M; readonly fail: M; readonly unknown: M },
): CheckResult<M> {
  const evidence = requirements.map(({ fact }) => fact);
  const failing = requirements
    .filter(({ fact, compliant }) => fact.source !== 'unknown' && !compliant(fact.value as never))
    .map(({ fact }) => `${fact.path} = ${String(fact.value)}`);
  if (failing.length > 0) return fail(messages.fail, evidence, { failing });
  const unknownPaths = evidence.filter((fact) => fact.source === 'unknown').map((fact) => fact.path);
  if (unknownPaths.length > 0) return undetermined(messages.unknown, evidence, { unknown: unknownPaths });
  return pass(messages.pass, evidence);
}
