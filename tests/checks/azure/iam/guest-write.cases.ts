import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { withSubscription } from '../graph.ts';
import { assessmentCases, OWNER_MFA_V2 } from './assessment.ts';

export default {
  wrap: withSubscription,
  ...assessmentCases('0354476c-a12a-4fcc-a79d-f0ab7ffffdbb', OWNER_MFA_V2),
} satisfies RuleTests;
