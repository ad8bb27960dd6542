/**
 * The keys of a dotted path (`encryption.keySource` → `encryption`, `keySource`), split once.
 * Adapters read the same few hundred paths from every record; keys split afresh for each would
 * be new strings to allocate and to look up as property names every time. A bound keeps paths
 * that are not constants from growing the table.
 */
export function dottedKeys(path: string): readonly string[] {
  let keys = KEYS.get(path);
  if (!keys) {
    if (KEYS.size >= 10_000) KEYS.clear();
    keys = path.split('.');
    KEYS.set(path, keys);
  }
  return keys;
}

const KEYS = new Map<string, readonly string[]>();
