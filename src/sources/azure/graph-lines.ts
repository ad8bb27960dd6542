import type { RecordFormat } from '../format.ts';
import { isArmShaped } from './arm-record.ts';
import { looksLikeGraphRow, readRows } from './rows.ts';

/**
 * Resource Graph rows one a line, as `az graph query -q "…" | jq -c '.data[]'` (or
 * `Search-AzGraph … | ForEach-Object { $_ | ConvertTo-Json -Compress -Depth 20 }`) writes them
 * for tools that read JSON lines: each line a row, read as `azure-graph-cli` reads it. A line
 * is read alone, so what a row takes from the others of its answer (the security group of rules
 * listed on their own, the subscriptions a management group's role assignment is inherited by)
 * is not.
 */
export const azureGraphLines: RecordFormat = {
  kind: 'ndjson',
  id: 'azure-graph-ndjson',
  provider: 'azure',
  description: "Azure Resource Graph rows one a line (az graph query … | jq -c '.data[]')",
  matches: (record) => isArmShaped(record) && looksLikeGraphRow(record),
  read: (record, ctx, line) => readRows([record], ctx, 'graph', [line]),
};
