import type { AwsAccountFacts } from '../../model/aws.ts';
import { explicit } from '../../model/fact.ts';
import type { Origin, Resource } from '../../model/resource.ts';
import type { ReadContext } from '../format.ts';
import { placeInPath } from './cli-answer.ts';
import { asRecord } from './config-item.ts';
import { configListingsFact, type HeldTypes } from './config-listing.ts';
import { isLastPage } from './empty-listing.ts';
import { accountResource } from './password-policy.ts';

/** The account facts that say a listing of its IAM roles or users was read whole. */
export type IamListedFact = keyof AwsAccountFacts & ('iamRolesListed' | 'iamUsersListed');

/** Which listing fact the principals of a kansa type are listed by. */
export const IAM_LISTED_BY_TYPE: Readonly<Record<string, IamListedFact>> = {
  'iam.role': 'iamRolesListed',
  'iam.user': 'iamUsersListed',
};

/**
 * The account's record that a listing of its IAM roles or users was read whole
 * (AwsAccountFacts.iamRolesListed), `path` naming the member or table that answered.
 */
export function iamListingRecord(
  account: string,
  listed: readonly IamListedFact[],
  path: string,
  origin: Origin,
): Resource {
  return accountResource(account, iamListedFacts(listed, path), origin);
}

function iamListedFacts(listed: readonly IamListedFact[], path: string): AwsAccountFacts {
  return Object.fromEntries(listed.map((fact) => [fact, explicit(true, path)]));
}

const IAM_LISTED_FACTS: ReadonlySet<IamListedFact> = new Set(Object.values(IAM_LISTED_BY_TYPE));

/** Whether a record is an account's record that its principals were listed (iamListingRecord), and nothing else. */
export function isIamListingRecord(resource: Resource): boolean {
  const facts = Object.keys(resource.facts);
  return (
    resource.kansaType === 'account' &&
    facts.length > 0 &&
    facts.every((fact) => IAM_LISTED_FACTS.has(fact as IamListedFact))
  );
}

/**
 * The resources of a whole listing, then its listing records: for each account its principals
 * name, the types they are of (a listing with no principal of a type says nothing of it here).
 * A whole AWS Config inventory lists each Region's types too (configListingsFact), in the same
 * record of each account: `held`, which reading the resources fills with where each item was
 * recorded (holdType).
 */
export function* withIamListings(
  resources: Iterable<Resource>,
  path: string,
  origin: Origin,
  held?: HeldTypes,
): Generator<Resource> {
  const byAccount = new Map<string, Set<IamListedFact>>();
  for (const resource of resources) {
    yield resource;
    const fact = IAM_LISTED_BY_TYPE[resource.kansaType];
    if (!fact || !resource.account || resource.deleted) continue;
    byAccount.set(resource.account, (byAccount.get(resource.account) ?? new Set()).add(fact));
  }
  for (const account of new Set([...byAccount.keys(), ...(held?.keys() ?? [])])) {
    const regions = held?.get(account);
    const facts: AwsAccountFacts = {
      ...iamListedFacts([...(byAccount.get(account) ?? [])], path),
      ...(regions ? { configListings: configListingsFact(regions, path, origin) } : {}),
    };
    yield accountResource(account, facts, origin);
  }
}

/**
 * The members of IAM's answers that list the account's principals whole: `get-account-authorization-details`'
 * `RoleDetailList` and `UserDetailList`, `list-roles`' `Roles` and `list-users`' `Users`.
 */
const PRINCIPAL_MEMBERS: Readonly<Record<string, IamListedFact>> = {
  RoleDetailList: 'iamRolesListed',
  UserDetailList: 'iamUsersListed',
  Roles: 'iamRolesListed',
  Users: 'iamUsersListed',
};

/**
 * What an IAM list answer says of the account's principals besides the ones it holds: that
 * they were listed whole, for each of its members that answered on its last page. Not so:
 * `get-group`'s `Users` (the group's members only); a page with a next one; an empty member of
 * `get-account-authorization-details` beside other empty ones (`--filter` leaves the entity
 * types it does not ask for empty, so only one answered beside a non-empty `RoleDetailList` and
 * `Policies` is the account's none); an empty `list-users` whose folders name no account.
 */
export function iamListingAnswerRecords(
  document: unknown,
  read: readonly Resource[],
  ctx: ReadContext,
): Resource[] {
  const record = asRecord(document);
  if (!record || 'Group' in record || !isLastPage(record)) return [];
  const unfiltered = ['RoleDetailList', 'Policies'].every((member) => nonEmpty(record[member]));
  return Object.entries(PRINCIPAL_MEMBERS).flatMap(([member, fact]) => {
    const entries = record[member];
    if (!Array.isArray(entries)) return [];
    const principals = read.filter((resource) => IAM_LISTED_BY_TYPE[resource.kansaType] === fact);
    // An entry that could not be read (skipped) is a principal unknown: the listing is not whole.
    if (principals.length < entries.length) return [];
    const accounts =
      entries.length > 0
        ? principals.map((principal) => principal.account)
        : member === 'Users' || unfiltered
          ? [placeInPath(ctx.file).account ?? accountOfRoles(read)]
          : [];
    return [...new Set(accounts)].flatMap((account) =>
      account ? [iamListingRecord(account, [fact], member, { file: ctx.file })] : [],
    );
  });
}

function nonEmpty(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

/** The account of the roles an answer held (an empty `UserDetailList` beside them is theirs). */
function accountOfRoles(read: readonly Resource[]): string | undefined {
  return read.find((resource) => resource.kansaType === 'iam.role')?.account;
}
