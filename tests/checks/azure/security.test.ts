import { describe, expect, it } from 'vitest';
import vmEncryptionAtHost from '../../../src/checks/azure/compute/vm-encryption-at-host.ts';
import vmEndpointProtection from '../../../src/checks/azure/compute/vm-endpoint-protection.ts';
import budget from '../../../src/checks/azure/cost/budget.ts';
import defenderPlans from '../../../src/checks/azure/security/defender-plans.ts';
import { azureArm } from '../../../src/sources/azure/arm.ts';
import { evaluate } from '../../helpers/checks.ts';
import { graphResources, idOf, readDocument, row, SUBSCRIPTION, SUBSCRIPTION_ID } from './arg-rows.ts';

type Row = Record<string, unknown>;

/** A securityresources pricing row; `scope` is the subscription or a resource (resource-level plan). */
function pricing(plan: string, properties: Row, scope = SUBSCRIPTION_ID) {
  return {
    id: `${scope}/providers/Microsoft.Security/pricings/${plan}`,
    name: plan,
    type: 'microsoft.security/pricings',
    subscriptionId: SUBSCRIPTION,
    resourceGroup: '',
    location: '',
    properties,
  };
}

describe('azure.security.defender-plans', () => {
  it.each([
    { name: 'Standard', properties: { pricingTier: 'Standard', subPlan: 'P2' }, status: 'PASS' },
    { name: 'Free', properties: { pricingTier: 'Free' }, status: 'FAIL' },
    {
      name: 'deprecated plan',
      properties: { pricingTier: 'Free', deprecated: true, replacedBy: ['Containers'] },
      status: 'NOT_APPLICABLE',
    },
    { name: 'tier not projected', properties: {}, status: 'UNKNOWN' },
  ])('$name → $status', ({ properties, status }) => {
    const record = pricing('KubernetesService', properties);
    expect(evaluate(defenderPlans, graphResources(record), idOf(record))).toMatchObject({
      status,
      data: { plan: 'KubernetesService' },
    });
  });
});

const vm = (properties: Row) =>
  row('Microsoft.Compute', 'virtualMachines', 'virtualMachines/vm1', { properties });

describe('azure.compute.vm-endpoint-protection', () => {
  const machine = vm({});
  it.each([
    {
      name: 'Defender for Servers on',
      rows: [pricing('VirtualMachines', { pricingTier: 'Standard' })],
      status: 'PASS',
    },
    {
      name: 'Defender for Servers off',
      rows: [pricing('VirtualMachines', { pricingTier: 'Free' })],
      status: 'FAIL',
    },
    {
      name: 'resource-level plan overrides the subscription',
      rows: [
        pricing('VirtualMachines', { pricingTier: 'Standard' }),
        pricing('virtualMachines', { pricingTier: 'Free' }, String(machine.id)),
      ],
      status: 'FAIL',
    },
    {
      name: 'another plan only',
      rows: [pricing('StorageAccounts', { pricingTier: 'Standard' })],
      status: 'UNKNOWN',
    },
  ])('$name → $status', ({ rows, status }) => {
    expect(evaluate(vmEndpointProtection, graphResources(machine, ...rows), idOf(machine)).status).toBe(
      status,
    );
  });
});

describe('azure.compute.vm-encryption-at-host', () => {
  it.each([
    { name: 'on', record: vm({ securityProfile: { encryptionAtHost: true } }), status: 'PASS' },
    { name: 'off', record: vm({ securityProfile: { encryptionAtHost: false } }), status: 'FAIL' },
    {
      name: 'absent → off by default',
      record: vm({ hardwareProfile: { vmSize: 'Standard_B2s' } }),
      status: 'FAIL',
    },
  ])('$name → $status', ({ record, status }) => {
    expect(evaluate(vmEncryptionAtHost, graphResources(record), idOf(record)).status).toBe(status);
  });
  it('is not run on scale sets', () => {
    const record = row('Microsoft.Compute', 'virtualMachineScaleSets', 'virtualMachineScaleSets/vmss1', {
      properties: {},
    });
    expect(() => evaluate(vmEncryptionAtHost, graphResources(record), idOf(record))).toThrow(
      /does not apply/,
    );
  });
});

describe('azure.cost.budget', () => {
  const notification = (enabled: boolean, contactEmails: string[]) => ({
    enabled,
    operator: 'GreaterThan',
    threshold: 80,
    contactEmails,
    contactRoles: [],
    contactGroups: [],
    thresholdType: 'Actual',
  });
  /** One budget of `GET …/providers/Microsoft.Consumption/budgets`. */
  const budgetOf = (name: string, notifications: Row | undefined) => ({
    id: `${SUBSCRIPTION_ID}/providers/Microsoft.Consumption/budgets/${name}`,
    name,
    type: 'Microsoft.Consumption/budgets',
    eTag: '"1d9f2c3b4a5e6f7"',
    properties: {
      category: 'Cost',
      amount: 1000,
      timeGrain: 'Monthly',
      ...(notifications ? { notifications } : {}),
    },
  });
  it.each([
    {
      name: 'enabled alert with recipients',
      budgets: [budgetOf('b1', { a: notification(true, ['ops@example.jp']) })],
      status: 'PASS',
    },
    {
      name: 'alert disabled',
      budgets: [budgetOf('b1', { a: notification(false, ['ops@example.jp']) })],
      status: 'FAIL',
    },
    {
      name: 'alert without recipients',
      budgets: [budgetOf('b1', { a: notification(true, []) })],
      status: 'FAIL',
    },
    { name: 'budget without notifications', budgets: [budgetOf('b1', undefined)], status: 'FAIL' },
    {
      name: 'one of two budgets alerts',
      budgets: [budgetOf('b1', undefined), budgetOf('b2', { a: notification(true, ['ops@example.jp']) })],
      status: 'PASS',
    },
    { name: 'no budgets exported', budgets: [], status: 'UNKNOWN' },
  ])('$name → $status', ({ budgets, status }) => {
    const resources = [...graphResources(), ...readDocument(azureArm, { value: budgets })];
    expect(evaluate(budget, resources, SUBSCRIPTION_ID).status).toBe(status);
  });
});
