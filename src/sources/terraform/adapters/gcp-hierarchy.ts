import { explicit, explicitList, type ListUnion } from '../../../model/fact.ts';
import type { GcpBinding, GcpHierarchyNodeFacts } from '../../../model/gcp.ts';
import type { Localized } from '../../../model/localized.ts';
import type { Resource } from '../../../model/resource.ts';
import { conditionOf } from '../../gcp/adapters/iam-policy.ts';
import { PROJECT_TYPE } from '../../gcp/adapters/index.ts';
import type { TfInstance } from '../document.ts';
import { isObject, type JsonObject, safeJson } from '../kind.ts';
import type { Translation } from '../translation.ts';
import type { BuildContext, PartLink, TerraformAdapter, Unit } from './adapter.ts';
import { auditLogConfigs, DATA, fromAsset, grant, POLICY, readPolicyData, set } from './gcp-record.ts';

/**
 * The resource hierarchy: projects, folders and the organization, each with its IAM policy from
 * its `_iam_member` / `_iam_binding` / `_iam_policy` / `_iam_audit_config` resources, and the
 * node above a project or folder (`google_project.folder_id` / `org_id`, `google_folder.parent`),
 * which the checks follow to count what a project inherits, as in an export.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_folder_iam
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_organization_iam
 */

const RESOURCE_MANAGER = '//cloudresourcemanager.googleapis.com/';

interface NodeKind {
  /** The Terraform type prefix of the node's IAM resources. */
  readonly prefix: string;
  /** The attribute of an IAM resource naming its node; IAM resources of one node are grouped by it. */
  readonly attribute: string;
  /** The Cloud Asset collection (`folders`), or none for a project, named by its id. */
  readonly collection?: 'folders' | 'organizations';
  readonly assetType: string;
  readonly noun: Localized;
}

const KINDS: Readonly<Record<string, NodeKind>> = {
  google_project: {
    prefix: 'google_project',
    attribute: 'project',
    assetType: PROJECT_TYPE,
    noun: { ja: 'プロジェクト', en: 'project' },
  },
  google_folder: {
    prefix: 'google_folder',
    attribute: 'folder',
    collection: 'folders',
    assetType: 'cloudresourcemanager.googleapis.com/Folder',
    noun: { ja: 'フォルダー', en: 'folder' },
  },
  // The provider has no organization resource (only a data source): its IAM resources stand alone.
  google_organization: {
    prefix: 'google_organization',
    attribute: 'org_id',
    collection: 'organizations',
    assetType: 'cloudresourcemanager.googleapis.com/Organization',
    noun: { ja: '組織', en: 'organization' },
  },
};

function iamPartTypes(prefix: string): string[] {
  return ['member', 'binding', 'policy', 'audit_config'].map((suffix) => `${prefix}_iam_${suffix}`);
}

/**
 * The IAM types of projects, folders and organizations, by the node type they describe and the
 * attribute naming their node: IAM resources whose node is not in the plan (usually so: a
 * project, folder or organization made elsewhere) are grouped by that attribute into the node.
 */
export const NODE_PART_TYPES: Readonly<
  Record<string, { readonly nodeType: string; readonly attribute: string; readonly collection?: string }>
> = Object.fromEntries(
  Object.entries(KINDS).flatMap(([nodeType, { prefix, attribute, collection }]) =>
    iamPartTypes(prefix).map((type) => [type, { nodeType, attribute, collection }]),
  ),
);

/** `folders/123` or `123` as the node's number; undefined when not a known value. */
export function nodeNumber(value: unknown, collection: string): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim();
  const text = trimmed.startsWith(`${collection}/`) ? trimmed.slice(collection.length + 1) : trimmed;
  return /^\d+$/.test(text) ? text : undefined;
}

/**
 * The node's IAM policy. `_policy` is authoritative; members and bindings add to grants made
 * elsewhere, so they prove a grant exists but not that no other does: the full bindings list is
 * then unknown, and the known grants are `grantedBindings`.
 */
function nodePolicy(unit: Unit, tr: Translation, ctx: BuildContext, kind: NodeKind) {
  const path = `${POLICY}.bindings`;
  const bindings: JsonObject[] = [];
  const auditConfigs: JsonObject[] = [];
  let authoritative = false;
  for (const part of [unit.primary, ...[...unit.parts.values()].flat()]) {
    switch (part.type) {
      case `${kind.prefix}_iam_member`:
        bindings.push(grant(tr, part, path, [tr.read(part, 'member', path)]));
        break;
      case `${kind.prefix}_iam_binding`:
        bindings.push(grant(tr, part, path, tr.read(part, 'members', path) ?? []));
        break;
      case `${kind.prefix}_iam_policy`: {
        const text = readPolicyData(tr, ctx, part, path);
        const parsed = typeof text === 'string' ? safeJson(text) : undefined;
        if (isObject(parsed)) {
          authoritative = true;
          // The provider sets the whole policy, its audit configs too: none in it is none.
          tr.mark(`${POLICY}.auditConfigs`, `${part.address}.policy_data`, 'known');
          bindings.push(...(Array.isArray(parsed.bindings) ? parsed.bindings.filter(isObject) : []));
          auditConfigs.push(
            ...(Array.isArray(parsed.auditConfigs) ? parsed.auditConfigs.filter(isObject) : []),
          );
        }
        break;
      }
      case `${kind.prefix}_iam_audit_config`: {
        const path = `${POLICY}.auditConfigs`;
        const configs = auditLogConfigs(tr.valuesOf(part), 'audit_log_config');
        if (configs) tr.mark(path, `${part.address}.audit_log_config`, 'known');
        else tr.read(part, 'audit_log_config', path);
        auditConfigs.push({ service: tr.read(part, 'service', path), auditLogConfigs: configs ?? [] });
        break;
      }
    }
  }
  const { ja, en } = kind.noun;
  if (!authoritative)
    tr.mark(path, `${unit.primary.address} (${kind.noun.en} IAM)`, 'unmanaged', {
      ja: `${kind.prefix}_iam_member / _binding は他の付与を残すため、${ja}の全付与は計画から分かりません`,
      en: `${kind.prefix}_iam_member / _binding leave other grants in place: the ${en}’s full bindings are not in the plan`,
    });
  if (auditConfigs.length === 0 && !authoritative)
    tr.mark(
      `${POLICY}.auditConfigs`,
      `${unit.primary.address} (no ${kind.prefix}_iam_audit_config)`,
      'unmanaged',
    );
  return { bindings, auditConfigs, authoritative };
}

/**
 * Grants add up: two root modules (or a plan and a state of another) that grant on one project
 * each prove their grants exist, and the project holds them all.
 */
const GRANTS: ListUnion<GcpBinding> = {
  key: ({ role, members, condition }) => JSON.stringify([role, [...members].sort(), condition ?? null]),
};

/**
 * The grants whose role and members the plan knows (a member known only after apply, such as a
 * service account the plan creates, is left out: the node holds at least the rest).
 */
function grantsKnown(bindings: readonly JsonObject[]): GcpBinding[] {
  return bindings.flatMap((binding) => {
    const members = Array.isArray(binding.members)
      ? binding.members.filter((member): member is string => typeof member === 'string')
      : [];
    const condition = conditionOf(binding.condition);
    return typeof binding.role === 'string' && members.length > 0
      ? [{ role: binding.role, members, ...(condition !== undefined && { condition }) }]
      : [];
  });
}

/**
 * The node above a project or folder: a known `folders/…` or `organizations/…` name (`created`
 * false), or the kansa id of a folder the plan creates (`created`), whose number is known only
 * after apply.
 */
interface ParentNode {
  readonly name: string;
  readonly created: boolean;
}

/**
 * The node above a project: `folder_id` (a number, or `folders/<number>`, which the provider
 * also takes) or `org_id` (both Optional+Computed: a plan shows the one left out as known only
 * after apply, a state writes it ""); a folder's `parent` (`folders/…` or `organizations/…`). A
 * value known only after apply is the folder of the plan the configuration names there
 * (`folder_id = google_folder.team.name`); any other (a variable, a data source) leaves it
 * unknown, and so the project's ancestors; so does a project that names neither (the API then
 * places it).
 */
function parentOf(instance: TfInstance, tr: Translation, ctx: BuildContext): ParentNode | undefined {
  const path = `${DATA}.parent`;
  const values = tr.valuesOf(instance);
  const named = (attribute: string, collection: 'folders' | 'organizations') => {
    const read = values.read(attribute);
    if (read.state !== 'known' || read.value === '' || read.value === null) return undefined;
    const number = nodeNumber(read.value, collection);
    if (number === undefined) return undefined;
    tr.read(instance, attribute, path);
    return { name: `${collection}/${number}`, created: false };
  };
  if (instance.type === 'google_folder') {
    const created = planFolder(instance, 'parent', tr, ctx);
    if (created) return created;
    const parent = tr.read(instance, 'parent', path);
    const [collection, id] = typeof parent === 'string' ? parent.split('/') : [];
    const number =
      collection === 'folders' || collection === 'organizations' ? nodeNumber(id, collection) : undefined;
    return number === undefined ? undefined : { name: `${collection}/${number}`, created: false };
  }
  const folder = named('folder_id', 'folders') ?? planFolder(instance, 'folder_id', tr, ctx);
  if (folder) return folder;
  const folderRead = values.read('folder_id');
  // Only one of the two may be configured: a folder_id known only after apply that the
  // configuration does not set is the provider's to fill from the organization named.
  const noFolder =
    folderRead.state === 'absent' ||
    (folderRead.state === 'known' && folderRead.value === '') ||
    (folderRead.state === 'unknown' &&
      ctx.config.resourceOf(instance) !== undefined &&
      !ctx.config.sets(instance, 'folder_id'));
  const organization = noFolder ? named('org_id', 'organizations') : undefined;
  if (organization) return organization;
  tr.read(instance, noFolder ? 'org_id' : 'folder_id', path);
  return undefined;
}

/**
 * The folder of the plan an attribute known only after apply refers to, when the configuration
 * names exactly one (`google_folder.team.name`, `.folder_id`, `.id`, through module variables
 * and outputs): its kansa id, as its own resource is named. The linker resolves no variable
 * of the root module nor data source, so those name none.
 */
function planFolder(
  instance: TfInstance,
  attribute: string,
  tr: Translation,
  ctx: BuildContext,
): ParentNode | undefined {
  if (tr.valuesOf(instance).read(attribute).state !== 'unknown') return undefined;
  const found = ctx.referenced(instance, attribute, ['google_folder']);
  if (found.length !== 1) return undefined;
  const folder = found[0]!;
  tr.mark(`${DATA}.parent`, `${instance.address}.${attribute}`, 'known');
  const known = nodeName({ primary: folder, parts: new Map() }, KINDS.google_folder!);
  return known
    ? { name: known.slice(RESOURCE_MANAGER.length), created: false }
    : { name: ctx.idOf(folder), created: true };
}

/** The Cloud Asset name of a folder or organization, when the plan knows its number. */
function nodeName(unit: Unit, kind: NodeKind): string | undefined {
  const { collection } = kind;
  if (!collection) return undefined;
  const primary = unit.primary;
  const attributes = primary.type === 'google_folder' ? ['name', 'folder_id'] : [kind.attribute];
  for (const attribute of attributes) {
    const read = primary.after.read(attribute);
    const number = read.state === 'known' ? nodeNumber(read.value, collection) : undefined;
    if (number) return `${RESOURCE_MANAGER}${collection}/${number}`;
  }
  return undefined;
}

function hierarchyNode(nodeType: string): TerraformAdapter {
  const kind = KINDS[nodeType]!;
  const partLink: PartLink = {
    attribute: kind.attribute,
    parentKeys: nodeType === 'google_project' ? ['project_id', 'id'] : ['name', 'id', 'folder_id'],
  };
  return {
    provider: 'gcp',
    global: true,
    parts: Object.fromEntries(iamPartTypes(kind.prefix).map((type) => [type, partLink])),
    build(unit, tr, ctx): Resource {
      const { bindings, auditConfigs, authoritative } = nodePolicy(unit, tr, ctx, kind);
      const data: JsonObject = {};
      const parent = unit.primary.type === nodeType ? parentOf(unit.primary, tr, ctx) : undefined;
      if (parent && !parent.created) set(data, 'parent', parent.name);
      const asset = fromAsset(kind.assetType, data, tr, { bindings, auditConfigs }, nodeName(unit, kind));
      // A folder the plan creates is not named as an export names one: the checks find it by its id.
      const resource = parent?.created
        ? {
            ...asset,
            facts: { ...asset.facts, ...tr.rewrite({ parent: explicit(parent.name, `${DATA}.parent`) }) },
          }
        : asset;
      if (authoritative) return resource;
      const grants = [unit.primary, ...[...unit.parts.values()].flat()].filter((part) =>
        [`${kind.prefix}_iam_member`, `${kind.prefix}_iam_binding`].includes(part.type),
      );
      const granted: GcpHierarchyNodeFacts = {
        grantedBindings: explicitList(
          grantsKnown(bindings),
          grants.length > 0
            ? grants.map((part) => part.address).join(', ')
            : `${unit.primary.address} (no ${kind.prefix}_iam_member / _binding)`,
          GRANTS,
        ),
      };
      return { ...resource, facts: { ...resource.facts, ...granted } };
    },
    // A folder or an organization is named by its number, as in an export, so that the projects
    // below find it, and is its own account; a folder the plan creates keeps its address and the
    // provider's project until apply. A project is the account resource.
    ...(kind.collection && {
      idOf: (unit: Unit) => nodeName(unit, kind),
      accountOf: (unit: Unit) => nodeName(unit, kind)?.slice(RESOURCE_MANAGER.length),
    }),
  };
}

export const gcpHierarchyAdapters: Readonly<Record<string, TerraformAdapter>> = Object.fromEntries(
  Object.keys(KINDS).map((nodeType) => [nodeType, hierarchyNode(nodeType)]),
);
