import type { Fact } from '../../../model/fact.ts';
import type { Localized } from '../../../model/localized.ts';
import { UNRECORDED_TAGS } from '../../../model/resource.ts';
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
 * The message of a check whose verdict depends on the class when the resource's record carries
 * no tags (Resource.tagsUnrecorded): an untagged-looking resource may be class 3.
 */
export const TAGS_UNRECORDED: Localized = {
  ja: 'このリソースの記録にはタグがないため機密性が分からず、機密性によって決まるこのチェックを判定できません（タグを持つ記録は証跡の注記にあります）',
  en: "The resource's record carries no tags, so its class is not known, and this check depends on the class (the evidence's note names what holds the tags)",
};

/**
 * UNKNOWN for a class not known: naming the tag whose value is no class (the evidence's note
 * quotes the value), or saying the record carries no tags (the note names what holds them).
 */
export function classUnreadable(level: Fact<number>): CheckResult<'classUnreadable' | 'tagsUnrecorded'> {
  if (isTagsUnrecorded(level)) return undetermined('tagsUnrecorded', [level]);
  return undetermined('classUnreadable', [level], { tag: taggedKey(level) });
}

/** Whether a class is unknown because the record carries no tags, not because a tag names no class. */
export function isTagsUnrecorded(level: Fact<number>): boolean {
  return level.source === 'unknown' && level.path === UNRECORDED_TAGS;
}

/** The tag key of a class fact (`tags.<key>`). */
export function taggedKey(level: Fact<number>): string {
  return level.path.replace(/^tags\./, '');
}
