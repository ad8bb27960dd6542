import type { Resource } from '../../../model/resource.ts';
import { type CheckResult, notApplicable } from '../../check.ts';

/**
 * A database of a SQL logical server takes its network and TLS settings from the server, which
 * has its own finding: NOT_APPLICABLE on the database. undefined for every other resource.
 */
export function decidedOnServer<M extends string>(
  database: Resource,
  message: M,
): CheckResult<M> | undefined {
  return database.nativeType === 'microsoft.sql/servers/databases' ? notApplicable(message, []) : undefined;
}
