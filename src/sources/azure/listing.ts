import type { AzureSubscriptionFacts } from '../../model/azure.ts';
import { type Fact, unknown } from '../../model/fact.ts';
import type { Localized } from '../../model/localized.ts';
import { accountResourceId, type Resource } from '../../model/resource.ts';

/**
 * Subscription-wide ARM lists whose empty answer is evidence of "none" (no Activity Log
 * export, no budget), as opposed to a missing listing, which only means unknown. A listing is
 * recorded as a fact of the subscription. Offline, a list body is the subscription's listing
 * when its file is named for it, as `--save-inventory` writes it (the name may have a prefix):
 * `activity-log-settings-<subscription id>.json`, `budgets-<subscription id>.json`,
 * `resource-diagnostic-settings-<subscription id>.json`: the settings of every resource of the
 * subscription whose settings a check reads (ARM lists them per resource; the bodies together),
 * `keyvault-keys-<subscription id>.json`: the keys of every vault of the subscription (ARM's
 * `GET <vault id>/keys`, the bodies together), and `managed-hsm-keys-<subscription id>.json`: those
 * of every managed HSM (`GET <hsm id>/keys`).
 * The same names ending `.yaml` (`az … -o yaml`) count too.
 */
export const SUBSCRIPTION_LISTINGS = {
  'activity-log-settings': 'activityLogSettingsListed',
  budgets: 'budgetsListed',
  'resource-diagnostic-settings': 'resourceSettingsListed',
  'keyvault-keys': 'vaultKeysListed',
  'managed-hsm-keys': 'hsmKeysListed',
} as const satisfies Record<string, keyof AzureSubscriptionFacts>;

export type SubscriptionListing = keyof typeof SUBSCRIPTION_LISTINGS;

/** A listing's file name, `<listing>-<subscription id>.json` (or `.yaml`, `.yml`), after a prefix if any. */
const LISTING_FILE = new RegExp(
  `(?:^|[/\\\\._-])(${Object.keys(SUBSCRIPTION_LISTINGS).join('|')})-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.(?:json|ya?ml)$`,
  'i',
);

/** The listing a file holds, by its name; undefined for any other file. */
export function listingOfFile(file: string): { kind: SubscriptionListing; subscription: string } | undefined {
  const match = LISTING_FILE.exec(file);
  if (!match) return undefined;
  return { kind: match[1]!.toLowerCase() as SubscriptionListing, subscription: match[2]!.toLowerCase() };
}

/**
 * Reads of a subscription a live scan could not make whole, saved by `--save-inventory` as a list
 * body named for the subscription with `-incomplete-`, so that the inventory read back says so
 * too: `role-assignments-incomplete-<subscription id>.json`, the role assignments that apply to
 * the subscription (what was read before the failure is in the saved Resource Graph pages). Read
 * as the fact unknown: without the file, the role assignments an export holds are taken as all
 * there are.
 */
const UNREAD_LISTINGS = {
  'role-assignments': {
    fact: 'roleAssignmentsRead',
    note: {
      ja: 'このファイルを保存したライブ スキャンは、サブスクリプションに適用されるロールの割り当て（自身のものと、管理グループとルート（/）から継承するもの）をすべては読み取れませんでした（理由はそのスキャンの「読み込めなかった入力・スコープ」にあります）',
      en: 'the live scan that saved this file could not read all the role assignments that apply to the subscription (its own, and those it inherits from its management groups and the root (/)): its list of scopes that could not be read says why',
    },
  },
} as const satisfies Record<string, { fact: keyof AzureSubscriptionFacts; note: Localized }>;

type UnreadListing = keyof typeof UNREAD_LISTINGS;

const UNREAD_FILE = new RegExp(
  `(?:^|[/\\\\._-])(${Object.keys(UNREAD_LISTINGS).join('|')})-incomplete-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.(?:json|ya?ml)$`,
  'i',
);

/** A list body a live scan saved as not read whole (`<listing>-incomplete-<subscription id>.json`). */
export const isSavedIncomplete = (file: string): boolean =>
  /-incomplete-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(?:json|ya?ml)$/i.test(file);

/** The subscription's facts a saved `-incomplete-` file says were not read whole; undefined for any other file. */
export function unreadListingOfFile(
  file: string,
): { subscription: string; facts: AzureSubscriptionFacts } | undefined {
  const match = UNREAD_FILE.exec(file);
  if (!match) return undefined;
  const { fact, note } = UNREAD_LISTINGS[match[1]!.toLowerCase() as UnreadListing];
  const unread: Fact<boolean> = unknown(file, note);
  return { subscription: match[2]!.toLowerCase(), facts: { [fact]: unread } };
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
