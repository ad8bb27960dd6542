import { explicit, type Fact, factPath } from '../../model/fact.ts';
import { HIERARCHY_TYPES, PROJECT_TYPE } from './adapters/index.ts';
import type { CloudAsset } from './asset.ts';
import { type JsonObject, lastSegment, objectsOf, stringAt, stringListOf } from './json.ts';

const RESOURCE_MANAGER = '//cloudresourcemanager.googleapis.com/';

/** The project an asset belongs to, and where the record names it. */
export interface AssetProject {
  /** The project number when the record gives one, else the project id; `folders/F` / `organizations/O` above projects. */
  readonly account: string;
  /** The project id when `account` is the number and the record names both (the inventory merges the two). */
  readonly alias?: string;
  /** Evidence: the project as named, with the field it was read from. */
  readonly fact: Fact<string>;
}

/**
 * Where each dialect names the project, in order of precedence. Exports since 2019 carry
 * `ancestors` (`projects/<number>` first); older exports, Forseti-era dumps and policy tools'
 * fixtures often do not, but name the project in `resource.parent`
 * (`//cloudresourcemanager.googleapis.com/projects/<number>`, or the parent asset for child
 * types such as tables and crypto keys), in the asset name
 * (`//cloudkms.googleapis.com/projects/<id>/locations/…`), or in the REST JSON (`selfLink`,
 * `projectNumber`, `project`, `projectId`, `datasetReference.projectId`, `name`). The first
 * number and the first id named count: the REST JSON is read only while one of them is missing.
 */
class ProjectNames {
  number: [string, string] | undefined;
  id: [string, string] | undefined;

  constructor(asset: CloudAsset, data: JsonObject | undefined) {
    this.#take('ancestors', projectAncestor(asset.ancestors));
    this.#take('resource.parent', projectInName(asset.resource?.parent));
    this.#take('name', projectInName(asset.name));
    if (!data) return;
    for (const [field, read] of DATA_FIELDS) {
      if (this.number && this.id) return;
      const value = read(data);
      // The REST JSON's fields, named under the record's data path.
      if (value !== undefined) this.#take(factPath(String(asset.resource?.dataPath), field), value);
    }
  }

  #take(path: string, raw: string | undefined): void {
    const project = raw?.startsWith('projects/') ? raw.slice('projects/'.length) : raw;
    if (!project || project === '_') return;
    if (DIGITS.test(project)) this.number ??= [project, path];
    else this.id ??= [project, path];
  }
}

const DATA_FIELDS: readonly (readonly [string, (data: JsonObject) => string | undefined])[] = [
  ['projectNumber', (data) => stringOrNumber(data.projectNumber)],
  ['selfLink', (data) => projectInName(stringAt(data, 'selfLink'))],
  ['project', (data) => stringAt(data, 'project')],
  ['projectId', (data) => stringAt(data, 'projectId')],
  ['datasetReference.projectId', (data) => stringAt(data, 'datasetReference.projectId')],
  ['tableReference.projectId', (data) => stringAt(data, 'tableReference.projectId')],
  ['name', (data) => projectInName(stringAt(data, 'name'))],
];

/**
 * The asset's project: the number where any field gives it (numbers are what `ancestors` and
 * the IAM-policy lines use), else the id; both are kept when both appear, so that the
 * inventory can merge resources keyed by either. Folder- and organization-level assets (the
 * folder itself, a folder log sink) belong to their nearest ancestor. Undefined when nothing
 * in the record names a project, folder or organization.
 */
export function projectOf(asset: CloudAsset, data: JsonObject | undefined): AssetProject | undefined {
  if (HIERARCHY_TYPES.has(asset.assetType) && asset.assetType !== PROJECT_TYPE) {
    const node = asset.name.slice(RESOURCE_MANAGER.length);
    return { account: node, fact: explicit(node, 'name') };
  }
  let { number, id } = new ProjectNames(asset, data);
  if (asset.assetType === PROJECT_TYPE) {
    const self = lastSegment(asset.name);
    if (DIGITS.test(self)) number ??= [self, 'name'];
    else id = [self, 'name'];
  }
  if (number) {
    const fact = explicit(number[0], number[1]);
    return id ? { account: number[0], alias: id[0], fact } : { account: number[0], fact };
  }
  if (id) return { account: id[0], fact: explicit(id[0], id[1]) };
  const ancestor = asset.ancestors[0];
  if (ancestor) return { account: ancestor, fact: explicit(ancestor, 'ancestors') };
  // Organization- and folder-level assets (custom roles, sinks) name their node in parent or name.
  for (const [path, name] of [
    ['resource.parent', asset.resource?.parent],
    ['name', asset.name],
  ] as const) {
    const node = name ? HIERARCHY_NODE.exec(name)?.[1] : undefined;
    if (node) return { account: node, fact: explicit(node, path) };
  }
  const owners = bucketOwnerProject(asset);
  return owners === undefined
    ? undefined
    : { account: owners, fact: explicit(owners, `${asset.iamPolicy?.path}.bindings`) };
}

/**
 * A bucket's IAM-policy line alone (policy-library's fixtures, an export of that content type
 * only) names no project but in its bindings: Cloud Storage grants the bucket's own project's
 * owners `roles/storage.legacyBucketOwner` through the convenience member `projectOwner:<project
 * id>`. Other projects' teams may be granted other roles, so only that member counts, when it
 * names one project. https://cloud.google.com/storage/docs/access-control/iam#convenience-values
 */
function bucketOwnerProject(asset: CloudAsset): string | undefined {
  if (asset.assetType !== BUCKET_TYPE || !asset.iamPolicy) return undefined;
  const projects = new Set<string>();
  for (const binding of objectsOf(asset.iamPolicy.policy.bindings) ?? []) {
    if (binding.role !== LEGACY_BUCKET_OWNER) continue;
    for (const member of stringListOf(binding.members) ?? [])
      if (member.startsWith(PROJECT_OWNER)) projects.add(member.slice(PROJECT_OWNER.length));
  }
  const [project] = projects;
  return projects.size === 1 && project !== '' ? project : undefined;
}

const BUCKET_TYPE = 'storage.googleapis.com/Bucket';
const LEGACY_BUCKET_OWNER = 'roles/storage.legacyBucketOwner';
const PROJECT_OWNER = 'projectOwner:';

const DIGITS = /^\d+$/;
const HIERARCHY_NODE = /(?:^|\/)((?:organizations|folders)\/\d+)(?:\/|$)/;

/**
 * `projects/<number>` or `projects/<id>` inside a resource name, URL or parent (`projects/_`
 * names none): the first non-empty segment after a `projects/` that begins a segment. Walked
 * with `indexOf`, not a regular expression: every asset's name and parent are read.
 */
function projectInName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  for (let at = name.indexOf(PROJECTS); at !== -1; at = name.indexOf(PROJECTS, at + 1)) {
    if (at > 0 && name.charCodeAt(at - 1) !== SLASH) continue;
    const start = at + PROJECTS.length;
    const end = name.indexOf('/', start);
    const segment = end === -1 ? name.slice(start) : name.slice(start, end);
    if (segment !== '') return segment;
  }
  return undefined;
}

const PROJECTS = 'projects/';
const SLASH = 0x2f;

/** The first ancestor that is a project. */
function projectAncestor(ancestors: readonly string[]): string | undefined {
  for (const ancestor of ancestors) if (ancestor.startsWith(PROJECTS)) return ancestor;
  return undefined;
}

function stringOrNumber(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
