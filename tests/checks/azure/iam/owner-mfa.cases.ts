import { graphQuery, jsonFile } from '../../../helpers/exports.ts';
import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { assessmentRow, SUBSCRIPTION_ID, subscriptionRow } from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';
import { assessmentCases, OWNER_MFA_V1, OWNER_MFA_V2, WRITE_MFA_V2 } from './assessment.ts';
import { MEMBER, ROLES, registrationDetails } from './directory.ts';
import { fromRegistration } from './registration-cases.ts';

export default {
  wrap: withSubscription,
  ...assessmentCases(OWNER_MFA_V2, WRITE_MFA_V2, [
    ...fromRegistration({ name: 'Owner', id: ROLES.owner }, 'ownerNotRegistered', OWNER_MFA_V2),
    {
      // The classic Service Administrator has Owner's access, as azure.iam.guest-owner counts it.
      name: 'no assessment, the classic Service Administrator (--include-classic-administrators) is a member with isMfaRegistered false',
      records: [
        jsonFile(
          [
            {
              id: 'NA(classic admins)',
              name: 'NA(classic admins)',
              principalId: MEMBER.id,
              principalName: MEMBER.upn,
              roleDefinitionId: 'NA(classic admin role)',
              roleDefinitionName: 'ServiceAdministrator;AccountAdministrator',
              scope: SUBSCRIPTION_ID,
            },
          ],
          'role-assignment-list.json',
        ),
        registrationDetails({ ...MEMBER, userType: 'member', mfa: false }),
      ],
      status: 'FAIL',
      messageId: 'ownerNotRegistered',
      data: { users: [MEMBER.upn] },
    },
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
