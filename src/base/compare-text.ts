/**
 * Orders text by UTF-16 code unit, the same on every machine: upper-case ASCII before lower-case
 * (`B` before `a`), ASCII before any other character, no normalization (a composed `é` and
 * `e` + U+0301 are different texts), and a character beyond U+FFFF (a surrogate pair) before one of
 * U+E000–U+FFFF such as the full-width letters. `localeCompare` orders by the process's locale
 * (ICU collation): the order of input files, of findings in the file and of listings would change
 * with LANG, and loading the collator costs every process a few ms.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
