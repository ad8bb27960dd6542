/**
 * Rows written as CSV the way the tools kansa reads write them, for the CSV readers' tests:
 * objects and arrays as JSON text, null as an empty cell, booleans and numbers as their text.
 * `quoteAll` quotes every cell (as spreadsheet-style exporters do); otherwise a cell is quoted
 * only when it must be (a comma, a quote, a line break or a leading space: Go's encoding/csv,
 * which Steampipe writes with).
 */
export function writeCsv(
  columns: readonly string[],
  rows: readonly Readonly<Record<string, unknown>>[],
  { quoteAll = false, crlf = false, bom = false } = {},
): string {
  const end = crlf ? '\r\n' : '\n';
  const quote = (text: string) =>
    quoteAll || /[",\r\n]|^[ \t]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  const line = (cells: readonly string[]) => cells.map(quote).join(',') + end;
  const cell = (value: unknown) =>
    value === null || value === undefined
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  return (
    (bom ? '\ufeff' : '') + line(columns) + rows.map((row) => line(columns.map((c) => cell(row[c])))).join('')
  );
}
