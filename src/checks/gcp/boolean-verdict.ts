import type { Fact } from '../../model/fact.ts';
import { type CheckResult, fail, pass, undetermined } from '../check.ts';

/**
 * The verdict of a check that asks one yes/no setting to be on: PASS when it is, FAIL when
 * it is off (explicitly or by the cloud's default: the fact says which), UNKNOWN when the
 * export cannot tell.
 */
export function requireEnabled(fact: Fact<boolean>): CheckResult<'enabled' | 'disabled' | 'unknown'> {
  if (fact.source === 'unknown') return undetermined('unknown', [fact]);
  return fact.value ? pass('enabled', [fact]) : fail('disabled', [fact]);
}
