import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { assessmentRow } from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';
import { assessmentCases, GUEST_WRITE_V1, GUEST_WRITE_V2, OWNER_MFA_V2 } from './assessment.ts';

export default {
  wrap: withSubscription,
  ...assessmentCases(GUEST_WRITE_V2, OWNER_MFA_V2, [
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
