import { InputError } from '../base/input-error.ts';
import { type CsvRow, csvHeader, loadCsvParser, readCsv } from './csv.ts';
import type { TextFormat } from './format.ts';
import {
  isSteampipeHeader,
  isSteampipeRow,
  type SteampipeColumnType,
  steampipeCsvCell,
  steampipeNumber,
} from './steampipe-row.ts';
import { readSteampipeRow, steampipeTableOf } from './steampipe-tables.ts';

/** Columns every Steampipe table has that are not text. */
const COMMON_COLUMN_TYPES: Readonly<Record<string, SteampipeColumnType>> = { akas: 'json', tags: 'json' };

/**
 * `steampipe query --output csv "select * from <table>"`: a header of the column names, then a
 * row per resource written by Go's encoding/csv (a cell quoted only when it must be). Every cell
 * is text: JSONB columns as JSON, booleans `true` / `false`, numbers in decimal, and null as an
 * empty cell (`<null>` before Steampipe v0.18.2; `<nil>` in the plugins' exporters,
 * `steampipe_export_<plugin> <table>`, whose CSV is their default output, its header in
 * alphabetical order); a number with commas as Steampipe v1.1.1 wrote it (`"10,000"`). The table
 * is told by its rows' `akas` as in the JSON output, each column turned back into its type
 * (`SteampipeTable.columnTypes`), and the row read as `steampipe-rows` reads it; rows of other
 * tables are skipped with the reason.
 */
export const steampipeCsv: TextFormat = {
  kind: 'text',
  id: 'steampipe-csv',
  provider: 'any',
  description:
    'steampipe query --output csv "select * from <table>" (a header with akas and title, or the azuread plugin’s title and tenant_id): the tables steampipe-rows reads; other tables skipped with the reason',
  load: loadCsvParser,
  matches(firstLine) {
    const columns = csvHeader(firstLine) ?? [];
    return isSteampipeHeader(columns);
  },
  *read(text, ctx) {
    for (const row of readCsv(text, ctx.file).rows) {
      const result = readSteampipeRow(typedRow(row, ctx.file), { file: ctx.file, line: row.line });
      if ('skip' in result) ctx.skip(result.skip, { line: row.line });
      else yield* result;
    }
  },
};

/** A CSV row as the JSON output's row: null for empty cells, the table's typed columns parsed. */
function typedRow({ line, cells }: CsvRow, file: string): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [column, cell] of Object.entries(cells)) {
    const type = COMMON_COLUMN_TYPES[column];
    row[column] = type ? typedCell(cell, type, column, { file, line }) : steampipeCsvCell(cell);
  }
  const types = isSteampipeRow(row) ? steampipeTableOf(row)?.columnTypes : undefined;
  for (const [column, type] of Object.entries(types ?? {})) {
    const cell = cells[column];
    if (cell !== undefined) row[column] = typedCell(cell, type, column, { file, line });
  }
  return row;
}

function typedCell(
  cell: string,
  type: SteampipeColumnType,
  column: string,
  where: { file: string; line: number },
): unknown {
  const text = steampipeCsvCell(cell);
  if (text === null) return null;
  if (type === 'boolean') {
    if (text === 'true' || text === 'false') return text === 'true';
    throw new InputError(where.file, `the ${column} column is "${shown(text)}", not true or false`, where);
  }
  if (type === 'number') {
    const value = steampipeNumber(text);
    if (value !== undefined) return value;
    throw new InputError(where.file, `the ${column} column is "${shown(text)}", not a number`, where);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(
      where.file,
      `the ${column} column is not JSON (${(error as Error).message}): Steampipe writes its JSONB columns as JSON text`,
      where,
    );
  }
}

/** A cell's start: enough to find it, never a whole document. */
function shown(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
