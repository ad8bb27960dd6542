import { InputError } from '../../base/input-error.ts';
import type { DocumentFormat, ReadContext } from '../format.ts';
import { get, isObject } from './arm-record.ts';
import { readRows } from './rows.ts';

/**
 * The Resource Graph REST response (POST …/providers/Microsoft.ResourceGraph/resources):
 * `{"totalRecords", "count", "resultTruncated": "true"|"false", "$skipToken"?, "data"}`, with
 * `data` a row array (resultFormat objectArray, the default since api-version 2021-03-01) or
 * a `{"columns": [{name, type}], "rows": [[…]]}` table (resultFormat table, older versions).
 */
export const azureGraphRest: DocumentFormat = {
  kind: 'document',
  id: 'azure-graph-rest',
  provider: 'azure',
  description: 'Azure Resource Graph REST API response (Microsoft.ResourceGraph/resources, one page)',
  matches(document) {
    return isObject(document) && 'totalRecords' in document && 'data' in document;
  },
  read(document, ctx) {
    const data = get(document, 'data');
    if (Array.isArray(data)) return readRows(data, ctx, 'graph');
    if (isObject(data) && Array.isArray(data.columns) && Array.isArray(data.rows)) {
      return readRows(tableToObjects(data.columns, data.rows, ctx), ctx, 'graph');
    }
    throw new InputError(ctx.file, '`data` is neither a row array nor a {columns, rows} table');
  },
};

function tableToObjects(columns: unknown[], rows: unknown[], ctx: ReadContext): unknown[] {
  const names = columns.map((column, i) => {
    const name = get(column, 'name');
    if (typeof name !== 'string') throw new InputError(ctx.file, `\`data.columns[${i}]\` has no name`);
    return name;
  });
  return rows.map((row) =>
    Array.isArray(row) ? Object.fromEntries(names.map((name, i) => [name, row[i]])) : row,
  );
}
