import type { AwsAccountFacts, AwsConfigListing, AwsEmptyListing } from '../../../model/aws.ts';
import { explicit } from '../../../model/fact.ts';
import { accountResourceId, UNKNOWN_REGION } from '../../../model/resource.ts';
import type { Evidence, InventoryView } from '../../check.ts';

/** The account's listings that answer whole and empty (`AwsAccountFacts.flowLogListings`, …). */
export type EmptyListingKind = 'flowLogListings' | 'detectorListings' | 'trailListings';

/**
 * The AWS Config type whose absence from a Region's Config inventory, read whole, lists the kind
 * there too (AwsAccountFacts.configListings). Trails are listed for the account, in no Region.
 */
const CONFIG_TYPE_OF: Readonly<Partial<Record<EmptyListingKind, string>>> = {
  flowLogListings: 'AWS::EC2::FlowLog',
  detectorListings: 'AWS::GuardDuty::Detector',
};

/**
 * The evidence that the account listed a kind in a scope and found none: each empty listing
 * made in `region` (any Region where undefined: describe-trails answers for the account), and
 * not filtered by a resource other than `resourceId`, as the file and member that answered, with
 * no entry (`111122223333/ap-northeast-1/describe-flow-logs.json: FlowLogs = []`); then, for a
 * scope in a Region, each of the Region's AWS Config inventories read whole that holds none of
 * the kind's Config type while one of the account's holds it, as its file and member with the
 * type (`…_ConfigSnapshot_….json: configurationItems[resourceType=AWS::GuardDuty::Detector] = []`;
 * a Config inventory with none of a type its recorders may not record says nothing). Empty when
 * nothing listed the scope: a resource whose Region is not known is in no listed one.
 */
export function emptyListings(
  inventory: InventoryView,
  account: string,
  kind: EmptyListingKind,
  scope: { readonly region?: string; readonly resourceId?: string },
): Evidence[] {
  const id = accountResourceId('aws', account);
  const facts = inventory.byId('aws', id)?.facts as AwsAccountFacts | undefined;
  if (scope.region === UNKNOWN_REGION) return [];
  const listings = facts?.[kind];
  const inScope = (listing: AwsEmptyListing) =>
    (scope.region === undefined || listing.region === scope.region) &&
    (listing.resourceId === undefined || listing.resourceId === scope.resourceId?.toLowerCase());
  const listed =
    listings?.source === 'explicit'
      ? listings.value
          .filter(inScope)
          .map((listing) => ({ ...explicit<readonly unknown[]>([], listing.listing), resourceId: id }))
      : [];
  const nativeType = CONFIG_TYPE_OF[kind];
  if (scope.region === undefined || nativeType === undefined) return listed;
  return [...listed, ...emptyConfigListings(id, facts?.configListings, nativeType, scope.region)];
}

/** The Config inventories of `region` read whole that hold no `nativeType` while another of the account's holds it. */
function emptyConfigListings(
  id: string,
  listings: AwsAccountFacts['configListings'],
  nativeType: string,
  region: string,
): Evidence[] {
  if (listings?.source !== 'explicit') return [];
  const holds = (listing: AwsConfigListing) => listing.types.includes(nativeType);
  if (!listings.value.some(holds)) return [];
  return listings.value
    .filter((listing) => listing.region === region && !holds(listing))
    .map((listing) => ({
      ...explicit<readonly unknown[]>([], `${listing.listing}[resourceType=${nativeType}]`),
      resourceId: id,
    }));
}
