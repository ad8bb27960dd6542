import { InputError } from '../../base/input-error.ts';
import type { Resource } from '../../model/resource.ts';
import type { DocumentFormat, ReadContext } from '../format.ts';
import { asRecord, TAGS_NOT_CARRIED } from './config-item.ts';
import { answerTime, configItemsToResources } from './config-items-reader.ts';
import type { HeldTypes } from './config-listing.ts';
import { withIamListings } from './iam-listing.ts';

/**
 * AWS Config configuration items as whole documents:
 * - the configuration snapshot Config delivers to S3
 *   (`<account>_Config_<region>_ConfigSnapshot_<time>_<uuid>.json.gz`):
 *   `{"fileVersion","configSnapshotId","configurationItems":[…]}`;
 * - the configuration history file (`…_ConfigHistory_…json.gz`): `{"fileVersion","configurationItems":[…]}`;
 * - `aws configservice get-resource-config-history`: `{"configurationItems":[…],"nextToken"?}`;
 * - `aws configservice batch-get-resource-config`: `{"baseConfigurationItems":[…],"unprocessedResourceKeys":[…]}`;
 * - the aggregator APIs, whose members are PascalCase: `batch-get-aggregate-resource-config`
 *   (`{"BaseConfigurationItems":[…],"UnprocessedResourceIdentifiers":[…]}`) and
 *   `get-aggregate-resource-config` (`{"ConfigurationItem":{…}}`);
 * - a plain JSON array of configuration items (e.g. `--query configurationItems` or `jq` output);
 *   where no item is a whole configuration item (isWholeItem), they are SELECT rows parsed to
 *   objects (select-resource-config's `Results` through `jq 'map(fromjson)'`), read as the
 *   partial rows they are: what the query left out is unknown (so is one such row on its own);
 * - one configuration item on its own (`--query 'configurationItems[0]'`, a `jq` extract, rule
 *   kits' and policy engines' test data such as Cloud Custodian's `tests/data/config/*.json`).
 * https://docs.aws.amazon.com/config/latest/developerguide/deliver-snapshot-cli.html
 */
export const awsConfigSnapshotFormat: DocumentFormat = {
  kind: 'document',
  id: 'aws-config-snapshot',
  provider: 'aws',
  description:
    'AWS Config snapshot / history file (S3 delivery), get-resource-config-history or batch-get-resource-config output, or a JSON array of configuration items',
  matches(document) {
    if (Array.isArray(document)) return document.length > 0 && looksLikeConfigItem(document[0]);
    const record = asRecord(document);
    if (!record) return false;
    if (ITEM_LIST_KEYS.some((key) => key in record && key !== 'configurationItems')) return true;
    if (isObject(record['ConfigurationItem'])) return looksLikeConfigItem(record['ConfigurationItem']);
    if (isBareItem(record)) return true;
    return (
      'configurationItems' in record &&
      ('fileVersion' in record || Array.isArray(record['configurationItems']))
    );
  },
  *read(document, ctx) {
    if (Array.isArray(document)) {
      yield* configItemsToResources(document, ctx, !document.some(isWholeItem));
      return;
    }
    const record = asRecord(document) ?? {};
    if (isObject(record['ConfigurationItem'])) {
      yield* configItemsToResources([record['ConfigurationItem']], ctx, false);
      return;
    }
    if (isBareItem(record)) {
      yield* configItemsToResources([record], ctx, !isWholeItem(record));
      return;
    }
    const key = ITEM_LIST_KEYS.find((k) => k in record) ?? 'configurationItems';
    const items = record[key];
    if (!Array.isArray(items)) {
      throw new InputError(
        ctx.file,
        `"${key}" must be an array of configuration items, found ${describe(items)}`,
      );
    }
    yield* inventoryResources(items, ctx, key, 'configSnapshotId' in record);
  },
};

/**
 * The resources of a list of configuration items under `key` (a `snapshot`'s, an answer's, a
 * live scan's), as the offline reader reads its file back and as the live scan emits what it
 * saves (live/config.ts), so that both read the same file alike:
 * - a snapshot, a batch-get and a live scan's saved inventory show each resource as it is when
 *   they are made (ConfigItem.describedAt); a history file and get-resource-config-history as it
 *   was at each capture;
 * - a snapshot holds every resource Config records, of each type it records: the account's IAM
 *   roles and users listed where it holds any, and each Region's types; so does a live scan's
 *   saved inventory named as a whole one, and what the direct calls of a Region without a
 *   recorder read lists its IAM principals. Other answers hold some resources (a history file
 *   those that changed, batch-get those asked for, a live scope read in part some of its own);
 * - batch-get's items carry no tags (BaseConfigurationItem has none): their tags are unknown.
 */
export function inventoryResources(
  items: readonly unknown[],
  ctx: ReadContext,
  key: string,
  snapshot: boolean,
): Iterable<Resource> {
  const current = snapshot || key !== 'configurationItems' || LIVE_INVENTORY_FILE.test(ctx.file);
  const whole = snapshot || WHOLE_CONFIG_INVENTORY_FILE.test(ctx.file);
  const held: HeldTypes | undefined = whole ? new Map() : undefined;
  const resources = configItemsToResources(
    items,
    ctx,
    false,
    0,
    {
      ...(current && { describedAt: answerTime(items, ctx.file) }),
      // BaseConfigurationItem has no tags member: batch-get's items do not show their tags.
      ...(key !== 'configurationItems' && { tagsNotGiven: TAGS_NOT_CARRIED }),
    },
    held,
  );
  const origin = { file: ctx.file };
  if (held) return withIamListings(resources, key, origin, held);
  if (WHOLE_INVENTORY_FILE.test(ctx.file)) return withIamListings(resources, key, origin);
  return resources;
}

/**
 * The names `--save-inventory` gives a live scan's inventory of a scope
 * (`configservice/<account>_<region>_config-items.json`, live/config.ts); one not read whole is
 * saved as `…_config-items-incomplete.json`. `…_direct_config-items.json` is what a Region
 * without a Config recorder answered to the direct calls: its IAM principals whole, the other
 * types only those the calls read.
 */
const LIVE_INVENTORY_FILE = /_config-items(?:-incomplete)?\.json$/;
const WHOLE_INVENTORY_FILE = /_config-items\.json$/;
const WHOLE_CONFIG_INVENTORY_FILE = /(?<!_direct)_config-items\.json$/;

/** Where each output keeps its list of items. */
const ITEM_LIST_KEYS = ['baseConfigurationItems', 'BaseConfigurationItems', 'configurationItems'];

function isObject(value: unknown): value is Record<string, unknown> {
  return asRecord(value) !== undefined;
}

/** A configuration item in either dialect: an AWS resource type and an account id. */
function looksLikeConfigItem(value: unknown): boolean {
  const item = asRecord(value);
  return (
    typeof item?.['resourceType'] === 'string' &&
    item['resourceType'].startsWith('AWS::') &&
    ('awsAccountId' in item || 'accountId' in item)
  );
}

/**
 * A configuration item that stands alone: an AWS resource type and id with what only items
 * carry (a capture time or a configuration). The account may be missing (then the item is
 * skipped with the reason, as in a list).
 */
function isBareItem(record: Record<string, unknown>): boolean {
  return (
    typeof record['resourceType'] === 'string' &&
    record['resourceType'].startsWith('AWS::') &&
    typeof record['resourceId'] === 'string' &&
    ('configurationItemCaptureTime' in record || 'configuration' in record)
  );
}

/**
 * A whole configuration item, not a SELECT row (which holds what its query named, in the API's
 * names): one in the snapshot dialect (`ARN`, `awsAccountId`, `configurationItemVersion`, names no
 * query writes; Config-shaped inventories such as Antiope's too), or in the API dialect with what
 * every such item carries and a row only when its query names it all (`configurationItemStatus`,
 * `configurationStateId`, `supplementaryConfiguration`). A row that SELECTed the capture time
 * (the console's example queries do) or one of them is still a row.
 */
function isWholeItem(value: unknown): boolean {
  const item = asRecord(value);
  if (!item) return false;
  if ('ARN' in item || 'awsAccountId' in item || 'configurationItemVersion' in item) return true;
  return (
    'configurationItemStatus' in item &&
    'configurationStateId' in item &&
    'supplementaryConfiguration' in item
  );
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}
