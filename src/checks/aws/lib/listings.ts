import type { AwsAccountFacts, AwsEmptyListing } from '../../../model/aws.ts';
import { explicit } from '../../../model/fact.ts';
import { accountResourceId, UNKNOWN_REGION } from '../../../model/resource.ts';
import type { Evidence, InventoryView } from '../../check.ts';

/** The account's listings that answer whole and empty (`AwsAccountFacts.flowLogListings`, …). */
export type EmptyListingKind = 'flowLogListings' | 'detectorListings' | 'trailListings';

/**
 * The evidence that the account listed a kind in a scope and found none: each empty listing
 * made in `region` (any Region where undefined: describe-trails answers for the account), and
 * not filtered by a resource other than `resourceId`, as the file and member that answered, with
 * no entry (`111122223333/ap-northeast-1/describe-flow-logs.json: FlowLogs = []`). Empty when
 * nothing listed the scope: a resource whose Region is not known is in no listed one.
 */
export function emptyListings(
  inventory: InventoryView,
  account: string,
  kind: EmptyListingKind,
  scope: { readonly region?: string; readonly resourceId?: string },
): Evidence[] {
  const id = accountResourceId('aws', account);
  const listings = (inventory.byId('aws', id)?.facts as AwsAccountFacts | undefined)?.[kind];
  if (listings?.source !== 'explicit' || scope.region === UNKNOWN_REGION) return [];
  const inScope = (listing: AwsEmptyListing) =>
    (scope.region === undefined || listing.region === scope.region) &&
    (listing.resourceId === undefined || listing.resourceId === scope.resourceId?.toLowerCase());
  return listings.value
    .filter(inScope)
    .map((listing) => ({ ...explicit<readonly unknown[]>([], listing.listing), resourceId: id }));
}
