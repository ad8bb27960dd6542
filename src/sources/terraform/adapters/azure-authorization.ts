import { azureRoleDefinitionId } from '../../../model/azure.ts';
import { builtInRoleId } from '../../../model/azure-built-in-roles.ts';
import type { Resource } from '../../../model/resource.ts';
import type { TfInstance } from '../document.ts';
import { isObject, type JsonObject } from '../kind.ts';
import { Translation } from '../translation.ts';
import { type BuildContext, type TerraformAdapter, type Unit, valueOrReference } from './adapter.ts';
import { fromArm, set } from './azure-record.ts';

/**
 * azurerm_role_assignment as the ARM role assignment Resource Graph lists
 * (`microsoft.authorization/roleassignments`), for the count of privileged principals.
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_assignment
 */

function roleAssignment(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const assignment = unit.primary;
  const p: JsonObject = {};
  const rolePath = 'properties.roleDefinitionId';
  const name = tr.valuesOf(assignment).read('role_definition_name');
  // A built-in role by name (the provider then computes `role_definition_id`, known only after
  // apply): its id is the same in every tenant.
  const builtIn =
    name.state === 'known' && typeof name.value === 'string' ? builtInRoleId(name.value) : undefined;
  const idKnown = tr.valuesOf(assignment).read('role_definition_id').state === 'known';
  // A custom role of the plan, by `role_definition_id = azurerm_role_definition.x.role_definition_resource_id`
  // or `role_definition_name = azurerm_role_definition.x.name`: its id may be known only after apply.
  const [planRole, by] = idKnown ? [] : planRoleOf(assignment, ctx);
  if (!idKnown && builtIn) {
    tr.mark(rolePath, `${assignment.address}.role_definition_name`, 'known');
    p.roleDefinitionId = builtIn;
  } else if (planRole && by) {
    tr.mark(rolePath, `${assignment.address}.${by}`, 'known');
    p.roleDefinitionId = roleKey(planRole, tr, ctx);
  } else {
    set(p, 'roleDefinitionId', tr.read(assignment, 'role_definition_id', rolePath));
  }
  // A principal or scope of the plan (a managed identity, a resource group) is named by its address.
  set(p, 'principalId', valueOrReference(tr, ctx, assignment, 'principal_id', 'properties.principalId'));
  set(p, 'scope', valueOrReference(tr, ctx, assignment, 'scope', 'properties.scope'));
  set(p, 'principalType', tr.read(assignment, 'principal_type', 'properties.principalType'));
  return fromArm('Microsoft.Authorization/roleAssignments', p, tr);
}

/** The plan's role definition an assignment refers to, and the attribute that does. */
function planRoleOf(assignment: TfInstance, ctx: BuildContext): [TfInstance, string] | [] {
  for (const attribute of ['role_definition_id', 'role_definition_name']) {
    const [role] = ctx.referenced(assignment, attribute, ['azurerm_role_definition']);
    if (role) return [role, attribute];
  }
  return [];
}

/**
 * What names a role definition of the plan, as an assignment's role: its GUID
 * (`role_definition_id`) when the plan knows it, else its address (one role, whichever
 * assignment refers to it).
 */
function roleKey(role: TfInstance, tr: Translation, ctx: BuildContext): string {
  return (tr.valuesOf(role).knownText('role_definition_id') ?? ctx.idOf(role))
    .split('/')
    .pop()!
    .toLowerCase();
}

/**
 * azurerm_role_definition as ARM's custom role (`properties.type` CustomRole, `permissions[]`
 * of `actions` and `notActions`), read by the export adapter: whether the role may assign roles.
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_definition
 */
function roleDefinition(unit: Unit, tr: Translation): Resource {
  const role = unit.primary;
  const p: JsonObject = { type: 'CustomRole' };
  set(p, 'roleName', tr.read(role, 'name', 'properties.roleName'));
  const permissions = tr.read(role, 'permissions', 'properties.permissions');
  set(
    p,
    'permissions',
    Array.isArray(permissions)
      ? permissions.map((block) =>
          isObject(block)
            ? {
                actions: block.actions,
                notActions: block.not_actions,
                dataActions: block.data_actions,
                notDataActions: block.not_data_actions,
              }
            : block,
        )
      : permissions,
  );
  set(p, 'assignableScopes', tr.read(role, 'assignable_scopes', 'properties.assignableScopes'));
  return fromArm('Microsoft.Authorization/roleDefinitions', p, tr);
}

export const azureAuthorizationAdapters: Readonly<Record<string, TerraformAdapter>> = {
  azurerm_role_assignment: { provider: 'azure', build: roleAssignment, global: true },
  azurerm_role_definition: {
    provider: 'azure',
    build: roleDefinition,
    // Found by the key its assignments name it by (roleKey), as an export's role by its GUID.
    idOf: (unit, ctx) => azureRoleDefinitionId(roleKey(unit.primary, new Translation('after'), ctx)),
    global: true,
  },
};
