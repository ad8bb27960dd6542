import { expect } from 'vitest';
import { jsonFile } from '../../../helpers/exports.ts';
import type { AnyCase } from '../../../helpers/rule-tester.ts';
import { type Change, constant, plan, ref } from '../../../iac/dialect-plan.ts';
import { SUBSCRIPTION, SUBSCRIPTION_ID, subscriptionRow, TENANT } from '../arg-rows.ts';

/**
 * Custom roles (privileged-count.cases.ts has the built-in ones): a role that may assign roles
 * is as privileged as Owner; a role whose definition the export does not hold is unknown.
 */

const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const CONTRIBUTOR = 'b24988ac-6180-42a0-ab88-20f7382dd24c';
const RBAC_ADMINISTRATOR = 'f58310d9-a9f6-439a-9e8d-f62e7b41a168';
const CITY_ADMIN = '4c3b2a19-8d7e-4f6a-9b5c-0d1e2f3a4b5c';
const CITY_OPERATOR = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';
const ACCESS_DELEGATE = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

let next = 100;
const principal = (n: number) => `22222222-bbbb-4ccc-8ddd-${String(n).padStart(12, '0')}`;

/** An authorizationresources role assignment row on the subscription, as `az graph query` prints it. */
function assignment(who: string, role: string) {
  const name = `7d1c5e3f-3333-4e1f-8a3b-${String(++next).padStart(12, '0')}`;
  return {
    id: `${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    name,
    type: 'microsoft.authorization/roleassignments',
    subscriptionId: SUBSCRIPTION,
    resourceGroup: '',
    location: '',
    properties: {
      principalId: who,
      principalType: 'User',
      roleDefinitionId: `${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/RoleDefinitions/${role}`,
      scope: SUBSCRIPTION_ID,
    },
  };
}

interface Permission {
  readonly actions: readonly string[];
  readonly notActions?: readonly string[];
}

/**
 * A custom role as Resource Graph's authorizationresources holds it: `properties.type`
 * CustomRole, `permissions[]` with their actions, the subscription in the id.
 */
function graphRole(guid: string, roleName: string, permissions: readonly Permission[]) {
  return {
    id: `${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/RoleDefinitions/${guid}`,
    name: guid,
    type: 'microsoft.authorization/roledefinitions',
    tenantId: TENANT,
    subscriptionId: SUBSCRIPTION,
    resourceGroup: '',
    location: '',
    properties: {
      roleName,
      type: 'CustomRole',
      description: `${roleName} (city IT)`,
      assignableScopes: [SUBSCRIPTION_ID],
      permissions: permissions.map((p) => ({
        actions: p.actions,
        notActions: p.notActions ?? [],
        dataActions: [],
        notDataActions: [],
      })),
      createdOn: '2024-02-01T01:23:45.0000000Z',
      updatedOn: '2024-02-01T01:23:45.0000000Z',
    },
  };
}

/**
 * `az role definition list --custom-role-only true` as the CLI prints it: flattened, the role's
 * type as `roleType`, every id prefixed with the subscription it was run in (here another one
 * the role is assignable in: the GUID is the role, and the listing makes no account of it).
 */
function cliRole(guid: string, roleName: string, permissions: readonly Permission[]) {
  const listedIn = '/subscriptions/5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';
  return {
    assignableScopes: [SUBSCRIPTION_ID, listedIn],
    createdBy: null,
    createdOn: '2024-02-01T01:23:45.000000+00:00',
    description: `${roleName} (city IT)`,
    id: `${listedIn}/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
    name: guid,
    permissions: permissions.map((p) => ({
      actions: p.actions,
      condition: null,
      conditionVersion: null,
      dataActions: [],
      notActions: p.notActions ?? [],
      notDataActions: [],
    })),
    roleName,
    roleType: 'CustomRole',
    type: 'Microsoft.Authorization/roleDefinitions',
    updatedBy: null,
    updatedOn: '2024-02-01T01:23:45.000000+00:00',
  };
}

/** The subscription's row naming its management groups (none of which assigns a role here). */
const underGroups = () => {
  const row = subscriptionRow();
  return {
    ...row,
    properties: {
      ...(row.properties as object),
      managementGroupAncestorsChain: [{ name: TENANT, displayName: 'Tenant Root Group' }],
    },
  };
};

const ALL: Permission = { actions: ['*'] };
const CONTRIBUTOR_LIKE: Permission = {
  actions: ['*'],
  notActions: [
    'Microsoft.Authorization/*/Delete',
    'Microsoft.Authorization/*/Write',
    'Microsoft.Authorization/elevateAccess/Action',
  ],
};
const READ_SUPPORT: Permission = { actions: ['*/read', 'Microsoft.Support/*'] };

export const customRoleCases: AnyCase[] = [
  {
    name: 'a custom role granting * (Resource Graph’s role definitions) counts as Owner does',
    records: [
      underGroups(),
      graphRole(CITY_ADMIN, 'City Subscription Admin', [ALL]),
      ...[1, 2, 3].map((n) => assignment(principal(n), OWNER)),
      assignment(principal(4), CITY_ADMIN),
    ],
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 4 },
  },
  {
    name: 'a custom role granting Microsoft.Authorization/* in its second permission counts',
    records: [
      underGroups(),
      graphRole(ACCESS_DELEGATE, 'Access Delegate', [
        READ_SUPPORT,
        { actions: ['Microsoft.Authorization/*'] },
      ]),
      assignment(principal(1), OWNER),
      assignment(principal(2), ACCESS_DELEGATE),
    ],
    status: 'PASS',
    messageId: 'withinLimit',
    data: { count: 2, principals: [principal(1), principal(2)] },
  },
  {
    name: 'a custom role with * less Microsoft.Authorization/*/Write (as Contributor) does not count',
    records: [
      underGroups(),
      graphRole(CITY_OPERATOR, 'City Operator', [CONTRIBUTOR_LIKE]),
      assignment(principal(1), OWNER),
      ...[2, 3, 4].map((n) => assignment(principal(n), CITY_OPERATOR)),
    ],
    status: 'PASS',
    messageId: 'withinLimit',
    data: { count: 1 },
  },
  {
    name: 'az role definition list output, run in another subscription: the role granting roleAssignments/write counts',
    records: [
      underGroups(),
      assignment(principal(1), OWNER),
      assignment(principal(2), ACCESS_DELEGATE),
      assignment(principal(3), CITY_OPERATOR),
      jsonFile(
        [
          cliRole(ACCESS_DELEGATE, 'Access Delegate', [
            { actions: ['Microsoft.Authorization/roleAssignments/write', '*/read'] },
          ]),
          cliRole(CITY_OPERATOR, 'City Operator', [READ_SUPPORT]),
        ],
        'role-definitions.json',
      ),
    ],
    params: { maxPrivilegedPrincipals: 1 },
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 2, principals: [principal(1), principal(2)] },
  },
  {
    // Its holder rewrites the custom role it holds (assignable here) to add roleAssignments/write.
    name: 'a custom role allowed Microsoft.Authorization/roleDefinitions/write (may widen itself) counts',
    records: [
      underGroups(),
      graphRole(ACCESS_DELEGATE, 'Role Author', [
        READ_SUPPORT,
        {
          actions: [
            'Microsoft.Authorization/roleDefinitions/write',
            'Microsoft.Authorization/roleDefinitions/read',
          ],
        },
      ]),
      assignment(principal(1), OWNER),
      assignment(principal(2), ACCESS_DELEGATE),
    ],
    params: { maxPrivilegedPrincipals: 1 },
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 2, principals: [principal(1), principal(2)] },
    assert: (result) =>
      expect(
        result.evidence.some((piece) =>
          JSON.stringify(piece).includes('Microsoft.Authorization/roleDefinitions/write'),
        ),
      ).toBe(true),
  },
  {
    name: 'a custom role allowed Microsoft.Authorization/role*/write less roleDefinitions and roleAssignments writes does not count',
    records: [
      underGroups(),
      graphRole(ACCESS_DELEGATE, 'Lock Keeper', [
        {
          actions: ['Microsoft.Authorization/*/write', '*/read'],
          notActions: [
            'Microsoft.Authorization/roleDefinitions/*',
            'Microsoft.Authorization/roleAssignments/write',
          ],
        },
      ]),
      assignment(principal(1), OWNER),
      assignment(principal(2), ACCESS_DELEGATE),
    ],
    params: { maxPrivilegedPrincipals: 1 },
    status: 'PASS',
    messageId: 'withinLimit',
    data: { count: 1, principals: [principal(1)] },
  },
  {
    // elevateAccess works for Entra ID Global Administrators only, whatever Azure role holds it.
    name: 'a custom role allowed only Microsoft.Authorization/elevateAccess/Action does not count',
    records: [
      underGroups(),
      graphRole(ACCESS_DELEGATE, 'Elevator', [{ actions: ['Microsoft.Authorization/elevateAccess/Action'] }]),
      assignment(principal(1), OWNER),
      assignment(principal(2), ACCESS_DELEGATE),
    ],
    params: { maxPrivilegedPrincipals: 1 },
    status: 'PASS',
    messageId: 'withinLimit',
    data: { count: 1, principals: [principal(1)] },
  },
  {
    name: 'Role Based Access Control Administrator may assign roles: it counts, Contributor does not',
    records: [
      underGroups(),
      assignment(principal(1), RBAC_ADMINISTRATOR),
      assignment(principal(2), CONTRIBUTOR),
    ],
    params: { maxPrivilegedPrincipals: 0 },
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 1, principals: [principal(1)] },
  },
  {
    name: 'a role neither built-in nor defined in the export, whose holder could take the count over the limit: UNKNOWN, naming the role',
    records: [
      underGroups(),
      ...[1, 2, 3].map((n) => assignment(principal(n), OWNER)),
      assignment(principal(4), CITY_ADMIN),
    ],
    status: 'UNKNOWN',
    messageId: 'roleNotExported',
    data: { count: 3, roles: [CITY_ADMIN] },
  },
  {
    // Even if the unknown role may assign roles, its holder leaves the count within the limit.
    name: 'a role neither built-in nor defined in the export, the count within the limit either way: PASS',
    records: [underGroups(), assignment(principal(1), OWNER), assignment(principal(2), CITY_ADMIN)],
    status: 'PASS',
    messageId: 'withinLimit',
    data: { count: 1 },
  },
  {
    name: 'a role not defined in the export, its known holders over the limit: FAIL',
    records: [
      underGroups(),
      ...[1, 2, 3, 4].map((n) => assignment(principal(n), OWNER)),
      assignment(principal(5), CITY_ADMIN),
    ],
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 4 },
  },
  {
    name: 'a custom role Resource Graph lists at the root (defined at a management group) counts',
    records: [
      underGroups(),
      {
        ...graphRole(CITY_ADMIN, 'City Subscription Admin', [
          { actions: ['Microsoft.Authorization/roleAssignments/*'] },
        ]),
        id: `/providers/Microsoft.Authorization/RoleDefinitions/${CITY_ADMIN}`,
        subscriptionId: '',
      },
      assignment(principal(1), CITY_ADMIN),
    ],
    params: { maxPrivilegedPrincipals: 0 },
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 1, principals: [principal(1)] },
  },
  {
    name: 'a role definition without its permissions (projected away) is unknown',
    records: [
      underGroups(),
      { ...graphRole(CITY_ADMIN, 'City Subscription Admin', [ALL]), properties: undefined },
      ...[1, 2, 3].map((n) => assignment(principal(n), OWNER)),
      assignment(principal(4), CITY_ADMIN),
    ],
    status: 'UNKNOWN',
    messageId: 'roleNotExported',
    data: { count: 3, roles: [CITY_ADMIN] },
  },
  ...planRoleCases(),
];

/**
 * Terraform plans: `azurerm_role_definition` as the azurerm docs' example writes it (`scope` the
 * subscription read when planning, `permissions { actions, not_actions }`, `assignable_scopes`;
 * `role_definition_id` and `role_definition_resource_id` computed), assigned by
 * `azurerm_role_assignment` through `role_definition_id = …role_definition_resource_id` or
 * `role_definition_name = …name`.
 */
function planRoleCases(): AnyCase[] {
  const definition = (name: string, permissions: { actions: string[]; not_actions: string[] }): Change => ({
    address: `azurerm_role_definition.${name}`,
    after: {
      name: `kansa-${name}`,
      scope: SUBSCRIPTION_ID,
      description: 'This is a custom role created via Terraform',
      permissions: [{ ...permissions, data_actions: [], not_data_actions: [] }],
      assignable_scopes: [SUBSCRIPTION_ID],
    },
    afterUnknown: { id: true, role_definition_id: true, role_definition_resource_id: true },
    expressions: {
      name: constant(`kansa-${name}`),
      scope: ref('data.azurerm_subscription.primary.id', 'data.azurerm_subscription.primary'),
    },
  });
  const assigned = (name: string, role: string, who: string, by: 'id' | 'name'): Change => ({
    address: `azurerm_role_assignment.${name}`,
    after: {
      scope: SUBSCRIPTION_ID,
      principal_id: who,
      ...(by === 'name' && { role_definition_name: `kansa-${role}` }),
    },
    afterUnknown: { id: true, name: true, role_definition_id: true, principal_type: true },
    expressions: {
      scope: ref('data.azurerm_subscription.primary.id', 'data.azurerm_subscription.primary'),
      principal_id: constant(who),
      ...(by === 'id'
        ? {
            role_definition_id: ref(
              `azurerm_role_definition.${role}.role_definition_resource_id`,
              `azurerm_role_definition.${role}`,
            ),
          }
        : {
            role_definition_name: ref(
              `azurerm_role_definition.${role}.name`,
              `azurerm_role_definition.${role}`,
            ),
          }),
    },
  });
  const planFile = (changes: Change[]) =>
    jsonFile(plan(changes, { providers: { azurerm: { features: constant([{}]) } } }), 'plan.json');
  return [
    {
      name: 'a Terraform plan’s custom role granting *, assigned by its role_definition_resource_id and by its name',
      records: [
        planFile([
          definition('admin', { actions: ['*'], not_actions: [] }),
          definition('operator', { actions: ['*'], not_actions: ['Microsoft.Authorization/*/Write'] }),
          assigned('admin1', 'admin', principal(1), 'id'),
          assigned('admin2', 'admin', principal(2), 'name'),
          assigned('ops', 'operator', principal(3), 'id'),
        ]),
      ],
      params: { maxPrivilegedPrincipals: 1 },
      status: 'FAIL',
      messageId: 'tooMany',
      data: { count: 2, principals: [principal(1), principal(2)] },
    },
  ];
}
