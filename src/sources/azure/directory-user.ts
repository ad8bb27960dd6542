import { type AzureDirectoryUserFacts, azureDirectoryUserId } from '../../model/azure.ts';
import type { Origin, Resource } from '../../model/resource.ts';
import { TENANT_ROOT } from './arm-record.ts';

/**
 * An Entra ID user as the directory user the Azure checks look up by object id (model/azure.ts):
 * at the tenant's root, whichever export (Microsoft Graph, Steampipe's azuread_user) told of it.
 */
export function directoryUserResource(
  objectId: string,
  name: string,
  facts: AzureDirectoryUserFacts,
  origin: Origin,
): Resource<AzureDirectoryUserFacts> {
  return {
    provider: 'azure',
    account: TENANT_ROOT,
    region: 'global',
    kansaType: 'iam.user',
    nativeType: 'microsoft.graph/users',
    id: azureDirectoryUserId(objectId),
    name,
    tags: {},
    facts,
    origin,
  };
}
