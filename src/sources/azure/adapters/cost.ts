import type { AzureBudgetFacts } from '../../../model/azure.ts';
import { explicit, unknown } from '../../../model/fact.ts';
import { get, isObject } from '../arm-record.ts';
import { asBoolean } from '../property-facts.ts';
import type { Adapter } from './adapter.ts';

const RECIPIENT_FIELDS = ['contactEmails', 'contactRoles', 'contactGroups'];

/**
 * A Cost Management budget (`az consumption budget list`, REST `…/providers/Microsoft.Consumption/budgets`).
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
    return { enabledNotifications: explicit(enabled, path) };
  },
};
