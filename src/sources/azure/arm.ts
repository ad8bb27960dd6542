import type { DocumentFormat } from '../format.ts';
import { isArmRecord, isObject } from './arm-record.ts';
import { firstRow, isArmArray, looksLikeGraphRow, readRows, requireArray } from './rows.ts';

/**
 * ARM as users save it: a list body `{"value": [...], "nextLink"?}` (REST, and
 * `az monitor diagnostic-settings list`), one resource object (`az storage account show`,
 * `az resource show`, REST GET) and `az … list -o json` arrays. The CLI flattens
 * `properties` into the object for many types; `arm-record` reads both.
 */
export const azureArm: DocumentFormat = {
  kind: 'document',
  id: 'azure-arm',
  provider: 'azure',
  description: 'Azure Resource Manager JSON: REST list bodies {"value": [...]}, az … show / list -o json',
  matches(document) {
    if (isArmArray(document)) return !looksLikeGraphRow(firstRow(document));
    if (!isObject(document)) return false;
    if ('value' in document) {
      // An empty list is a real answer (a subscription without diagnostic settings).
      const value = document.value;
      return Array.isArray(value) && (value.length === 0 || isArmRecord(firstRow(value)));
    }
    return isArmRecord(document);
  },
  read(document, ctx) {
    if (Array.isArray(document)) return readRows(document, ctx);
    if (isObject(document) && 'value' in document)
      return readRows(requireArray(ctx, document.value, 'value'), ctx);
    return readRows([document], ctx);
  },
};
