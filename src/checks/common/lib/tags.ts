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

/** The mark's keys as the evidence of an unmarked resource names them (`key1,key2`). */
export function markKeys(mark: TagMark): string {
  return prepared(mark).joinedKeys;
}

// Worked out once per scan's parameters, not per resource: every data-handling resource is checked.
const PREPARED = new WeakMap<
  TagMark,
  { readonly lowerKeys: readonly string[]; readonly joinedKeys: string }
>();

function prepared(mark: TagMark) {
  let entry = PREPARED.get(mark);
  if (!entry) {
    entry = { lowerKeys: mark.keys.map((key) => key.toLowerCase()), joinedKeys: mark.keys.join(',') };
    PREPARED.set(mark, entry);
  }
  return entry;
}
