/**
 * `compute` remembered per argument. For pure functions of strings that a scan calls for every
 * record or resource with few distinct arguments (region names, asset types, dotted paths): a
 * lookup instead of a regular expression, a split or a lower-casing each time. Past `limit`
 * arguments the table starts again, so inputs whose values are all different cannot grow it.
 */
export function memoized<T>(compute: (text: string) => T, limit = 10_000): (text: string) => T {
  const table = new Map<string, T>();
  return (text) => {
    let value = table.get(text);
    if (value === undefined && !table.has(text)) {
      value = compute(text);
      if (table.size >= limit) table.clear();
      table.set(text, value);
    }
    return value as T;
  };
}

/**
 * One copy of each distinct string. `JSON.parse` shares the keys of the records it makes, not
 * their values: every record carries its own copy of its account id, region and type, and a
 * resource keeps them for the whole scan. Adapters share them, so the inventory holds each once.
 */
export const sharedString: (text: string) => string = memoized((text) => text);
