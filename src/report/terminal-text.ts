import type { Lang } from '../model/localized.ts';

/**
 * Text that reaches a terminal. Names, tags, policy Sids, file names and error messages come
 * from the scanned inventory, which an attacker may control: an ESC sequence could clear the
 * screen or retitle the window, CR/LF could forge lines and U+202E could reverse them. Every
 * such value is escaped so that it shows visibly, and cut to a bounded width.
 */

/** C0 controls, DEL, C1 controls, the line and paragraph separators, and the bidi controls. */
const CONTROLS = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Every control character as a visible escape: `\x1b`, `\n`, `\u202e`. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (ch) => {
    const named = NAMED[ch];
    if (named) return named;
    const code = ch.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A message of several lines (kansa's own indent their continuation lines by two spaces):
 * escaped like any value, except that a line break before an indented line stays a line
 * break. A forged line can only look like a continuation, never like a new message.
 */
export function escapeMessage(text: string): string {
  return escapeControls(text).replace(/\\n(?= {2})/g, '\n');
}

/** Escapes, then cuts to `maxWidth` terminal columns with an ellipsis and the length left out. */
export function terminalValue(text: string, maxWidth: number, lang: Lang): string {
  return truncateDisplay(escapeControls(text), maxWidth, lang);
}

/** The end of a cut text: how many characters were left out, in the report language. */
const CUT: Readonly<Record<Lang, (left: number) => string>> = {
  ja: (left) => `…（以下 ${left} 文字省略）`,
  en: (left) => `…(+${left} chars)`,
};

/** Cuts a text to `maxWidth` terminal columns, ending in `…(+N chars)` (`…（以下 N 文字省略）`) when it was longer. */
export function truncateDisplay(text: string, maxWidth: number, lang: Lang): string {
  if (text.length <= maxWidth / 2 || displayWidth(text) <= maxWidth) return text;
  const chars = [...text];
  let width = 0;
  let kept = 0;
  // The end, counting every character as left out, is at least as wide as the one written.
  const budget = maxWidth - displayWidth(CUT[lang](chars.length));
  while (kept < chars.length && width + charWidth(chars[kept]!) <= budget) width += charWidth(chars[kept++]!);
  return `${chars.slice(0, kept).join('')}${CUT[lang](chars.length - kept)}`;
}

/** Terminal columns: East Asian wide and fullwidth characters take two, combining marks none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/** Pads with spaces to `width` terminal columns. */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Pads on the left (numbers) to `width` terminal columns. */
export function padDisplayStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** Combining marks (variation selectors included) and zero-width format characters. */
const COMBINING = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

function charWidth(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code < 0x1100) return 1;
  if (COMBINING.test(ch)) return 0;
  return WIDE.some(([from, to]) => code >= from && code <= to) ? 2 : 1;
}

/** East Asian Wide (W) and Fullwidth (F) ranges of Unicode's EastAsianWidth.txt, merged. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];
