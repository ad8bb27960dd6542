import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { withSubscription } from '../graph.ts';
import { assessmentCases, OWNER_MFA_V2, WRITE_MFA_V2 } from './assessment.ts';

export default { wrap: withSubscription, ...assessmentCases(WRITE_MFA_V2, OWNER_MFA_V2) } satisfies RuleTests;
