import { jsonFile } from '../../../helpers/exports.ts';
import type { AnyCase, RuleTests } from '../../../helpers/rule-tester.ts';
import { assessmentRow, SUBSCRIPTION_ID } from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';
import { assessmentCases, GUEST_OWNER_V1, GUEST_OWNER_V2, OWNER_MFA_V2 } from './assessment.ts';

const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';

let next = 0;
/** An assignment as `az role assignment list` prints it (flattened, `principalName`). */
function assignment(principalName: string, role: string, principalType = 'User', scope = SUBSCRIPTION_ID) {
  const name = `7d2c5b8a-3333-4e1f-8a5e-${String(++next).padStart(12, '0')}`;
  return {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    name,
    principalId: `22222222-bbbb-4ccc-8ddd-${String(next).padStart(12, '0')}`,
    principalName,
    principalType,
    roleDefinitionId: `${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/${role}`,
    scope,
    type: 'Microsoft.Authorization/roleAssignments',
  };
}
const GUEST = 'vendor.ops_gmail.com#EXT#@kansacorp.onmicrosoft.com';
const assignments = (...items: unknown[]) => jsonFile(items, 'role-assignments.json');

const PARTNER_ID = '0b1c0000-0000-4000-8000-0000000000e1';
const OTHER_ID = '0b1c0000-0000-4000-8000-0000000000e2';

/** A Steampipe azure_role_assignment row: the principal by object id only. */
function steampipeAssignment(principalId: string, role: string) {
  const name = `7d2c5b8a-4444-4e1f-8a5e-${String(++next).padStart(12, '0')}`;
  const id = `${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleAssignments/${name}`;
  return {
    name,
    id,
    scope: SUBSCRIPTION_ID,
    type: 'Microsoft.Authorization/roleAssignments',
    principal_id: principalId,
    principal_type: 'User',
    role_definition_id: `${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/${role}`,
    title: name,
    akas: [id.toLowerCase()],
    subscription_id: SUBSCRIPTION_ID.split('/').pop(),
  };
}

/** A Steampipe azuread_user row (turbot/steampipe-plugin-azuread: `title`, `tenant_id`, no `akas`). */
function directoryUser(id: string, userType: string, upn: string) {
  return {
    display_name: upn,
    id,
    user_principal_name: upn,
    account_enabled: true,
    user_type: userType,
    title: upn,
    tenant_id: '7a1b0000-0000-4000-8000-00000000d1d1',
  };
}

/**
 * A classic administrator as `az role assignment list --include-classic-administrators` appends it:
 * `principalName` its e-mail address (a guest's home address, no `#EXT#`), `principalId` its object id.
 */
const classicAdministrator = (email: string, roles: string, principalId: string) => ({
  id: 'NA(classic admins)',
  name: 'NA(classic admins)',
  principalId,
  principalName: email,
  roleDefinitionId: 'NA(classic admin role)',
  roleDefinitionName: roles,
  scope: SUBSCRIPTION_ID,
});

/** An Owner named without #EXT#: an "internal guest", of the tenant's own domain, whose userType is Guest. */
const internalGuest = assignment('partner@kansacorp.example', OWNER);

/** Without the assessment, the role assignments show a guest holding Owner; their absence proves nothing. */
const fromAssignments: AnyCase[] = [
  {
    name: 'no assessment, an Owner whose sign-in name has no #EXT# but whose directory user is of userType Guest',
    records: [
      assignments(internalGuest),
      jsonFile(
        [directoryUser(internalGuest.principalId, 'Guest', 'partner@kansacorp.example')],
        'azuread-user.json',
      ),
    ],
    status: 'FAIL',
    messageId: 'guestOwnerAssigned',
    data: { guests: ['partner@kansacorp.example'] },
  },
  {
    name: 'no assessment, a guest (#EXT#) assigned Owner on the subscription',
    records: [assignments(assignment('admin@kansacorp.example', OWNER), assignment(GUEST, OWNER))],
    status: 'FAIL',
    messageId: 'guestOwnerAssigned',
    data: { guests: [GUEST] },
  },
  {
    name: 'no assessment, a guest assigned Owner on a management group above (az role assignment list --include-inherited)',
    records: [
      assignments(
        assignment('admin@kansacorp.example', OWNER),
        assignment(GUEST, OWNER, 'User', '/providers/Microsoft.Management/managementGroups/mg-kansa'),
      ),
    ],
    status: 'FAIL',
    messageId: 'guestOwnerAssigned',
  },
  {
    name: 'the assessment disabled by policy, a guest assigned Owner',
    records: [
      assessmentRow(GUEST_OWNER_V2, 'NotApplicable', 'OffByPolicy'),
      assignments(assignment(GUEST, OWNER)),
    ],
    status: 'FAIL',
    messageId: 'guestOwnerAssigned',
  },
  {
    // Defender for Cloud's own verdict stands (its "guest" is the account's user type).
    name: 'a Healthy assessment beside a #EXT# owner',
    records: [assessmentRow(GUEST_OWNER_V2, 'Healthy'), assignments(assignment(GUEST, OWNER))],
    status: 'PASS',
    messageId: 'healthy',
  },
  {
    name: 'no assessment, a guest with Reader only and a member with Owner: the groups may still hold guests',
    records: [assignments(assignment(GUEST, READER), assignment('admin@kansacorp.example', OWNER))],
    status: 'UNKNOWN',
    messageId: 'noAssessment',
  },
  {
    name: 'no assessment, a guest assigned Owner on a resource group only',
    records: [assignments(assignment(GUEST, OWNER, 'User', `${SUBSCRIPTION_ID}/resourceGroups/rg-app`))],
    status: 'UNKNOWN',
    messageId: 'noAssessment',
  },
  {
    name: 'no assessment, Steampipe rows: an Owner whose azuread_user is a Guest',
    records: [
      jsonFile([steampipeAssignment(PARTNER_ID, OWNER)], 'azure-role-assignment.json'),
      jsonFile([directoryUser(PARTNER_ID, 'Guest', GUEST)], 'azuread-user.json'),
    ],
    status: 'FAIL',
    messageId: 'guestOwnerAssigned',
    data: { guests: [GUEST] },
  },
  {
    name: 'no assessment, Steampipe rows: the Owner’s azuread_user is a Member',
    records: [
      jsonFile([steampipeAssignment(PARTNER_ID, OWNER)], 'azure-role-assignment.json'),
      jsonFile([directoryUser(PARTNER_ID, 'Member', 'ops@kansacorp.example')], 'azuread-user.json'),
    ],
    status: 'UNKNOWN',
    messageId: 'noAssessment',
  },
  {
    name: 'no assessment, Steampipe rows: a Guest holds Reader only',
    records: [
      jsonFile([steampipeAssignment(PARTNER_ID, READER)], 'azure-role-assignment.json'),
      jsonFile([directoryUser(PARTNER_ID, 'Guest', GUEST)], 'azuread-user.json'),
    ],
    status: 'UNKNOWN',
    messageId: 'noAssessment',
  },
  {
    name: 'no assessment, Steampipe rows: the Owner is not among the directory users exported',
    records: [
      jsonFile([steampipeAssignment(PARTNER_ID, OWNER)], 'azure-role-assignment.json'),
      jsonFile([directoryUser(OTHER_ID, 'Guest', GUEST)], 'azuread-user.json'),
    ],
    status: 'UNKNOWN',
    messageId: 'noAssessment',
  },
  {
    // The classic Co-Administrator has Owner's access, as azure.iam.owner-mfa counts it.
    name: 'no assessment, the classic Co-Administrator is a guest by its directory user (--include-classic-administrators)',
    records: [
      assignments(
        assignment('admin@kansacorp.example', OWNER),
        classicAdministrator('vendor.ops@gmail.com', 'CoAdministrator', PARTNER_ID),
      ),
      jsonFile([directoryUser(PARTNER_ID, 'Guest', GUEST)], 'azuread-user.json'),
    ],
    status: 'FAIL',
    messageId: 'guestOwnerAssigned',
    data: { guests: [GUEST] },
  },
  {
    name: 'no assessment, the classic Service Administrator is a guest by its directory user',
    records: [
      assignments(
        assignment('admin@kansacorp.example', OWNER),
        classicAdministrator('vendor.ops@gmail.com', 'ServiceAdministrator;AccountAdministrator', PARTNER_ID),
      ),
      jsonFile([directoryUser(PARTNER_ID, 'Guest', GUEST)], 'azuread-user.json'),
    ],
    status: 'FAIL',
    messageId: 'guestOwnerAssigned',
  },
  {
    name: 'no assessment, a guest who is the classic Account Administrator only manages billing',
    records: [
      assignments(
        assignment('admin@kansacorp.example', OWNER),
        classicAdministrator('vendor.ops@gmail.com', 'AccountAdministrator', PARTNER_ID),
      ),
      jsonFile([directoryUser(PARTNER_ID, 'Guest', GUEST)], 'azuread-user.json'),
    ],
    status: 'UNKNOWN',
    messageId: 'noAssessment',
  },
];

export default {
  wrap: withSubscription,
  ...assessmentCases(GUEST_OWNER_V2, OWNER_MFA_V2, [
    ...fromAssignments,
    {
      // Assessment lists of subscriptions assessed before the recommendation was renamed keep the old key.
      name: 'only the deprecated V1 key',
      records: [assessmentRow(GUEST_OWNER_V1, 'Unhealthy')],
      status: 'FAIL',
      messageId: 'unhealthy',
    },
    {
      name: 'V2 preferred over V1',
      records: [assessmentRow(GUEST_OWNER_V1, 'Unhealthy'), assessmentRow(GUEST_OWNER_V2, 'Healthy')],
      status: 'PASS',
      messageId: 'healthy',
    },
  ]),
} satisfies RuleTests;
