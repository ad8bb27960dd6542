import type { DocumentFormat } from '../format.ts';
import { get, isObject } from './arm-record.ts';
import { graphRowsOf, partialAnswer, readRows } from './rows.ts';

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
    const rows = graphRowsOf(ctx, get(document, 'data'), 'data');
    return partialAnswer(ctx, readRows(rows, ctx, 'graph'), {
      count: get(document, 'count'),
      total: get(document, 'totalRecords'),
      skipToken: get(document, '$skipToken'),
    });
  },
};
