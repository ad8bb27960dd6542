import { memoized } from '../../base/memo.ts';
import type { Mutable } from '../../base/mutable.ts';
import type { Localized } from '../../model/localized.ts';
import { field, isObject, type JsonObject, objectsOf, presentKey, stringsOf } from './json.ts';

/**
 * One Cloud Asset Inventory asset (google.cloud.asset.v1.Asset) in whichever spelling the file
 * used. `gcloud asset export` writes the proto field names (`asset_type`, `iam_policy`,
 * `update_time`); `gcloud asset list --format=json` and the REST API write JSON names
 * (`assetType`, `iamPolicy`, `updateTime`). `resource.data` is the service's own REST JSON
 * (camelCase) in both.
 */
export interface CloudAsset {
  /** Full resource name, e.g. `//storage.googleapis.com/city-archive`. */
  readonly name: string;
  readonly assetType: string;
  /** `projects/N`, `folders/F`, `organizations/O`, nearest first (the asset itself first for those types). */
  readonly ancestors: readonly string[];
  readonly resource?: AssetResource;
  readonly iamPolicy?: {
    readonly policy: JsonObject;
    readonly path: string;
    /** The record shows the bindings only (an IAM policy search result): audit configs are not known. */
    readonly withoutAuditConfigs?: boolean;
  };
  /**
   * A bucket's ACL as its own answer lists it (`storage#bucketAccessControls`, `GET …/b/<bucket>/acl`):
   * what the entries grant, with no other bucket setting (the bucket's record gives those).
   */
  readonly bucketAcl?: { readonly entries: readonly unknown[]; readonly path: string };
  /** Search results' summary labels, used when they carry no full `resource` data. */
  readonly labels?: unknown;
  /**
   * A search result's Resource Manager tags by their short names (`searchResourceTags`), which
   * the resource's tags hold beside its labels.
   */
  readonly resourceTags?: Readonly<Record<string, string>>;
  /**
   * The record does not tell the resource's labels, and why (Resource.unknownTags): a Steampipe
   * row without its labels column, a gcloud `--format=json(…)` projection that left them out.
   */
  readonly unknownTags?: Localized;
  /**
   * A search result's Cloud KMS keys (`kmsKeys`; before it, one `kmsKey`): the CryptoKeys (or
   * CryptoKeyVersions) the resource's data is encrypted with, listed only when it names one.
   */
  readonly kmsKeys?: { readonly keys: string | readonly string[]; readonly path: string };
  /**
   * The record carries no content: `gcloud asset list` / `export` and ListAssets without a
   * content type write an asset's name, type, ancestors and update time only, neither its
   * settings nor its labels.
   */
  readonly listedOnly?: true;
}

export interface AssetResource {
  /** The service's REST representation; undefined when the export carried none. */
  readonly data?: JsonObject;
  /** Evidence path prefix of `data` as the file spells it. */
  readonly dataPath: string;
  readonly location?: string;
  /** Full name of the parent, e.g. `//cloudresourcemanager.googleapis.com/projects/N`. */
  readonly parent?: string;
}

/** Reads one asset record, or says why it is not a usable asset. */
export function parseAsset(record: unknown): CloudAsset | { readonly skip: string } {
  if (!isObject(record)) return { skip: 'record is not a JSON object' };
  const name = field(record, 'name');
  const assetType = field(record, 'asset_type', 'assetType');
  if (typeof name !== 'string' || !name.startsWith('//')) return { skip: 'no full resource name (`name`)' };
  if (typeof assetType !== 'string' || assetType === '') return { skip: `${name}: no asset type` };

  const resource = record.resource;
  const policyKey = presentKey(record, 'iam_policy', 'iamPolicy');
  const policy = policyKey ? record[policyKey] : undefined;
  const data = isObject(resource) ? plainData(field(resource, 'data')) : undefined;
  if (data === 'unreadable')
    return { skip: `${name}: resource.data is neither a JSON object nor a JSON string` };

  const asset: Mutable<CloudAsset> = {
    name,
    assetType: currentAssetType(assetType),
    ancestors: ancestorsOf(record),
  };
  if (isObject(resource)) {
    asset.resource = assetResource(
      data,
      'resource.data',
      field(resource, 'location'),
      field(resource, 'parent'),
    );
  }
  if (isObject(policy) && policyKey) asset.iamPolicy = { policy, path: policyKey };
  if (!CONTENT_FIELDS.some((key) => hasContent(record[key]))) asset.listedOnly = true;
  return asset;
}

/**
 * The fields of an Asset that carry a content type's content (`--content-type` resource,
 * iam-policy, org-policy, access-policy, os-inventory, relationship), in both spellings.
 * https://cloud.google.com/asset-inventory/docs/reference/rest/v1/Asset
 */
const CONTENT_FIELDS = [
  'resource',
  'iam_policy',
  'iamPolicy',
  'org_policy',
  'orgPolicy',
  'access_policy',
  'accessPolicy',
  'access_level',
  'accessLevel',
  'service_perimeter',
  'servicePerimeter',
  'os_inventory',
  'osInventory',
  'related_assets',
  'relatedAssets',
  'related_asset',
  'relatedAsset',
];

/** A field with content: neither absent, null nor an empty list (the Node client writes `orgPolicy: []`). */
function hasContent(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

/** The asset's `resource`, with only the fields the record carries (every asset makes one). */
function assetResource(
  data: JsonObject | undefined,
  dataPath: string,
  location: unknown,
  parent: unknown,
): AssetResource {
  const resource: Mutable<AssetResource> = { dataPath };
  if (data) resource.data = data;
  if (typeof location === 'string' && location !== '') resource.location = location;
  if (typeof parent === 'string' && parent !== '') resource.parent = parent;
  return resource;
}

/**
 * Cloud Asset Inventory's beta (2018–2019; Forseti-era dumps and early policy fixtures) named
 * types after the proto packages: `google.compute.Firewall`, `google.cloud.storage.Bucket`,
 * `google.cloud.sql.Instance`, `google.bigtable.Instance`. They map to today's
 * `<service>.googleapis.com/<Kind>` by the package's service; other names are kept.
 */
export const currentAssetType: (assetType: string) => string = memoized((assetType) => {
  const alias = ASSET_TYPE_ALIASES[assetType];
  if (alias) return alias;
  const old = /^google\.(?:cloud\.)?([a-z]+)\.([A-Z][A-Za-z]*)$/.exec(assetType);
  if (!old) return assetType;
  const [, pkg, kind] = old as unknown as [string, string, string];
  return `${OLD_PACKAGE_SERVICES[pkg] ?? pkg}.googleapis.com/${kind}`;
});

/**
 * Names other inventories give a type Cloud Asset names otherwise: a project's network firewall
 * policies, which Cloud Asset lists as `compute.googleapis.com/FirewallPolicy` beside the
 * hierarchical ones (the resource's own REST API is `networkFirewallPolicies`).
 */
const ASSET_TYPE_ALIASES: Readonly<Record<string, string>> = {
  'compute.googleapis.com/NetworkFirewallPolicy': 'compute.googleapis.com/FirewallPolicy',
  'compute.googleapis.com/RegionNetworkFirewallPolicy': 'compute.googleapis.com/FirewallPolicy',
};

/** Proto packages whose service host is not the package name. */
const OLD_PACKAGE_SERVICES: Readonly<Record<string, string>> = {
  resourcemanager: 'cloudresourcemanager',
  sql: 'sqladmin',
  kms: 'cloudkms',
  bigtable: 'bigtableadmin',
  billing: 'cloudbilling',
};

/**
 * `ancestors` (nearest first), or Forseti's `ancestry_path`
 * (`organization/O/folder/F/project/P`, root first) in dumps that predate it.
 */
function ancestorsOf(record: JsonObject): readonly string[] {
  const ancestors = stringsOf(field(record, 'ancestors'));
  if (ancestors.length > 0) return ancestors;
  const path = field(record, 'ancestry_path', 'ancestryPath');
  if (typeof path !== 'string') return [];
  const parts = path.split('/').filter((part) => part !== '');
  const nodes: string[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const kind = ANCESTRY_KINDS[parts[i]!.toLowerCase()];
    if (kind) nodes.unshift(`${kind}/${parts[i + 1]}`);
  }
  return nodes;
}

const ANCESTRY_KINDS: Readonly<Record<string, string>> = {
  organization: 'organizations',
  organizations: 'organizations',
  folder: 'folders',
  folders: 'folders',
  project: 'projects',
  projects: 'projects',
};

/** An asset from `gcloud asset search-all-resources`: a summary, and the full data only with `--read-mask='*'`. */
export function assetFromSearchResult(record: unknown): CloudAsset | { readonly skip: string } {
  if (!isObject(record)) return { skip: 'search result is not a JSON object' };
  const name = field(record, 'name');
  const assetType = field(record, 'assetType', 'asset_type');
  if (typeof name !== 'string' || !name.startsWith('//')) return { skip: 'no full resource name (`name`)' };
  if (typeof assetType !== 'string' || assetType === '') return { skip: `${name}: no asset type` };
  const project = field(record, 'project');
  const versioned = stringsOfObjects(field(record, 'versionedResources', 'versioned_resources'));
  const data = versioned[0] ? plainData(field(versioned[0], 'resource')) : undefined;
  if (data === 'unreadable') return { skip: `${name}: versionedResources[0].resource is not a JSON object` };
  const folders = stringsOf(field(record, 'folders'));
  const organization = field(record, 'organization');
  return {
    name,
    assetType: currentAssetType(assetType),
    // Search results name the hierarchy in separate fields rather than `ancestors`.
    ancestors: [
      ...(typeof project === 'string' ? [project] : []),
      ...folders,
      ...(typeof organization === 'string' ? [organization] : []),
    ],
    labels: field(record, 'labels'),
    ...searchResourceTags(record),
    resource: assetResource(
      data,
      'versionedResources[0].resource',
      field(record, 'location'),
      field(record, 'parentFullResourceName', 'parent_full_resource_name'),
    ),
    ...searchKmsKeys(record),
  };
}

/**
 * A search result's Resource Manager tags: those bound to it (`tags`), those it inherits
 * (`effectiveTags[].effectiveTags`), and before them the `tagValues` list; each value is
 * namespaced `<organization or project>/<key short name>/<value short name>` (short names hold
 * no `/`), and read as the tag `<key>` = `<value>`, the first of a key kept (its own before the
 * inherited); none when the result names none.
 */
function searchResourceTags(record: JsonObject): Pick<CloudAsset, 'resourceTags'> {
  const tags: Record<string, string> = {};
  const add = (namespaced: unknown) => {
    const [, key, value, ...rest] = typeof namespaced === 'string' ? namespaced.split('/') : [];
    if (key && value && rest.length === 0) tags[key] ??= value;
  };
  for (const tag of objectsOf(field(record, 'tags')) ?? []) add(field(tag, 'tagValue', 'tag_value'));
  for (const details of objectsOf(field(record, 'effectiveTags', 'effective_tags')) ?? [])
    for (const tag of objectsOf(field(details, 'effectiveTags', 'effective_tags')) ?? [])
      add(field(tag, 'tagValue', 'tag_value'));
  for (const value of stringsOf(field(record, 'tagValues', 'tag_values'))) add(value);
  return Object.keys(tags).length > 0 ? { resourceTags: tags } : {};
}

/** `kmsKeys` (a list), or the older `kmsKey` (one name) a result of 2020–2022 carries instead. */
function searchKmsKeys(record: JsonObject): Pick<CloudAsset, 'kmsKeys'> {
  const keys = stringsOf(field(record, 'kmsKeys', 'kms_keys')).filter((key) => key !== '');
  if (keys.length > 0) return { kmsKeys: { keys, path: 'kmsKeys' } };
  const key = field(record, 'kmsKey', 'kms_key');
  return typeof key === 'string' && key !== '' ? { kmsKeys: { keys: key, path: 'kmsKey' } } : {};
}

function stringsOfObjects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/**
 * `resource.data` as plain JSON. BigQuery exports turned back into JSON carry it as a JSON
 * string, and dumps of the REST client's responses as a protobuf Struct (`{fields: {k:
 * {stringValue}}}`): both are converted.
 */
function plainData(data: unknown): JsonObject | undefined | 'unreadable' {
  if (data === undefined || data === null) return undefined;
  if (typeof data === 'string') {
    try {
      const parsed: unknown = JSON.parse(data);
      return isObject(parsed) ? parsed : 'unreadable';
    } catch {
      return 'unreadable';
    }
  }
  if (!isObject(data)) return 'unreadable';
  return isStruct(data) ? structToJson(data) : data;
}

const STRUCT_VALUE_KEYS = [
  'nullValue',
  'numberValue',
  'stringValue',
  'boolValue',
  'structValue',
  'listValue',
];

export function isStruct(data: JsonObject): data is { fields: Record<string, JsonObject> } {
  // Every record's data is tested: most are plain JSON, told without listing their keys.
  if (!Object.hasOwn(data, 'fields')) return false;
  const keys = Object.keys(data);
  return (
    keys.length === 1 &&
    keys[0] === 'fields' &&
    isObject(data.fields) &&
    Object.values(data.fields).every((value) => isObject(value) && isStructValue(value))
  );
}

function isStructValue(value: JsonObject): boolean {
  return STRUCT_VALUE_KEYS.some((key) => key in value);
}

export function structToJson(struct: { fields: Record<string, JsonObject> }): JsonObject {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(struct.fields)) result[key] = structValueToJson(value);
  return result;
}

function structValueToJson(value: JsonObject): unknown {
  if (isObject(value.structValue)) {
    const fields = value.structValue.fields;
    return isObject(fields) ? structToJson({ fields: fields as Record<string, JsonObject> }) : {};
  }
  if (isObject(value.listValue)) {
    const values = value.listValue.values;
    return Array.isArray(values)
      ? values.map((item) => (isObject(item) ? structValueToJson(item) : null))
      : [];
  }
  if ('stringValue' in value) return value.stringValue;
  if ('numberValue' in value) return value.numberValue;
  if ('boolValue' in value) return value.boolValue;
  return null;
}
