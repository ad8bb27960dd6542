import type { DocumentFormat } from '../format.ts';
import { GUID, isObject, type JsonObject } from './arm-record.ts';
import { readRows, subscriptionRecord } from './rows.ts';

/**
 * `az account list` and `az account show`: the subscriptions the signed-in identity sees, as the
 * CLI keeps them in its profile (`id` the bare subscription GUID, `name` its display name,
 * `state`, `tenantId`, `isDefault`, `cloudName`, `user`). A handover puts it beside the exports
 * to say which subscriptions there are: each is read as the subscription's ARM record
 * (`/subscriptions/<id>`), so a subscription listed with nothing else exported has its
 * subscription-wide checks, UNKNOWN until its settings are exported.
 */
export const azureAccountList: DocumentFormat = {
  kind: 'document',
  id: 'azure-account-list',
  provider: 'azure',
  description: 'az account list / az account show: the subscriptions the CLI signed in to',
  matches(document) {
    const [first] = rowsOf(document);
    return first !== undefined && isAccount(first);
  },
  read(document, ctx) {
    return readRows(
      rowsOf(document).map((row) =>
        isAccount(row) ? subscriptionRecord(row.id, row.name, row.state, row.tenantId) : row,
      ),
      ctx,
    );
  },
};

function rowsOf(document: unknown): readonly unknown[] {
  return Array.isArray(document) ? document : [document];
}

/** A subscription of the CLI's profile: a bare GUID `id` beside `tenantId`, `state` and `cloudName`. */
function isAccount(row: unknown): row is JsonObject & { id: string } {
  return (
    isObject(row) &&
    typeof row.id === 'string' &&
    GUID.test(row.id) &&
    typeof row.tenantId === 'string' &&
    typeof row.state === 'string' &&
    typeof row.cloudName === 'string'
  );
}
