import type { DocumentFormat } from '../format.ts';
import { isObject } from './arm-record.ts';
import { firstRow, isArmArray, looksLikeGraphRow, readRows, requireArray } from './rows.ts';

/**
 * `az graph query -q "…" -o json`. The resource-graph extension 2.x prints
 * `{"count", "data": [...], "skip_token", "total_records"}` (snake_case: the CLI's own
 * envelope); 1.x printed the bare row array, told from `az … list` arrays by the rows'
 * Resource Graph shape (see `looksLikeGraphRow`).
 */
export const azureGraphCli: DocumentFormat = {
  kind: 'document',
  id: 'azure-graph-cli',
  provider: 'azure',
  description: 'Azure Resource Graph query output of the CLI (az graph query -o json)',
  matches(document) {
    if (isArmArray(document)) return looksLikeGraphRow(firstRow(document));
    return (
      isObject(document) && 'data' in document && ('skip_token' in document || 'total_records' in document)
    );
  },
  read(document, ctx) {
    const rows = Array.isArray(document)
      ? document
      : requireArray(ctx, (document as { data: unknown }).data, 'data');
    return readRows(rows, ctx, 'graph');
  },
};
