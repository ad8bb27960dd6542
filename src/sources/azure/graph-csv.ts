import { InputError } from '../../base/input-error.ts';
import { type CsvRow, csvHeader, loadCsvParser, readCsv } from '../csv.ts';
import type { TextFormat } from '../format.ts';
import type { JsonObject } from './arm-record.ts';
import { isProjectedColumn } from './projection.ts';
import { readRows } from './rows.ts';

/**
 * Resource Graph's `dynamic` columns (the `resources` table and its siblings): objects and
 * arrays, which a CSV cell holds as JSON text. The others are strings.
 */
const DYNAMIC_COLUMNS = new Set([
  'sku',
  'plan',
  'properties',
  'tags',
  'identity',
  'zones',
  'extendedlocation',
]);

/** Columns only Resource Graph's tables have, beside `id` and `type`: they tell its CSV from others. */
const GRAPH_COLUMNS = ['subscriptionid', 'resourcegroup', 'tenantid', 'properties'];

/**
 * Resource Graph Explorer's "Download as CSV" (the portal, up to 55,000 rows): a header of the
 * query's column names (`id`, `name`, `type`, `tenantId`, …, or those a `project` kept), then a
 * row per resource, the dynamic columns (`properties`, `sku`, `tags`, …) as JSON text in quoted
 * cells and an empty cell where the value is null. The rows are those `az graph query` prints,
 * read by the same row reader; a column the query did not keep is absent, so what it holds is
 * unknown (a row without `properties` has every setting unknown).
 */
export const azureGraphCsv: TextFormat = {
  kind: 'text',
  id: 'azure-graph-csv',
  provider: 'azure',
  description:
    'Azure Resource Graph Explorer "Download as CSV" (portal): id, type and the query\'s other columns',
  load: loadCsvParser,
  matches(firstLine) {
    const columns = new Set(csvHeader(firstLine)?.map((column) => column.trim().toLowerCase()));
    return columns.has('id') && columns.has('type') && GRAPH_COLUMNS.some((column) => columns.has(column));
  },
  *read(text, ctx) {
    const rows: JsonObject[] = [];
    const lines: number[] = [];
    let failure: InputError | undefined;
    try {
      for (const row of readCsv(text, ctx.file).rows) {
        rows.push(graphRow(row, ctx.file));
        lines.push(row.line);
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failure = error;
    }
    // The rows before a malformed one are read; the file is then marked with the error.
    yield* readRows(rows, ctx, 'graph', lines);
    if (failure) throw failure;
  },
};

/**
 * A CSV row as the row `az graph query` prints: dynamic columns parsed, null where empty. A
 * projected setting (`properties_<path>`, projection.ts) is dynamic too: an object or a list as
 * JSON text, a string, number or boolean as its text.
 */
function graphRow({ line, cells }: CsvRow, file: string): JsonObject {
  const row: JsonObject = {};
  for (const [column, cell] of Object.entries(cells)) {
    const name = column.trim();
    if (DYNAMIC_COLUMNS.has(name.toLowerCase()))
      row[name] = cell === '' ? null : parseDynamic(cell, name, file, line);
    else if (isProjectedColumn(name))
      row[name] = cell === '' ? null : /^\s*[[{]/.test(cell) ? parseDynamic(cell, name, file, line) : cell;
    else row[name] = cell;
  }
  return row;
}

function parseDynamic(cell: string, column: string, file: string, line: number): unknown {
  try {
    return JSON.parse(cell);
  } catch (error) {
    throw new InputError(
      file,
      `the ${column} column is not JSON (${(error as Error).message}): Resource Graph writes its dynamic columns as JSON text`,
      { line },
    );
  }
}
