import { InputError } from '../../base/input-error.ts';
import type { Resource } from '../../model/resource.ts';
import type { ReadContext } from '../format.ts';
import { toResource } from './adapters/index.ts';
import { get, isArmShaped, isObject } from './arm-record.ts';

/** Reads rows of any Azure dialect, skipping (with the reason) those that are not usable resources. */
export function* readRows(rows: readonly unknown[], ctx: ReadContext): Iterable<Resource> {
  for (let index = 0; index < rows.length; index++) {
    const result = toResource(rows[index], { file: ctx.file, index }, (note) => ctx.note?.(note, { index }));
    if ('skip' in result) ctx.skip(result.skip, { index });
    else yield result;
  }
}

/** The first object of a list: formats are told apart by the shape of their rows. */
export function firstRow(rows: readonly unknown[]): unknown {
  return rows.find(isObject);
}

/** A bare array of ARM records (`az … list -o json`, the pre-2.0 `az graph query`). */
export function isArmArray(document: unknown): document is unknown[] {
  return Array.isArray(document) && isArmShaped(firstRow(document));
}

/**
 * Resource Graph rows: lower-cased `type` and a `subscriptionId` column, where ARM list bodies
 * and `az … list` keep the provider's casing (`Microsoft.Storage/storageAccounts`).
 */
export function looksLikeGraphRow(row: unknown): boolean {
  const type = get(row, 'type');
  return (
    typeof type === 'string' && type === type.toLowerCase() && typeof get(row, 'subscriptionId') === 'string'
  );
}

/** The rows list of a document, or an InputError naming the field that should hold it. */
export function requireArray(ctx: ReadContext, value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new InputError(ctx.file, `\`${field}\` is not an array`);
  return value;
}
