import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * `azurerm_consumption_budget_subscription` (azurerm 2.x–4.x documentation): `notification` blocks,
 * a set, each with `enabled` (default true), `threshold`, `operator` and recipients; a plan lists
 * them in `after`, an address it creates (an action group) known only after apply.
 */

const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
const providers = { azurerm: { features: constant([{}]), subscription_id: constant(SUBSCRIPTION) } };

function budget(name: string, notifications: Json[], notificationUnknown: Json[] = []): Change {
  return {
    address: `azurerm_consumption_budget_subscription.${name}`,
    after: {
      name,
      subscription_id: `/subscriptions/${SUBSCRIPTION}`,
      amount: 1000,
      time_grain: 'Monthly',
      time_period: [{ start_date: '2026-12-01T00:00:00Z', end_date: null }],
      filter: [],
      notification: notifications.map((notification) => ({
        contact_emails: [],
        contact_groups: [],
        contact_roles: [],
        enabled: true,
        operator: 'GreaterThan',
        threshold: 80,
        threshold_type: 'Actual',
        ...notification,
      })),
    },
    afterUnknown: { id: true, etag: true, notification: notificationUnknown },
    expressions: { name: constant(name), amount: constant(1000) },
  };
}

const scan = (change: Change) =>
  scanDocument(plan([change], { formatVersion: '1.2', terraformVersion: '1.9.8', providers })).then(
    (scanned) => findingOf(scanned, 'azure.cost.budget', `/subscriptions/${SUBSCRIPTION}`),
  );

describe('azurerm_consumption_budget_subscription', () => {
  it('passes a subscription whose budget alerts someone (it was read as no budget in the plan)', async () => {
    const finding = await scan(budget('monthly', [{ contact_emails: ['ops@example.com'] }]));
    expect(finding.status).toBe('PASS');
    expect(finding.evidence[0]?.path).toBe('azurerm_consumption_budget_subscription.monthly.notification');
  });

  it('fails a budget whose only alert is turned off', async () => {
    expect((await scan(budget('muted', [{ enabled: false, contact_roles: ['Owner'] }]))).status).toBe('FAIL');
  });

  it('leaves a budget whose recipients are known only after apply unknown', async () => {
    const change = budget(
      'to_action_group',
      [{ contact_groups: [] }],
      [{ contact_emails: [], contact_groups: true, contact_roles: [] }],
    );
    expect(
      (
        await scan({
          ...change,
          expressions: { notification: [{ contact_groups: ref('azurerm_monitor_action_group.ops.id') }] },
        })
      ).status,
    ).toBe('UNKNOWN');
  });
  it('reads the budget’s period: an end date the provider computes is ten years on, one past has ended', async () => {
    const change = budget('monthly', [{ contact_emails: ['ops@example.com'] }]);
    const computedEnd = {
      ...change,
      afterUnknown: { ...change.afterUnknown, time_period: [{ end_date: true }] },
    };
    expect((await scan(computedEnd)).status).toBe('PASS');
    const ended = {
      ...change,
      after: {
        ...change.after,
        time_period: [{ start_date: '2020-01-01T00:00:00Z', end_date: '2021-01-01T00:00:00Z' }],
      },
    };
    const finding = await scan(ended);
    expect(finding).toMatchObject({ status: 'FAIL', messageId: 'outOfPeriod' });
    expect(finding.evidence[0]?.path).toBe(
      'azurerm_consumption_budget_subscription.monthly.time_period.0.end_date',
    );
  });

  it('leaves a budget filtered to some resource groups or tags unknown: it counts part of the spend', async () => {
    const change = budget('web_only', [{ contact_emails: ['ops@example.com'] }]);
    const filter = [
      {
        dimension: [{ name: 'ResourceGroupName', operator: 'In', values: ['rg-web'] }],
        tag: [{ name: 'env', operator: 'In', values: ['prod'] }],
        not: [],
      },
    ];
    const finding = await scan({ ...change, after: { ...change.after, filter } });
    expect(finding).toMatchObject({ status: 'UNKNOWN', messageId: 'partialOnly' });
    expect(finding.evidence.map((fact) => fact.path)).toContain(
      'azurerm_consumption_budget_subscription.web_only.filter',
    );
  });

  it('places a budget in the subscription its subscription_id names, not the provider’s', async () => {
    // 3.x/4.x take a resource id, 2.x the bare GUID; either names the subscription it budgets.
    const other = '2b4d6f8a-0c1e-4a3b-9d5f-7e9a1b3c5d7f';
    for (const subscriptionId of [`/subscriptions/${other}`, other]) {
      const change = budget('muted', [{ enabled: false, contact_emails: ['ops@example.com'] }]);
      const scanned = await scanDocument(
        plan([{ ...change, after: { ...change.after, subscription_id: subscriptionId } }], {
          formatVersion: '1.2',
          terraformVersion: '1.9.8',
          providers,
        }),
      );
      expect(findingOf(scanned, 'azure.cost.budget', `/subscriptions/${other}`).status, subscriptionId).toBe(
        'FAIL',
      );
    }
  });
});
