import type { AzureBudgetFacts } from '../../../model/azure.ts';
import { explicit, unknown } from '../../../model/fact.ts';
import { get, isObject } from '../arm-record.ts';
import { asBoolean, propertyFact } from '../property-facts.ts';
import type { Adapter } from './adapter.ts';

const RECIPIENT_FIELDS = ['contactEmails', 'contactRoles', 'contactGroups'];

/**
 * A Cost Management budget (`az consumption budget list`, REST `…/providers/Microsoft.Consumption/budgets`,
 * or the same budget under `…/providers/Microsoft.CostManagement/budgets`).
 * `notifications` maps a name to its threshold, `enabled` flag and recipients.
 */
export const budget: Adapter = {
  kansaType: 'cost.budget',
  facts(record): AzureBudgetFacts {
    const path = 'properties.notifications';
    if (!record.properties) {
      return {
        enabledNotifications: unknown(path, {
          ja: 'エクスポートに設定の内容がありません',
          en: 'the export has no settings for it',
        }),
      };
    }
    const notifications = get(record.properties, 'notifications');
    const enabled = Object.entries(isObject(notifications) ? notifications : {})
      .filter(([, notification]) => asBoolean(get(notification, 'enabled')) === true)
      .filter(([, notification]) =>
        RECIPIENT_FIELDS.some((field) => {
          const recipients = get(notification, field);
          return Array.isArray(recipients) && recipients.length > 0;
        }),
      )
      .map(([name]) => name);
    return {
      enabledNotifications: explicit(enabled, path),
      periodStart: propertyFact(record, ['timePeriod.startDate'], asTime, {
        unknown: {
          ja: '予算の開始日がエクスポートにありません',
          en: 'the budget’s start date is not in the export',
        },
      }),
      // https://learn.microsoft.com/rest/api/consumption/budgets/get (BudgetFilter: and, dimensions,
      // tags; the 2018 API's `filters`: resourceGroups, resources, meters, tags, as PSBudget keeps it).
      filtered: propertyFact(record, ['filter', 'filters'], (filter) => namesSomeValue(filter), {
        default: false,
        note: {
          ja: '未設定: 絞り込みはなく、予算はスコープの利用額すべてを対象にします',
          en: "absent: no filter, the budget counts all of its scope's spend",
        },
      }),
      periodEnd: propertyFact(record, ['timePeriod.endDate'], asTime, {
        // https://learn.microsoft.com/rest/api/consumption/budgets/create-or-update (BudgetTimePeriod)
        default: null,
        note: {
          ja: '未設定: 終了日は開始日の 10 年後です',
          en: 'absent: the budget ends ten years after its start date',
        },
      }),
    };
  },
};

/**
 * Whether a filter names a value to match (`values: ["rg-web"]`, a 2018 `tags: {env: ["prod"]}`):
 * the empty shapes the API and the CLI print (`{}`, `{"and": null, "dimensions": null}`,
 * `values: []`) restrict nothing.
 */
function namesSomeValue(filter: unknown): boolean {
  if (Array.isArray(filter))
    return filter.some((item) => (typeof item === 'string' ? item !== '' : namesSomeValue(item)));
  return isObject(filter) && Object.values(filter).some(namesSomeValue);
}

/** A date the API writes (`2025-03-31T00:00:00Z`, the CLI's `+00:00`), as an ISO time. */
const asTime = (value: unknown): string | undefined => {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
};
