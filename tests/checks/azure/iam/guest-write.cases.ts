import { jsonFile } from '../../../helpers/exports.ts';
import type { AnyCase, RuleTests } from '../../../helpers/rule-tester.ts';
import { assessmentRow, SUBSCRIPTION_ID } from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';
import { assessmentCases, GUEST_WRITE_V1, GUEST_WRITE_V2, OWNER_MFA_V2 } from './assessment.ts';
import {
  assignmentList,
  delegationCondition,
  GUEST,
  graphUsers,
  MEMBER,
  ROLES,
  restAssignment,
  withCondition,
} from './directory.ts';

const PLATFORM_ROLE = '3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f';

/** A custom role as `az role definition list --custom-role-only` prints it, with its actions and notActions. */
const customRole = (actions: string[], notActions: string[]) =>
  jsonFile(
    [
      {
        assignableScopes: [SUBSCRIPTION_ID],
        description: 'platform team',
        id: `${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/${PLATFORM_ROLE}`,
        name: PLATFORM_ROLE,
        permissions: [{ actions, dataActions: [], notActions, notDataActions: [] }],
        roleName: 'Platform Engineer',
        roleType: 'CustomRole',
        type: 'Microsoft.Authorization/roleDefinitions',
      },
    ],
    'role-definition-list.json',
  );

/**
 * Without the assessment, the role assignments (by object id) and Microsoft Graph's users show a
 * guest holding a role that writes; their absence proves nothing.
 */
const fromAssignments: AnyCase[] = [
  {
    name: 'no assessment, a Guest (Graph userType) assigned Contributor on the subscription',
    records: [
      assignmentList(restAssignment(MEMBER.id, ROLES.owner), restAssignment(GUEST.id, ROLES.contributor)),
      graphUsers({ ...MEMBER, userType: 'Member' }, { ...GUEST, userType: 'Guest' }),
    ],
    status: 'FAIL',
    messageId: 'guestWriteAssigned',
    data: { guests: [GUEST.upn] },
    example: true,
  },
  {
    name: 'no assessment, az ad user list (no userType): a #EXT# sign-in name assigned User Access Administrator',
    records: [
      assignmentList(restAssignment(GUEST.id, ROLES.userAccessAdministrator)),
      graphUsers({ id: GUEST.id, upn: GUEST.upn }),
    ],
    status: 'FAIL',
    messageId: 'guestWriteAssigned',
  },
  {
    // `az role assignment list` prints principalName "" where it could not resolve the principal
    // in Microsoft Graph: the directory export tells who it is.
    name: 'no assessment, az role assignment list with an empty principalName: a Guest by Graph users',
    records: [
      jsonFile(
        [
          {
            id: `${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleAssignments/5a1b0000-0000-4eee-8fff-0000000000aa`,
            name: '5a1b0000-0000-4eee-8fff-0000000000aa',
            principalId: GUEST.id,
            principalName: '',
            principalType: 'User',
            roleDefinitionId: `${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/${ROLES.contributor}`,
            roleDefinitionName: 'Contributor',
            scope: SUBSCRIPTION_ID,
            type: 'Microsoft.Authorization/roleAssignments',
          },
        ],
        'role-assignment-list.json',
      ),
      graphUsers({ ...GUEST, userType: 'Guest' }),
    ],
    status: 'FAIL',
    messageId: 'guestWriteAssigned',
    data: { guests: [GUEST.upn] },
  },
  {
    name: 'no assessment, a guest with Reader only',
    records: [
      assignmentList(restAssignment(GUEST.id, ROLES.reader)),
      graphUsers({ ...GUEST, userType: 'Guest' }),
    ],
    status: 'UNKNOWN',
    messageId: 'noAssessment',
  },
  {
    name: 'no assessment, a guest with Contributor on a resource group only',
    records: [
      assignmentList(
        restAssignment(GUEST.id, ROLES.contributor, 'User', `${SUBSCRIPTION_ID}/resourceGroups/rg-app`),
      ),
      graphUsers({ ...GUEST, userType: 'Guest' }),
    ],
    status: 'UNKNOWN',
    messageId: 'noAssessment',
  },
  {
    name: 'no assessment, a Contributor whom the directory export does not list',
    records: [
      assignmentList(restAssignment(GUEST.id, ROLES.contributor)),
      graphUsers({ ...MEMBER, userType: 'Member' }),
    ],
    status: 'UNKNOWN',
    messageId: 'noAssessment',
  },
  {
    // Microsoft Learn's "Delegate Azure role assignment management to others with conditions":
    // a User Access Administrator who may assign and remove Reader only cannot give itself write.
    name: 'no assessment, a guest User Access Administrator whose condition lets it assign Reader only',
    records: [
      assignmentList(
        withCondition(
          restAssignment(GUEST.id, ROLES.userAccessAdministrator),
          delegationCondition(ROLES.reader),
        ),
      ),
      graphUsers({ ...GUEST, userType: 'Guest' }),
    ],
    status: 'UNKNOWN',
    messageId: 'noAssessment',
  },
  {
    name: 'no assessment, a guest User Access Administrator whose condition lets it assign Contributor',
    records: [
      assignmentList(
        withCondition(
          restAssignment(GUEST.id, ROLES.userAccessAdministrator),
          delegationCondition(ROLES.reader, ROLES.contributor),
        ),
      ),
      graphUsers({ ...GUEST, userType: 'Guest' }),
    ],
    status: 'FAIL',
    messageId: 'guestWriteAssigned',
    data: { guests: [GUEST.upn] },
  },
  {
    // Contributor's own actions and notActions, in a custom role: it writes every resource.
    name: 'no assessment, a guest holding a custom role of every action but Microsoft.Authorization writes',
    records: [
      assignmentList(restAssignment(GUEST.id, PLATFORM_ROLE)),
      customRole(['*'], ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write']),
      graphUsers({ ...GUEST, userType: 'Guest' }),
    ],
    status: 'FAIL',
    messageId: 'guestWriteAssigned',
    data: { guests: [GUEST.upn] },
  },
  {
    name: 'no assessment, a guest holding a custom role that writes every provider (*/write)',
    records: [
      assignmentList(restAssignment(GUEST.id, PLATFORM_ROLE)),
      customRole(['*/read', '*/write'], []),
      graphUsers({ ...GUEST, userType: 'Guest' }),
    ],
    status: 'FAIL',
    messageId: 'guestWriteAssigned',
  },
  {
    name: 'no assessment, a guest holding a custom role that writes one service only',
    records: [
      assignmentList(restAssignment(GUEST.id, PLATFORM_ROLE)),
      customRole(['Microsoft.Network/*', '*/read'], []),
      graphUsers({ ...GUEST, userType: 'Guest' }),
    ],
    status: 'UNKNOWN',
    messageId: 'noAssessment',
  },
  {
    name: 'no assessment, a guest holding a custom role of every action whose notActions take back every write',
    records: [
      assignmentList(restAssignment(GUEST.id, PLATFORM_ROLE)),
      customRole(['*'], ['*/write', '*/delete', '*/action']),
      graphUsers({ ...GUEST, userType: 'Guest' }),
    ],
    status: 'UNKNOWN',
    messageId: 'noAssessment',
  },
  {
    name: 'a Healthy assessment beside a guest Contributor',
    records: [
      assessmentRow(GUEST_WRITE_V2, 'Healthy'),
      assignmentList(restAssignment(GUEST.id, ROLES.contributor)),
      graphUsers({ ...GUEST, userType: 'Guest' }),
    ],
    status: 'PASS',
    messageId: 'healthy',
  },
];

export default {
  wrap: withSubscription,
  ...assessmentCases(GUEST_WRITE_V2, OWNER_MFA_V2, [
    ...fromAssignments,
    {
      // Assessment lists of subscriptions assessed before the recommendation was renamed keep the old key.
      name: 'only the deprecated V1 key',
      records: [assessmentRow(GUEST_WRITE_V1, 'Unhealthy')],
      status: 'FAIL',
      messageId: 'unhealthy',
    },
    {
      name: 'V2 preferred over V1',
      records: [assessmentRow(GUEST_WRITE_V1, 'Unhealthy'), assessmentRow(GUEST_WRITE_V2, 'Healthy')],
      status: 'PASS',
      messageId: 'healthy',
    },
  ]),
} satisfies RuleTests;
