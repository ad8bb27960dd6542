import { describe, expect, it } from 'vitest';
import { compareText } from '../../src/base/compare-text.ts';

// Names that differ in case, beyond ASCII, and beyond the Basic Multilingual Plane (a surrogate
// pair), in UTF-16 code-unit order: upper-case ASCII before lower-case, ASCII before every other
// character, a character written as a surrogate pair (U+D800–U+DFFF units) before one of
// U+E000–U+FFFF such as the full-width letters.
const IN_CODE_UNIT_ORDER = ['B.json', 'a.json', 'c.json', 'É.json', '日.json', '𝒜.json', 'ｚ.json'];

describe('compareText', () => {
  it('orders by UTF-16 code unit, whatever the locale', () => {
    const shuffled = [...IN_CODE_UNIT_ORDER].reverse();
    expect(shuffled.sort(compareText)).toEqual(IN_CODE_UNIT_ORDER);
  });

  it('is not the order a locale gives (the order this replaced)', () => {
    // ICU's collation puts `a` before `B` in English and orders by letter in Swedish and
    // Japanese: the output's order would have changed with LANG.
    for (const locale of ['en', 'sv', 'ja']) {
      const collated = [...IN_CODE_UNIT_ORDER].sort((a, b) => a.localeCompare(b, locale));
      expect(collated).not.toEqual(IN_CODE_UNIT_ORDER);
    }
  });

  it('is a total order: equal only for the same text', () => {
    expect(compareText('a', 'a')).toBe(0);
    expect(compareText('a', 'A')).toBeGreaterThan(0);
    expect(compareText('A', 'a')).toBeLessThan(0);
    // The same letter composed and decomposed are different texts: no normalization.
    expect(compareText('\u00e9', 'e\u0301')).toBeGreaterThan(0);
  });
});
