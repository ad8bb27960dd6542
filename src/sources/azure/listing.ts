import type { AzureSubscriptionFacts } from '../../model/azure.ts';
import { accountResourceId, type Resource } from '../../model/resource.ts';

/**
 * Subscription-wide ARM lists whose empty answer is evidence of "none" (no Activity Log
 * export, no budget), as opposed to a missing listing, which only means unknown. A listing is
 * recorded as a fact of the subscription. Offline, a list body is the subscription's listing
 * when its file is named for it, as `--save-inventory` writes it (the name may have a prefix):
 * `activity-log-settings-<subscription id>.json`, `budgets-<subscription id>.json`, and
 * `resource-diagnostic-settings-<subscription id>.json`: the settings of every resource of the
 * subscription whose settings a check reads (ARM lists them per resource; the bodies together).
 * The same names ending `.yaml` (`az … -o yaml`) count too.
 */
export const SUBSCRIPTION_LISTINGS = {
  'activity-log-settings': 'activityLogSettingsListed',
  budgets: 'budgetsListed',
  'resource-diagnostic-settings': 'resourceSettingsListed',
} as const satisfies Record<string, keyof AzureSubscriptionFacts>;

export type SubscriptionListing = keyof typeof SUBSCRIPTION_LISTINGS;

const LISTING_FILE =
  /(?:^|[/\\._-])(activity-log-settings|budgets|resource-diagnostic-settings)-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(?:json|ya?ml)$/i;

/** The listing a file holds, by its name; undefined for any other file. */
export function listingOfFile(file: string): { kind: SubscriptionListing; subscription: string } | undefined {
  const match = LISTING_FILE.exec(file);
  if (!match) return undefined;
  return { kind: match[1]!.toLowerCase() as SubscriptionListing, subscription: match[2]!.toLowerCase() };
}

/** A record of the subscription carrying only the listing's fact (the inventory merges it with the rest). */
export function listingRecord(
  subscription: string,
  facts: AzureSubscriptionFacts,
  origin: string,
): Resource<AzureSubscriptionFacts> {
  const id = subscription.toLowerCase();
  return {
    provider: 'azure',
    account: id,
    region: 'global',
    kansaType: 'account',
    nativeType: 'microsoft.resources/subscriptions',
    id: accountResourceId('azure', id),
    name: '',
    tags: {},
    facts,
    origin: { file: origin },
  };
}
