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

/** Without the assessment, the role assignments show a guest holding Owner; their absence proves nothing. */
const fromAssignments: AnyCase[] = [
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
