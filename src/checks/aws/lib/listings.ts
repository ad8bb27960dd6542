import type { AwsAccountFacts, AwsConfigListing, AwsEmptyListing } from '../../../model/aws.ts';
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

/**
 * The evidence that the account's AWS Config inventory of `region`, read whole, holds no
 * resource of `nativeType` while Config records the type in another of the account's Regions
 * (AwsAccountFacts.configListings): each such inventory as its file and member with the type
 * (`…_ConfigSnapshot_….json: configurationItems[resourceType=AWS::GuardDuty::Detector] = []`).
 * Empty when no inventory of the Region was read whole, or none of the account holds the type
 * (its recorders may not record it).
 */
export function emptyConfigListings(
  inventory: InventoryView,
  account: string,
  nativeType: string,
  region: string,
): Evidence[] {
  const id = accountResourceId('aws', account);
  const listings = (inventory.byId('aws', id)?.facts as AwsAccountFacts | undefined)?.configListings;
  if (listings?.source !== 'explicit' || region === UNKNOWN_REGION) return [];
  const holds = (listing: AwsConfigListing) => listing.types.includes(nativeType);
  if (!listings.value.some(holds)) return [];
  return listings.value
    .filter((listing) => listing.region === region && !holds(listing))
    .map((listing) => ({
      ...explicit<readonly unknown[]>([], `${listing.listing}[resourceType=${nativeType}]`),
      resourceId: id,
    }));
}
