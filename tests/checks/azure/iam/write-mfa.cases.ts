import type { AnyCase, RuleTests } from '../../../helpers/rule-tester.ts';
import { assessmentRow } from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';
import { assessmentCases, OWNER_MFA_V2, WRITE_MFA_V2 } from './assessment.ts';
import { assignmentList, GUEST, MEMBER, ROLES, registrationDetails, restAssignment } from './directory.ts';

/**
 * Without the assessment, a member holding the role whom Graph's userRegistrationDetails show with
 * no MFA method registered fails; registered methods do not show MFA is required, so never pass.
 */
const fromRegistration: AnyCase[] = [
  {
    name: 'no assessment, a member Contributor with isMfaRegistered false',
    records: [
      assignmentList(restAssignment(MEMBER.id, ROLES.contributor)),
      registrationDetails({ ...MEMBER, userType: 'member', mfa: false }),
    ],
    status: 'FAIL',
    messageId: 'writerNotRegistered',
    data: { users: [MEMBER.upn] },
    example: true,
  },
  {
    name: 'no assessment, the Contributor has MFA registered: registration does not show MFA is required',
    records: [
      assignmentList(restAssignment(MEMBER.id, ROLES.contributor)),
      registrationDetails({ ...MEMBER, userType: 'member', mfa: true }),
    ],
    status: 'UNKNOWN',
    messageId: 'noAssessment',
  },
  {
    name: 'no assessment, a guest Contributor with isMfaRegistered false: a guest may do MFA in its home tenant',
    records: [
      assignmentList(restAssignment(GUEST.id, ROLES.contributor)),
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
    name: 'a Healthy assessment beside an unregistered Contributor',
    records: [
      assessmentRow(WRITE_MFA_V2, 'Healthy'),
      assignmentList(restAssignment(MEMBER.id, ROLES.contributor)),
      registrationDetails({ ...MEMBER, userType: 'member', mfa: false }),
    ],
    status: 'PASS',
    messageId: 'healthy',
  },
];

export default {
  wrap: withSubscription,
  ...assessmentCases(WRITE_MFA_V2, OWNER_MFA_V2, fromRegistration),
} satisfies RuleTests;
