/**
 * Orders text by UTF-16 code unit, the same on every machine. `localeCompare` orders by the
 * process's locale (ICU collation): the order of input files, of findings in the file and of
 * listings would change with LANG, and loading the collator costs every process a few ms.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
