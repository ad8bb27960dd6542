import type { Origin, Resource } from '../model/resource.ts';
import { withCsvColumns } from './aws/cloudquery-csv-columns.ts';
import { AWS_CLOUDQUERY_PRINCIPAL_TABLES } from './aws/cloudquery-iam-principals.ts';
import { AWS_CLOUDQUERY_SERVICE_TABLES } from './aws/cloudquery-services.ts';
import { AWS_CLOUDQUERY_TABLES } from './aws/cloudquery-tables.ts';
import { AZURE_CLOUDQUERY_TABLES } from './azure/cloudquery-tables.ts';
import { type CloudQueryTable, cloudQueryTableName, isCloudQueryRow, jsonColumn } from './cloudquery-row.ts';
import type { DocumentFormat, ReadContext, RecordFormat } from './format.ts';
import { GCP_CLOUDQUERY_TABLES } from './gcp/cloudquery-tables.ts';

/** The CloudQuery tables whose columns carry what the checks read. */
const TABLES: readonly CloudQueryTable[] = [
  ...[...AWS_CLOUDQUERY_TABLES, ...AWS_CLOUDQUERY_SERVICE_TABLES, ...AWS_CLOUDQUERY_PRINCIPAL_TABLES].map(
    withCsvColumns,
  ),
  ...AZURE_CLOUDQUERY_TABLES,
  ...GCP_CLOUDQUERY_TABLES,
];

const DESCRIPTION = `CloudQuery file destination, format json (one row a line; the table from the file's name or folder): ${TABLES.map(({ table }) => table).join(', ')} read; other tables skipped with the reason`;

/**
 * CloudQuery's `file` destination with `format: json`: each table's rows, one JSON object a
 * line, in a file named after the table (`{{TABLE}}/{{UUID}}.json` by default). Rows of the
 * tables kansa reads are put back into the API records their columns flatten; the rest are
 * skipped with the reason.
 */
export const cloudQueryRecords: RecordFormat = {
  kind: 'ndjson',
  id: 'cloudquery',
  provider: 'any',
  description: DESCRIPTION,
  matches: isCloudQueryRow,
  read: (record, ctx, line) => readRow(record, ctx, { line }),
};

/** The same rows in a file of one line (a table with one row), or gathered into an array. */
export const cloudQueryDocument: DocumentFormat = {
  kind: 'document',
  id: 'cloudquery',
  provider: 'any',
  description: DESCRIPTION,
  matches: (document) =>
    isCloudQueryRow(document) || (Array.isArray(document) && isCloudQueryRow(document[0])),
  *read(document, ctx) {
    if (!Array.isArray(document)) return yield* readRow(document, ctx, { index: 0 });
    for (const [index, row] of document.entries()) yield* readRow(row, ctx, { index });
  },
};

function* readRow(
  record: unknown,
  ctx: ReadContext,
  where: { readonly line: number } | { readonly index: number },
): Generator<Resource> {
  const origin: Origin = { file: ctx.file, ...where };
  const result = readCloudQueryRow(record, ctx.file, origin);
  if ('skip' in result) ctx.skip(result.skip, where);
  else yield* result;
}

/** The table kansa reads by that name. */
export function cloudQueryTable(name: string): CloudQueryTable | undefined {
  return TABLES_BY_NAME.get(name);
}

/** Each table read, by its name (a file's every row looks its table up). */
const TABLES_BY_NAME: ReadonlyMap<string, CloudQueryTable> = new Map(
  TABLES.map((table) => [table.table, table]),
);

/** A row of the table its file names: its resources, or why it is skipped. */
export function readCloudQueryRow(
  record: unknown,
  file: string,
  origin: Origin,
): readonly Resource[] | { readonly skip: string } {
  if (!isCloudQueryRow(record)) return { skip: 'not a CloudQuery row (no `_cq_id` column)' };
  const name = cloudQueryTableName(file);
  if (name === undefined)
    return {
      skip: 'a CloudQuery row in a file whose name names no table: keep the file destination path {{TABLE}}/{{UUID}}.{{FORMAT}} or {{TABLE}}.{{FORMAT}}',
    };
  const table = cloudQueryTable(name);
  if (!table) return { skip: `a CloudQuery ${name} row: kansa does not read this table's columns` };
  const missing = table.requiredColumns.filter((column) => !(column in record));
  if (missing.length > 0)
    return {
      skip: `a CloudQuery ${name} row without the columns ${missing.join(', ')}: their settings are unknown; sync the table without skip_columns`,
    };
  const row = { ...record };
  for (const column of table.jsonColumns) if (column in row) row[column] = jsonColumn(row[column]);
  return table.read(row, origin);
}
