/**
 * Azure built-in roles by definition GUID (the same in every tenant), for the checks that judge
 * a role assignment by its role when the export holds no definition of it, and for the readers
 * of inputs that name a role by its name (Terraform's `role_definition_name`).
 * https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
 */

import {
  CLASSIC_ACCOUNT_ADMINISTRATOR,
  CLASSIC_CO_ADMINISTRATOR,
  CLASSIC_SERVICE_ADMINISTRATOR,
} from './azure.ts';

/**
 * Built-in roles that control the whole scope: Owner, and the roles that may assign any role
 * (`Microsoft.Authorization/roleAssignments/write`), so grant themselves Owner.
 */
/** Owner's definition GUID. */
export const OWNER_ROLE = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
/** Contributor's definition GUID: every action but those of Microsoft.Authorization (and a few others). */
export const CONTRIBUTOR_ROLE = 'b24988ac-6180-42a0-ab88-20f7382dd24c';

export const PRIVILEGED_BUILT_IN_ROLES: Readonly<Record<string, string>> = {
  [OWNER_ROLE]: 'Owner',
  '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9': 'User Access Administrator',
  'f58310d9-a9f6-439a-9e8d-f62e7b41a168': 'Role Based Access Control Administrator',
  // The classic subscription administrators (retired in 2024), which have Owner's access to the
  // subscription, by the names the readers give their roles (model/azure.ts).
  [CLASSIC_SERVICE_ADMINISTRATOR]: 'Service Administrator (classic)',
  [CLASSIC_CO_ADMINISTRATOR]: 'Co-Administrator (classic)',
};

/**
 * Common built-in roles that may not assign roles: Contributor's `*` less its `notActions`
 * (every write of `Microsoft.Authorization`), readers, and the service and data-plane roles. A role
 * neither here nor among the privileged ones is judged on its definition in the export.
 */
export const UNPRIVILEGED_BUILT_IN_ROLES: Readonly<Record<string, string>> = {
  // The classic Account Administrator manages billing, and has no access to the subscription's resources.
  [CLASSIC_ACCOUNT_ADMINISTRATOR]: 'Account Administrator (classic)',
  [CONTRIBUTOR_ROLE]: 'Contributor',
  'acdd72a7-3385-48ef-bd42-f606fba81ae7': 'Reader',
  '39bc4728-0917-49c7-9d2c-d95423bc2eb4': 'Security Reader',
  'fb1c8493-542b-48eb-b624-b4c8fea62acd': 'Security Admin',
  '43d0d8ad-25c7-4714-9337-8ba259a9fe05': 'Monitoring Reader',
  '749f88d5-cbae-40b8-bcfc-e573ddc772fa': 'Monitoring Contributor',
  '92aaf0da-9dab-42b6-94a3-d43ce8d16293': 'Log Analytics Contributor',
  '73c42c96-874c-492b-b04d-ab87d138a893': 'Log Analytics Reader',
  '9980e02c-c2be-4d73-94e8-173b1dc7cf3c': 'Virtual Machine Contributor',
  '1c0163c0-47e6-4577-8991-ea5c82e286e4': 'Virtual Machine Administrator Login',
  'fb879df8-f326-4884-b1cf-06f3ad86be52': 'Virtual Machine User Login',
  '4d97b98b-1d4f-4787-a291-c67834d212e7': 'Network Contributor',
  '17d1049b-9a84-46fb-8f53-869881c3d3ab': 'Storage Account Contributor',
  'ba92f5b4-2d11-453d-a403-e96b0029c9fe': 'Storage Blob Data Contributor',
  '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1': 'Storage Blob Data Reader',
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b': 'Storage Blob Data Owner',
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88': 'Storage Queue Data Contributor',
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3': 'Storage Table Data Contributor',
  '00482a5a-887f-4fb3-b363-3b7fe8e74483': 'Key Vault Administrator',
  'f25e0fa2-a7c8-4377-a976-54943a77a395': 'Key Vault Contributor',
  '21090545-7ca7-4776-b22c-e363652d74d2': 'Key Vault Reader',
  '4633458b-17de-408a-b874-0445c86b69e6': 'Key Vault Secrets User',
  'b86a8fe4-44ce-4948-aee5-eccb2c155cd7': 'Key Vault Secrets Officer',
  '12338af0-0e69-4776-bea7-57ae8d297424': 'Key Vault Crypto User',
  'e147488a-f6f5-4113-8e2d-b22465e65bf6': 'Key Vault Crypto Service Encryption User',
  '7f951dda-4ed3-4680-a7ca-43fe172d538d': 'AcrPull',
  '8311e382-0749-4cb8-b61a-304f252e45ec': 'AcrPush',
  'de139f84-1756-47ae-9be6-808fbbe84772': 'Website Contributor',
  '9b7fa17d-e63e-47b0-bb0a-15c516ac86ec': 'SQL DB Contributor',
  '6d8ee4ec-f05a-4a1d-8b00-a9b17e38b437': 'SQL Server Contributor',
  '4abbcc35-e782-43d8-92c5-2d3f1bd2253f': 'Azure Kubernetes Service Cluster User Role',
  '0ab0b1a8-8aac-4efd-b8c2-3ee1fb270be8': 'Azure Kubernetes Service Cluster Admin Role',
  'f1a07417-d97a-45cb-824c-7a7467783830': 'Managed Identity Operator',
  '72fafb9e-0641-4937-9268-a91bfd8191a3': 'Cost Management Reader',
  'a97b65f3-24c7-4388-baec-2e87135dc908': 'Cognitive Services User',
  '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd': 'Cognitive Services OpenAI User',
};

/** A built-in role's GUID by its name, in any case (`Owner`, `owner`); undefined for any other role. */
export function builtInRoleId(name: string): string | undefined {
  return BUILT_IN_ROLE_IDS.get(name.toLowerCase());
}

const BUILT_IN_ROLE_IDS = new Map(
  Object.entries({ ...PRIVILEGED_BUILT_IN_ROLES, ...UNPRIVILEGED_BUILT_IN_ROLES }).map(([id, name]) => [
    name.toLowerCase(),
    id,
  ]),
);
