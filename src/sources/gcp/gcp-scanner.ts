import { InputError } from '../../base/input-error.ts';
import type { DocumentFormat } from '../format.ts';
import { PROJECT_TYPE } from './adapters/index.ts';
import type { CloudAsset } from './asset.ts';
import { arrayOf, isObject, type JsonObject, stringAt } from './json.ts';
import { restResourceAsset } from './rest-resources.ts';
import { assetsToResources } from './to-resource.ts';

/**
 * The output of google/gcp_scanner: one JSON file per project (`<project>-<time>.json`) with
 * `project_info` (the Resource Manager project), `iam_policy` (the project policy's bindings
 * only) and one key per crawler, each holding the APIs' REST resources as listed; releases of
 * 2023 wrote all projects in one file, under `projects.<project id>`. Some crawlers keep names
 * only (firewall rules, GKE clusters): those are skipped with that reason.
 * https://github.com/google/gcp_scanner (src/gcp_scanner/crawler/*)
 */
export const gcpScanner: DocumentFormat = {
  id: 'gcp-scanner',
  provider: 'gcp',
  kind: 'document',
  description:
    'google/gcp_scanner output (per-project files with project_info, iam_policy and one key per crawler, or the 2023 {"projects": {…}} file): compute, SQL, storage, KMS, Spanner, Filestore, Cloud Functions, BigQuery tables and the project policy’s bindings',
  matches(document) {
    return projectsOf(document) !== undefined;
  },
  *read(document, ctx) {
    const projects = projectsOf(document);
    if (!projects) throw new InputError(ctx.file, 'no `project_info` (a gcp_scanner project result)');
    yield* assetsToResources(projects.flatMap(records), ctx, toAsset);
  },
};

/** The per-project results: the file itself, or each value of the 2023 files' `projects`. */
function projectsOf(document: unknown): readonly JsonObject[] | undefined {
  if (!isObject(document)) return undefined;
  if (isProjectResult(document)) return [document];
  if (!isObject(document.projects) || !('service_account_chain' in document)) return undefined;
  const projects = Object.values(document.projects);
  return projects.length > 0 && projects.every(isProjectResult) ? (projects as JsonObject[]) : undefined;
}

function isProjectResult(value: unknown): boolean {
  return (
    isObject(value) &&
    isObject(value.project_info) &&
    stringAt(value.project_info, 'projectId') !== undefined &&
    'service_account_edges' in value
  );
}

/** What one entry of a project result is. */
type ScannerRecord =
  | { readonly kind: 'project'; readonly project: JsonObject; readonly bindings: unknown }
  | { readonly kind: 'resource'; readonly item: unknown }
  | { readonly kind: 'bucket-policy'; readonly bucket: string; readonly bindings: readonly unknown[] }
  | { readonly kind: 'names-only'; readonly crawler: string; readonly name: string };

/** Crawlers whose lists hold the REST resources as the API lists them. */
const RESOURCE_LISTS = [
  'compute_instances',
  'compute_disks',
  'compute_images',
  'machine_images',
  'compute_snapshots',
  'sql_instances',
  'kms',
  'spanner_instances',
  'filestore_instances',
  'cloud_functions',
];

/** Crawlers that keep each resource's name only (a one-item list, or a name and description). */
const NAMES_ONLY: Readonly<Record<string, string>> = {
  firewall_rules: 'gcloud compute firewall-rules list --format=json',
  gke_clusters: 'gcloud container clusters list --format=json',
};

function records(result: JsonObject): ScannerRecord[] {
  const project = result.project_info as JsonObject;
  const out: ScannerRecord[] = [{ kind: 'project', project, bindings: result.iam_policy }];
  for (const key of RESOURCE_LISTS)
    for (const item of arrayOf(result[key])) out.push({ kind: 'resource', item });
  // Subnetworks as the aggregated list's scopes: `[["regions/r", {"subnetworks": [...]}], …]`.
  for (const scoped of arrayOf(result.subnets)) {
    const list = Array.isArray(scoped) && isObject(scoped[1]) ? scoped[1].subnetworks : undefined;
    for (const item of arrayOf(list)) out.push({ kind: 'resource', item });
  }
  out.push(...bucketRecords(result.storage_buckets));
  // BigQuery: `{"<dataset id>": [tables as tables.list lists them]}`.
  if (isObject(result.bq))
    for (const tables of Object.values(result.bq))
      for (const item of arrayOf(tables)) out.push({ kind: 'resource', item });
  for (const crawler of Object.keys(NAMES_ONLY))
    for (const entry of arrayOf(result[crawler])) {
      const name = Array.isArray(entry) ? entry[0] : entry;
      out.push({ kind: 'names-only', crawler, name: String(name) });
    }
  return out;
}

/**
 * `storage_buckets`: `{"<bucket>": bucket}`, the bucket holding its policy's bindings in
 * `iam_policy` when the crawler was asked for them; 2023 releases: `{"<bucket>": [bucket, bindings or null]}`.
 * The crawler writes an empty list where getIamPolicy failed (`_get_bucket_iam`), and a bucket's
 * policy binds its legacy roles: an empty list is no policy read, its bindings unknown.
 */
function bucketRecords(buckets: unknown): ScannerRecord[] {
  if (!isObject(buckets)) return [];
  return Object.entries(buckets).flatMap(([name, value]): ScannerRecord[] => {
    const [bucket, bindings] = Array.isArray(value)
      ? [value[0], value[1]]
      : [value, isObject(value) ? value.iam_policy : undefined];
    const policy: ScannerRecord[] =
      Array.isArray(bindings) && bindings.length > 0
        ? [{ kind: 'bucket-policy', bucket: name, bindings }]
        : [];
    return [{ kind: 'resource', item: bucket }, ...policy];
  });
}

function toAsset(record: unknown): CloudAsset | { readonly skip: string } {
  const entry = record as ScannerRecord;
  switch (entry.kind) {
    case 'resource':
      return restResourceAsset(entry.item);
    case 'project':
      return projectAsset(entry.project, entry.bindings);
    case 'bucket-policy':
      return {
        name: `//storage.googleapis.com/${entry.bucket}`,
        assetType: 'storage.googleapis.com/Bucket',
        ancestors: [],
        iamPolicy: {
          policy: { bindings: entry.bindings },
          path: `storage_buckets.${entry.bucket}.iam_policy`,
        },
      };
    case 'names-only':
      return {
        skip: `${entry.name}: gcp_scanner's ${entry.crawler} keeps the name only, not the settings (add the output of ${NAMES_ONLY[entry.crawler]})`,
      };
  }
}

/**
 * The project, from `project_info` (Resource Manager v1: `projectNumber`, `projectId`, `parent`
 * `{type, id}`), with its policy's bindings: gcp_scanner keeps no audit configs. A project it was
 * told to scan (`--force-projects`) but could not read has `projectNumber` `"N/A"`
 * (scanner.py, 2022 on): no number, the project named by its id.
 */
function projectAsset(info: JsonObject, bindings: unknown): CloudAsset {
  const given = stringAt(info, 'projectNumber');
  const number = given !== undefined && /^\d+$/.test(given) ? given : undefined;
  const { projectNumber: _, ...withoutNumber } = info;
  const project = number ? info : withoutNumber;
  const id = stringAt(project, 'projectId')!;
  const parent = isObject(project.parent) ? project.parent : undefined;
  const parentType = stringAt(parent, 'type');
  const parentId = stringAt(parent, 'id');
  const above = parentType && parentId ? [`${parentType}s/${parentId}`] : [];
  return {
    name: `//cloudresourcemanager.googleapis.com/projects/${number ?? id}`,
    assetType: PROJECT_TYPE,
    ancestors: [...(number ? [`projects/${number}`] : []), ...above],
    resource: { data: project, dataPath: 'project_info' },
    ...(Array.isArray(bindings) && {
      iamPolicy: { policy: { bindings }, path: 'iam_policy', withoutAuditConfigs: true },
    }),
  };
}
