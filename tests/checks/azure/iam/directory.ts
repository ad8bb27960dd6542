import { jsonFile } from '../../../helpers/exports.ts';
import { SUBSCRIPTION_ID } from '../arg-rows.ts';

/** Role definition GUIDs of the built-in roles the cases assign. */
export const ROLES = {
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  userAccessAdministrator: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  networkContributor: '4d97b98b-1d4f-4787-a291-c67834d212e7',
} as const;

const TENANT = 'kansacorp.onmicrosoft.com';
export const MEMBER = { id: '6a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a51', upn: `taro.yamada@${TENANT}` };
export const GUEST = {
  id: '6a1b2c3d-2222-4e5f-8a9b-0c1d2e3f4a52',
  upn: `vendor.ops_example.co.jp#EXT#@${TENANT}`,
};
export const GROUP_ID = '7c2d3e4f-5555-4a6b-9c8d-1e2f3a4b5c65';

let next = 0;
/**
 * A role assignment as the REST API lists it (`GET …/roleAssignments?api-version=2022-04-01`,
 * `properties` with the principal by object id only), on the subscription unless a scope is given.
 */
export function restAssignment(
  principalId: string,
  role: string,
  principalType = 'User',
  scope = SUBSCRIPTION_ID,
) {
  const name = `5a1b0000-0000-4eee-8fff-${String(++next).padStart(12, '0')}`;
  return {
    properties: {
      roleDefinitionId: `${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/${role}`,
      principalId,
      principalType,
      scope,
      condition: null,
      conditionVersion: null,
      createdOn: '2025-02-10T03:00:41.2105126Z',
    },
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    type: 'Microsoft.Authorization/roleAssignments',
    name,
  };
}
/** A REST role assignment with a condition (ABAC, version 2.0) on it. */
export function withCondition(assignment: ReturnType<typeof restAssignment>, condition: string) {
  return { ...assignment, properties: { ...assignment.properties, condition, conditionVersion: '2.0' } };
}

/**
 * The condition of Microsoft Learn's "Delegate Azure role assignment management to others with
 * conditions" (the portal's "Allow user to only assign selected roles"): assign and remove only
 * the roles given.
 */
export function delegationCondition(...roles: string[]): string {
  const list = roles.join(', ');
  return (
    "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR " +
    `(@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${list}})) AND ` +
    "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR " +
    `(@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${list}}))`
  );
}

export const assignmentList = (...assignments: unknown[]) =>
  jsonFile({ value: assignments }, 'role-assignments.json');

/** Microsoft Graph `GET /users?$select=id,displayName,userPrincipalName,userType` (and `accountEnabled` where given). */
export const graphUsers = (
  ...users: { id: string; upn: string; userType?: string; accountEnabled?: boolean }[]
) =>
  jsonFile(
    {
      '@odata.context':
        'https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,userPrincipalName,userType)',
      value: users.map(({ id, upn, userType, accountEnabled }) => ({
        id,
        displayName: upn.split('@')[0],
        userPrincipalName: upn,
        ...(userType && { userType }),
        ...(accountEnabled !== undefined && { accountEnabled }),
      })),
    },
    'graph-users.json',
  );

/**
 * Microsoft Graph `GET /reports/authenticationMethods/userRegistrationDetails` (its `userType`
 * in lower case, `isMfaRegistered`, `methodsRegistered`).
 */
export const registrationDetails = (
  ...users: { id: string; upn: string; userType: string; mfa: boolean }[]
) =>
  jsonFile(
    {
      '@odata.context':
        'https://graph.microsoft.com/v1.0/$metadata#reports/authenticationMethods/userRegistrationDetails',
      value: users.map(({ id, upn, userType, mfa }) => ({
        id,
        userPrincipalName: upn,
        userDisplayName: upn.split('@')[0],
        userType,
        isAdmin: false,
        isSsprRegistered: false,
        isMfaRegistered: mfa,
        isMfaCapable: mfa,
        isPasswordlessCapable: false,
        methodsRegistered: mfa ? ['microsoftAuthenticatorPush'] : [],
        lastUpdatedDateTime: '2026-11-30T21:04:18.1129871Z',
      })),
    },
    'user-registration-details.json',
  );
