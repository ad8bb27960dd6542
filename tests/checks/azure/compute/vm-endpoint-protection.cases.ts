import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { withSubscription } from '../graph.ts';
import { pricing } from '../security/pricing.ts';
import { classicVm, vm } from './vm.ts';

const machine = vm({});
const table = [
  {
    name: 'Defender for Servers on',
    rows: [pricing('VirtualMachines', { pricingTier: 'Standard' })],
    status: 'PASS',
    messageId: 'covered',
  },
  {
    name: 'Defender for Servers off',
    rows: [pricing('VirtualMachines', { pricingTier: 'Free' })],
    status: 'FAIL',
    messageId: 'notCovered',
  },
  {
    name: 'resource-level plan overrides the subscription',
    rows: [
      pricing('VirtualMachines', { pricingTier: 'Standard' }),
      pricing('virtualMachines', { pricingTier: 'Free' }, String(machine.id)),
    ],
    status: 'FAIL',
    messageId: 'notCovered',
  },
  {
    name: 'another plan only',
    rows: [pricing('StorageAccounts', { pricingTier: 'Standard' })],
    status: 'UNKNOWN',
    messageId: 'noPlan',
  },
  {
    name: 'the plan without its tier',
    rows: [pricing('VirtualMachines', {})],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
] as const;

export default {
  wrap: withSubscription,
  ...byVerdict(
    table.map(({ name, rows, status, messageId }) => ({
      name,
      records: [machine, ...rows],
      status,
      messageId,
    })),
  ),
  notRun: [{ name: 'a classic VM: Defender for Servers does not cover it', records: [classicVm] }],
} satisfies RuleTests;
