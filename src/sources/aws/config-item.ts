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
  /** Only some fields were exported (SELECT output): absent means "not exported", not "not set". */
  readonly partial: boolean;
  readonly captureTime: number | undefined;
}

export type ConfigItemOrSkip = { item: ConfigItem } | { skip: string };

/** Statuses of items that describe no current resource. */
const GONE_STATUSES = new Set(['ResourceDeleted', 'ResourceDeletedNotRecorded', 'ResourceNotRecorded']);

export function readConfigItem(raw: unknown, partial: boolean): ConfigItemOrSkip {
  // SELECT results are rows of JSON text.
  const record = asRecord(decodeJsonValue(raw));
  if (!record)
    return { skip: 'not a configuration item (not a JSON object, or a row that is not valid JSON)' };
  const resourceType = stringOf(record['resourceType']);
  const resourceId = stringOf(record['resourceId']);
  if (!resourceType || !resourceId) {
    return { skip: 'not a resource: resourceType and resourceId are missing (an aggregate or COUNT row?)' };
  }
  const label = `${resourceType} ${resourceId}`;
  const status = stringOf(record['configurationItemStatus']);
  if (status && GONE_STATUSES.has(status)) return { skip: `${label}: ${status}` };

  const arn = stringOf(record['ARN']) ?? stringOf(record['arn']);
  const accountId = stringOf(record['awsAccountId']) ?? stringOf(record['accountId']) ?? arnPart(arn, 4);
  if (!accountId) return { skip: `${label}: no account id (awsAccountId / accountId / ARN)` };
  const region = (stringOf(record['awsRegion']) ?? arnPart(arn, 3))?.toLowerCase();
  if (!region) return { skip: `${label}: no region (awsRegion was not exported)` };

  let configuration: Record<string, unknown> | undefined;
  if ('configuration' in record) {
    const decoded = decodeJsonValue(record['configuration']);
    if (decoded === null) return { skip: `${label}: configuration is null (resource not recorded)` };
    configuration = asRecord(decoded);
    if (!configuration) return { skip: `${label}: configuration is not a JSON object` };
  } else if (!partial) {
    return { skip: `${label}: the item has no configuration` };
  }

  const supplementaryRaw = asRecord(decodeJsonValue(record['supplementaryConfiguration']));
  const supplementary = supplementaryRaw
    ? Object.fromEntries(
        Object.entries(supplementaryRaw).map(([key, value]) => [key, decodeJsonValue(value)]),
      )
    : partial
      ? undefined
      : {};

  const captureTime = Date.parse(stringOf(record['configurationItemCaptureTime']) ?? '');
  return {
    item: {
      accountId,
      region,
      resourceType,
      resourceId,
      resourceName: stringOf(record['resourceName']) ?? resourceId,
      arn,
      tags: readTags(record['tags']),
      configuration: configuration ?? {},
      supplementary,
      partial,
      captureTime: Number.isNaN(captureTime) ? undefined : captureTime,
    },
  };
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

/** Tags as an object (`{"k":"v"}`, snapshot and API dialects) or a list (`[{key,value}]`, SELECT). */
function readTags(value: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  const decoded = decodeJsonValue(value);
  if (Array.isArray(decoded)) {
    for (const entry of decoded) {
      const tag = asRecord(entry);
      const key = stringOf(tag?.['key'] ?? tag?.['Key']);
      if (key !== undefined) tags[key] = String(tag?.['value'] ?? tag?.['Value'] ?? '');
    }
  } else {
    for (const [key, tagValue] of Object.entries(asRecord(decoded) ?? {})) tags[key] = String(tagValue ?? '');
  }
  return tags;
}

/** `arn:partition:service:region:account:resource` → the part at `index` (empty parts are absent). */
export function arnPart(arn: string | undefined, index: number): string | undefined {
  const part = arn?.split(':')[index];
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
