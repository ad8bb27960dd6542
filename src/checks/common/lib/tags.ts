import { memoized } from '../../../base/memo.ts';
import { explicit, type Fact, unknown } from '../../../model/fact.ts';
import type { Localized } from '../../../model/localized.ts';
import { isTagList, type Resource, unknownTagNote } from '../../../model/resource.ts';
import { type CheckResult, fail, pass, undetermined } from '../../check.ts';

/** Tag keys and values that mark a resource (the parameters myNumberTag, topSecretTag, backupTag). */
export interface TagMark {
  readonly keys: readonly string[];
  readonly values: readonly string[];
}

/**
 * The first of the resource's tags whose key is one of the mark's and whose value is one of its
 * values, both as `said` reads them; undefined when none is.
 */
export function markedTag(
  tags: Readonly<Record<string, string>>,
  mark: TagMark,
): readonly [key: string, value: string] | undefined {
  const read = readMark(tags, mark);
  return read?.marked ? read.tag : undefined;
}

/** Whether a tag's value is one of the mark's values, as `said` reads them (`Top Secret` is `top-secret`). */
export function marksValue(value: string, mark: TagMark): boolean {
  return prepared(mark).saidValues.includes(said(value));
}

/**
 * What the resource's tags say of the mark: `marked` when a tag of its keys holds one of its
 * values; the tag unread when one of its keys holds a value that is neither a marking value nor
 * a plain no (`false`, `no`, `0`, `none`, `いいえ`, `なし`, `対象外`, …), which may mean yes;
 * undefined when no tag of its keys says anything else than no.
 */
function readMark(
  tags: Readonly<Record<string, string>>,
  mark: TagMark,
): { readonly marked: boolean; readonly tag: readonly [key: string, value: string] } | undefined {
  const { saidKeys, saidValues } = prepared(mark);
  let unread: readonly [string, string] | undefined;
  for (const key in tags) {
    if (!saidKeys.includes(said(key))) continue;
    const value = tags[key]!;
    const saidValue = said(value);
    if (saidValues.includes(saidValue)) return { marked: true, tag: [key, value] };
    if (!NO.has(saidValue)) unread ??= [key, value];
  }
  return unread && { marked: false, tag: unread };
}

/**
 * A tag key or value as it is compared: full-width characters made half-width (NFKC), spaces
 * around it dropped, lower case, and every run of spaces, `_`, `-` and `:` one `-`, so that each
 * cloud's spelling of one word matches (`kansa:secrecy` on AWS and Azure is `kansa-secrecy` or
 * `kansa_secrecy` in a Google Cloud label, which takes no `:` and no capitals; `Top Secret`,
 * `TOP_SECRET` and `top-secret` are one value). Remembered: each mark's check reads every tag
 * key of every data-handling resource so.
 */
const said: (text: string) => string = memoized((text) =>
  text.normalize('NFKC').trim().toLowerCase().replace(SEPARATORS, '-'),
);

const SEPARATORS = /[\s_:-]+/gu;

/** The messages of a mark's check (top-secret-data, no-my-number-data) beside `notMarked` and its own finding. */
export type MarkMessage = 'notMarked' | 'markUnreadable' | 'markTagUnknown' | 'markListedOnly';

/**
 * A mark's check on a resource: FAIL (`marked`) when a tag of the mark's keys holds one of its
 * values; UNKNOWN when one holds a value that is no plain no (it may mean yes), when the record
 * lists the resource with some of its tags at most (`Resource.listedOnly`: the Tag Editor's CSV
 * shows the tag keys chosen as columns, the Azure portal's none), or when it does not tell a tag
 * of the mark's keys (`Resource.unknownTags`); PASS (`notMarked`) otherwise. A mark a listing
 * shows is a finding all the same: these checks judge listed resources (`judgesListed`).
 */
export function judgeMark<M extends string>(
  resource: Resource,
  mark: TagMark,
  marked: M,
): CheckResult<M | MarkMessage> {
  const read = readMark(resource.tags, mark);
  if (read) {
    const [key, value] = read.tag;
    return read.marked
      ? fail(marked, [explicit(value, `tags.${key}`)], { tag: `${key}=${value}` })
      : undetermined('markUnreadable', [unreadMarkFact(read.tag)], { tag: `${key}=${value}` });
  }
  if (resource.listedOnly) {
    const key = mark.keys[0] ?? '';
    return undetermined('markListedOnly', [listedTagFact(key)], { tag: key });
  }
  // A tag of the mark's keys the record does not tell (a plan's known only after apply, a
  // record without the resource's tags) may mark it.
  const untold = markUnknownFact(resource, mark);
  if (untold) return undetermined('markTagUnknown', [untold], { tag: untold.path.slice('tags.'.length) });
  return pass('notMarked', [unmarkedFact(mark)]);
}

/**
 * The evidence of a tag of the key a list export (`Resource.listedOnly`) may leave out: it shows
 * some of a resource's tags at most, so a tag it does not show may be there.
 */
export function listedTagFact(key: string): Fact<string> {
  return unknown(`tags.${key}`, LISTED_NOTE);
}

const LISTED_NOTE: Localized = {
  ja: '一覧のエクスポートはリソースのタグの一部しか示しません',
  en: "a list export shows some of the resource's tags at most",
};

/** The message of a mark's check on a resource a listing shows with some of its tags at most, none of the mark's. */
const MARK_LISTED_ONLY: Localized = {
  ja: 'このリソースは一覧のエクスポート（コンソールの CSV など）にタグの一部だけが示されており、タグ {{tag}} がないことを確かめられないため判定できません',
  en: "A list export (a console's CSV or the like) shows this resource with some of its tags at most, so it does not show that the tag {{tag}} is absent",
};

/** Values that say a mark does not apply (as `said` writes them). */
const NO: ReadonlySet<string> = new Set([
  'false',
  'no',
  'n',
  '0',
  'none',
  'off',
  'n/a',
  '-',
  'いいえ',
  'なし',
  '無',
  '無し',
  '対象外',
  '対象なし',
  '非該当',
  '該当なし',
]);

/**
 * The evidence of a tag of the mark's keys the record does not tell (Resource.unknownTags: a
 * plan's known only after apply, a record that does not carry the resource's tags), the note
 * saying why; undefined when every tag of the mark's keys is known.
 */
function markUnknownFact(resource: Pick<Resource, 'unknownTags'>, mark: TagMark): Fact<string> | undefined {
  const { unknownTags } = resource;
  if (unknownTags === undefined) return undefined;
  // A plan names the keys it knows only after apply in its own spelling (`kansa_secrecy`).
  const { saidKeys } = prepared(mark);
  const key = isTagList(unknownTags)
    ? unknownTags.find((unknownKey) => saidKeys.includes(said(unknownKey)))
    : mark.keys[0];
  return key === undefined ? undefined : unknown(`tags.${key}`, unknownTagNote(unknownTags));
}

/** The message of a check on a mark whose tag the record does not tell (the evidence's note says why). */
const MARK_TAG_UNKNOWN: Localized = {
  ja: 'このリソースのタグ {{tag}} が分からない（計画では適用後に決まる、またはレコードにタグが含まれていない）ため判定できません',
  en: "The resource's tag {{tag}} is not known (known only after apply in a plan, or not carried by the record)",
};

/** The evidence of a tag of the mark's keys whose value kansa cannot read as yes or no. */
function unreadMarkFact(tag: readonly [key: string, value: string]): Fact<string> {
  return unknown(`tags.${tag[0]}`, {
    ja: `タグの値 ${JSON.stringify(tag[1])} は該当とも非該当（false、no、なし など）とも読めません`,
    en: `the tag's value ${JSON.stringify(tag[1])} reads neither as marked nor as a plain no (false, no, none, …)`,
  });
}

/** The message of a check on a mark whose tag says something kansa cannot read as yes or no. */
const MARK_UNREADABLE: Localized = {
  ja: 'タグ {{tag}} の値が該当・非該当のどちらか読めないため判定できません',
  en: 'The tag {{tag}} holds a value kansa reads neither as marked nor as a plain no',
};

/**
 * The evidence of a resource without the mark: its tags hold none of the keys (`tags` = `key1,key2`).
 * One frozen fact per mark, like the facts model/fact.ts shares: the findings file writes it once
 * as an evidence record and cites it by ref (`explicit` shares no string over 32 characters, so a
 * mark of several keys was written out in every data-handling resource's finding).
 */
export function unmarkedFact(mark: TagMark): Fact<string> {
  const entry = prepared(mark);
  entry.unmarked ??= Object.freeze(explicit(mark.keys.join(','), 'tags'));
  return entry.unmarked;
}

// Worked out once per scan's parameters, not per resource: every data-handling resource is checked.
const PREPARED = new WeakMap<
  TagMark,
  { readonly saidKeys: readonly string[]; readonly saidValues: readonly string[]; unmarked?: Fact<string> }
>();

function prepared(mark: TagMark) {
  let entry = PREPARED.get(mark);
  if (!entry) {
    entry = {
      saidKeys: mark.keys.map(said),
      saidValues: mark.values.map(said),
    };
    PREPARED.set(mark, entry);
  }
  return entry;
}

/** The messages of a mark's check for what the record does not tell (judgeMark's UNKNOWNs). */
export const MARK_UNKNOWN_MESSAGES = {
  markUnreadable: MARK_UNREADABLE,
  markTagUnknown: MARK_TAG_UNKNOWN,
  markListedOnly: MARK_LISTED_ONLY,
} as const;
