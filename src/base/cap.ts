import { createHash } from 'node:crypto';

/**
 * Longest string from the scanned inventory (names, ids, tags, messages built from them,
 * evidence values) kept whole in a finding. Names and messages are repeated per finding, so an
 * attacker's 100 MB resource name would otherwise give a findings file ten times that.
 */
export const MAX_VALUE_CHARS = 1024;

/**
 * A longer string keeps its first MAX_VALUE_CHARS characters, then
 * `…[sha256:<hex of the full value>, <length> chars]`: still recognisable, still comparable.
 */
export function capValue(text: string): string {
  if (text.length <= MAX_VALUE_CHARS) return text;
  // Do not cut a surrogate pair in two.
  const end = /[\ud800-\udbff]/.test(text[MAX_VALUE_CHARS - 1]!) ? MAX_VALUE_CHARS - 1 : MAX_VALUE_CHARS;
  const digest = createHash('sha256').update(text).digest('hex');
  return `${text.slice(0, end)}…[sha256:${digest}, ${text.length} chars]`;
}

/** capValue over every string in a JSON-like value; returns the value itself when nothing is cut. */
export function capStrings<T>(value: T): T {
  // Nearly every value has nothing to cut: found out without allocating (a scan caps the data
  // and evidence of millions of findings).
  return hasLongString(value) ? capEach(value) : value;
}

function hasLongString(value: unknown): boolean {
  if (typeof value === 'string') return value.length > MAX_VALUE_CHARS;
  if (Array.isArray(value)) return value.some(hasLongString);
  if (value !== null && typeof value === 'object') {
    for (const key in value) {
      if (key.length > MAX_VALUE_CHARS || hasLongString((value as Record<string, unknown>)[key])) return true;
    }
  }
  return false;
}

function capEach<T>(value: T): T {
  if (typeof value === 'string') return capValue(value) as T;
  if (Array.isArray(value)) {
    const capped = value.map(capStrings);
    return (capped.some((item, i) => item !== value[i]) ? capped : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const entries = Object.entries(value).map(([key, item]) => {
      const capped = capStrings(item);
      const cappedKey = capValue(key);
      if (capped !== item || cappedKey !== key) changed = true;
      return [cappedKey, capped] as const;
    });
    return (changed ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}
