import type { AwsConfigListing } from '../../model/aws.ts';
import { explicitList, type Fact, type ListUnion } from '../../model/fact.ts';
import { type Origin, UNKNOWN_REGION } from '../../model/resource.ts';
import type { ConfigItem } from './config-item.ts';

const CONFIG_LISTINGS: ListUnion<AwsConfigListing> = {
  key: (listing) => `${listing.region} ${listing.listing}`,
};

/** The types an AWS Config inventory read whole holds, by account, then by Region. */
export type HeldTypes = Map<string, Map<string, Set<string>>>;

/**
 * Adds an item of an AWS Config inventory read whole (a configuration snapshot, a live scan's
 * whole Config inventory) to the types held where Config recorded it: the account and Region of
 * the recorder (`accountId`, `awsRegion`), not where its resource is (a global table's farthest
 * replica, an organization trail's management account), as each Region's inventory is its own
 * recorder's. A global item, or one recorded in no Region, to none.
 */
export function holdType(
  held: HeldTypes,
  item: Pick<ConfigItem, 'accountId' | 'region'>,
  nativeType: string,
): void {
  const { accountId: account, region } = item;
  if (!account || region === 'global' || region === UNKNOWN_REGION) return;
  const regions = held.get(account) ?? new Map<string, Set<string>>();
  held.set(account, regions.set(region, (regions.get(region) ?? new Set()).add(nativeType)));
}

/**
 * What the inventory says of an account beside its resources: for each Region it holds regional
 * items of, the types it holds there (AwsAccountFacts.configListings), so that a check can tell
 * a Region whose Config inventory holds none of a type Config records elsewhere from a Region
 * nothing listed.
 */
export function configListingsFact(
  regions: ReadonlyMap<string, ReadonlySet<string>>,
  path: string,
  origin: Origin,
): Fact<readonly AwsConfigListing[]> {
  const listing = `${origin.file}: ${path}`;
  const listings = [...regions].map(([region, types]) => ({ region, types: [...types].sort(), listing }));
  return explicitList(listings, path, CONFIG_LISTINGS);
}
