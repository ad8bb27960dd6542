import path from 'node:path';
import type { Origin, Resource } from '../../model/resource.ts';
import type { ReadContext } from '../format.ts';
import { organizationTrailListing } from './adapters/cloudtrail.ts';
import { configItemToResource, deletedItemToResource, unreadItemToResource } from './adapters/index.ts';
import {
  asRecord,
  type ConfigItem,
  decodeJsonValue,
  type FileHint,
  readConfigItem,
  timeOf,
} from './config-item.ts';
import { type HeldTypes, holdType } from './config-listing.ts';

/**
 * Turns a list of configuration items into resources, each with its capture time. A history
 * holds several items of one resource, and a later file may hold a newer one or its deletion:
 * the inventory keeps the newest across all files of the scan, so every item is passed on.
 */
export function* configItemsToResources(
  rawItems: readonly unknown[],
  ctx: ReadContext,
  partial: boolean,
  /** The first item's index in the file's list, where the items are a part of it. */
  firstIndex = 0,
  /**
   * The properties a SELECT named, where its output says (ConfigItem.selected); the note of an
   * item without tags, where the answer may leave them out (FileHint.tagsNotGiven); when it shows
   * its resources as they are (ConfigItem.describedAt, answerTime).
   */
  answer: Pick<FileHint, 'selected' | 'describedAt' | 'tagsNotGiven'> = {},
  /** The types an AWS Config inventory read whole holds, which each item is added to (holdType). */
  held?: HeldTypes,
): Generator<Resource> {
  const hint = { ...fileHint(ctx.file), ...answer };
  for (let at = 0; at < rawItems.length; at++) {
    const index = firstIndex + at;
    const read = configItemResource(rawItems[at], partial, hint, { file: ctx.file, index }, ctx, held);
    if ('skip' in read) ctx.skip(read.skip, { index });
    else yield* read;
  }
}

/**
 * One configuration item (or SELECT row) as its resource, or why it is skipped. An item that
 * names its resource without a readable configuration is the resource listed only, noted. A
 * member account's item of its organization's trail is the trail and the member's account,
 * which that trail logs (organizationTrailListing).
 */
export function configItemResource(
  raw: unknown,
  partial: boolean,
  hint: FileHint,
  origin: Origin,
  ctx: Pick<ReadContext, 'note'>,
  held?: HeldTypes,
): readonly Resource[] | { readonly skip: string } {
  const read = readConfigItem(raw, partial, hint);
  if ('skip' in read) return read;
  const resources = itemResources(read, origin, ctx);
  if (held) holdType(held, read, resources[0]!.nativeType);
  return resources;
}

/** A read item's resources: the item's own first. */
function itemResources(
  read: ConfigItem,
  origin: Origin,
  ctx: Pick<ReadContext, 'note'>,
): readonly Resource[] {
  // The resource is where it is (a trail: the account its ARN names), whoever recorded it:
  // configItemToResource places it so itself, and keeps the recorder's account as its listing's.
  if (read.unread !== undefined) {
    ctx.note?.(`${read.unread}: read as listed only, its settings unknown`, {
      ...(origin.index !== undefined && { index: origin.index }),
      ...(origin.line !== undefined && { line: origin.line }),
    });
    return [unreadItemToResource(read, origin)];
  }
  if (read.deleted) return [deletedItemToResource(read, origin)];
  const resource = configItemToResource(read, origin);
  return [resource, ...organizationTrailListing(resource, origin)];
}

/**
 * When an answer that shows every resource it holds as it is (a configuration snapshot, a
 * batch-get, a live scan's Config query) was made, as far as it tells: the time in a snapshot's
 * file name (`…_ConfigSnapshot_20240502T041127Z_…`), and no earlier than its newest item's capture
 * time, since each item shows its resource as it was then too.
 */
export function answerTime(rawItems: readonly unknown[], file: string): number | undefined {
  // A snapshot's own time is no earlier than any item's capture in it: no item need be parsed.
  const named = SNAPSHOT_TIME.exec(path.basename(file));
  if (named) return Date.UTC(+named[1]!, +named[2]! - 1, +named[3]!, +named[4]!, +named[5]!, +named[6]!);
  let newest: number | undefined;
  for (const raw of rawItems) {
    const captured = timeOf(asRecord(decodeJsonValue(raw))?.['configurationItemCaptureTime']);
    if (captured !== undefined && (newest === undefined || captured > newest)) newest = captured;
  }
  return newest;
}

const SNAPSHOT_TIME = /_ConfigSnapshot_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z_/i;

/**
 * Config names the files it delivers to S3 after the account and region they hold:
 * `AWSLogs/<account>/Config/<region>/<y>/<m>/<d>/ConfigHistory/<account>_Config_<region>_ConfigHistory_<type>_<time>_<time>_<time>.json.gz`
 * (snapshots alike). Items of older years may lack `awsRegion`: the name tells it.
 * https://docs.aws.amazon.com/config/latest/developerguide/config-concepts.html#config-history
 */
export function fileHint(file: string): FileHint {
  const base = /^(\d{12})_Config_([a-z0-9-]+)_Config(?:History|Snapshot)_/i.exec(path.basename(file));
  if (base) return { account: base[1], region: base[2]?.toLowerCase() };
  const key = /AWSLogs\/(\d{12})\/Config\/([a-z0-9-]+)\//i.exec(file.replaceAll('\\', '/'));
  return key ? { account: key[1], region: key[2]?.toLowerCase() } : {};
}
