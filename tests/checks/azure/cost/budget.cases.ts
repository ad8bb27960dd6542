import { unknown } from '../../../../src/model/fact.ts';
import { listingRecord } from '../../../../src/sources/azure/listing.ts';
import { graphQuery, jsonFile } from '../../../helpers/exports.ts';
import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { SUBSCRIPTION, SUBSCRIPTION_ID, subscriptionRow } from '../arg-rows.ts';

const notification = (enabled: boolean, contactEmails: string[]) => ({
  enabled,
  operator: 'GreaterThan',
  threshold: 80,
  contactEmails,
  contactRoles: [],
  contactGroups: [],
  thresholdType: 'Actual',
});
/** A budget's period as the REST API writes it (the CLI prints `+00:00` offsets). */
const period = (startDate: string, endDate?: string) => ({ startDate, ...(endDate ? { endDate } : {}) });
/** One budget of `GET …/providers/Microsoft.Consumption/budgets` (at the subscription's scope, or `scope`'s). */
const budgetOf = (
  name: string,
  notifications: Record<string, unknown> | undefined,
  scope = SUBSCRIPTION_ID,
  timePeriod: Record<string, unknown> | undefined = period('2025-04-01T00:00:00Z', '2035-03-31T00:00:00Z'),
) => ({
  id: `${scope}/providers/Microsoft.Consumption/budgets/${name}`,
  name,
  type: 'Microsoft.Consumption/budgets',
  eTag: '"1d9f2c3b4a5e6f7"',
  properties: {
    category: 'Cost',
    amount: 1000,
    timeGrain: 'Monthly',
    ...(timePeriod ? { timePeriod } : {}),
    ...(notifications ? { notifications } : {}),
  },
});
const alerting = { a: notification(true, ['ops@example.jp']) };
/** The budget with `filter` (API 2019-01-01 on) or `filters` (before it) among its properties. */
const withFilter = (budget: ReturnType<typeof budgetOf>, filter: Record<string, unknown>) => ({
  ...budget,
  properties: { ...budget.properties, ...filter },
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
  {
    name: 'only a resource-group budget alerts',
    budgets: [
      budgetOf(
        'rg-web-cap',
        { a: notification(true, ['ops@example.jp']) },
        `${SUBSCRIPTION_ID}/resourceGroups/rg-web`,
      ),
    ],
    status: 'UNKNOWN',
    messageId: 'partialOnly',
  },
  {
    name: 'a subscription budget alerts beside a resource-group one',
    budgets: [
      budgetOf(
        'rg-web-cap',
        { a: notification(true, ['ops@example.jp']) },
        `${SUBSCRIPTION_ID}/resourceGroups/rg-web`,
      ),
      budgetOf('b1', { a: notification(true, ['ops@example.jp']) }),
    ],
    status: 'PASS',
    messageId: 'alerting',
  },
  {
    name: "the only alerting budget is a resource group's, as Microsoft.CostManagement/budgets lists it",
    budgets: [
      {
        ...budgetOf('rg-web-cap', alerting, `${SUBSCRIPTION_ID}/resourceGroups/rg-web`),
        id: `${SUBSCRIPTION_ID}/resourceGroups/rg-web/providers/Microsoft.CostManagement/budgets/rg-web-cap`,
        type: 'Microsoft.CostManagement/budgets',
      },
    ],
    status: 'UNKNOWN',
    messageId: 'partialOnly',
  },
  {
    // The REST example Budget.json's filter: some VMs and two tags.
    name: 'the only alerting budget is filtered to some resources and tags',
    budgets: [
      withFilter(budgetOf('vm-cap', alerting), {
        filter: {
          and: [
            {
              dimensions: {
                name: 'ResourceId',
                operator: 'In',
                values: [
                  `${SUBSCRIPTION_ID}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm1`,
                ],
              },
            },
            { tags: { name: 'category', operator: 'In', values: ['Dev', 'Prod'] } },
          ],
        },
      }),
    ],
    status: 'UNKNOWN',
    messageId: 'partialOnly',
  },
  {
    name: 'the only alerting budget has a 2018 filters object naming a meter',
    budgets: [
      withFilter(budgetOf('meter-cap', alerting), {
        filters: {
          meters: ['00000000-0000-0000-0000-000000000000'],
          resourceGroups: null,
          resources: [],
          tags: null,
        },
      }),
    ],
    status: 'UNKNOWN',
    messageId: 'partialOnly',
  },
  {
    name: 'a filtered alerting budget beside a whole-subscription one',
    budgets: [
      withFilter(budgetOf('rg-cap', alerting), {
        filter: { dimensions: { name: 'ResourceGroupName', operator: 'In', values: ['rg-web'] } },
      }),
      budgetOf('b1', alerting),
    ],
    status: 'PASS',
    messageId: 'alerting',
  },
  {
    name: 'an alerting budget whose filter names nothing, as the API and the CLI print an empty one',
    budgets: [
      withFilter(budgetOf('b1', alerting), { filter: { and: null, dimensions: null, tags: null } }),
      withFilter(budgetOf('b2', alerting), {
        filter: {},
        filters: { meters: null, resourceGroups: [], resources: null, tags: {} },
      }),
    ],
    status: 'PASS',
    messageId: 'alerting',
  },
  {
    name: 'an alerting budget within its period',
    budgets: [
      budgetOf('b1', alerting, SUBSCRIPTION_ID, period('2025-04-01T00:00:00Z', '2035-03-31T00:00:00Z')),
    ],
    status: 'PASS',
    messageId: 'alerting',
  },
  {
    // Cost Management evaluates a budget between its startDate and endDate only.
    name: 'the only alerting budget ended before the scan',
    budgets: [
      budgetOf('fy2024', alerting, SUBSCRIPTION_ID, period('2024-04-01T00:00:00Z', '2025-03-31T00:00:00Z')),
    ],
    status: 'FAIL',
    messageId: 'outOfPeriod',
    data: { budgets: ['fy2024'] },
  },
  {
    name: 'the only alerting budget starts after the scan',
    budgets: [
      budgetOf('fy2040', alerting, SUBSCRIPTION_ID, period('2040-04-01T00:00:00Z', '2041-03-31T00:00:00Z')),
    ],
    status: 'FAIL',
    messageId: 'outOfPeriod',
  },
  {
    name: 'a resource group’s alerting budget that ended: no budget alerts now',
    budgets: [
      budgetOf(
        'rg-fy2024',
        alerting,
        `${SUBSCRIPTION_ID}/resourceGroups/rg-web`,
        period('2024-04-01T00:00:00Z', '2025-03-31T00:00:00Z'),
      ),
    ],
    status: 'FAIL',
    messageId: 'outOfPeriod',
  },
  {
    name: 'an ended budget beside one within its period',
    budgets: [
      budgetOf('fy2024', alerting, SUBSCRIPTION_ID, period('2024-04-01T00:00:00Z', '2025-03-31T00:00:00Z')),
      budgetOf('monthly', alerting, SUBSCRIPTION_ID, period('2025-04-01T00:00:00+00:00')),
    ],
    status: 'PASS',
    messageId: 'alerting',
    data: { budgets: ['fy2024', 'monthly'] },
  },
  {
    name: 'an alerting budget without its period (the API always writes timePeriod)',
    budgets: [budgetOf('b1', alerting, SUBSCRIPTION_ID, { endDate: '2035-03-31T00:00:00Z' })],
    status: 'UNKNOWN',
    messageId: 'periodUnknown',
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

const verdicts = byVerdict(
  table.map(({ name, budgets, status, messageId, ...rest }) => ({
    name,
    records: [subscriptionRow(), ...(budgets.length > 0 ? [list([...budgets])] : [])],
    status,
    messageId,
    now: '2026-06-01T00:00:00Z',
    ...rest,
  })),
);

export default {
  wrap: graphQuery,
  valid: verdicts.valid,
  invalid: [
    ...verdicts.invalid,
    {
      name: "the subscription's own budgets listing, present and empty (as --save-inventory names it): none",
      records: [subscriptionRow(), jsonFile({ value: [] }, `budgets-${SUBSCRIPTION}.json`)],
      status: 'FAIL',
      messageId: 'none',
    },
    {
      name: "the subscription's budgets as az consumption budget list -o json prints none ([]), the file named for it: none",
      records: [subscriptionRow(), jsonFile([], `budgets-${SUBSCRIPTION}.json`)],
      status: 'FAIL',
      messageId: 'none',
    },
    {
      name: 'an empty page of the budgets listing with a nextLink: not the whole listing',
      records: [
        subscriptionRow(),
        jsonFile(
          {
            value: [],
            nextLink: `https://management.azure.com${SUBSCRIPTION_ID}/providers/Microsoft.Consumption/budgets?api-version=2023-05-01&$skiptoken=AQAAAA`,
          },
          `budgets-${SUBSCRIPTION}.json`,
        ),
      ],
      status: 'UNKNOWN',
      messageId: 'notExported',
    },
    {
      name: 'a live budgets listing that failed names the call, not an export to add',
      records: [subscriptionRow()],
      collected: [
        listingRecord(
          SUBSCRIPTION,
          {
            budgetsListed: unknown(`GET ${SUBSCRIPTION_ID}/providers/Microsoft.Consumption/budgets`, {
              ja: 'ライブ スキャンで一覧が失敗しました: HTTP 403 AuthorizationFailed',
              en: 'the live listing failed: HTTP 403 AuthorizationFailed',
            }),
          },
          'azure:arm',
        ),
      ],
      status: 'UNKNOWN',
      messageId: 'notListed',
    },
  ],
} satisfies RuleTests;
