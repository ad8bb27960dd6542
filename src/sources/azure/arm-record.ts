import { dottedKeys } from '../../base/dotted-path.ts';
import { memoized } from '../../base/memo.ts';
import { isAboveSubscriptions } from '../../model/resource.ts';
import { steampipeRowSkip } from '../steampipe-row.ts';

/** A parsed JSON object. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a key case-insensitively. Resource Graph and ARM disagree on casing in places
 * (ARG `encryption.keyvaultproperties` vs ARM `keyVaultProperties`, assessment
 * `resourceDetails.Id` vs `id`), so every property read goes through here.
 */
export function get(object: unknown, key: string): unknown {
  if (!isObject(object)) return undefined;
  if (key in object) return object[key];
  // Most reads that miss are of settings the record does not carry (their defaults apply):
  // only keys of the same length can match, so few are lower-cased, and none is listed.
  const lower = lowerCased(key);
  for (const candidate in object) {
    if (candidate.length === key.length && candidate.toLowerCase() === lower) return object[candidate];
  }
  return undefined;
}

/** The adapters read a few hundred keys, from every record. */
const lowerCased = memoized((key) => key.toLowerCase());

/** Reads a dotted path (`encryption.keySource`) with `get` at every step. */
export function getPath(object: unknown, path: string): unknown {
  let current = object;
  for (const key of dottedKeys(path)) current = get(current, key);
  return current;
}

export { PLACEHOLDER_SCOPE, PLACEHOLDER_SUBSCRIPTION } from '../../model/azure.ts';

/**
 * `/subscriptions/<subscription>/…` (the CLI's diagnostic-settings output drops the leading
 * slash). The subscription is a GUID in live exports; API examples, templates and test
 * fixtures put placeholders there (`{subscription-id}`, `<AZURE_SUBSCRIPTION_ID>`, `subid`),
 * and their records are read all the same.
 */
const SUBSCRIPTION_ID = /^\/?subscriptions\/([^/]+)(?:\/|$)/i;
/** An ARM resource id: in a subscription, or tenant-level (`/providers/Microsoft.Management/…`). */
const ARM_ID = /^\/?(?:subscriptions\/[^/]+|providers\/[a-z0-9]+\.[a-z0-9.]+\/)/i;
const PROVIDER_REGISTRATION = /^\/subscriptions\/[^/]+\/providers\/[^/]+$/;
/** A GUID (a subscription's, tenant's or directory object's id), in any case. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The record's ARM id: `id`, or PowerShell's `ResourceId` where a `Get-AzResource` object (and
 * PSRule's `Export-AzRuleData`, whose test resources often keep only `ResourceId`) has no `Id`.
 * `ResourceName` marks such an object: records about another resource (policy states, activity
 * log events) also carry a `resourceId`, but not a `ResourceName`.
 */
export function idOf(value: unknown): unknown {
  const id = get(value, 'id');
  if (id !== undefined || get(value, 'ResourceName') === undefined) return id;
  return get(value, 'ResourceId');
}

/** True for a record that carries an ARM resource id: the one thing every Azure dialect shares. */
export function isArmRecord(value: unknown): value is JsonObject {
  const id = idOf(value);
  return typeof id === 'string' && ARM_ID.test(id);
}

/**
 * An ARM resource by its shape, whatever its id holds: an object with a string `id` and one
 * of the envelope fields every ARM dialect has (`type`, `name`, `location`, `properties`).
 * Format detection goes by this, so that list bodies of examples and fixtures are recognised.
 */
export function isArmShaped(value: unknown): value is JsonObject {
  // An ARM id is a path, whatever its segments hold; other clouds' REST ids (`p:dataset`, numbers) are not.
  const id = isObject(value) ? idOf(value) : undefined;
  if (typeof id !== 'string' || !id.includes('/')) return false;
  return ['type', 'name', 'location', 'properties', 'resourceType'].some(
    (key) => get(value, key) !== undefined,
  );
}

export function subscriptionOf(id: string): string | undefined {
  return SUBSCRIPTION_ID.exec(id)?.[1]?.toLowerCase();
}

/**
 * The native type an id names, lower-cased as Resource Graph writes it: the namespace and the
 * type segments after the last `/providers/` (`…/providers/Microsoft.Sql/servers/s/databases/d`
 * → `microsoft.sql/servers/databases`). Rows projected without `type` and CLI output that omits
 * it are typed this way.
 */
export function typeFromId(id: string): string | undefined {
  const lower = id.toLowerCase().replace(/\/+$/, '');
  const at = lower.lastIndexOf('/providers/');
  if (at === -1) {
    if (/^\/?subscriptions\/[^/]+$/.test(lower)) return 'microsoft.resources/subscriptions';
    if (/^\/?subscriptions\/[^/]+\/resourcegroups\/[^/]+$/.test(lower)) {
      return 'microsoft.resources/subscriptions/resourcegroups';
    }
    return undefined;
  }
  const [namespace, ...rest] = lower.slice(at + '/providers/'.length).split('/');
  const types = rest.filter((_, i) => i % 2 === 0);
  return namespace && types.length > 0 ? [namespace, ...types].join('/') : undefined;
}

/** Keys every ARM dialect has outside `properties`; anything else means the CLI flattened them. */
const ENVELOPE_KEYS = new Set(
  [
    'id',
    'name',
    'type',
    'location',
    'tags',
    'subscriptionId',
    'resourceGroup',
    'tenantId',
    'kind',
    'sku',
    'plan',
    'identity',
    'zones',
    'managedBy',
    'extendedLocation',
    'etag',
    'systemData',
    'properties',
    // `az resource list` / `$expand=createdTime,changedTime,provisioningState`
    'createdTime',
    'changedTime',
    'provisioningState',
  ].map((key) => key.toLowerCase()),
);

/** One ARM-shaped record of any dialect, normalized for the adapters. */
export interface ArmRecord {
  /** Lower-cased ARM id with its leading slash. */
  readonly id: string;
  /** Lower-cased native type (`microsoft.storage/storageaccounts`). */
  readonly nativeType: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly region: string;
  readonly tags: Readonly<Record<string, string>>;
  /**
   * Where the settings are: `properties` (Resource Graph, ARM REST), the record itself (the
   * CLI's flattened `az storage account show`), or undefined when the row was projected
   * without them (every setting is then unknown).
   */
  readonly properties: JsonObject | undefined;
  /** The whole record, for top-level fields (`sku`, `kind`). */
  readonly raw: JsonObject;
  /** What is odd about a record that is read anyway (a placeholder subscription, a location that is no region). */
  readonly notes: readonly string[];
}

/**
 * Where a row comes from: Resource Graph (`graph`) keeps every setting under `properties`, so
 * a row without that column was projected without the settings (`project id, name,
 * softDelete = properties.enableSoftDelete`): its other columns are the query's, not the
 * resource's. ARM dialects (`arm`) include the CLI, which flattens the settings into the record.
 */
export type RowDialect = 'graph' | 'arm';

/**
 * Types whose records are the tenant's, not a subscription's: a role definition is one role of
 * the tenant by its GUID, which `az role definition list` prefixes with the subscription it was
 * run in and Resource Graph lists at the root (`/providers/…`) or the subscription. They are
 * read into the tenant root's account (`/`, above the subscriptions), which the scan files
 * under a subscription once every file is read (scan/management-groups.ts), so that no listing
 * makes an account of the subscription it names.
 */
const TENANT_TYPES: ReadonlySet<string> = new Set(['microsoft.authorization/roledefinitions']);
/** The account of the tenant's own records (role definitions, directory users), filed under a subscription by the scan. */
export const TENANT_ROOT = '/';

/** Normalizes a record, or says why it is not a usable resource. */
export function readArmRecord(raw: unknown, dialect: RowDialect = 'arm'): ArmRecord | { skip: string } {
  if (!isObject(raw)) return { skip: 'not a JSON object' };
  const steampipe = steampipeRowSkip(raw, '`az graph query` or `az … list -o json`');
  if (steampipe) return steampipe;
  const rawId = idOf(raw);
  if (typeof rawId !== 'string' || rawId === '') return { skip: 'no `id` column: project `id` in the query' };
  if (!ARM_ID.test(rawId)) return { skip: `not an ARM resource id: ${rawId}` };
  const written = (rawId.startsWith('/') ? rawId : `/${rawId}`).toLowerCase();
  const id = canonicalId(written);
  const type = get(raw, 'type');
  // An id spelled another way names the type itself: the record's `type` may be another's.
  const nativeType =
    id === written && typeof type === 'string' && type.includes('/') ? type.toLowerCase() : typeFromId(id);
  // `GET /subscriptions/<id>/providers/Microsoft.Network` answers with the namespace's registration.
  if (!nativeType && PROVIDER_REGISTRATION.test(id))
    return { skip: `a resource provider's registration (${rawId}): it holds no resource` };
  if (!nativeType) return { skip: `cannot tell the resource type of ${rawId}` };
  const column = get(raw, 'subscriptionId');
  const subscriptionId = TENANT_TYPES.has(nativeType)
    ? TENANT_ROOT
    : (typeof column === 'string' && column !== '' ? column : subscriptionOf(id))?.toLowerCase();
  if (!subscriptionId) return { skip: `not in a subscription (tenant or management-group scope): ${rawId}` };
  const name = get(raw, 'name');
  const location = get(raw, 'location');
  const region = regionOf(location);
  let notes: readonly string[] = NO_NOTES;
  // A role assignment above the subscriptions is placed in its scope's account (inherited-assignments.ts).
  if (!isGuid(subscriptionId) && !isAboveSubscriptions(subscriptionId))
    notes = [`${rawId}: the subscription is not a GUID (a placeholder?)`];
  if (region === '') notes = [...notes, `${rawId}: location ${JSON.stringify(location)} names no region`];
  return {
    id,
    nativeType,
    name: typeof name === 'string' && name !== '' ? name : (rawId.split('/').pop() ?? ''),
    subscriptionId,
    region,
    tags: tagsOf(get(raw, 'tags')),
    properties: propertiesOf(raw, dialect),
    raw,
    notes,
  };
}

/**
 * Diagnostic settings spelled otherwise than `…/providers/microsoft.insights/diagnosticSettings/<name>`
 * (Resource Graph's and the CLI's spelling) in the Monitor REST examples: the subscription's (the
 * Activity Log's export) as `subscriptions/<id>/providers/AzureResourceManager/diagnosticSettings/<name>`
 * with a null or empty `type` (2017-05-01-preview and 2021-05-01-preview), and a resource's
 * right under it, `…/workflows/<name>/diagnosticSettings/<name>` with the resource's own `type`
 * (2021-05-01-preview listDiagnosticSettingsCategory). One id for each setting, so that it is
 * typed as a setting and targets its subscription or resource.
 */
function canonicalId(id: string): string {
  // Both spellings name a setting: most ids (every record's) need neither expression.
  if (!id.includes('/diagnosticsettings/')) return id;
  return id
    .replace(ACTIVITY_LOG_SETTING_ALIAS, '$1/providers/microsoft.insights/diagnosticsettings/')
    .replace(RESOURCE_SETTING_ALIAS, '$1/providers/microsoft.insights/diagnosticsettings/$2');
}

const ACTIVITY_LOG_SETTING_ALIAS =
  /^(\/subscriptions\/[^/]+)\/providers\/azureresourcemanager\/diagnosticsettings\//;
/** A setting named right under a resource (`<type>/<name>/diagnosticsettings/<setting>`), not under a provider namespace. */
const RESOURCE_SETTING_ALIAS =
  /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/[^/]+(?:\/[^/]+\/[^/]+)+)(?<!\/providers\/[^/]+)\/diagnosticsettings\/([^/]+)$/;

/** Most records have nothing odd: they share one empty list. */
const NO_NOTES: readonly string[] = Object.freeze([]);

/** GUID.test per subscription: a scan reads many records of each. */
const isGuid = memoized((subscriptionId) => GUID.test(subscriptionId));

/**
 * ARM writes `japaneast`; some CLI commands and PowerShell print the display name (`Japan East`,
 * `JAPAN EAST`). A template expression (`[resourceGroup().location]`) or a placeholder
 * (`{location}`, `<region>`, and the REST API examples' `location1`, `regionName`) names no
 * region: '' (the location checks report it as unknown, not as a region abroad).
 */
function regionOf(location: unknown): string {
  return typeof location === 'string' ? regionOfLocation(location) : 'global';
}

/** A scan reads many records of each location. */
const regionOfLocation = memoized((location) => {
  const region = location.replace(/\s+/g, '').toLowerCase();
  if (region === '') return 'global';
  return /^[a-z0-9-]+$/.test(region) && !PLACEHOLDER_LOCATION.test(region) ? region : '';
});

/** Names of example data, not regions: `location`, `location1`, `region2`, `regionName`, `myLocation`. */
const PLACEHOLDER_LOCATION = /^(?:my|resource)?(?:location|region)(?:name)?[-_]?\d*$/;

function tagsOf(tags: unknown): Readonly<Record<string, string>> {
  const parsed = typeof tags === 'string' ? parseJsonObject(tags) : tags;
  if (!isObject(parsed)) return {};
  // Tag values are strings in every dialect but hand-made ones: the record's own object is
  // kept as it is (resources never change their tags) rather than copied for every resource.
  let allStrings = true;
  for (const key in parsed) {
    if (typeof parsed[key] !== 'string') {
      allStrings = false;
      break;
    }
  }
  if (allStrings) return parsed as Record<string, string>;
  const result: Record<string, string> = {};
  for (const key in parsed) {
    const value = parsed[key];
    if (value != null) result[key] = String(value);
  }
  return result;
}

function propertiesOf(raw: JsonObject, dialect: RowDialect): JsonObject | undefined {
  const properties = get(raw, 'properties');
  // `project properties = tostring(properties)` hands the object over as a JSON string.
  if (typeof properties === 'string') return parseJsonObject(properties);
  if (isObject(properties)) return properties;
  // `"properties": null` (az resource list) says the settings were not included: not flattened.
  if (properties === null || dialect === 'graph') return undefined;
  return Object.keys(raw).some((key) => !ENVELOPE_KEYS.has(key.toLowerCase())) ? raw : undefined;
}

function parseJsonObject(text: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
