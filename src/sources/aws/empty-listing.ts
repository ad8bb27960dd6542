import type { AwsAccountFacts, AwsEmptyListing } from '../../model/aws.ts';
import { explicitList, type ListUnion } from '../../model/fact.ts';
import type { Resource } from '../../model/resource.ts';
import type { ReadContext } from '../format.ts';
import { placeInPath } from './cli-answer.ts';
import { asRecord } from './config-item.ts';
import { DESCRIBE_APIS } from './describe-apis.ts';
import { accountResource } from './password-policy.ts';

/**
 * The listings whose empty answer says what a scope has none of, by the member that answers:
 * each is one API's alone (EFS and FSx both answer `FileSystems`, so that member could not say
 * which kind is absent), and a check reads what it lists. `regional`: the listing answers for
 * its Region only, which the dump must name.
 */
const SCOPE_LISTINGS = {
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeFlowLogs.html
  FlowLogs: { command: 'ec2 describe-flow-logs', fact: 'flowLogListings', regional: true },
  // https://docs.aws.amazon.com/guardduty/latest/APIReference/API_ListDetectors.html
  DetectorIds: { command: 'guardduty list-detectors', fact: 'detectorListings', regional: true },
  // DescribeTrails lists the Region's trails with the shadows of other Regions' multi-Region
  // trails and of the organization's trail (includeShadowTrails, true unless asked otherwise):
  // every Region's answer holds every trail that could pass the account.
  // https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DescribeTrails.html
  trailList: { command: 'cloudtrail describe-trails', fact: 'trailListings', regional: false },
} as const satisfies Record<
  string,
  { command: string; fact: keyof AwsAccountFacts & `${string}Listings`; regional: boolean }
>;

type ScopeMember = keyof typeof SCOPE_LISTINGS;

/** The members of the list answers read here (`FlowLogs`, `DBInstances`, `trailList`, …), and the scope listings'. */
const LIST_MEMBERS: ReadonlySet<string> = new Set([
  ...DESCRIBE_APIS.filter((api) => api.list && api.member !== '').map((api) => api.member),
  ...Object.keys(SCOPE_LISTINGS),
]);

/** What a list answer may hold beside its member: the next page's token, the SDK's metadata. */
const PAGING_KEYS: ReadonlySet<string> = new Set([
  'NextToken',
  'nextToken',
  'Marker',
  'NextMarker',
  'IsTruncated',
  'ResponseMetadata',
]);

/**
 * A list answer with no entries (`aws ec2 describe-flow-logs` → `{"FlowLogs": []}` in a Region
 * without any), as hand-over dumps keep one per command and Region: its member, or undefined
 * for any other document.
 */
export function emptyListingMember(document: unknown): string | undefined {
  const record = asRecord(document);
  if (!record) return undefined;
  const members = Object.keys(record).filter((key) => !PAGING_KEYS.has(key));
  if (members.length !== 1) return undefined;
  const [member] = members as [string];
  const entries = record[member];
  return LIST_MEMBERS.has(member) && Array.isArray(entries) && entries.length === 0 ? member : undefined;
}

const LISTINGS: ListUnion<AwsEmptyListing> = {
  key: (listing) => `${listing.region ?? ''} ${listing.resourceId ?? ''} ${listing.listing}`,
};

/**
 * An EC2 resource id in the file's name or folders (`describe-flow-logs_vpc-0a1b2c3d.json`,
 * `vpc-0a1b2c3d/describe-flow-logs.json`): the dump asked about that resource alone (`--filter
 * Name=resource-id,Values=…`), and the answer speaks for it only. The innermost one names it.
 */
const RESOURCE_ID_IN_PATH =
  /(?:^|[^0-9a-z])((?:vpc|subnet|eni|tgw|tgw-attach)-[0-9a-f]{8}(?:[0-9a-f]{9})?)(?![0-9a-z])/gi;

/**
 * What an empty list answer says: for a scope listing that answered whole (no next page) in a
 * scope the dump's folders or file name place (`<account>/<region>/…`), the account's record
 * with the listing (`AwsAccountFacts.flowLogListings`, …), so that the checks tell "listed,
 * none" from "not listed". Any other empty answer is read as none and says nothing more; one
 * that could have said more and does not is noted with why.
 */
export function emptyListingRecords(document: unknown, member: string, ctx: ReadContext): Resource[] {
  if (!Object.hasOwn(SCOPE_LISTINGS, member)) return [];
  const { command, fact, regional } = SCOPE_LISTINGS[member as ScopeMember];
  const record = asRecord(document) ?? {};
  if (!isLastPage(record)) {
    ctx.note?.(
      `aws ${command} lists none on a page that has a next one (NextToken): not the whole listing, it is read as none listed, not as none there`,
    );
    return [];
  }
  const place = placeInPath(ctx.file);
  if (!place.account || (regional && !place.region)) {
    ctx.note?.(
      `aws ${command} lists none, and the file's folders or name give no account${regional ? ' or Region' : ''}: it covers no scope (saved in <account>/${regional ? '<region>/' : ''} folders, it is read as their listing)`,
    );
    return [];
  }
  const resourceId = resourceNamedInPath(ctx.file);
  const listing: AwsEmptyListing = {
    ...(place.region && { region: place.region }),
    ...(resourceId && { resourceId }),
    listing: `${ctx.file}: ${member}`,
  };
  return [listingRecord(place.account, fact, member, listing, ctx.file)];
}

/**
 * The account's record saying that a resource's flow logs were listed whole in its Region (a
 * VPC's own, Cloud Custodian's `c7n:flow-logs`, which its flow-logs filter takes from the Region's
 * whole DescribeFlowLogs answer): those read are all it has, and none is none.
 */
export function resourceFlowLogListing(
  account: string,
  region: string,
  resourceId: string,
  listing: string,
  file: string,
): Resource {
  const listed: AwsEmptyListing = { region, resourceId: resourceId.toLowerCase(), listing };
  return listingRecord(account, 'flowLogListings', 'FlowLogs', listed, file);
}

/** The account's record of one listing of the API member, as its fact (flowLogListings, …) says. */
function listingRecord(
  account: string,
  fact: (typeof SCOPE_LISTINGS)[ScopeMember]['fact'],
  member: string,
  listing: AwsEmptyListing,
  file: string,
): Resource {
  return accountResource(account, { [fact]: explicitList([listing], member, LISTINGS) }, { file });
}

/** The EC2 resource the file's name or folders name (RESOURCE_ID_IN_PATH), in lower case. */
export function resourceNamedInPath(file: string): string | undefined {
  return [...file.matchAll(RESOURCE_ID_IN_PATH)].at(-1)?.[1]?.toLowerCase();
}

/** The answer is the listing's last page: no next token or marker, and not said to be cut short. */
export function isLastPage(record: Readonly<Record<string, unknown>>): boolean {
  const more = (key: string) => record[key] !== undefined && record[key] !== null && record[key] !== '';
  return !['NextToken', 'nextToken', 'Marker', 'NextMarker'].some(more) && record['IsTruncated'] !== true;
}
