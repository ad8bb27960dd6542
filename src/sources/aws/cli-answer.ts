import path from 'node:path';
import type { Localized } from '../../model/localized.ts';
import { type Resource, UNKNOWN_REGION } from '../../model/resource.ts';
import type { ReadContext } from '../format.ts';
import { configItemsToResources } from './config-items-reader.ts';

/** The account and region a dump's folders or file name give (`<account>/<region>/…`). */
export interface PathPlace {
  readonly account?: string;
  readonly region?: string;
}

/**
 * Describe output of EC2 names neither account nor region (no ARN): dumps keep them in their
 * folders or file names (`111122223333/ap-northeast-1/describe-security-groups.json`,
 * `111122223333_ap-northeast-1_describe-volumes.json`). A folder that is a 12-digit account id
 * or a region name, or a file name that begins with them, says, for entries that do not (a
 * 12-digit run inside a name, such as a timestamp, does not).
 */
export function placeInPath(file: string): PathPlace {
  const folders = file.split(/[\\/]/);
  const [first = '', second = ''] = (folders.pop() ?? '').split('_');
  const isAccount = (part: string) => /^\d{12}$/.test(part);
  const account = [...folders, first].findLast(isAccount);
  const region = [...folders, first, ...(isAccount(first) ? [second] : [])].findLast(isRegionName);
  return { ...(account && { account }), ...(region && { region }) };
}

/** A Region's name as AWS spells them (`ap-northeast-1`, `us-gov-west-1`). */
export function isRegionName(text: string): boolean {
  return /^[a-z]{2}(?:-gov)?-[a-z]+-\d$/.test(text);
}

/** What an answer that names no resource comes to: the items it is read as, or why not. */
export type UnnamedAnswer =
  | {
      readonly items: readonly Record<string, unknown>[];
      /**
       * The items carry only what the answer says (one of a bucket's settings): what they leave
       * out is unknown, not the cloud's default for a resource that has none.
       */
      readonly partial?: boolean;
      /**
       * The ids (ARNs) of the items whose Region the answer does not know: an S3 bucket's
       * get-bucket-* answer, or a list-buckets entry before `BucketRegion`, is placed by the
       * dump's folders, which name where the CLI ran, not where the bucket is. Their Region is
       * read as unknown, so that the bucket's own record (Config, list-buckets, get-bucket-location)
       * gives it.
       */
      readonly regionUnknown?: ReadonlySet<string>;
      /** The answer never carries its resources' tags: what holds them (Resource.unknownTags). */
      readonly unknownTags?: Localized;
    }
  | { readonly skip: string };

/** One kind of answer: told by its members, read with the place its dump gives. */
export interface AnswerShape {
  matches(record: Readonly<Record<string, unknown>>): boolean;
  read(record: Readonly<Record<string, unknown>>, place: PathPlace, name: string): UnnamedAnswer;
}

/** The resources an answer's items are read as, those whose Region it does not know without one. */
export function* answerResources(
  answer: Exclude<UnnamedAnswer, { skip: string }>,
  ctx: ReadContext,
): Generator<Resource> {
  const { regionUnknown, unknownTags } = answer;
  for (const resource of configItemsToResources(answer.items, ctx, answer.partial === true, 0, {
    ...(unknownTags && { tagsNotGiven: unknownTags }),
  }))
    yield regionUnknown?.has(resource.id) ? { ...resource, region: UNKNOWN_REGION } : resource;
}

/** Whether the answer has these members only (and the SDK's `ResponseMetadata`). */
export function only(record: Readonly<Record<string, unknown>>, members: readonly string[]): boolean {
  return Object.keys(record).every((key) => key === 'ResponseMetadata' || members.includes(key));
}

/** An answer known, and not read: skipped with `why`. */
export function unread(matches: AnswerShape['matches'], why: string): AnswerShape {
  return { matches, read: () => ({ skip: why }) };
}

/** A KMS key id: a UUID, or a multi-Region key's `mrk-` and 32 hex digits (match case-insensitively). */
export const KMS_KEY_ID = '(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})';

/** A resource's ARN from the place its dump gives, in the Region's partition. */
export function arnInPlace(service: string, place: PathPlace, resource: string): string | undefined {
  if (!place.account || !place.region) return undefined;
  return `arn:${partitionOf(place.region)}:${service}:${place.region}:${place.account}:${resource}`;
}

export function partitionOf(region: string): string {
  return region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/** The file's name without its folders and its `.json` or `.yaml` (`--output yaml`) ending, gzipped or not. */
export function baseName(file: string): string {
  return path.basename(file.replaceAll('\\', '/')).replace(/\.(?:json|ya?ml)(?:\.gz)?$/i, '');
}
