import { isStruct, structToJson } from '../asset.ts';
import { isObject, type JsonObject } from '../json.ts';

/**
 * The Cloud Asset client's REST transport (`fallback: true`) decodes each response into
 * protobuf messages and hands them back as objects with every default filled in (`auditConfigs:
 * []`, `resource: null`, `resourceUrl: ''`), `resource.data` as a protobuf Struct (`{fields:
 * {k: {stringValue, kind}}}`), timestamps as `{seconds, nanos}` and bytes as Buffers. These
 * functions turn such an asset back into the JSON the REST API sent (proto3 JSON omits
 * defaults), which is what `gcloud asset list --format=json` and the offline readers see, and
 * into a `gcloud asset export` line.
 */

type Json = Record<string, unknown>;

/** A decoded asset as the REST API's JSON (camelCase; `resource.data` plain JSON). */
export function restAsset(decoded: unknown): Json {
  if (!isObject(decoded)) return {};
  const asset = stripDefaults(decoded, ['accessContextPolicy']) as Json;
  const resource = isObject(decoded.resource) ? decoded.resource : undefined;
  if (resource && isObject(asset.resource)) {
    const data = resource.data;
    const plain = isObject(data) ? (isStruct(data) ? structToJson(data) : data) : undefined;
    asset.resource = { ...asset.resource, ...(plain && { data: plain }) };
  }
  return asset;
}

/** Proto3 JSON leaves out fields at their default: so does this. */
function stripDefaults(value: unknown, virtualKeys: readonly string[] = []): unknown {
  if (value === null || value === undefined || value === '' || value === false || value === 0)
    return undefined;
  if (typeof value === 'string' && value.endsWith('_UNSPECIFIED')) return undefined;
  if (value instanceof Uint8Array)
    return value.length > 0 ? Buffer.from(value).toString('base64') : undefined;
  if (Array.isArray(value)) {
    const items = value.map((item) => stripDefaults(item) ?? (isObject(item) ? {} : item));
    return items.length > 0 ? items : undefined;
  }
  if (!isObject(value)) return value;
  if (isTimestamp(value)) return timestampJson(value);
  if (isStruct(value)) return value; // resource.data: converted whole by the caller
  const result: Json = {};
  for (const [key, item] of Object.entries(value)) {
    if (virtualKeys.includes(key)) continue;
    const stripped = stripDefaults(item);
    if (stripped !== undefined) result[key] = stripped;
  }
  return result;
}

function isTimestamp(value: JsonObject): value is { seconds: string | number; nanos?: number } {
  const keys = Object.keys(value);
  return keys.length === 2 && 'seconds' in value && 'nanos' in value;
}

/** google.protobuf.Timestamp in JSON: RFC 3339 UTC with the nanoseconds the export writes. */
function timestampJson(value: { seconds: string | number; nanos?: number }): string {
  const millis = Number(value.seconds) * 1000;
  const nanos = String(value.nanos ?? 0).padStart(9, '0');
  return `${new Date(millis).toISOString().slice(0, 19)}.${nanos.slice(0, 6)}Z`;
}

/** google.iam.v1.AuditLogConfig.LogType: `gcloud asset export` writes the numbers. */
const LOG_TYPE_NUMBERS: Readonly<Record<string, number>> = { ADMIN_READ: 1, DATA_WRITE: 2, DATA_READ: 3 };

/**
 * One `gcloud asset export` line: proto field names (snake_case) for the Cloud Asset envelope
 * and the IAM policy, log types as numbers; `resource.data` stays the service's own JSON.
 */
export function exportRecord(asset: Json): Json {
  const record: Json = {};
  for (const [key, value] of Object.entries(asset)) {
    if (key === 'resource' && isObject(value)) {
      const { data, ...rest } = value;
      record.resource = { ...(snakeCase(rest) as Json), ...(data !== undefined && { data }) };
    } else {
      record[snake(key)] = snakeCase(value, key === 'logType');
    }
  }
  return record;
}

function snakeCase(value: unknown, isLogType = false): unknown {
  if (isLogType && typeof value === 'string') return LOG_TYPE_NUMBERS[value] ?? value;
  if (Array.isArray(value)) return value.map((item) => snakeCase(item));
  if (!isObject(value)) return value;
  const result: Json = {};
  for (const [key, item] of Object.entries(value)) result[snake(key)] = snakeCase(item, key === 'logType');
  return result;
}

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
