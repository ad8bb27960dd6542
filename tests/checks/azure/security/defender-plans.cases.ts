import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { withSubscription } from '../graph.ts';
import { pricing } from './pricing.ts';

const table = [
  {
    name: 'Standard',
    properties: { pricingTier: 'Standard', subPlan: 'P2' },
    status: 'PASS',
    messageId: 'standard',
  },
  { name: 'Free', properties: { pricingTier: 'Free' }, status: 'FAIL', messageId: 'free' },
  {
    name: 'deprecated plan',
    properties: { pricingTier: 'Free', deprecated: true, replacedBy: ['Containers'] },
    status: 'NOT_APPLICABLE',
    messageId: 'deprecated',
  },
  { name: 'tier not projected', properties: {}, status: 'UNKNOWN', messageId: 'unknown' },
] as const;

export default {
  wrap: withSubscription,
  ...byVerdict(
    table.map(({ name, properties, status, messageId }) => ({
      name,
      records: [pricing('KubernetesService', properties)],
      status,
      messageId,
      data: { plan: 'KubernetesService' },
    })),
  ),
} satisfies RuleTests;
