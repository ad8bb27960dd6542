import type { DocumentFormat } from '../format.ts';
import { PROJECT_TYPE } from './adapters/index.ts';
import { isObject, type JsonObject, stringAt } from './json.ts';
import { assetToResource } from './to-resource.ts';

/** The node types `get-ancestors` names, as the Cloud Asset names' collections. */
const COLLECTIONS: Readonly<Record<string, string>> = {
  project: 'projects',
  folder: 'folders',
  organization: 'organizations',
};

/**
 * A project's place in the hierarchy: `gcloud projects get-ancestors <project> --format=json`
 * (`[{"id": "<project id>", "type": "project"}, {"id": "<n>", "type": "folder"}, …, {"type":
 * "organization"}]`, the project first, then each node above it), and the Resource Manager v1
 * `projects.getAncestry` answer it prints (`{"ancestor": [{"resourceId": {"type", "id"}}]}`).
 * Read as the project's ancestors, so that the folders' and organization's IAM policies
 * (`folders-<n>-iam-policy.json`, …) are known to be the ones it inherits: without it, a bare
 * project policy leaves what it inherits unknown.
 * https://cloud.google.com/resource-manager/reference/rest/v1/projects/getAncestry
 */
export const gcpProjectAncestors: DocumentFormat = {
  id: 'gcp-project-ancestors',
  provider: 'gcp',
  kind: 'document',
  description: 'gcloud projects get-ancestors --format=json (JSON or YAML), a projects.getAncestry answer',
  matches: (document) => chainOf(document) !== undefined,
  *read(document, ctx) {
    const chain = chainOf(document);
    if (!chain) return;
    const [project] = chain;
    yield assetToResource(
      {
        name: `//cloudresourcemanager.googleapis.com/${project}`,
        assetType: PROJECT_TYPE,
        ancestors: chain,
      },
      { file: ctx.file },
    );
  },
};

/** `projects/<id>`, then the nodes above it as `folders/<n>`, `organizations/<n>`; undefined for any other document. */
function chainOf(document: unknown): readonly string[] | undefined {
  const entries =
    isObject(document) && Array.isArray(document.ancestor)
      ? document.ancestor.map((entry) =>
          isObject(entry) && isObject(entry.resourceId) ? entry.resourceId : entry,
        )
      : document;
  if (!Array.isArray(entries) || entries.length === 0) return undefined;
  const nodes = entries.map((entry) => (isObject(entry) ? nodeOf(entry) : undefined));
  if (nodes.some((node) => node === undefined) || !nodes[0]!.startsWith('projects/')) return undefined;
  if (nodes.slice(1).some((node) => node!.startsWith('projects/'))) return undefined;
  return nodes as string[];
}

/** One `{id, type}` entry (and nothing else) as its node's name. */
function nodeOf(entry: JsonObject): string | undefined {
  if (Object.keys(entry).some((key) => key !== 'id' && key !== 'type')) return undefined;
  const collection = COLLECTIONS[stringAt(entry, 'type') ?? ''];
  const id = stringAt(entry, 'id');
  return collection && id ? `${collection}/${id}` : undefined;
}
