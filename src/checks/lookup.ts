/**
 * Lookups of related resources by a key (a KMS key by its id, an IAM group by its name, the
 * diagnostic settings of a resource): each list is indexed by the key once. Checks look related
 * resources up in their account's list (`inAccount`, which gives the same array until the
 * inventory changes) for every resource they check; searching the list each time would make a
 * scan's time grow with the square of an account's size.
 *
 * `keysOf` gives the keys a resource is found by; a lookup gives the resources of the list
 * under the key, in the list's order (as `filter` would).
 */
export function lookupBy<R>(
  keysOf: (resource: R) => Iterable<string>,
): (list: readonly R[], key: string) => readonly R[] {
  const indexes = new WeakMap<readonly R[], Map<string, R[]>>();
  return (list, key) => {
    if (list.length === 0) return NONE;
    let index = indexes.get(list);
    if (!index) {
      index = new Map();
      for (const resource of list) {
        for (const k of keysOf(resource)) {
          const found = index.get(k);
          if (!found) index.set(k, [resource]);
          // A resource found by the same key twice is listed once.
          else if (found[found.length - 1] !== resource) found.push(resource);
        }
      }
      indexes.set(list, index);
    }
    return index.get(key) ?? NONE;
  };
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * `text` up to each occurrence of `separator`, separator included: the keys under which
 * `text.startsWith(prefix)` holds for a prefix that ends with `separator`.
 */
export function prefixesEndingWith(text: string, separator: string): string[] {
  const prefixes: string[] = [];
  for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, at + 1)) {
    prefixes.push(text.slice(0, at + separator.length));
  }
  return prefixes;
}

/** `text` after each occurrence of `separator`: the keys under which `text.endsWith(separator + key)` holds. */
export function suffixesAfter(text: string, separator: string): string[] {
  const suffixes: string[] = [];
  for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, at + 1)) {
    suffixes.push(text.slice(at + separator.length));
  }
  return suffixes;
}
