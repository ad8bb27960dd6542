import { type AzureRoleDefinitionFacts, azureRoleDefinitionId } from '../../../model/azure.ts';
import {
  PRIVILEGED_BUILT_IN_ROLES,
  UNPRIVILEGED_BUILT_IN_ROLES,
} from '../../../model/azure-built-in-roles.ts';
import type { Resource } from '../../../model/resource.ts';
import type { CheckContext, Evidence } from '../../check.ts';

/**
 * Whether a role may grant roles: a privileged built-in role, a definition in the export saying
 * so (`grantsRoles`, with the definition's fact, which says why where it cannot be read), or a
 * built-in role kansa knows may not; undefined when neither tells.
 */
export function roleGrants(
  role: string,
  ctx: CheckContext,
): { grants: boolean | undefined; definition?: Evidence } {
  if (role in PRIVILEGED_BUILT_IN_ROLES) return { grants: true };
  const definition = ctx.inventory.byId('azure', azureRoleDefinitionId(role)) as
    | Resource<AzureRoleDefinitionFacts>
    | undefined;
  const assigns = definition?.facts.grantsRoles;
  const told = definition && assigns && { ...assigns, resourceId: definition.id };
  if (told && told.source !== 'unknown') return { grants: told.value, definition: told };
  if (role in UNPRIVILEGED_BUILT_IN_ROLES) return { grants: false };
  return { grants: undefined, ...(told && { definition: told }) };
}

/**
 * Whether the role's definition in the export says it writes the resources of every provider, as
 * Contributor does (`writesEveryProvider`: a custom role of `*` less Microsoft.Authorization's
 * writes); false where the definition is absent or says otherwise.
 */
export function writesEveryProvider(role: string, ctx: CheckContext): boolean {
  const definition = ctx.inventory.byId('azure', azureRoleDefinitionId(role)) as
    | Resource<AzureRoleDefinitionFacts>
    | undefined;
  return definition?.facts.writesEveryProvider?.value === true;
}
