import { graphQuery } from '../../../helpers/exports.ts';
import type { AnyCase, RuleTests } from '../../../helpers/rule-tester.ts';
import { assessmentRow, SUBSCRIPTION_ID, subscriptionRow } from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';
import { assessmentCases, OWNER_MFA_V1, OWNER_MFA_V2, WRITE_MFA_V2 } from './assessment.ts';
import { assignmentList, GUEST, MEMBER, ROLES, registrationDetails, restAssignment } from './directory.ts';

/**
 * Without the assessment, a member holding the role whom Graph's userRegistrationDetails show with
 * no MFA method registered fails; registered methods do not show MFA is required, so never pass.
 */
const fromRegistration: AnyCase[] = [
  {
    name: 'no assessment, a member Owner with isMfaRegistered false',
    records: [
      assignmentList(restAssignment(MEMBER.id, ROLES.owner)),
      registrationDetails({ ...MEMBER, userType: 'member', mfa: false }),
    ],
    status: 'FAIL',
    messageId: 'ownerNotRegistered',
    data: { users: [MEMBER.upn] },
    example: true,
  },
  {
    name: 'no assessment, the Owner has MFA registered: registration does not show MFA is required',
    records: [
      assignmentList(restAssignment(MEMBER.id, ROLES.owner)),
      registrationDetails({ ...MEMBER, userType: 'member', mfa: true }),
    ],
    status: 'UNKNOWN',
    messageId: 'noAssessment',
  },
  {
    name: 'no assessment, a guest Owner with isMfaRegistered false: a guest may do MFA in its home tenant',
    records: [
      assignmentList(restAssignment(GUEST.id, ROLES.owner)),
      registrationDetails({ ...GUEST, userType: 'guest', mfa: false }),
    ],
    status: 'UNKNOWN',
    messageId: 'noAssessment',
  },
  {
    name: 'no assessment, a member with Reader only and isMfaRegistered false',
    records: [
      assignmentList(restAssignment(MEMBER.id, ROLES.reader)),
      registrationDetails({ ...MEMBER, userType: 'member', mfa: false }),
    ],
    status: 'UNKNOWN',
    messageId: 'noAssessment',
  },
  {
    name: 'a Healthy assessment beside an unregistered Owner',
    records: [
      assessmentRow(OWNER_MFA_V2, 'Healthy'),
      assignmentList(restAssignment(MEMBER.id, ROLES.owner)),
      registrationDetails({ ...MEMBER, userType: 'member', mfa: false }),
    ],
    status: 'PASS',
    messageId: 'healthy',
  },
];

export default {
  wrap: withSubscription,
  ...assessmentCases(OWNER_MFA_V2, WRITE_MFA_V2, [
    ...fromRegistration,
    {
      name: 'only the deprecated V1 key',
      records: [assessmentRow(OWNER_MFA_V1, 'Unhealthy')],
      status: 'FAIL',
      messageId: 'unhealthy',
    },
    {
      name: 'V2 preferred over V1',
      records: [assessmentRow(OWNER_MFA_V1, 'Unhealthy'), assessmentRow(OWNER_MFA_V2, 'Healthy')],
      status: 'PASS',
      messageId: 'healthy',
    },
    {
      name: 'no assessment exported',
      records: [graphQuery([subscriptionRow()])],
      status: 'UNKNOWN',
      messageId: 'noAssessment',
    },
    {
      name: 'names the assessment as evidence',
      records: [assessmentRow(OWNER_MFA_V2, 'Unhealthy')],
      status: 'FAIL',
      messageId: 'unhealthy',
      evidence: [
        {
          source: 'explicit',
          value: 'Unhealthy',
          path: 'properties.status.code',
          resourceId: `${SUBSCRIPTION_ID}/providers/microsoft.security/assessments/${OWNER_MFA_V2}`,
        },
      ],
    },
  ]),
} satisfies RuleTests;
