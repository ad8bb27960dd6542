import { cloudQueryTable, readCloudQueryRow } from './cloudquery.ts';
import { type CloudQueryTable, cloudQueryTableName, jsonColumn } from './cloudquery-row.ts';
import { type CsvRow, csvHeader, loadCsvParser, readCsv } from './csv.ts';
import type { TextFormat } from './format.ts';

/**
 * CloudQuery's `file` destination with `format: csv` (cloudquery/filetypes csv): one file per
 * table (`{{TABLE}}/{{UUID}}.csv`), a header of the column names (written unless `skip_header`;
 * the older `include_headers` wrote none, and such a file names no column: not read), then a row
 * a line written by Go's encoding/csv. Every cell is text: JSON and list columns as JSON,
 * booleans `true` / `false`, numbers in decimal, timestamps in RFC 3339, and null as an empty
 * cell. Each row is typed back by its table's declared columns and read as the JSON output's.
 * A row in a file that names no table, or of a table kansa does not read, is skipped so.
 */
export const cloudQueryCsv: TextFormat = {
  kind: 'text',
  id: 'cloudquery-csv',
  provider: 'any',
  description:
    "CloudQuery file destination, format csv with its header (the table from the file's name or folder): the tables the json format reads",
  load: loadCsvParser,
  matches(firstLine) {
    const columns = csvHeader(firstLine) ?? [];
    return (
      columns.includes('_cq_id') &&
      ['_cq_sync_time', '_cq_source_name', '_cq_parent_id'].some((column) => columns.includes(column))
    );
  },
  *read(text, ctx) {
    const name = cloudQueryTableName(ctx.file);
    const types = (name === undefined ? undefined : cloudQueryTable(name)?.csvColumns) ?? {};
    for (const row of readCsv(text, ctx.file).rows) {
      const where = { line: row.line };
      const result = readCloudQueryRow(typedRow(row, types), ctx.file, { file: ctx.file, ...where });
      if ('skip' in result) ctx.skip(result.skip, where);
      else yield* result;
    }
  },
};

/** A CSV row as the JSON output's: null for an empty cell, the declared columns typed. */
function typedRow(
  { cells }: CsvRow,
  types: NonNullable<CloudQueryTable['csvColumns']>,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [column, cell] of Object.entries(cells)) {
    const type = types[column];
    row[column] = cell === '' ? null : type ? typedCell(cell, type) : cell;
  }
  return row;
}

/** A cell of a typed column; text that is not of its type stays text, for the reader to refuse. */
function typedCell(cell: string, type: 'boolean' | 'number' | 'json'): unknown {
  if (type === 'boolean') return cell === 'true' ? true : cell === 'false' ? false : cell;
  if (type === 'number') return Number.isFinite(Number(cell)) ? Number(cell) : cell;
  return jsonColumn(cell);
}
