import { explicit } from '../../model/fact.ts';
import { picked, type Resource } from '../../model/resource.ts';
import type { DocumentFormat, ReadContext } from '../format.ts';
import { isArmRecord, isArmShaped, isObject, type JsonObject } from './arm-record.ts';
import {
  isSavedIncomplete,
  listingOfFile,
  listingRecord,
  SUBSCRIPTION_LISTINGS,
  unreadListingOfFile,
} from './listing.ts';
import { firstRow, isArmArray, looksLikeGraphRow, readRows, requireArray } from './rows.ts';
import { isWholeListing, withVaultKeysListed } from './vault-keys-listing.ts';

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
  matches(raw) {
    const document = exampleBody(raw);
    if (isArmArray(document)) return !looksLikeGraphRow(firstRow(document));
    if (!isObject(document)) return false;
    if (isListBody(document)) {
      // An empty list is a real answer (a subscription without diagnostic settings).
      const value = document.value;
      return Array.isArray(value) && (value.length === 0 || isArmShaped(firstRow(value)));
    }
    return isArmRecord(document);
  },
  read(raw, ctx) {
    const document = exampleBody(raw);
    // `az … list -o json` prints the entries alone (`[]` where there are none).
    if (Array.isArray(document))
      return [
        ...subscriptionListing(ctx, ''),
        ...[...readRows(document, ctx)].map((row) => withVaultKeysListed(row, ctx.file)),
      ];
    if (isObject(document) && isListBody(document)) {
      const page = readRows(requireArray(ctx, document.value, 'value'), ctx);
      // What a live scan saved as not read whole: the subscription's facts it leaves unknown.
      const unread = unreadListingOfFile(ctx.file);
      if (unread) return [listingRecord(unread.subscription, unread.facts, ctx.file), ...page];
      // A page with a next one, or what a live scan saved as read in part, lists part of the
      // scope: it says nothing of what is absent.
      if (!isWholeListing(document) || isSavedIncomplete(ctx.file)) {
        if (listingOfFile(ctx.file))
          ctx.note?.(
            "a page of the subscription's listing that has a next one (nextLink): not the whole listing, it is not read as all there is",
          );
        return picked(page);
      }
      const rows = [...page].map((row) => withVaultKeysListed(row, `${ctx.file}: value`));
      return [...subscriptionListing(ctx, ': value'), ...rows];
    }
    // One resource (`az … show`, a REST GET): `az … list` prints an array even of one entry.
    return picked(readRows([document], ctx));
  },
};

/**
 * A subscription's own listing, present (even empty), as its file is named
 * (`budgets-<subscription id>.json`, listing.ts): what it lists is all there is. `member` is
 * where the answer holds the entries, for the fact's path.
 */
function subscriptionListing(ctx: ReadContext, member: string): Resource[] {
  const listing = listingOfFile(ctx.file);
  if (!listing) return [];
  const fact = explicit(true, `${ctx.file}${member}`);
  return [listingRecord(listing.subscription, { [SUBSCRIPTION_LISTINGS[listing.kind]]: fact }, ctx.file)];
}

/**
 * A list body: `value` beside no ARM id. One resource can have a `value` of its own: a server
 * parameter (`az postgres flexible-server parameter show`, `az mysql flexible-server parameter
 * show`: `{"id": "…/configurations/<name>", "value": "off"}`) is one resource, not a list.
 */
function isListBody(document: JsonObject): boolean {
  return 'value' in document && (Array.isArray(document.value) || !isArmRecord(document));
}

/**
 * The REST API specs' example files wrap the body in the exchange
 * (`{"parameters": {…}, "responses": {"200": {"body": {"value": [...]}}}}`): the first
 * successful response's body is the document.
 */
export function exampleBody(document: unknown): unknown {
  if (!isObject(document) || !isObject(document.responses) || !('parameters' in document)) return document;
  for (const [status, response] of Object.entries(document.responses)) {
    if (/^2\d\d$/.test(status) && isObject(response) && response.body !== undefined) return response.body;
  }
  return document;
}
