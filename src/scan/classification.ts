import { memoized } from '../base/memo.ts';
import { cloudDefault, explicit, type Fact, unknown } from '../model/fact.ts';
import { classificationKeyMatcher, type ScanParameters } from '../model/parameters.ts';
import { isTagList, type Resource, unknownTagNote } from '../model/resource.ts';

/**
 * The scan's classifier, which gives a resource's information class (機密性 1–3) as the
 * classification checks decide on it: the class its classification tag (the parameters' key, or
 * `機密性`, `機密性区分`) names (explicit, the tag as evidence), the framework's default
 * when it has no such tag (`default`, the note saying so), or unknown when the tag is there but
 * names no class kansa reads (`機密性2,3`, `4`, `secret`, an empty value): the default is for
 * resources nobody classified, not for one whose class was written in a way kansa misreads; and
 * unknown when the record does not tell such a tag (`Resource.unknownTags`: a plan's known only
 * after apply, a record that does not carry the resource's tags).
 */
export function classifier({
  tagKey,
  default: level,
}: ScanParameters['classification']): (resource: Resource) => Fact<number> {
  // Most resources carry no classification tag: they share one fact.
  const byDefault = defaultClass(tagKey, level);
  const isClassKey = classificationKeyMatcher(tagKey);
  return (resource) => {
    let found: Fact<number> | undefined;
    for (const key in resource.tags) {
      if (!isClassKey(key)) continue;
      const value = resource.tags[key]!;
      const read = classOfValue(value);
      const path = `tags.${key}`;
      if (read === undefined) return unknown(path, unreadableNote(value));
      // Two spellings of the key (`Confidentiality`, `confidentiality`): the higher class holds.
      if (found === undefined || read > (found.value ?? 0)) found = explicit(read, path);
    }
    // A tag of the key the record does not tell may name any class, unless the class found is
    // already the highest, which the higher of two spellings keeps.
    const { unknownTags } = resource;
    if (unknownTags !== undefined && (found?.value ?? 0) < 3) {
      const unknownKey = unknownClassKey(unknownTags, tagKey, isClassKey);
      if (unknownKey !== undefined) return unknown(`tags.${unknownKey}`, unknownTagNote(unknownTags));
    }
    return found ?? byDefault;
  };
}

/**
 * A classification key of the resource's tags that its record does not tell: the parameters'
 * key, as the parameters spell it (when the record names the keys it does not tell, in any case;
 * otherwise every key is untold), or else one of the guideline's own as the record spells it
 * (`機密性 = var.level` in a plan), which the tags read above take as the class as much as the
 * parameters' key. One walk of the keys.
 */
function unknownClassKey(
  unknownTags: NonNullable<Resource['unknownTags']>,
  tagKey: string,
  isClassKey: (key: string) => boolean,
): string | undefined {
  if (!isTagList(unknownTags)) return tagKey;
  const wanted = tagKey.toLowerCase();
  let guidelineKey: string | undefined;
  for (const key of unknownTags) {
    if (!isClassKey(key)) continue;
    if (key.toLowerCase() === wanted) return tagKey;
    guidelineKey ??= key;
  }
  return guidelineKey;
}

/**
 * A class as a tag's value writes it, with the spellings Japanese public bodies use: `2`, the
 * government's standards' `機密性2` and `機密性２情報` (full-width digits and brackets are made
 * half-width by NFKC first), a sub-class `機密性2A` (class 2), `class2`, `Class 2`, `C2`, and a
 * note after it without another number (`3 (secret)`, `機密性３（要保護）`, `2 - 社外秘`). Case
 * and spaces do not matter. A secret document's grade (`極秘`, `秘`, `秘密文書`, `特定秘密`) is
 * class 3: the government's standards define 機密性3情報 as information needing the secrecy of a
 * secret document, and Kobe's guideline (seed 004) bans it from public cloud in those words.
 * Anything else (`4`, `12`, `2,3`, `2 or 3`, `2.5`, `secret`, empty) is no class: undefined.
 */
export const classOfValue: (value: string) => number | undefined = memoized((value) => {
  const text = value.normalize('NFKC').trim().toLowerCase();
  if (SECRET_DOCUMENT_GRADE.test(text)) return 3;
  const level = CLASS_VALUE.exec(text)?.[1];
  return level === undefined ? undefined : Number(level);
});

const CLASS_VALUE = /^(?:機密性|class|c)?[\s_:-]*([1-3])[ab]?(?:情報)?(?:[\s(:/-][^0-9]*)?$/u;
const SECRET_DOCUMENT_GRADE = /^(?:極秘|秘)(?:文書)?$|^(?:秘密文書|特定秘密)$/u;

function defaultClass(tagKey: string, level: number): Fact<number> {
  return cloudDefault(level, `tags.${tagKey}`, {
    ja: `タグ ${tagKey} がないため、パラメータ classification.default の機密性 ${level}`,
    en: `no ${tagKey} tag: class ${level}, the classification parameter's default`,
  });
}

function unreadableNote(value: string) {
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return {
    ja: `タグの値 ${shown} は機密性として読めません（1〜3、機密性３、機密性２情報、class2、C2 のように書きます）`,
    en: `the tag's value ${shown} names no class kansa reads (1 to 3, 機密性３, 機密性２情報, class2 or C2)`,
  };
}
