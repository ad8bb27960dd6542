import { type AzureRoleDefinitionFacts, azureRoleDefinitionId } from '../../../model/azure.ts';
import {
  PRIVILEGED_BUILT_IN_ROLES,
  UNPRIVILEGED_BUILT_IN_ROLES,
} from '../../../model/azure-built-in-roles.ts';
import type { Resource } from '../../../model/resource.ts';
import type { CheckContext, Evidence } from '../../check.ts';

/** What a role's definition tells of it: the definition in the export, or kansa's list of built-in roles. */
export interface RoleGrants {
  /**
   * Whether the role may grant roles: a privileged built-in role, a definition in the export
   * saying so (`grantsRoles`), or a built-in role kansa knows may not; undefined when neither tells.
   */
  readonly grants: boolean | undefined;
  /** The definition's `grantsRoles` fact, where it has one (it says why where it cannot be read). */
  readonly definition?: Evidence;
  /**
   * Whether the definition in the export says the role writes the resources of every provider, as
   * Contributor does (`writesEveryProvider`: a custom role of `*` less Microsoft.Authorization's
   * writes); false where the definition is absent or says otherwise.
   */
  readonly writesEveryProvider: boolean;
}

/** What the role's definition tells (RoleGrants), its definition looked up once. */
export function roleGrants(role: string, ctx: CheckContext): RoleGrants {
  const definition = ctx.inventory.byId('azure', azureRoleDefinitionId(role)) as
    | Resource<AzureRoleDefinitionFacts>
    | undefined;
  return {
    ...grantsOf(role, definition),
    writesEveryProvider: definition?.facts.writesEveryProvider?.value === true,
  };
}

/** RoleGrants.grants, and the definition's fact where it has one. */
function grantsOf(
  role: string,
  definition: Resource<AzureRoleDefinitionFacts> | undefined,
): Omit<RoleGrants, 'writesEveryProvider'> {
  if (role in PRIVILEGED_BUILT_IN_ROLES) return { grants: true };
  const assigns = definition?.facts.grantsRoles;
  const told = definition && assigns && { ...assigns, resourceId: definition.id };
  if (told && told.source !== 'unknown') return { grants: told.value, definition: told };
  if (role in UNPRIVILEGED_BUILT_IN_ROLES) return { grants: false };
  return { grants: undefined, ...(told && { definition: told }) };
}
