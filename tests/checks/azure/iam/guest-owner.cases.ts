import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { withSubscription } from '../graph.ts';
import { assessmentCases, OWNER_MFA_V2 } from './assessment.ts';

export default {
  wrap: withSubscription,
  ...assessmentCases('20606e75-05c4-48c0-9d97-add6daa2109a', OWNER_MFA_V2),
} satisfies RuleTests;
