import type { AzureSubscriptionFacts } from '../../../model/azure.ts';
import { asString, notSet, propertyFact } from '../property-facts.ts';
import type { Adapter } from './adapter.ts';

/** A subscription row (resourcecontainers): the account resource, `/subscriptions/<guid>`. */
export const subscription: Adapter = {
  kansaType: 'account',
  facts(record): AzureSubscriptionFacts {
    return {
      state: propertyFact(
        record,
        ['state'],
        asString,
        notSet('absent: not in this export', '未設定: このエクスポートに含まれていません'),
      ),
    };
  },
};
