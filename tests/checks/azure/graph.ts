import { type ExportFile, graphQuery } from '../../helpers/exports.ts';
import { subscriptionRow } from './arg-rows.ts';

/** `az graph query` output of the rows with the subscription's own row, as a tenancy export holds it. */
export const withSubscription = (rows: readonly Record<string, unknown>[]): ExportFile =>
  graphQuery([subscriptionRow(), ...rows]);
