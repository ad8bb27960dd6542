import type { AzureSubscriptionFacts } from '../../model/azure.ts';
import { explicit } from '../../model/fact.ts';
import type { Resource } from '../../model/resource.ts';
import type { ReadContext } from '../format.ts';
import { toResource } from './adapters/index.ts';
import { get, isObject } from './arm-record.ts';
import { listingRecord } from './listing.ts';
import { subscriptionRecord } from './rows.ts';

/** Where Custodian's diagnostic-settings filter of `azure.subscription` keeps what it listed. */
const DIAGNOSTIC_SETTINGS = 'c7n:diagnostic-settings';

/**
 * Cloud Custodian's `azure.subscription` records (c7n_azure `resources/subscription.py`): the
 * subscription's GET answer (`id` `/subscriptions/<id>`, `subscriptionId`, `displayName`,
 * `state`, `tenantId`; no `type`), read as the subscription, and what its `diagnostic-settings`
 * filter annotated: `c7n:diagnostic-settings`, the subscription's diagnostic settings as
 * `subscription_diagnostic_settings.list` serializes them (ARM records), each read as the
 * setting it is, the list being the subscription's listing of them (`activityLogSettingsListed`):
 * `[{}]`, which Custodian writes where there are none, is that listing with none. A record
 * without the annotation (a policy without the filter) says nothing of the settings.
 */
export function* custodianSubscriptions(document: readonly unknown[], ctx: ReadContext): Generator<Resource> {
  for (const [index, record] of document.entries()) {
    const id = get(record, 'subscriptionId');
    if (typeof id !== 'string' || get(record, 'id') !== `/subscriptions/${id}`) {
      ctx.skip('an azure.subscription record without its subscriptionId and /subscriptions/<id>', { index });
      continue;
    }
    const origin = { file: ctx.file, index };
    const note = (text: string) => ctx.note?.(text, { index });
    const subscription = subscriptionRecord(
      id,
      get(record, 'displayName'),
      get(record, 'state'),
      get(record, 'tenantId'),
    );
    const listed = get(record, DIAGNOSTIC_SETTINGS);
    for (const read of [subscription, ...listedSettings(listed)].map((arm) => toResource(arm, origin, note)))
      if ('skip' in read) ctx.skip(read.skip, { index });
      else yield read;
    if (Array.isArray(listed)) {
      const facts: AzureSubscriptionFacts = {
        activityLogSettingsListed: explicit(true, DIAGNOSTIC_SETTINGS),
      };
      yield listingRecord(id, facts, ctx.file);
    }
  }
}

/** The settings the annotation lists: its ARM records (the `{}` that stands for none left out). */
function listedSettings(listed: unknown): readonly unknown[] {
  return Array.isArray(listed) ? listed.filter((setting) => isObject(setting) && get(setting, 'id')) : [];
}
