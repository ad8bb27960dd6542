import type { Resource } from '../../../model/resource.ts';
import type { JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import { type BuildContext, type TerraformAdapter, type Unit, valueOrReference } from './adapter.ts';
import { fromArm, set } from './azure-record.ts';

/**
 * azurerm_role_assignment as the ARM role assignment Resource Graph lists
 * (`microsoft.authorization/roleassignments`), for the count of privileged principals.
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_assignment
 */

/**
 * Built-in roles by name, as `role_definition_name` gives them (the provider then computes
 * `role_definition_id`, known only after apply). Their ids are the same in every tenant:
 * https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
 */
const BUILT_IN_ROLES: Readonly<Record<string, string>> = {
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  'user access administrator': '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
};

function roleAssignment(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const assignment = unit.primary;
  const p: JsonObject = {};
  const rolePath = 'properties.roleDefinitionId';
  const name = tr.valuesOf(assignment).read('role_definition_name');
  const builtIn =
    name.state === 'known' && typeof name.value === 'string'
      ? BUILT_IN_ROLES[name.value.toLowerCase()]
      : undefined;
  if (tr.valuesOf(assignment).read('role_definition_id').state !== 'known' && builtIn) {
    tr.mark(rolePath, `${assignment.address}.role_definition_name`, 'known');
    p.roleDefinitionId = builtIn;
  } else {
    set(p, 'roleDefinitionId', tr.read(assignment, 'role_definition_id', rolePath));
  }
  // A principal or scope of the plan (a managed identity, a resource group) is named by its address.
  set(p, 'principalId', valueOrReference(tr, ctx, assignment, 'principal_id', 'properties.principalId'));
  set(p, 'scope', valueOrReference(tr, ctx, assignment, 'scope', 'properties.scope'));
  set(p, 'principalType', tr.read(assignment, 'principal_type', 'properties.principalType'));
  return fromArm('Microsoft.Authorization/roleAssignments', p, tr);
}

export const azureAuthorizationAdapters: Readonly<Record<string, TerraformAdapter>> = {
  azurerm_role_assignment: { provider: 'azure', build: roleAssignment, global: true },
};
