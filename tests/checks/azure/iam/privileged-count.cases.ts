import { graphQuery, jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { type Change, constant, plan, ref } from '../../../iac/dialect-plan.ts';
import { SUBSCRIPTION, SUBSCRIPTION_ID, subscriptionRow, TENANT } from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';
import { customRoleCases } from './privileged-count-roles.cases.ts';

const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const USER_ACCESS_ADMINISTRATOR = '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9';
const CONTRIBUTOR = 'b24988ac-6180-42a0-ab88-20f7382dd24c';

let next = 0;
/** An authorizationresources row as `az graph query` prints it. */
function assignment(principal: string, role: string | undefined, scope = SUBSCRIPTION_ID) {
  const name = `5b0c4a2e-1111-4c1e-9d2a-${String(++next).padStart(12, '0')}`;
  return {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    name,
    type: 'microsoft.authorization/roleassignments',
    subscriptionId: SUBSCRIPTION,
    resourceGroup: '',
    location: '',
    properties: {
      principalId: principal,
      principalType: 'User',
      ...(role
        ? { roleDefinitionId: `${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/RoleDefinitions/${role}` }
        : {}),
      scope,
    },
  };
}
const principal = (n: number) => `11111111-aaaa-4bbb-8ccc-${String(n).padStart(12, '0')}`;

const MANAGEMENT_GROUP = '/providers/Microsoft.Management/managementGroups/mg-osaka';

/**
 * A role assignment as `az role assignment list --subscription <id> --include-inherited` prints
 * it: flattened, with the role's and principal's names; those inherited from a management group
 * or the root carry their own scope and id, and no subscription.
 */
function cliAssignment(principal: string, role: string, scope = SUBSCRIPTION_ID) {
  const name = `6c1b4c7a-2222-4d0e-9f4d-${String(++next).padStart(12, '0')}`;
  const definitions = scope.startsWith('/subscriptions/') ? SUBSCRIPTION_ID : '';
  return {
    condition: null,
    conditionVersion: null,
    createdOn: '2024-04-12T02:11:47.531185+00:00',
    id: `${scope === '/' ? '' : scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    name,
    principalId: principal,
    principalName: `user${principal.slice(-2)}@contoso.onmicrosoft.com`,
    principalType: 'User',
    roleDefinitionId: `${definitions}/providers/Microsoft.Authorization/roleDefinitions/${role}`,
    roleDefinitionName: ROLE_NAMES[role] ?? 'User Access Administrator',
    scope,
    type: 'Microsoft.Authorization/roleAssignments',
  };
}

const ROLE_NAMES: Record<string, string> = {
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  'f58310d9-a9f6-439a-9e8d-f62e7b41a168': 'Role Based Access Control Administrator',
};

/**
 * Terraform plans: `azurerm_role_assignment` as the azurerm docs' example writes it (`scope =
 * data.azurerm_subscription.primary.id`, read when planning; `role_definition_name`, whose
 * `role_definition_id` the provider computes; `principal_id` a user's object id, or a managed
 * identity of the plan known only after apply).
 */
function planAssignment(name: string, role: string, principal: string | null): Change {
  return {
    address: `azurerm_role_assignment.${name}`,
    after: { scope: SUBSCRIPTION_ID, role_definition_name: role, principal_id: principal, condition: null },
    afterUnknown: {
      id: true,
      name: true,
      role_definition_id: true,
      principal_type: true,
      skip_service_principal_aad_check: true,
      ...(principal === null && { principal_id: true }),
    },
    expressions: {
      scope: ref('data.azurerm_subscription.primary.id', 'data.azurerm_subscription.primary'),
      role_definition_name: constant(role),
      principal_id:
        principal === null
          ? ref('azurerm_user_assigned_identity.app.principal_id', 'azurerm_user_assigned_identity.app')
          : constant(principal),
    },
  };
}
/** The managed identity whose principal id is known only after apply. */
const IDENTITY: Change = {
  address: 'azurerm_user_assigned_identity.app',
  after: { name: 'app', location: 'japaneast', resource_group_name: 'rg-kansa' },
  afterUnknown: { id: true, principal_id: true, client_id: true, tenant_id: true },
  expressions: { name: constant('app'), location: constant('japaneast') },
};
/**
 * A tenant-wide Resource Graph export (`az graph query` over the tenant): authorizationresources
 * rows of management groups' assignments name no subscription (`subscriptionId` empty), and the
 * subscription's resourcecontainers row names the groups above it, its parent first, to the
 * tenant root group (named by the tenant id), as Microsoft Learn's management-group samples read
 * `properties.managementGroupAncestorsChain`.
 */
function groupAssignment(principal: string, role: string | undefined, group: string) {
  const row = assignment(principal, role, `/providers/Microsoft.Management/managementGroups/${group}`);
  return {
    ...row,
    subscriptionId: '',
    properties: {
      ...row.properties,
      ...(role ? { roleDefinitionId: `/providers/Microsoft.Authorization/RoleDefinitions/${role}` } : {}),
    },
  };
}
const subscriptionUnder = (...groups: string[]) => {
  const row = subscriptionRow();
  const chain = groups.map((name) => ({ name, displayName: name === TENANT ? 'Tenant Root Group' : name }));
  return { ...row, properties: { ...(row.properties as object), managementGroupAncestorsChain: chain } };
};
const tenantExport = (rows: Record<string, unknown>[]) => graphQuery(rows);
const LISTED_TWICE = '3f2a9c1e-7b44-4d8e-a0c2-5e1d9b6f4a70';

const groupCases: AnyCase[] = [
  {
    name: 'a tenant-wide export: owners of the groups above the subscription count, those of another group do not',
    records: [
      tenantExport([
        subscriptionUnder('mg-osaka-prod', 'mg-osaka', TENANT),
        assignment(principal(1), OWNER),
        assignment(principal(2), OWNER),
        groupAssignment(principal(3), OWNER, 'mg-osaka'),
        groupAssignment(principal(4), USER_ACCESS_ADMINISTRATOR, TENANT),
        groupAssignment(principal(5), OWNER, 'mg-tokyo'),
      ]),
    ],
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 4, principals: [principal(1), principal(2), principal(3), principal(4)] },
  },
  {
    name: 'a tenant-wide export within the limit: another group’s owners are not the subscription’s',
    records: [
      tenantExport([
        subscriptionUnder('mg-osaka', TENANT),
        assignment(principal(1), OWNER),
        groupAssignment(principal(2), OWNER, 'mg-osaka'),
        ...[3, 4, 5].map((n) => groupAssignment(principal(n), OWNER, 'mg-tokyo')),
      ]),
    ],
    status: 'PASS',
    messageId: 'withinLimit',
    data: { count: 2 },
  },
  {
    name: 'a tenant-wide export without the subscription’s management groups, while groups have owners',
    records: [
      tenantExport([
        subscriptionRow(),
        assignment(principal(1), OWNER),
        groupAssignment(principal(2), OWNER, 'mg-osaka'),
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'groupsNotExported',
    data: { count: 1 },
  },
  {
    // The subscription's own list with what it inherits (az role assignment list --include-inherited,
    // the REST list for the subscription) holds every group's assignment that applies to it.
    name: 'without the subscription’s management groups, its own list holding what it inherits decides',
    records: [
      tenantExport([subscriptionRow(), groupAssignment(principal(5), OWNER, 'mg-tokyo')]),
      jsonFile(
        [
          cliAssignment(principal(1), OWNER),
          cliAssignment(principal(2), OWNER, MANAGEMENT_GROUP),
          cliAssignment(principal(3), USER_ACCESS_ADMINISTRATOR, '/'),
        ],
        'role-assignments.json',
      ),
    ],
    status: 'PASS',
    messageId: 'withinLimit',
    data: { count: 3 },
  },
  {
    // The root's assignments are copied into every subscription: they say nothing of its groups.
    name: 'without the subscription’s management groups, an assignment at the root alone does not decide',
    records: [
      tenantExport([
        subscriptionRow(),
        assignment(principal(1), OWNER),
        groupAssignment(principal(2), OWNER, 'mg-osaka'),
        {
          ...groupAssignment(principal(3), USER_ACCESS_ADMINISTRATOR, TENANT),
          id: `/providers/Microsoft.Authorization/roleAssignments/${LISTED_TWICE}`,
          properties: {
            principalId: principal(3),
            principalType: 'Group',
            roleDefinitionId: `/providers/Microsoft.Authorization/RoleDefinitions/${USER_ACCESS_ADMINISTRATOR}`,
            scope: '/',
          },
        },
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'groupsNotExported',
  },
  {
    name: 'without the subscription’s management groups, its own owners over the limit fail',
    records: [
      tenantExport([
        subscriptionRow(),
        ...[1, 2, 3, 4].map((n) => assignment(principal(n), OWNER)),
        groupAssignment(principal(5), OWNER, 'mg-osaka'),
      ]),
    ],
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 4 },
  },
  {
    name: 'a group’s assignment also in the subscription’s own list (az role assignment list --include-inherited) is one assignment',
    records: [
      tenantExport([
        subscriptionUnder('mg-osaka', TENANT),
        assignment(principal(1), OWNER),
        {
          ...groupAssignment(principal(2), undefined, 'mg-osaka'),
          id: `${MANAGEMENT_GROUP}/providers/Microsoft.Authorization/roleAssignments/${LISTED_TWICE}`,
          name: LISTED_TWICE,
        },
      ]),
      jsonFile(
        [
          {
            ...cliAssignment(principal(2), OWNER, MANAGEMENT_GROUP),
            id: `${MANAGEMENT_GROUP}/providers/Microsoft.Authorization/roleAssignments/${LISTED_TWICE}`,
            name: LISTED_TWICE,
            roleDefinitionId: undefined,
            roleDefinitionName: undefined,
          },
          cliAssignment(principal(1), OWNER),
          cliAssignment(principal(3), OWNER),
          cliAssignment(principal(4), OWNER),
        ],
        'role-assignments.json',
      ),
    ],
    // Listed twice, it is one assignment not read: with three owners known, it could be a fourth.
    status: 'UNKNOWN',
    messageId: 'incomplete',
    data: { count: 3, uncertain: 1 },
  },
];

/**
 * What `kansa scan --azure --save-inventory` writes for a subscription whose query of role
 * assignments (its own, or those above it) failed: an empty list body named for it
 * (sources/azure/listing.ts).
 */
const notAllRead = () => jsonFile({ value: [] }, `role-assignments-incomplete-${SUBSCRIPTION}.json`);

/**
 * A page of the REST list of the subscription's role assignments (GET …/roleAssignments,
 * `{"value": [...], "nextLink"}`) that has a next one, the assignments in ARM's own shape.
 */
const restPage = (principals: readonly string[]) =>
  jsonFile(
    {
      value: principals.map((id, index) => {
        const name = `7d2c5d8b-3333-4e1f-8a5e-${String(index + 1).padStart(12, '0')}`;
        return {
          id: `${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleAssignments/${name}`,
          name,
          type: 'Microsoft.Authorization/roleAssignments',
          properties: {
            roleDefinitionId: `${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/${OWNER}`,
            principalId: id,
            principalType: 'User',
            scope: SUBSCRIPTION_ID,
          },
        };
      }),
      nextLink: `https://management.azure.com${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$skiptoken=eyJuZXh0IjoyfQ`,
    },
    'role-assignments-page1.json',
  );

const partialCases: AnyCase[] = [
  {
    // The next pages may hold more owners: the count is a lower bound.
    name: 'role assignments read only from a page with a next one (nextLink), within the limit',
    records: [graphQuery([subscriptionUnder('mg-osaka', TENANT)]), restPage([principal(1)])],
    status: 'UNKNOWN',
    messageId: 'assignmentsNotRead',
    data: { count: 1 },
  },
  {
    name: 'role assignments read only from a page with a next one, already over the limit',
    records: [
      graphQuery([subscriptionUnder('mg-osaka', TENANT)]),
      restPage([principal(1), principal(2), principal(3), principal(4)]),
    ],
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 4 },
  },
];

const savedLiveCases: AnyCase[] = [
  {
    name: 'a saved live inventory whose query of the role assignments failed: an owner may be among those not read',
    records: [
      graphQuery([subscriptionUnder('mg-osaka', TENANT), assignment(principal(1), OWNER)]),
      notAllRead(),
    ],
    status: 'UNKNOWN',
    messageId: 'assignmentsNotRead',
    data: { count: 1 },
  },
  {
    name: 'the same with no role assignment read: UNKNOWN, saying the query failed',
    records: [graphQuery([subscriptionUnder('mg-osaka', TENANT)]), notAllRead()],
    status: 'UNKNOWN',
    messageId: 'assignmentsNotRead',
    data: { count: 0 },
  },
  {
    name: 'the same with its own owners over the limit: it fails whatever it inherits',
    records: [
      graphQuery([
        subscriptionUnder('mg-osaka', TENANT),
        ...[1, 2, 3, 4].map((n) => assignment(principal(n), OWNER)),
      ]),
      notAllRead(),
    ],
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 4 },
  },
];

const planFile = (changes: Change[]) =>
  jsonFile(plan(changes, { providers: { azurerm: { features: constant([{}]) } } }), 'plan.json');

const RBAC_ADMINISTRATOR = 'f58310d9-a9f6-439a-9e8d-f62e7b41a168';
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';

/**
 * A condition as Microsoft Learn's 'Delegate Azure role assignment management to others with
 * conditions' writes it: the roles written (`@Request`) and deleted (`@Resource`) limited to an
 * allow-list (`GuidEquals`), or, as the portal's 'all roles except privileged administrator roles'
 * template, a deny-list (`GuidNotEquals`).
 */
const limitedTo = (roles: string[], operator = 'ForAnyOfAnyValues:GuidEquals') =>
  `((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ${operator} {${roles.join(', ')}})) AND ((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR (@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ${operator} {${roles.join(', ')}}))`;
const conditioned = (principal: string, role: string, condition: string) => ({
  ...cliAssignment(principal, role),
  condition,
  conditionVersion: '2.0',
});
const owners = () => [
  cliAssignment(principal(1), OWNER),
  cliAssignment(principal(2), OWNER, MANAGEMENT_GROUP),
  cliAssignment(principal(3), OWNER),
];

/** A classic administrator as `az role assignment list --include-classic-administrators` appends it. */
const classicAdministrator = (email: string, roles: string, principalId: string | null = null) => ({
  id: 'NA(classic admins)',
  name: 'NA(classic admins)',
  principalId,
  principalName: email,
  roleDefinitionId: 'NA(classic admin role)',
  roleDefinitionName: roles,
  scope: SUBSCRIPTION_ID,
});

const classicCases: AnyCase[] = [
  {
    name: 'the classic Service Administrator and Co-Administrators have Owner’s access (az role assignment list --include-classic-administrators)',
    records: [
      jsonFile(
        [
          cliAssignment(principal(1), OWNER),
          cliAssignment(principal(2), OWNER, MANAGEMENT_GROUP),
          classicAdministrator(
            'admin@contoso.example',
            'ServiceAdministrator;AccountAdministrator',
            principal(3),
          ),
          classicAdministrator('coadmin@vendor.example', 'CoAdministrator'),
        ],
        'role-assignments.json',
      ),
    ],
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 4, principals: [principal(1), principal(2), principal(3), 'coadmin@vendor.example'] },
  },
  {
    name: 'a classic Account Administrator alone manages billing, not the subscription',
    records: [
      jsonFile(
        [
          cliAssignment(principal(1), OWNER),
          cliAssignment(principal(2), OWNER, MANAGEMENT_GROUP),
          cliAssignment(principal(3), OWNER),
          classicAdministrator('billing@contoso.example', 'AccountAdministrator'),
        ],
        'role-assignments.json',
      ),
    ],
    status: 'PASS',
    messageId: 'withinLimit',
    data: { count: 3 },
  },
];

const conditionCases: AnyCase[] = [
  {
    name: 'a User Access Administrator whose condition allows only Reader does not count',
    records: [
      jsonFile(
        [...owners(), conditioned(principal(4), USER_ACCESS_ADMINISTRATOR, limitedTo([READER]))],
        'role-assignments.json',
      ),
    ],
    status: 'PASS',
    messageId: 'withinLimit',
    data: { count: 3 },
  },
  {
    name: 'a role-assigning assignment whose condition allows assigning Owner counts',
    records: [
      jsonFile(
        [...owners(), conditioned(principal(4), RBAC_ADMINISTRATOR, limitedTo([READER, OWNER]))],
        'role-assignments.json',
      ),
    ],
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 4 },
  },
  {
    name: 'a deny-list condition does not tell which roles may be assigned (a custom role that assigns roles may be)',
    records: [
      jsonFile(
        [
          ...owners(),
          conditioned(
            principal(4),
            RBAC_ADMINISTRATOR,
            limitedTo(
              [OWNER, USER_ACCESS_ADMINISTRATOR, RBAC_ADMINISTRATOR],
              'ForAnyOfAllValues:GuidNotEquals',
            ),
          ),
        ],
        'role-assignments.json',
      ),
    ],
    status: 'UNKNOWN',
    messageId: 'conditionUnread',
    data: { count: 3, conditioned: [principal(4)] },
  },
  {
    name: 'a condition on Owner leaves it an Owner',
    records: [
      jsonFile([...owners(), conditioned(principal(4), OWNER, limitedTo([READER]))], 'role-assignments.json'),
    ],
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 4 },
  },
];

const planCases: AnyCase[] = [
  {
    name: 'a Terraform plan assigning Owner to more principals than the limit',
    records: [
      planFile([
        planAssignment('admin', 'Owner', principal(1)),
        planAssignment('app', 'Owner', null),
        planAssignment('auditor', 'Reader', principal(2)),
        IDENTITY,
      ]),
    ],
    params: { maxPrivilegedPrincipals: 1 },
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 2, principals: [principal(1), 'azurerm_user_assigned_identity.app'] },
  },
  {
    name: 'a Terraform plan within the limit (assignments made outside the plan unseen)',
    records: [
      planFile([
        planAssignment('admin', 'Owner', principal(1)),
        planAssignment('auditor', 'Reader', principal(2)),
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'inheritedNotExported.plan',
    data: { count: 1 },
  },
  {
    name: 'a Terraform plan assigning a custom role by name (its id known only after apply)',
    records: [
      planFile([
        planAssignment('admin', 'Owner', principal(1)),
        planAssignment('admin2', 'Owner', principal(3)),
        planAssignment('admin3', 'Owner', principal(4)),
        planAssignment('ops', 'City Operator', principal(2)),
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'incomplete.plan',
    data: { count: 3, uncertain: 1 },
  },
];

const cases: AnyCase[] = [
  {
    // The subscription's own assignments only: Owners of the management groups above it and of
    // the root apply to it too, and the export shows neither the groups nor any inherited one.
    name: 'one owner, nothing said of the management groups above',
    records: [assignment(principal(1), OWNER), assignment(principal(2), READER)],
    status: 'UNKNOWN',
    messageId: 'inheritedNotExported',
    data: { count: 1 },
  },
  {
    name: 'one owner, the subscription’s management groups known (none of them assigns a role)',
    records: [
      subscriptionUnder('mg-osaka', TENANT),
      assignment(principal(1), OWNER),
      assignment(principal(2), READER),
    ],
    status: 'PASS',
    messageId: 'withinLimit',
    data: { count: 1 },
  },
  {
    // `az role assignment list --assignee`, `Get-AzRoleAssignment -SignInName`: one principal's
    // assignments, which say nothing of the others'.
    name: 'every assignment read names one principal: perhaps a selection (--assignee), not the listing',
    records: [
      subscriptionUnder('mg-osaka', TENANT),
      assignment(principal(1), OWNER),
      assignment(principal(1), READER, `${SUBSCRIPTION_ID}/resourceGroups/rg-app`),
    ],
    status: 'UNKNOWN',
    messageId: 'assignmentsNotRead',
    data: { count: 1 },
  },
  {
    name: 'three principals, one holding both roles (limit 3)',
    records: [
      subscriptionUnder('mg-osaka', TENANT),
      assignment(principal(1), OWNER),
      assignment(principal(1), USER_ACCESS_ADMINISTRATOR),
      assignment(principal(2), OWNER),
      assignment(principal(3), USER_ACCESS_ADMINISTRATOR),
    ],
    status: 'PASS',
    messageId: 'withinLimit',
    data: { count: 3 },
  },
  {
    name: 'four principals',
    records: [1, 2, 3, 4].map((n) => assignment(principal(n), OWNER)),
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 4 },
  },
  {
    name: 'contributors and resource-group owners do not count',
    records: [
      subscriptionUnder('mg-osaka', TENANT),
      assignment(principal(1), OWNER),
      ...[2, 3, 4].map((n) => assignment(principal(n), CONTRIBUTOR)),
      ...[5, 6, 7].map((n) => assignment(principal(n), OWNER, `${SUBSCRIPTION_ID}/resourcegroups/rg-kansa`)),
    ],
    status: 'PASS',
    messageId: 'withinLimit',
    data: { count: 1 },
  },
  {
    name: 'an assignment without its role, which could be a fourth owner',
    records: [...[1, 3, 4].map((n) => assignment(principal(n), OWNER)), assignment(principal(2), undefined)],
    status: 'UNKNOWN',
    messageId: 'incomplete',
    data: { count: 3 },
  },
  {
    // Even as an owner, it leaves the count within the limit: what decides is what else is known.
    name: 'an assignment without its role, the count within the limit either way',
    records: [assignment(principal(1), OWNER), assignment(principal(2), undefined)],
    status: 'UNKNOWN',
    messageId: 'inheritedNotExported',
    data: { count: 1 },
  },
  {
    name: 'no role assignments exported',
    records: [graphQuery([subscriptionRow()])],
    status: 'UNKNOWN',
    messageId: 'notExported',
  },
  {
    name: 'takes the limit from the framework parameters',
    records: [1, 2].map((n) => assignment(principal(n), OWNER)),
    params: { maxPrivilegedPrincipals: 1 },
    status: 'FAIL',
    messageId: 'tooMany',
    data: { max: 1 },
  },
  {
    name: 'owners inherited from a management group and the root count: the subscription’s own list holds them',
    records: [
      jsonFile(
        [
          cliAssignment(principal(1), OWNER),
          cliAssignment(principal(2), OWNER),
          cliAssignment(principal(3), OWNER, MANAGEMENT_GROUP),
          cliAssignment(principal(4), USER_ACCESS_ADMINISTRATOR, '/'),
        ],
        'role-assignments.json',
      ),
    ],
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 4 },
  },
  ...groupCases,
  ...conditionCases,
  ...classicCases,
  ...savedLiveCases,
  ...partialCases,
  ...planCases,
  ...customRoleCases,
];

export default { wrap: withSubscription, ...byVerdict(cases) } satisfies RuleTests;
