import type { DocumentFormat } from '../format.ts';
import { get, isObject } from './arm-record.ts';
import { firstRow, graphRowsOf, isArmArray, looksLikeGraphRow, partialAnswer, readRows } from './rows.ts';

/**
 * `az graph query -q "…" -o json`. The resource-graph extension 2.x prints
 * `{"count", "data": [...], "skip_token", "total_records"}` (snake_case: the Python SDK's
 * model, whose `as_dict()` scripts dump alike, `data` then a `{columns, rows}` table where the
 * API version's result format was table); 1.x printed the bare row array, told from `az … list`
 * arrays by the rows' Resource Graph shape (see `looksLikeGraphRow`). PowerShell's
 * `Search-AzGraph` gives the same rows (each with a `ResourceId` beside `id`): piped to
 * `ConvertTo-Json`, a bare array; its answer object converted whole (`ConvertTo-Json
 * -InputObject`, Az.ResourceGraph 0.11, before the answer became a list),
 * `{"SkipToken", "Data": [...]}`.
 */
export const azureGraphCli: DocumentFormat = {
  kind: 'document',
  id: 'azure-graph-cli',
  provider: 'azure',
  description:
    'Azure Resource Graph query output of the CLI (az graph query -o json) and of PowerShell (Search-AzGraph | ConvertTo-Json)',
  matches(document) {
    if (isArmArray(document)) return looksLikeGraphRow(firstRow(document));
    if (!isObject(document)) return false;
    if ('data' in document) return 'skip_token' in document || 'total_records' in document;
    return 'Data' in document && 'SkipToken' in document;
  },
  read(document, ctx) {
    if (Array.isArray(document)) return readRows(document, ctx, 'graph');
    const field = 'data' in (document as object) ? 'data' : 'Data';
    const rows = graphRowsOf(ctx, get(document, field), field);
    return partialAnswer(ctx, readRows(rows, ctx, 'graph'), {
      count: get(document, 'count'),
      total: get(document, 'total_records'),
      skipToken: get(document, 'skip_token') ?? get(document, 'SkipToken'),
    });
  },
};
