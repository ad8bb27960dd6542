import { get, isObject, type JsonObject } from './arm-record.ts';

/**
 * `az role assignment list --include-classic-administrators` appends the subscription's classic
 * administrators (retired in August 2024; older exports keep them) as rows without an ARM id:
 * `id` and `name` `NA(classic admins)`, `principalName` the e-mail address, `principalId` the
 * Entra object id (null where none matches), `roleDefinitionName` the classic roles
 * (`ServiceAdministrator;AccountAdministrator`, `CoAdministrator`), `roleDefinitionId` `NA(classic
 * admin role)`, `scope` the subscription; older CLI versions put these under `properties`
 * (azure-cli's role module, `_backfill_assignments_for_co_admins`). Each is read as the ARM
 * record the REST API lists them as (classicAdministratorRecord); any other row is returned as it is.
 */
export function classicAdministratorRow(row: unknown): unknown {
  if (!isObject(row) || get(row, 'id') !== CLASSIC_ADMINISTRATORS) return row;
  const fields: JsonObject = isObject(get(row, 'properties')) ? (get(row, 'properties') as JsonObject) : row;
  return (
    classicAdministratorRecord(
      get(fields, 'scope'),
      get(fields, 'principalName'),
      get(fields, 'roleDefinitionName'),
      get(fields, 'principalId'),
    ) ?? row
  );
}

const CLASSIC_ADMINISTRATORS = 'NA(classic admins)';

/**
 * `Get-AzRoleAssignment -IncludeClassicAdministrators` appends them as PSRoleAssignment objects
 * without `RoleAssignmentId`, `RoleDefinitionId` or `ObjectId`: `RoleDefinitionName` the classic
 * roles, `SignInName` (and `DisplayName`) the e-mail address, `Scope` the subscription (Az.Resources'
 * `ToPSRoleAssignment(ClassicAdministrator)`). Each is read as the ARM record the REST API lists
 * them as; any other object is returned as it is.
 */
export function classicAdministratorObject(object: unknown): unknown {
  if (!isObject(object) || !('RoleAssignmentId' in object) || get(object, 'RoleAssignmentId') !== null)
    return object;
  const roles = get(object, 'RoleDefinitionName');
  if (get(object, 'RoleDefinitionId') !== null || typeof roles !== 'string' || !CLASSIC_ROLES.test(roles))
    return object;
  return classicAdministratorRecord(get(object, 'Scope'), get(object, 'SignInName'), roles) ?? object;
}

/** The classic roles a classic administrator's role list names (`ServiceAdministrator;AccountAdministrator`). */
const CLASSIC_ROLES = /^\s*(service\s*administrator|account\s*administrator|co-?\s*administrator)\s*(;|$)/i;

/**
 * A classic administrator as the REST API lists it (`GET /subscriptions/<id>/providers/
 * Microsoft.Authorization/classicAdministrators`), named by its e-mail address, with its Entra
 * object id where the export gives one; undefined without a scope and an e-mail address.
 */
function classicAdministratorRecord(
  scope: unknown,
  email: unknown,
  roles: unknown,
  principalId?: unknown,
): JsonObject | undefined {
  if (typeof scope !== 'string' || typeof email !== 'string') return undefined;
  return {
    id: `${scope}/providers/Microsoft.Authorization/classicAdministrators/${email}`,
    name: email,
    type: 'Microsoft.Authorization/classicAdministrators',
    properties: { emailAddress: email, role: roles, principalId },
  };
}
