import { explicit } from '../../model/fact.ts';
import type { Origin, Resource } from '../../model/resource.ts';
import type { ReadContext } from '../format.ts';
import { hierarchyPolicyFacts, iamPolicyFacts } from './adapters/iam-policy.ts';
import { HIERARCHY_TYPES, NATIVE_TYPES, PROJECT_TYPE } from './adapters/index.ts';
import type { CloudAsset } from './asset.ts';
import { type JsonObject, labelsOf, lastSegment, stringAt } from './json.ts';

const RESOURCE_MANAGER = '//cloudresourcemanager.googleapis.com/';

/**
 * Turns one asset record into a resource. The resource line and the IAM-policy line of an
 * asset both yield a resource with the asset name as id, each with the facts it knows; the
 * inventory merges them.
 */
export function assetToResource(asset: CloudAsset, origin: Origin): Resource | { readonly skip: string } {
  const account = accountOf(asset);
  if (!account) return { skip: `${asset.name}: no project, folder or organization in ancestors or parent` };
  const type = NATIVE_TYPES[asset.assetType];
  const data = asset.resource?.data;
  const common = {
    provider: 'gcp' as const,
    account,
    region: regionOf(asset, data),
    nativeType: asset.assetType,
    id: asset.name,
    name: lastSegment(asset.name),
    origin,
  };
  if (!type)
    return { ...common, kansaType: 'other', tags: labelsOf(data ? data.labels : asset.labels), facts: {} };

  const policy = asset.iamPolicy;
  const isHierarchyNode = HIERARCHY_TYPES.has(asset.assetType);
  return {
    ...common,
    kansaType: type.kansaType,
    tags: labelsOf(data ? (type.labels?.(data) ?? data.labels) : asset.labels),
    facts: {
      ...(data && type.facts?.(data, asset.resource.dataPath)),
      ...(policy && iamPolicyFacts(policy.policy, policy.path)),
      ...(policy && isHierarchyNode && hierarchyPolicyFacts(policy.policy, policy.path)),
      ...(isHierarchyNode && ancestorsFact(asset)),
    } as Resource['facts'],
  };
}

/**
 * The project number (`projects/N` in ancestors, or the parent's name). Folder- and
 * organization-level assets (the folder itself, a folder log sink) belong to `folders/F` or
 * `organizations/O`, their nearest ancestor.
 */
function accountOf(asset: CloudAsset): string | undefined {
  const project = asset.ancestors.find((ancestor) => ancestor.startsWith('projects/'));
  if (project) return project.slice('projects/'.length);
  const parent = asset.resource?.parent;
  const parentProject =
    parent && /^\/\/cloudresourcemanager\.googleapis\.com\/projects\/([^/]+)$/.exec(parent);
  if (parentProject) return parentProject[1];
  if (asset.assetType === PROJECT_TYPE) return lastSegment(asset.name);
  if (asset.ancestors[0]) return asset.ancestors[0];
  return HIERARCHY_TYPES.has(asset.assetType) ? asset.name.slice(RESOURCE_MANAGER.length) : undefined;
}

/**
 * Lower-case location: the type's own data location (snapshot storage), the asset's
 * `location` (`asia-northeast1`, `us`, `asia1`, `global`), then the REST JSON's location,
 * region or zone (as its region); `global` for location-less assets (IAM-policy lines carry none).
 */
function regionOf(asset: CloudAsset, data: JsonObject | undefined): string {
  const fromType = data && NATIVE_TYPES[asset.assetType]?.region?.(data);
  const location =
    fromType ??
    asset.resource?.location ??
    stringAt(data, 'location') ??
    stringAt(data, 'region') ??
    stringAt(data, 'zone');
  return location ? regionOfZone(lastSegment(location).toLowerCase()) : 'global';
}

/** Zonal resources are reported by their region (`asia-northeast1-b` → `asia-northeast1`). */
function regionOfZone(location: string): string {
  return /^([a-z]+-[a-z]+\d+)-[a-z]$/.exec(location)?.[1] ?? location;
}

/** A project's or folder's ancestors (not itself), as Cloud Asset names, nearest first. */
function ancestorsFact(asset: CloudAsset) {
  if (asset.ancestors.length === 0) return {};
  const self = asset.name.slice(RESOURCE_MANAGER.length);
  const above = asset.ancestors.filter((ancestor) => ancestor !== self).map((a) => `${RESOURCE_MANAGER}${a}`);
  return { ancestors: explicit(above, 'ancestors') };
}

/**
 * The resources of a list of asset records (a `gcloud asset list` array, a ListAssets page, a
 * search result list): each record is made an asset by `toAsset`, then a resource; a record
 * that cannot be is skipped with its reason.
 */
export function* assetsToResources(
  records: readonly unknown[],
  ctx: ReadContext,
  toAsset: (record: unknown) => CloudAsset | { readonly skip: string },
): Generator<Resource> {
  for (const [index, record] of records.entries()) {
    const asset = toAsset(record);
    const resource = 'skip' in asset ? asset : assetToResource(asset, { file: ctx.file, index });
    if ('skip' in resource) ctx.skip(resource.skip, { index });
    else yield resource;
  }
}
