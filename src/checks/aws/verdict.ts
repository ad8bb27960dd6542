import type { Fact } from '../../model/fact.ts';
import { type CheckResult, fail, pass, undetermined } from '../check.ts';

/**
 * The verdict of a check that decides on one setting: PASS when its value is acceptable, FAIL
 * when it is not (explicitly or by the cloud's default: the fact says which), UNKNOWN when the
 * export cannot tell. The fact is the evidence; `data` fills the message.
 */
export function judge<T, M extends string>(
  fact: Fact<T>,
  acceptable: (value: T) => boolean,
  messages: { readonly pass: M; readonly fail: M; readonly unknown: M },
  data: Record<string, unknown>,
): CheckResult<M> {
  if (fact.source === 'unknown') return undetermined(messages.unknown, [fact], data);
  return acceptable(fact.value)
    ? pass(messages.pass, [fact], { ...data, value: fact.value })
    : fail(messages.fail, [fact], { ...data, value: fact.value });
}
