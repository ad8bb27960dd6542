import type { Fact } from '../../../model/fact.ts';
import type { Localized } from '../../../model/localized.ts';
import type { Resource } from '../../../model/resource.ts';
import { type CheckResult, undetermined } from '../../check.ts';
import { TAGS_UNREAD } from './tags.ts';

/**
 * The message of a check whose verdict depends on the class when the classification tag names
 * none kansa reads: the default class is for resources nobody classified, never for one whose
 * tag says something kansa cannot read.
 */
export const CLASS_UNREADABLE: Localized = {
  ja: 'タグ {{tag}} の値を機密性（1〜3、機密性３、機密性２情報、class2、C2 など）として読めないため、機密性によって決まるこのチェックを判定できません',
  en: 'The tag {{tag}} holds no class kansa reads (1 to 3, 機密性３, 機密性２情報, class2 or C2), and this check depends on the class',
};

/** The messages of a check whose verdict depends on the class, where the class is unknown. */
export const CLASS_UNKNOWN_MESSAGES = { classUnreadable: CLASS_UNREADABLE, tagsUnread: TAGS_UNREAD } as const;

/**
 * UNKNOWN for a class the scan cannot tell: naming the tag whose value is no class (the
 * evidence's note quotes the value), or saying that the record carries no tags at all.
 */
export function classUnreadable(
  resource: Resource,
  level: Fact<number>,
): CheckResult<'classUnreadable' | 'tagsUnread'> {
  if (resource.tagsUnread) return undetermined('tagsUnread', [level]);
  return undetermined('classUnreadable', [level], { tag: taggedKey(level) });
}

/** The tag key of a class fact (`tags.<key>`). */
export function taggedKey(level: Fact<number>): string {
  return level.path.replace(/^tags\./, '');
}
