import { explicit } from '../../../model/fact.ts';
import type { CommonFacts } from '../../../model/facts.ts';
import { type ArmRecord, get } from '../arm-record.ts';

/**
 * The write region of a Cosmos DB account that also keeps read replicas elsewhere: the location
 * of failover priority 0 (`locations`, `failoverPolicies`), else the first of `writeLocations`.
 * The account's data abroad is then a replica of it (LOC-2). An account that writes in several
 * regions (`enableMultipleWriteLocations`) has no single primary: each region holds primary
 * data, so none is named.
 * https://learn.microsoft.com/azure/cosmos-db/high-availability
 * https://learn.microsoft.com/rest/api/cosmos-db-resource-provider/database-accounts/get
 */
export function cosmosPrimaryRegion(record: ArmRecord): Pick<CommonFacts, 'primaryRegion'> {
  if (get(record.properties, 'enableMultipleWriteLocations') === true) return {};
  for (const key of ['locations', 'failoverPolicies', 'writeLocations']) {
    const list = get(record.properties, key);
    if (!Array.isArray(list)) continue;
    for (const [index, entry] of list.entries()) {
      const priority = get(entry, 'failoverPriority');
      const first = key === 'writeLocations' ? index === 0 : priority === 0 || priority === '0';
      const name = get(entry, 'locationName');
      if (first && typeof name === 'string' && name.trim() !== '')
        return {
          primaryRegion: explicit(
            name.replace(/\s+/g, '').toLowerCase(),
            `properties.${key}[${index}].locationName`,
          ),
        };
    }
  }
  return {};
}
