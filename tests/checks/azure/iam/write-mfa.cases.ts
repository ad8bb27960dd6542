import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { withSubscription } from '../graph.ts';
import { assessmentCases, OWNER_MFA_V2, WRITE_MFA_V2 } from './assessment.ts';
import { ROLES } from './directory.ts';
import { fromRegistration } from './registration-cases.ts';

export default {
  wrap: withSubscription,
  ...assessmentCases(
    WRITE_MFA_V2,
    OWNER_MFA_V2,
    fromRegistration({ name: 'Contributor', id: ROLES.contributor }, 'writerNotRegistered', WRITE_MFA_V2),
  ),
} satisfies RuleTests;
