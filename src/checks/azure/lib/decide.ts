import type { Fact } from '../../../model/fact.ts';
import { type CheckResult, fail, pass, undetermined } from '../../check.ts';

/**
 * The common shape of a one-setting check: unknown → UNKNOWN (never a pass), otherwise PASS or
 * FAIL by `compliant`. The fact is the evidence either way, so a default value says so.
 */
export function decideOnFact<T, M extends string>(
  fact: Fact<T>,
  compliant: (value: T) => boolean,
  messages: { readonly pass: M; readonly fail: M; readonly unknown: M },
): CheckResult<M> {
  if (fact.source === 'unknown') return undetermined(messages.unknown, [fact]);
  const data = { value: fact.value, source: fact.source };
  return compliant(fact.value) ? pass(messages.pass, [fact], data) : fail(messages.fail, [fact], data);
}
