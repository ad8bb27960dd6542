import type { AnyCase } from '../../../helpers/rule-tester.ts';
import { assessmentRow } from '../arg-rows.ts';
import {
  assignmentList,
  GUEST,
  graphUsers,
  MEMBER,
  ROLES,
  registrationDetails,
  restAssignment,
} from './directory.ts';

/**
 * Without the assessment, a member holding the role whom Graph's userRegistrationDetails show with
 * no MFA method registered fails; registered methods do not show MFA is required, so never pass.
 */
export const fromRegistration = (
  role: { name: string; id: string },
  messageId: string,
  assessment: string,
): AnyCase[] => [
  {
    name: `no assessment, a member ${role.name} with isMfaRegistered false`,
    records: [
      assignmentList(restAssignment(MEMBER.id, role.id)),
      registrationDetails({ ...MEMBER, userType: 'member', mfa: false }),
    ],
    status: 'FAIL',
    messageId: messageId,
    data: { users: [MEMBER.upn] },
    example: true,
  },
  {
    name: `no assessment, the ${role.name} has MFA registered: registration does not show MFA is required`,
    records: [
      assignmentList(restAssignment(MEMBER.id, role.id)),
      registrationDetails({ ...MEMBER, userType: 'member', mfa: true }),
    ],
    status: 'UNKNOWN',
    messageId: 'noAssessment',
  },
  {
    name: `no assessment, a guest ${role.name} with isMfaRegistered false: a guest may do MFA in its home tenant`,
    records: [
      assignmentList(restAssignment(GUEST.id, role.id)),
      registrationDetails({ ...GUEST, userType: 'guest', mfa: false }),
    ],
    status: 'UNKNOWN',
    messageId: 'noAssessment',
  },
  {
    // A blocked account (Graph's accountEnabled false) cannot sign in: no sign-in of it goes
    // without MFA (Defender for Cloud tells it apart: "Blocked accounts with owner permissions
    // should be removed").
    name: `no assessment, a member ${role.name} with isMfaRegistered false whose account is disabled`,
    records: [
      assignmentList(restAssignment(MEMBER.id, role.id)),
      registrationDetails({ ...MEMBER, userType: 'member', mfa: false }),
      graphUsers({ ...MEMBER, userType: 'Member', accountEnabled: false }),
    ],
    status: 'UNKNOWN',
    messageId: 'noAssessment',
  },
  {
    name: `no assessment, a member ${role.name} with isMfaRegistered false whose account is enabled`,
    records: [
      assignmentList(restAssignment(MEMBER.id, role.id)),
      registrationDetails({ ...MEMBER, userType: 'member', mfa: false }),
      graphUsers({ ...MEMBER, userType: 'Member', accountEnabled: true }),
    ],
    status: 'FAIL',
    messageId: messageId,
    data: { users: [MEMBER.upn] },
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
    name: `a Healthy assessment beside an unregistered ${role.name}`,
    records: [
      assessmentRow(assessment, 'Healthy'),
      assignmentList(restAssignment(MEMBER.id, role.id)),
      registrationDetails({ ...MEMBER, userType: 'member', mfa: false }),
    ],
    status: 'PASS',
    messageId: 'healthy',
  },
];
