import type { AwsConfigListing } from '../../model/aws.ts';
import { explicitList, type ListUnion } from '../../model/fact.ts';
import { type Origin, type Resource, UNKNOWN_REGION } from '../../model/resource.ts';
import { withIamListings } from './iam-listing.ts';
import { accountResource } from './password-policy.ts';

const CONFIG_LISTINGS: ListUnion<AwsConfigListing> = {
  key: (listing) => `${listing.region} ${listing.listing}`,
};

/**
 * The resources of an AWS Config inventory read whole (a configuration snapshot, a live scan's
 * whole Config inventory), then what it says of each account beside them: its IAM principals
 * listed whole (withIamListings), and for each Region it holds regional items of, the types it
 * holds there (AwsAccountFacts.configListings), so that a check can tell a Region whose Config
 * inventory holds none of a type Config records elsewhere from a Region nothing listed.
 */
export function* withConfigListings(
  resources: Iterable<Resource>,
  path: string,
  origin: Origin,
): Generator<Resource> {
  const held = new Map<string, Map<string, Set<string>>>();
  for (const resource of withIamListings(resources, path, origin)) {
    yield resource;
    const { account, region } = resource;
    if (!account || region === 'global' || region === UNKNOWN_REGION) continue;
    const regions = held.get(account) ?? new Map<string, Set<string>>();
    held.set(account, regions.set(region, (regions.get(region) ?? new Set()).add(resource.nativeType)));
  }
  const listing = `${origin.file}: ${path}`;
  for (const [account, regions] of held) {
    const listings = [...regions].map(([region, types]) => ({ region, types: [...types].sort(), listing }));
    yield accountResource(account, { configListings: explicitList(listings, path, CONFIG_LISTINGS) }, origin);
  }
}
