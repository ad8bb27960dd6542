import type { AzureSubscriptionFacts } from '../../../model/azure.ts';
import { explicit } from '../../../model/fact.ts';
import type { ArmRecord } from '../arm-record.ts';
import { asString, notSet, propertyFact } from '../property-facts.ts';
import type { Adapter } from './adapter.ts';

/** A subscription row (resourcecontainers): the account resource, `/subscriptions/<guid>`. */
export const subscription: Adapter = {
  kansaType: 'account',
  facts(record): AzureSubscriptionFacts {
    const managementGroups = ancestorsChain(record);
    return {
      state: propertyFact(
        record,
        ['state'],
        asString,
        notSet('absent: not in this export', '未設定: このエクスポートに含まれていません'),
      ),
      ...(managementGroups && {
        managementGroups: explicit(managementGroups, 'properties.managementGroupAncestorsChain'),
      }),
    };
  },
};

/**
 * The names of the management groups above the subscription, its parent first, as Resource
 * Graph's resourcecontainers rows give them (`[{name, displayName}, …]`); undefined when the
 * row has no chain, or one whose entries name no group.
 */
function ancestorsChain(record: ArmRecord): string[] | undefined {
  const chain = record.properties?.managementGroupAncestorsChain;
  if (!Array.isArray(chain)) return undefined;
  const names: string[] = [];
  for (const group of chain) {
    const name = typeof group === 'object' && group !== null ? (group as { name?: unknown }).name : undefined;
    if (typeof name !== 'string' || name === '') return undefined;
    names.push(name.toLowerCase());
  }
  return names;
}
