import { explicit, type Fact } from '../../../model/fact.ts';

/** Tag keys and values that mark a resource (the parameters myNumberTag, topSecretTag, backupTag). */
export interface TagMark {
  readonly keys: readonly string[];
  readonly values: readonly string[];
}

/**
 * The first of the resource's tags whose key is one of the mark's (case-insensitively) and whose
 * value, lower-cased, is one of its values; undefined when none is.
 */
export function markedTag(
  tags: Readonly<Record<string, string>>,
  mark: TagMark,
): readonly [key: string, value: string] | undefined {
  const { lowerKeys } = prepared(mark);
  for (const key in tags) {
    const value = tags[key]!;
    if (lowerKeys.includes(key.toLowerCase()) && mark.values.includes(value.toLowerCase()))
      return [key, value];
  }
  return undefined;
}

/** The evidence of a resource without the mark: its tags hold none of the keys (`tags` = `key1,key2`). */
export function unmarkedFact(mark: TagMark): Fact<string> {
  const entry = prepared(mark);
  entry.unmarked ??= explicit(mark.keys.join(','), 'tags');
  return entry.unmarked;
}

// Worked out once per scan's parameters, not per resource: every data-handling resource is checked.
const PREPARED = new WeakMap<TagMark, { readonly lowerKeys: readonly string[]; unmarked?: Fact<string> }>();

function prepared(mark: TagMark) {
  let entry = PREPARED.get(mark);
  if (!entry) {
    entry = { lowerKeys: mark.keys.map((key) => key.toLowerCase()) };
    PREPARED.set(mark, entry);
  }
  return entry;
}
