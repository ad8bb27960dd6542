import { sharedString } from '../../base/memo.ts';
import { explicit, type Fact, unknown } from '../../model/fact.ts';
import type { CommonFacts } from '../../model/facts.ts';
import { accountResourceId, type Origin, type Resource, regionWhenUnnamed } from '../../model/resource.ts';
import type { ReadContext } from '../format.ts';
import { keyNamed } from './adapters/encryption.ts';
import { bindingsFact, hierarchyPolicyFacts, iamPolicyFacts } from './adapters/iam-policy.ts';
import { HIERARCHY_TYPES, NATIVE_TYPES, type NativeType, PROJECT_TYPE } from './adapters/index.ts';
import { bucketAclFacts } from './adapters/storage.ts';
import type { CloudAsset } from './asset.ts';
import { isObject, labelsOf, lastSegment } from './json.ts';
import { locationOf } from './location.ts';
import { projectOf } from './project.ts';

const RESOURCE_MANAGER = '//cloudresourcemanager.googleapis.com/';

/**
 * Turns one asset record into a resource. The resource line and the IAM-policy line of an
 * asset both yield a resource with the asset name as id, each with the facts it knows; the
 * inventory merges them. A project's own asset is keyed as the account resource
 * (`…/projects/<number>`, or the id when the record gives no number), so that project-wide
 * facts meet the account-level checks whichever way the record names the project.
 */
export function assetToResource(
  asset: CloudAsset,
  origin: Origin,
  /**
   * The region of a record that names no location: by default `global` for what has none by
   * nature and unknown for what keeps data (see locationOf); a Terraform plan's record says
   * `global`, so that the plan's provider places it.
   */
  unnamedRegion?: string,
): Resource {
  const data = asset.resource?.data;
  // A record that names no project (a bucket's IAM-policy line without ancestors) is kept with
  // no account: the asset's other record may name it, and the inventory merges the two. The
  // scan drops, as skipped, what no record places in a project.
  const project = projectOf(asset, data) ?? { account: UNPLACED, fact: unplacedFact() };
  const type = NATIVE_TYPES[asset.assetType];
  return {
    provider: 'gcp',
    account: sharedString(project.account),
    // In the literal even when undefined: a field added afterwards would be kept outside the
    // object, in a property array of its own for every resource.
    accountAlias: project.alias === undefined ? undefined : sharedString(project.alias),
    region: locationOf(asset, data, type?.region, unnamedRegion ?? regionWhenUnnamed(type?.kansaType)),
    nativeType: asset.assetType,
    id: asset.assetType === PROJECT_TYPE ? accountResourceId('gcp', project.account) : asset.name,
    name: lastSegment(asset.name),
    origin,
    kansaType: type?.kansaType ?? 'other',
    tags: tagsOf(asset, type),
    facts: type ? typeFacts(asset, type, project.fact) : { project: project.fact },
    ...(asset.listedOnly && { listedOnly: true as const }),
    ...(asset.unknownTags && { unknownTags: asset.unknownTags }),
  };
}

/**
 * The asset's labels (its data's, else a search result's summary), and a search result's
 * Resource Manager tags beside them: a label keeps its value where a tag of its key says another.
 */
function tagsOf(asset: CloudAsset, type: NativeType | undefined): Readonly<Record<string, string>> {
  const data = asset.resource?.data;
  const labels = labelsOf(data ? (type?.labels?.(data) ?? data.labels) : asset.labels);
  return asset.resourceTags ? { ...asset.resourceTags, ...labels } : labels;
}

/** A service account's own IAM policy says who may act as it (gcp.iam.owner-count). */
const SERVICE_ACCOUNT = 'iam.googleapis.com/ServiceAccount';

/** The facts of an asset of a type kansa recognises. */
function typeFacts(asset: CloudAsset, type: NativeType, project: Fact<string>): Resource['facts'] {
  const data = asset.resource?.data;
  const policy = asset.iamPolicy;
  const isHierarchyNode = HIERARCHY_TYPES.has(asset.assetType);
  const dataFacts: CommonFacts | undefined = data && type.facts?.(data, asset.resource.dataPath);
  return {
    project,
    ...dataFacts,
    ...(asset.kmsKeys && type.oneKey && searchKeyFacts(asset.kmsKeys, dataFacts)),
    ...(policy && iamPolicyFacts(policy.policy, policy.path)),
    ...(asset.bucketAcl && bucketAclFacts(asset.bucketAcl.entries, asset.bucketAcl.path)),
    ...(policy && isHierarchyNode && nodePolicyFacts(policy)),
    ...(policy &&
      asset.assetType === SERVICE_ACCOUNT && { bindings: bindingsFact(policy.policy, policy.path) }),
    ...(isHierarchyNode && ancestorsFact(asset)),
  };
}

/**
 * A search result's `kmsKeys` as the resource's CMEK, unless its full data (`--read-mask='*'`)
 * already names the key: most results carry no data, and the keys are then all that tells.
 */
function searchKeyFacts(kmsKeys: NonNullable<CloudAsset['kmsKeys']>, dataFacts: CommonFacts | undefined) {
  if (dataFacts?.customerManagedKey?.source === 'explicit' && dataFacts.customerManagedKey.value) return {};
  return { customerManagedKey: keyNamed(kmsKeys.keys, kmsKeys.path) };
}

/** A hierarchy node's policy facts; without audit configs when the record does not show them. */
function nodePolicyFacts(policy: NonNullable<CloudAsset['iamPolicy']>) {
  const facts = hierarchyPolicyFacts(policy.policy, policy.path);
  if (!policy.withoutAuditConfigs) return facts;
  const { auditConfigs: _notShown, ...bindings } = facts;
  return bindings;
}

/** The account of a record that names no project, folder or organization. */
const UNPLACED = '';

function unplacedFact() {
  return unknown<string>('ancestors', {
    ja: 'レコードにプロジェクト・フォルダー・組織の記載がありません（ancestors / parent / name / selfLink）',
    en: 'the record names no project, folder or organization (ancestors, parent, name, self link)',
  });
}

/**
 * A project's or folder's ancestors (not itself), as Cloud Asset names, nearest first; without
 * `ancestors`, the node directly above, as the record names it.
 */
function ancestorsFact(asset: CloudAsset) {
  if (asset.ancestors.length === 0) return parentFact(asset);
  const self = asset.name.slice(RESOURCE_MANAGER.length);
  // A project's own number can head its ancestors while its asset is named by id: no project is an ancestor.
  const above = asset.ancestors
    .filter((ancestor) => ancestor !== self && !ancestor.startsWith('projects/'))
    .map((a) => `${RESOURCE_MANAGER}${a}`);
  return { ancestors: explicit(above, 'ancestors') };
}

/**
 * The folder or organization above a node: the asset's `resource.parent`
 * (`//cloudresourcemanager.googleapis.com/folders/F`), else its data's `parent`, which
 * Resource Manager v1 writes `{"type": "folder", "id": "F"}` for a project and v2/v3
 * `folders/F` / `organizations/O`.
 */
function parentFact(asset: CloudAsset) {
  const parent = asset.resource?.parent;
  if (
    parent?.startsWith(`${RESOURCE_MANAGER}folders/`) ||
    parent?.startsWith(`${RESOURCE_MANAGER}organizations/`)
  )
    return { parent: explicit(parent, 'resource.parent') };
  const named = hierarchyNodeName(asset.resource?.data?.parent);
  if (named === undefined) return {};
  return {
    parent: explicit(`${RESOURCE_MANAGER}${named}`, `${asset.resource?.dataPath ?? 'resource.data'}.parent`),
  };
}

const PARENT_KINDS: Readonly<Record<string, string>> = { folder: 'folders', organization: 'organizations' };

function hierarchyNodeName(parent: unknown): string | undefined {
  if (typeof parent === 'string')
    return /^(?:folders|organizations)\/[^/]+$/.test(parent) ? parent : undefined;
  if (!isObject(parent)) return undefined;
  const { type, id } = parent;
  const kind = typeof type === 'string' ? PARENT_KINDS[type] : undefined;
  return kind && (typeof id === 'string' || typeof id === 'number') ? `${kind}/${id}` : undefined;
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
  for (let index = 0; index < records.length; index++) {
    const asset = toAsset(records[index]);
    if ('skip' in asset) ctx.skip(asset.skip, { index });
    else yield readAsset(asset, ctx, { index });
  }
}

/**
 * The resource of an asset read at `where` in a file, noting why an asset without content
 * (CloudAsset.listedOnly) is judged on its place alone.
 */
export function readAsset(
  asset: CloudAsset,
  ctx: Pick<ReadContext, 'file' | 'note'>,
  where: { index?: number; line?: number },
): Resource {
  if (asset.listedOnly)
    ctx.note?.(
      `${asset.name}: no content (listed without --content-type): read as listed only, its settings and labels unknown`,
      where,
    );
  return assetToResource(asset, { file: ctx.file, ...where });
}
