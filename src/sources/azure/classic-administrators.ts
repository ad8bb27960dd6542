import { get, isObject, type JsonObject } from './arm-record.ts';

/**
 * `az role assignment list --include-classic-administrators` appends the subscription's classic
 * administrators (retired in August 2024; older exports keep them) as rows without an ARM id:
 * `id` and `name` `NA(classic admins)`, `principalName` the e-mail address, `principalId` the
 * Entra object id (null where none matches), `roleDefinitionName` the classic roles
 * (`ServiceAdministrator;AccountAdministrator`, `CoAdministrator`), `roleDefinitionId` `NA(classic
 * admin role)`, `scope` the subscription; older CLI versions put these under `properties`
 * (azure-cli's role module, `_backfill_assignments_for_co_admins`). Each is read as the ARM
 * record the REST API lists them as (`GET /subscriptions/<id>/providers/Microsoft.Authorization/
 * classicAdministrators`), named by its e-mail address; any other row is returned as it is.
 */
export function classicAdministratorRow(row: unknown): unknown {
  if (!isObject(row) || get(row, 'id') !== CLASSIC_ADMINISTRATORS) return row;
  const fields: JsonObject = isObject(get(row, 'properties')) ? (get(row, 'properties') as JsonObject) : row;
  const scope = get(fields, 'scope');
  const email = get(fields, 'principalName');
  if (typeof scope !== 'string' || typeof email !== 'string') return row;
  return {
    id: `${scope}/providers/Microsoft.Authorization/classicAdministrators/${email}`,
    name: email,
    type: 'Microsoft.Authorization/classicAdministrators',
    properties: {
      emailAddress: email,
      role: get(fields, 'roleDefinitionName'),
      principalId: get(fields, 'principalId'),
    },
  };
}

const CLASSIC_ADMINISTRATORS = 'NA(classic admins)';
