import { graphQuery, jsonFile } from '../../../helpers/exports.ts';
import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { SUBSCRIPTION_ID, subscriptionRow } from '../arg-rows.ts';

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
const budgetOf = (name: string, notifications: Record<string, unknown> | undefined) => ({
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
const list = (budgets: object[]) => jsonFile({ value: budgets }, 'budgets.json');

const table = [
  {
    name: 'enabled alert with recipients',
    budgets: [budgetOf('b1', { a: notification(true, ['ops@example.jp']) })],
    status: 'PASS',
    messageId: 'alerting',
  },
  {
    name: 'alert disabled',
    budgets: [budgetOf('b1', { a: notification(false, ['ops@example.jp']) })],
    status: 'FAIL',
    messageId: 'noAlerts',
  },
  {
    name: 'alert without recipients',
    budgets: [budgetOf('b1', { a: notification(true, []) })],
    status: 'FAIL',
    messageId: 'noAlerts',
  },
  {
    name: 'budget without notifications',
    budgets: [budgetOf('b1', undefined)],
    status: 'FAIL',
    messageId: 'noAlerts',
  },
  {
    name: 'one of two budgets alerts',
    budgets: [budgetOf('b1', undefined), budgetOf('b2', { a: notification(true, ['ops@example.jp']) })],
    status: 'PASS',
    messageId: 'alerting',
  },
  { name: 'no budgets exported', budgets: [], status: 'UNKNOWN', messageId: 'notExported' },
  {
    name: 'a budget listed without its properties',
    budgets: [
      {
        id: `${SUBSCRIPTION_ID}/providers/Microsoft.Consumption/budgets/b1`,
        name: 'b1',
        type: 'Microsoft.Consumption/budgets',
      },
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
] as const;

export default {
  wrap: graphQuery,
  ...byVerdict(
    table.map(({ name, budgets, status, messageId }) => ({
      name,
      records: [subscriptionRow(), ...(budgets.length > 0 ? [list([...budgets])] : [])],
      status,
      messageId,
    })),
  ),
} satisfies RuleTests;
