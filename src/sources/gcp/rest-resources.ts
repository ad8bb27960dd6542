import type { DocumentFormat } from '../format.ts';
import type { CloudAsset } from './asset.ts';
import { isObject, type JsonObject, stringAt } from './json.ts';
import { assetsToResources } from './to-resource.ts';

/**
 * The services' own REST resources, as `gcloud compute instances list --format=json`,
 * `gcloud sql instances describe`, `gcloud storage buckets describe`, `bq show --format=json`
 * and the APIs' documentation examples print them: objects with a `kind` (`compute#disk`,
 * `storage#bucket`, `sql#instance`, `bigquery#dataset`), bare, in an array, or in a list page
 * (`{"kind": "compute#diskList", "items": [...]}`). Each is read as the Cloud Asset it would
 * be: the same REST JSON as `resource.data`, named after its self link or reference.
 */
export const gcpRestResources: DocumentFormat = {
  id: 'gcp-rest-resources',
  provider: 'gcp',
  kind: 'document',
  description:
    'Google Cloud REST resources with a `kind` (gcloud … list/describe --format=json, bq show, API examples): Compute Engine, Cloud Storage, Cloud SQL, BigQuery',
  matches(document) {
    const items = itemsOf(document);
    return items !== undefined && items.length > 0 && assetTypeOf(items[0]) !== undefined;
  },
  *read(document, ctx) {
    yield* assetsToResources(itemsOf(document) ?? [], ctx, toAsset);
  },
};

/** A list page's `items`, an array, or the object itself. */
function itemsOf(document: unknown): readonly unknown[] | undefined {
  if (Array.isArray(document)) return document;
  if (!isObject(document)) return undefined;
  if (typeof document.kind === 'string' && /List$|#buckets$/.test(document.kind))
    return Array.isArray(document.items) ? document.items : [];
  return [document];
}

const KIND = /^(compute|storage|sql|bigquery)#([a-zA-Z]+)$/;
const SERVICE_TYPES: Readonly<Record<string, (kind: string) => string | undefined>> = {
  compute: (kind) => `compute.googleapis.com/${kind.charAt(0).toUpperCase()}${kind.slice(1)}`,
  storage: (kind) => (kind === 'bucket' ? 'storage.googleapis.com/Bucket' : undefined),
  sql: (kind) => (kind === 'instance' ? 'sqladmin.googleapis.com/Instance' : undefined),
  bigquery: (kind) =>
    kind === 'dataset'
      ? 'bigquery.googleapis.com/Dataset'
      : kind === 'table'
        ? 'bigquery.googleapis.com/Table'
        : undefined,
};

function assetTypeOf(item: unknown): string | undefined {
  if (!isObject(item) || typeof item.kind !== 'string') return undefined;
  const kind = KIND.exec(item.kind);
  return kind ? SERVICE_TYPES[kind[1]!]?.(kind[2]!) : undefined;
}

function toAsset(item: unknown): CloudAsset | { readonly skip: string } {
  const assetType = assetTypeOf(item);
  if (!assetType || !isObject(item)) return { skip: 'not a Google Cloud REST resource with a known `kind`' };
  const name = assetName(assetType, item);
  if (!name)
    return {
      skip: `${String(item.kind)} ${String(item.name ?? item.id ?? '')}: no self link or reference to name it by`,
    };
  return { name, assetType, ancestors: [], resource: { data: item, dataPath: 'resource' } };
}

/** The Cloud Asset name the resource has (https://cloud.google.com/asset-inventory/docs/resource-name-format). */
function assetName(assetType: string, item: JsonObject): string | undefined {
  const selfLink = stringAt(item, 'selfLink');
  if (assetType.startsWith('compute.')) {
    const at = selfLink?.indexOf('/projects/') ?? -1;
    return selfLink && at !== -1 ? `//compute.googleapis.com${selfLink.slice(at)}` : undefined;
  }
  if (assetType === 'storage.googleapis.com/Bucket') {
    const bucket = stringAt(item, 'name') ?? stringAt(item, 'id');
    return bucket ? `//storage.googleapis.com/${bucket}` : undefined;
  }
  if (assetType === 'sqladmin.googleapis.com/Instance') {
    const project = stringAt(item, 'project');
    const instance = stringAt(item, 'name');
    return project && instance
      ? `//cloudsql.googleapis.com/projects/${project}/instances/${instance}`
      : undefined;
  }
  const dataset = stringAt(item, 'datasetReference.datasetId') ?? stringAt(item, 'tableReference.datasetId');
  const project = stringAt(item, 'datasetReference.projectId') ?? stringAt(item, 'tableReference.projectId');
  const table = stringAt(item, 'tableReference.tableId');
  if (!dataset || !project) return undefined;
  const base = `//bigquery.googleapis.com/projects/${project}/datasets/${dataset}`;
  return table ? `${base}/tables/${table}` : base;
}
