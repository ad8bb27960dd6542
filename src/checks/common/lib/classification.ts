import type { Fact } from '../../../model/fact.ts';
import type { Localized } from '../../../model/localized.ts';
import { TAG_AFTER_APPLY } from '../../../model/resource.ts';
import { type CheckResult, undetermined } from '../../check.ts';

/**
 * The message of a check whose verdict depends on the class when the classification tag names
 * none kansa reads: the default class is for resources nobody classified, never for one whose
 * tag says something kansa cannot read.
 */
export const CLASS_UNREADABLE: Localized = {
  ja: 'タグ {{tag}} の値を機密性（1〜3、機密性３、機密性２情報、class2、C2 など）として読めないため、機密性によって決まるこのチェックを判定できません',
  en: 'The tag {{tag}} holds no class kansa reads (1 to 3, 機密性３, 機密性２情報, class2 or C2), and this check depends on the class',
};

/**
 * The message of a check whose verdict depends on the class when a Terraform plan knows the
 * classification tag's value only after apply (a variable of another resource, a module output).
 */
export const CLASS_AFTER_APPLY: Localized = {
  ja: 'タグ {{tag}} の値が適用後まで決まらないため、機密性によって決まるこのチェックを判定できません',
  en: 'The tag {{tag}} is known only after apply, and this check depends on the class',
};

/**
 * UNKNOWN naming the tag whose value is no class (the evidence's note quotes the value), or is
 * known only after apply.
 */
export function classUnreadable(level: Fact<number>): CheckResult<'classUnreadable' | 'classAfterApply'> {
  const afterApply = level.source === 'unknown' && level.note === TAG_AFTER_APPLY;
  return undetermined(afterApply ? 'classAfterApply' : 'classUnreadable', [level], { tag: taggedKey(level) });
}

/** The tag key of a class fact (`tags.<key>`). */
export function taggedKey(level: Fact<number>): string {
  return level.path.replace(/^tags\./, '');
}
