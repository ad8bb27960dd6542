import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { withSubscription } from '../graph.ts';
import { pricing } from './pricing.ts';

const table = [
  {
    name: 'Standard',
    plan: 'Containers',
    properties: { pricingTier: 'Standard' },
    status: 'PASS',
    messageId: 'standard',
  },
  {
    name: 'Free',
    plan: 'Containers',
    properties: { pricingTier: 'Free' },
    status: 'FAIL',
    messageId: 'free',
  },
  {
    name: 'deprecated plan',
    plan: 'KubernetesService',
    properties: { pricingTier: 'Free', deprecated: true, replacedBy: ['Containers'] },
    status: 'NOT_APPLICABLE',
    messageId: 'deprecated',
  },
  {
    // API version 2018-06-01 (and Terraform's azurerm) carries no `deprecated`: the plan's name tells.
    name: 'deprecated plan, record without the flag',
    plan: 'Dns',
    properties: { pricingTier: 'Free' },
    status: 'NOT_APPLICABLE',
    messageId: 'deprecated',
  },
  {
    name: 'deprecated plan in another casing, without the flag',
    plan: 'containerregistry',
    properties: { pricingTier: 'Free' },
    status: 'NOT_APPLICABLE',
    messageId: 'deprecated',
  },
  {
    name: 'the flag says a plan named as deprecated is not',
    plan: 'KubernetesService',
    properties: { pricingTier: 'Free', deprecated: false },
    status: 'FAIL',
    messageId: 'free',
  },
  {
    name: 'tier not projected',
    plan: 'VirtualMachines',
    properties: { subPlan: 'P2' },
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
] as const;

export default {
  wrap: withSubscription,
  ...byVerdict(
    table.map(({ name, plan, properties, status, messageId }) => ({
      name,
      records: [pricing(plan, properties)],
      status,
      messageId,
      data: { plan },
    })),
  ),
} satisfies RuleTests;
