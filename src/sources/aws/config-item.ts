import type { Localized } from '../../model/localized.ts';
import { untoldTagsNote } from '../../model/resource.ts';
import { identityInConfiguration, type RowIdentity } from './own-arn.ts';

/**
 * One AWS Config configuration item, read from either of its two dialects:
 *
 * - snapshot / event dialect (configuration snapshot and history files Config delivers to S3):
 *   `configurationItemVersion`, `awsAccountId`, `ARN`, `configuration` and
 *   `supplementaryConfiguration` as nested objects (some supplementary values, such as the S3
 *   `AccessControlList`, are themselves JSON strings);
 * - API dialect (`get-resource-config-history`, `batch-get-resource-config`): `version`,
 *   `accountId`, `arn`, `configuration` as a JSON string and every `supplementaryConfiguration`
 *   value as a JSON string, sometimes encoded twice.
 *
 * `select-resource-config` rows use the API field names with nested objects and carry only
 * what the query SELECTed: they are read as `partial`, so an absent field is unknown, never a default.
 * https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigurationItem.html
 * https://docs.aws.amazon.com/config/latest/APIReference/API_BaseConfigurationItem.html
 */
export interface ConfigItem {
  readonly accountId: string;
  /** Lower-case; `global` for IAM and other location-less types. */
  readonly region: string;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceName: string;
  readonly arn: string | undefined;
  readonly tags: Readonly<Record<string, string>>;
  readonly configuration: Readonly<Record<string, unknown>>;
  /** Absent when the export does not carry it (a SELECT that did not name it). */
  readonly supplementary: Readonly<Record<string, unknown>> | undefined;
  /**
   * Only some fields were exported (SELECT output, or a CLI answer giving one setting of a
   * resource): absent means "not exported", not "not set", except under `selected`.
   */
  readonly partial: boolean;
  /**
   * The properties a SELECT named (lower-case), where its output says (QueryInfo.SelectFields):
   * one named, or under one named (`configuration` whole), is carried as the item holds it, so
   * what the row lacks there the item lacks (Config leaves unset properties out of a row).
   */
  readonly selected?: ReadonlySet<string>;
  readonly captureTime: number | undefined;
  /**
   * When the answer that holds the item shows the resources as they are, where it is later than
   * the item's capture time (answerTime): Config records a resource when it changes, so an item
   * captured in 2022 in a 2024 snapshot shows the resource in 2024. Absent for answers whose
   * items show the resource at their capture time only (history files, notifications).
   */
  readonly describedAt?: number;
  /** The item records the resource's deletion (`ResourceDeleted`, `ResourceDeletedNotRecorded`). */
  readonly deleted: boolean;
  /**
   * Why the item's settings cannot be read (`ResourceNotRecorded`, a configuration that is null
   * or no JSON object), when it still names its resource: the resource exists, its settings are
   * unknown (config-items-reader.ts reads it as listed only).
   */
  readonly unread?: string;
  /** On an item that does not carry the resource's tags, the note saying so (Resource.unknownTags). */
  readonly unknownTags?: Localized;
}

export type ConfigItemOrSkip = ConfigItem | { readonly skip: string };

/** Statuses of items that record a deletion: the resource no longer exists. */
const DELETED_STATUSES = new Set(['ResourceDeleted', 'ResourceDeletedNotRecorded']);

/**
 * What the file tells of its items: its name their account and region
 * (`<account>_Config_<region>_ConfigHistory_…`), for items that do not say; a SELECT's
 * QueryInfo the properties its rows carry (ConfigItem.selected).
 */
export interface FileHint {
  readonly account?: string;
  readonly region?: string;
  readonly selected?: ReadonlySet<string>;
  /** When the answer shows its items' resources as they are (ConfigItem.describedAt). */
  readonly describedAt?: number;
  /**
   * The answer gives an item's tags only where the item carries `tags` (ConfigItem.unknownTags):
   * a query's rows hold them where it SELECTed them, batch-get's BaseConfigurationItems never.
   * The note of an item without them: TAGS_NOT_CARRIED, or the answer's own (what holds them).
   */
  readonly tagsNotGiven?: Localized;
}

export function readConfigItem(raw: unknown, partial: boolean, hint: FileHint = {}): ConfigItemOrSkip {
  // SELECT results are rows of JSON text.
  const record = asRecord(decodeJsonValue(raw));
  if (!record)
    return { skip: 'not a configuration item (not a JSON object, or a row that is not valid JSON)' };
  const identity = partial ? identityOfRow(record) : undefined;
  const resourceType = stringOf(record['resourceType']) ?? identity?.resourceType;
  const resourceId = stringOf(record['resourceId']) ?? identity?.resourceId;
  if (!resourceType || !resourceId) {
    if (partial && 'configuration' in record) {
      return {
        skip: 'not a resource: resourceType and resourceId are missing and the configuration names no ARN of its own (SELECT resourceType, resourceId, accountId and awsRegion too)',
      };
    }
    return { skip: 'not a resource: resourceType and resourceId are missing (an aggregate or COUNT row?)' };
  }
  const status = stringOf(record['configurationItemStatus']);
  const deleted = status !== undefined && DELETED_STATUSES.has(status);
  const tagsUntold = tagsNotCarried(record, hint);

  const arn = stringOf(record['ARN']) ?? stringOf(record['arn']) ?? identity?.arn;
  // `get-account-authorization-details` lists the AWS managed policies in use beside the
  // account's own (`arn:aws:iam::aws:policy/…`): AWS's, in no account; judged where attached.
  if (arnPart(arn, 4) === 'aws')
    return { skip: `${resourceType} ${resourceId}: an AWS managed resource (${arn}), in no account` };
  const accountId =
    stringOf(record['awsAccountId']) ?? stringOf(record['accountId']) ?? accountInArn(arn) ?? hint.account;
  if (!accountId)
    return {
      skip: `${resourceType} ${resourceId}: no account id (awsAccountId / accountId / ARN / file name)`,
    };
  const region = regionOfItem(record, resourceType, arn, hint);
  if (!region)
    return {
      skip: `${resourceType} ${resourceId}: no region (awsRegion, ARN, availability zone and file name name none)`,
    };
  const capturedAt = record['configurationItemCaptureTime'];
  const captureTime = timeOf(capturedAt);
  // The capture time orders an item among its versions and dates what it shows (S3's default
  // encryption since 2023): one that is there but no time cannot be placed.
  if (captureTime === undefined && capturedAt !== undefined && capturedAt !== null && capturedAt !== '')
    return { skip: `${resourceType} ${resourceId}: configurationItemCaptureTime is not a time` };
  if (deleted) {
    const item = { accountId, region, resourceType, resourceId, arn, captureTime, deleted, partial };
    return { ...item, resourceName: resourceId, tags: {}, configuration: {}, supplementary: {} };
  }
  // An item that names its resource without settings kansa can read: the resource exists (a count
  // of an account's users or keys must not pass over it), its settings are unknown.
  const unreadItem = (why: string): ConfigItem => ({
    accountId,
    region,
    resourceType,
    resourceId,
    resourceName: stringOf(record['resourceName']) ?? resourceId,
    arn,
    tags: readTags(record['tags']),
    configuration: {},
    supplementary: {},
    partial,
    captureTime,
    deleted,
    unread: `${resourceType} ${resourceId}: ${why}`,
    ...(tagsUntold && { unknownTags: tagsUntold }),
  });
  // Config stopped recording the type: the item carries no configuration, and the resource may still exist.
  if (status === 'ResourceNotRecorded') return unreadItem(`${status} (no configuration)`);

  let configuration: Record<string, unknown> | undefined;
  if ('configuration' in record) {
    const decoded = decodeJsonValue(record['configuration']);
    if (decoded === null) return unreadItem('configuration is null (resource not recorded)');
    configuration = asRecord(decoded);
    if (!configuration) return unreadItem('configuration is not a JSON object');
  } else if (!partial) {
    return unreadItem('the item has no configuration');
  }

  const supplementaryRaw = asRecord(decodeJsonValue(record['supplementaryConfiguration']));
  const supplementary = supplementaryRaw ? decodedValues(supplementaryRaw) : partial ? undefined : {};
  // A row without the item's tags may carry them in the settings its query SELECTed.
  const ownTags = tagsUntold ? tagsInSettings(configuration, supplementary) : undefined;

  return {
    accountId,
    region,
    resourceType,
    resourceId,
    resourceName: stringOf(record['resourceName']) ?? resourceId,
    arn,
    tags: ownTags ?? readTags(record['tags']),
    configuration: configuration ?? {},
    supplementary,
    partial,
    ...(partial && hint.selected && { selected: hint.selected }),
    captureTime,
    ...(hint.describedAt !== undefined &&
      (captureTime === undefined || hint.describedAt > captureTime) && { describedAt: hint.describedAt }),
    deleted,
    ...(!ownTags && tagsUntold && { unknownTags: tagsUntold }),
  };
}

/**
 * The tags some types keep in their settings as well, as their service's API lists them: an RDS
 * instance's, cluster's or snapshot's `tagList`, an EC2 volume's or instance's `tags`, the
 * CloudFormation-named types' `Tags`, a KMS key's `supplementaryConfiguration.Tags`
 * (`tagKey` / `tagValue`), an S3 bucket's `supplementaryConfiguration.BucketTaggingConfiguration`
 * (`{tagSets: [{tags: {k: v}}]}`, GetBucketTagging's tag set). Undefined where the settings
 * hold no such list.
 * https://github.com/awslabs/aws-config-resource-schema
 */
function tagsInSettings(
  configuration: Readonly<Record<string, unknown>> | undefined,
  supplementary: Readonly<Record<string, unknown>> | undefined,
): Readonly<Record<string, string>> | undefined {
  for (const list of [
    configuration?.['tagList'],
    configuration?.['tags'],
    configuration?.['Tags'],
    supplementary?.['Tags'],
  ]) {
    if (Array.isArray(list)) return readTags(list);
  }
  const tagSets = asRecord(supplementary?.['BucketTaggingConfiguration'])?.['tagSets'];
  if (Array.isArray(tagSets))
    return Object.assign({}, ...tagSets.map((set) => readTags(asRecord(set)?.['tags'])));
  return undefined;
}

/**
 * Whether an item without `tags` may be of a tagged resource: a query's row whose query did not
 * SELECT them (QueryInfo names none, or the rows alone), a BaseConfigurationItem (batch-get
 * gives none). A row whose query named them has none (Config leaves an empty property out).
 */
function tagsNotCarried(record: Readonly<Record<string, unknown>>, hint: FileHint): Localized | undefined {
  return record['tags'] === undefined && !hint.selected?.has('tags') ? hint.tagsNotGiven : undefined;
}

/** The note of an item that does not carry its resource's tags (ConfigItem.unknownTags). */
export const TAGS_NOT_CARRIED = untoldTagsNote({
  ja: 'このレコードにはリソースのタグが含まれていません（AWS Config のクエリで tags 列を選択する、または aws resourcegroupstaggingapi get-resources で読めます）',
  en: "the record does not carry the resource's tags (an AWS Config query that SELECTs the tags column, or aws resourcegroupstaggingapi get-resources, holds them)",
});

/**
 * A SELECT row that names neither its type nor its id (the query's WHERE fixed the type): its
 * configuration's own ARN tells them. A row that names its type keeps it; the ARN must agree.
 */
function identityOfRow(record: Readonly<Record<string, unknown>>): RowIdentity | undefined {
  const named = stringOf(record['resourceType']);
  if (named && stringOf(record['resourceId']) && stringOf(record['arn'] ?? record['ARN'])) return undefined;
  const configuration = asRecord(decodeJsonValue(record['configuration']));
  const identity = configuration ? identityInConfiguration(configuration) : undefined;
  return identity && (!named || named === identity.resourceType) ? identity : undefined;
}

/** A region name (`ap-northeast-1`, `us-gov-west-1`, `cn-north-1`) or Config's `global`. */
const REGION = /^(?:[a-z]{2}(?:-(?:gov|iso[a-z]?))?-[a-z]+-\d{1,2}|global)$/;
/** An availability zone (`ap-northeast-1a`) or Local/Wavelength Zone (`us-west-2-lax-1a`): its region. */
const ZONE = /^([a-z]{2}(?:-(?:gov|iso[a-z]?))?-[a-z]+-\d{1,2})(?:[a-z]|-[a-z0-9-]+)$/;
/** Services whose ARNs carry no region because their resources are global. */
const GLOBAL_SERVICES = new Set([
  'iam',
  'cloudfront',
  'route53',
  'waf',
  'organizations',
  'globalaccelerator',
]);

/**
 * The item's region, from the first source that names one: `awsRegion`, the ARN's region part,
 * the availability zone (older history files spell the field differently, or leave it out),
 * then the file's own name. A value that is not a region (an account id in a malformed ARN,
 * `Multiple Availability Zones`, `Not Applicable`) is never taken for one. Global services
 * (IAM, CloudFront, Route 53) are `global`.
 */
export function regionOfItem(
  record: Readonly<Record<string, unknown>>,
  resourceType: string,
  arn: string | undefined,
  hint: FileHint,
): string | undefined {
  const awsRegion = stringOf(record['awsRegion'])?.toLowerCase().trim();
  if (awsRegion && REGION.test(awsRegion)) return awsRegion;
  const arnRegion = arnPart(arn, 3)?.toLowerCase();
  if (arnRegion && REGION.test(arnRegion)) return arnRegion;
  const service = arnPart(arn, 2) ?? resourceType.split('::')[1]?.toLowerCase();
  if (service && GLOBAL_SERVICES.has(service)) return 'global';
  const zone = availabilityZone(record)?.toLowerCase().trim();
  const zoneRegion = zone ? ZONE.exec(zone)?.[1] : undefined;
  if (zoneRegion) return zoneRegion;
  return hint.region && REGION.test(hint.region) ? hint.region : undefined;
}

/** `availabilityZone`, however the file spells it (`availibilityZone`, `AvailabilityZone`). */
function availabilityZone(record: Readonly<Record<string, unknown>>): string | undefined {
  for (const [key, value] of Object.entries(record)) {
    if (/^avai?l[a-z]*zone$/i.test(key) && typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/**
 * The account part of an ARN, when it is an account id. A malformed ARN may hold anything
 * there, or have lost its region so that the account sits one place early.
 */
export function accountInArn(arn: string | undefined): string | undefined {
  const account = arnPart(arn, 4);
  if (account !== undefined && ACCOUNT_ID.test(account)) return account;
  const early = arnPart(arn, 3);
  return early !== undefined && ACCOUNT_ID.test(early) ? early : undefined;
}

const ACCOUNT_ID = /^\d{12}$/;

/** ISO 8601 (snapshot files, CLI v2) or seconds since the epoch (CLI v1, SDK dumps). */
export function timeOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value < 1e12 ? value * 1000 : value;
  const parsed = Date.parse(stringOf(value) ?? '');
  return Number.isNaN(parsed) ? undefined : parsed;
}

/**
 * Decodes a value the API dialect wraps in JSON strings, once or twice
 * (`"{\"grantList\":…}"`, `"\"{\\\"grantList\\\":…}\""`, `"true"`). Other strings stay strings.
 */
export function decodeJsonValue(value: unknown): unknown {
  let current = value;
  for (let depth = 0; depth < 3 && typeof current === 'string'; depth++) {
    const text = current.trim();
    if (!/^[[{"]|^(true|false|null)$/.test(text)) break;
    try {
      current = JSON.parse(text);
    } catch {
      break;
    }
  }
  return current;
}

/**
 * The supplementary configuration with its JSON-string values decoded. Most values are objects
 * already: the record's own object is kept unless a value was decoded, and then copied once.
 */
function decodedValues(supplementary: Record<string, unknown>): Record<string, unknown> {
  let decoded: Record<string, unknown> | undefined;
  for (const key in supplementary) {
    const value = supplementary[key];
    const plain = decodeJsonValue(value);
    if (plain === value) continue;
    decoded ??= { ...supplementary };
    decoded[key] = plain;
  }
  return decoded ?? supplementary;
}

/**
 * Tags as an object (`{"k":"v"}`, snapshot and API dialects) or a list (`[{key,value}]`, SELECT;
 * `Key` / `Value` and a KMS key's `tagKey` / `tagValue` in the settings).
 */
export function readTags(value: unknown): Readonly<Record<string, string>> {
  const decoded = decodeJsonValue(value);
  if (Array.isArray(decoded)) {
    const tags: Record<string, string> = {};
    for (const entry of decoded) {
      const tag = asRecord(entry);
      const key = stringOf(tag?.['key'] ?? tag?.['Key'] ?? tag?.['tagKey']);
      if (key !== undefined) tags[key] = String(tag?.['value'] ?? tag?.['Value'] ?? tag?.['tagValue'] ?? '');
    }
    return tags;
  }
  const object = asRecord(decoded);
  if (!object) return {};
  // An object of strings (every export's) is the tags as they are: resources never change them.
  let onlyStrings = true;
  for (const key in object) {
    if (typeof object[key] !== 'string') {
      onlyStrings = false;
      break;
    }
  }
  if (onlyStrings) return object as Record<string, string>;
  const tags: Record<string, string> = {};
  for (const key in object) tags[key] = String(object[key] ?? '');
  return tags;
}

/** `arn:partition:service:region:account:resource` → the part at `index` (empty parts are absent). */
export function arnPart(arn: string | undefined, index: number): string | undefined {
  if (arn === undefined) return undefined;
  // Walks to the part without splitting the whole ARN: every item reads several parts.
  let start = 0;
  for (let i = 0; i < index; i++) {
    const colon = arn.indexOf(':', start);
    if (colon === -1) return undefined;
    start = colon + 1;
  }
  const end = arn.indexOf(':', start);
  const part = end === -1 ? arn.slice(start) : arn.slice(start, end);
  return part ? part : undefined;
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
