import { memoized } from './memo.ts';

/**
 * The keys of a dotted path (`encryption.keySource` → `encryption`, `keySource`), split once.
 * Adapters read the same few hundred paths from every record; keys split afresh for each would
 * be new strings to allocate and to look up as property names every time.
 */
export const dottedKeys: (path: string) => readonly string[] = memoized((path) => path.split('.'));
