import type { Fact } from '../../../model/fact.ts';
import type { Localized } from '../../../model/localized.ts';
import { isUnknownTagNote } from '../../../model/resource.ts';
import { type CheckResult, undetermined } from '../../check.ts';

/**
 * The message of a check whose verdict depends on the class when the classification tag names
 * none kansa reads: the default class is for resources nobody classified, never for one whose
 * tag says something kansa cannot read.
 */
const CLASS_UNREADABLE: Localized = {
  ja: 'タグ {{tag}} の値を機密性（1〜3、機密性３、機密性２情報、class2、C2 など）として読めないため、機密性によって決まるこのチェックを判定できません',
  en: 'The tag {{tag}} holds no class kansa reads (1 to 3, 機密性３, 機密性２情報, class2 or C2), and this check depends on the class',
};

/**
 * The message of a check whose verdict depends on the class when the record does not tell the
 * classification tag (Resource.unknownTags; the evidence's note says why).
 */
const CLASS_TAG_UNKNOWN: Localized = {
  ja: 'このリソースのタグ {{tag}} が分からない（計画では適用後に決まる、またはレコードにタグが含まれていない）ため、機密性によって決まるこのチェックを判定できません',
  en: "The resource's tag {{tag}} is not known (known only after apply in a plan, or not carried by the record), and this check depends on the class",
};

/** The messages of a check whose verdict depends on the class, for a class the scan cannot tell. */
export const CLASS_UNKNOWN_MESSAGES = {
  classUnreadable: CLASS_UNREADABLE,
  classTagUnknown: CLASS_TAG_UNKNOWN,
} as const;

/**
 * UNKNOWN naming the classification tag whose value is no class (the evidence's note quotes the
 * value), or whose value the record does not tell (the note says why).
 */
export function classUnreadable(level: Fact<number>): CheckResult<'classUnreadable' | 'classTagUnknown'> {
  return undetermined(classTagUnknown(level) ? 'classTagUnknown' : 'classUnreadable', [level], {
    tag: taggedKey(level),
  });
}

/** Whether a class fact is unknown because the record does not tell the tag, not because its value names no class. */
export function classTagUnknown(level: Fact<number>): boolean {
  return level.source === 'unknown' && isUnknownTagNote(level.note);
}

/** The tag key of a class fact (`tags.<key>`). */
export function taggedKey(level: Fact<number>): string {
  return level.path.replace(/^tags\./, '');
}
