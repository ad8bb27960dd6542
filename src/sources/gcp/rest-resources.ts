import type { DocumentFormat } from '../format.ts';
import { steampipeRowSkip } from '../steampipe-row.ts';
import { REST_RESOURCE } from './adapters/fields.ts';
import { HIERARCHY_TYPES, PROJECT_TYPE } from './adapters/index.ts';
import type { CloudAsset } from './asset.ts';
import {
  CLOUD_RUN_SERVICE,
  isCloudRunV2Service,
  isKnativeService,
  knativeServiceAsset,
} from './cloud-run.ts';
import { projectedLabels } from './gcloud-projection.ts';
import { fromGcloudStorageBucket, fromGcloudStorageBuckets, projectOfAclTeams } from './gcloud-storage.ts';
import { isObject, type JsonObject, stringAt } from './json.ts';
import { assetsToResources } from './to-resource.ts';

/**
 * The services' own REST resources, as `gcloud compute instances list --format=json`,
 * `gcloud sql instances describe`, `gcloud storage buckets describe`, `bq show --format=json`
 * and the APIs' documentation examples print them: objects with a `kind` (`compute#disk`,
 * `storage#bucket`, `sql#instance`, `bigquery#dataset`), bare, in an array, or in a list page
 * (`{"kind": "compute#diskList", "items": [...]}`). The newer APIs write no `kind`: their
 * resources are known by their full name (`gcloud kms keys list`, `gcloud iam service-accounts
 * keys list`) or, for GKE clusters, their self link, bare, in an array or in the API's list page
 * (`{"cryptoKeys": [...]}`, `{"clusters": [...]}`). Each is read as the Cloud Asset it would be:
 * the same REST JSON as `resource.data`, named after its self link, name or reference.
 */
export const gcpRestResources: DocumentFormat = {
  id: 'gcp-rest-resources',
  provider: 'gcp',
  kind: 'document',
  description:
    'Google Cloud REST resources (gcloud … list/describe --format=json, bq show, API list pages and examples): Compute Engine (firewall policies included), Cloud Storage, Cloud SQL (instances, backup runs), BigQuery by `kind`; Cloud KMS, IAM service accounts and keys, GKE clusters, Cloud Functions, Cloud Run services (v1 Knative and v2), Pub/Sub topics, log buckets, Resource Manager projects (v1 and v3), organizations and folders, IAM custom roles with their permissions, secrets, Artifact Registry repositories, Firestore databases, Dataflow jobs, Spanner, Memorystore, Filestore, Workbench and Data Fusion instances by name',
  matches(document) {
    // The first item tells the answer's kind; gcloud storage's is the API's bucket.
    return assetTypeOf(fromGcloudStorageBucket(listedItems(document)?.[0])) !== undefined;
  },
  *read(document, ctx) {
    yield* assetsToResources(itemsOf(document) ?? [], ctx, restResourceAsset);
  },
};

/** A list page's `items`, an array, or the object itself; gcloud storage's own records as the API's. */
function itemsOf(document: unknown): readonly unknown[] | undefined {
  const items = listedItems(document);
  return items && fromGcloudStorageBuckets(items);
}

function listedItems(document: unknown): readonly unknown[] | undefined {
  if (Array.isArray(document)) return document;
  if (!isObject(document)) return undefined;
  if (typeof document.kind === 'string' && /List$|#buckets$/.test(document.kind)) {
    if (Array.isArray(document.items)) return document.items;
    // BigQuery's pages (`bigquery#datasetList`, `bigquery#tableList`) name the list by its resource.
    const plural = ['datasets', 'tables'].find((key) => Array.isArray(document[key]));
    return plural ? (document[plural] as unknown[]) : aggregatedItems(document.items);
  }
  // A resource with a `kind` of its own is itself, whatever it holds (a bucket's ACL holds `items`).
  const listKey =
    typeof document.kind === 'string' ? undefined : LIST_KEYS.find((key) => Array.isArray(document[key]));
  return listKey ? (document[listKey] as unknown[]) : [document];
}

/**
 * Compute Engine's aggregated lists (`compute#diskAggregatedList`, `instances.aggregatedList`)
 * key the resources by scope: `{"zones/asia-northeast1-b": {"disks": [...]}, "zones/x":
 * {"warning": {"code": "NO_RESULTS_ON_PAGE"}}}`.
 */
function aggregatedItems(items: unknown): readonly unknown[] {
  if (!isObject(items)) return [];
  return Object.values(items).flatMap((scoped) =>
    isObject(scoped) ? Object.values(scoped).flatMap((value) => (Array.isArray(value) ? value : [])) : [],
  );
}

/** Where the kind-less APIs' list pages keep their resources (beside `nextPageToken`, `totalSize`). */
const LIST_KEYS = [
  'cryptoKeys',
  'keyRings',
  'accounts',
  'keys',
  'clusters',
  'functions',
  'topics',
  'buckets',
  'services',
  'instances',
  'secrets',
  'repositories',
  'databases',
  'jobs',
  'projects',
  'roles',
  // A page of `items` whose own `kind` was left out (Compute Engine lists as recorded or trimmed).
  'items',
];

/**
 * Resources without a `kind`, by their full resource name (`name`): the asset type, whose
 * service (`pubsub.googleapis.com`) also names the Cloud Asset.
 */
const NAMED: readonly {
  readonly pattern: RegExp;
  readonly assetType: string;
  /** A field only this type has, where several APIs name their resources alike (`…/instances/…`). */
  readonly with?: string;
}[] = [
  {
    pattern: /^projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/,
    assetType: 'cloudkms.googleapis.com/CryptoKey',
  },
  {
    pattern: /^projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+$/,
    assetType: 'cloudkms.googleapis.com/KeyRing',
  },
  {
    pattern: /^projects\/[^/]+\/serviceAccounts\/[^/]+\/keys\/[^/]+$/,
    assetType: 'iam.googleapis.com/ServiceAccountKey',
  },
  {
    pattern: /^projects\/[^/]+\/serviceAccounts\/[^/]+$/,
    assetType: 'iam.googleapis.com/ServiceAccount',
  },
  {
    pattern: /^projects\/[^/]+\/locations\/[^/]+\/functions\/[^/]+$/,
    assetType: 'cloudfunctions.googleapis.com/CloudFunction',
  },
  {
    pattern: /^projects\/[^/]+\/topics\/[^/]+$/,
    assetType: 'pubsub.googleapis.com/Topic',
  },
  // Cloud Run Admin API v2; only those with a revision template (isCloudRunV2Service).
  {
    pattern: /^projects\/[^/]+\/locations\/[^/]+\/services\/[^/]+$/,
    assetType: CLOUD_RUN_SERVICE,
  },
  // `gcloud logging buckets list`: log buckets, not Cloud Storage buckets (`storage#bucket`).
  {
    pattern: /^projects\/[^/]+\/locations\/[^/]+\/buckets\/[^/]+$/,
    assetType: 'logging.googleapis.com/LogBucket',
  },
  // `gcloud spanner instances describe`: Bigtable instances share the name; only Spanner has `config`.
  {
    pattern: /^projects\/[^/]+\/instances\/[^/]+$/,
    assetType: 'spanner.googleapis.com/Instance',
    with: 'config',
  },
  // `gcloud redis instances describe` / `gcloud filestore instances describe`: Memorystore,
  // Filestore, Memcache and others name instances alike; their own fields tell them apart.
  {
    pattern: /^projects\/[^/]+\/locations\/[^/]+\/instances\/[^/]+$/,
    assetType: 'redis.googleapis.com/Instance',
    with: 'redisVersion',
  },
  {
    pattern: /^projects\/[^/]+\/locations\/[^/]+\/instances\/[^/]+$/,
    assetType: 'file.googleapis.com/Instance',
    with: 'fileShares',
  },
  // Vertex AI Workbench instances (Notebooks v2: `gceSetup`; user-managed notebooks v1: `machineType`).
  {
    pattern: /^projects\/[^/]+\/locations\/[^/]+\/instances\/[^/]+$/,
    assetType: 'notebooks.googleapis.com/Instance',
    with: 'gceSetup',
  },
  {
    pattern: /^projects\/[^/]+\/locations\/[^/]+\/instances\/[^/]+$/,
    assetType: 'notebooks.googleapis.com/Instance',
    with: 'machineType',
  },
  // Cloud Data Fusion instances: each has its own tenant project.
  {
    pattern: /^projects\/[^/]+\/locations\/[^/]+\/instances\/[^/]+$/,
    assetType: 'datafusion.googleapis.com/Instance',
    with: 'tenantProjectId',
  },
  // `gcloud secrets list` (secrets are global: no location in the name).
  {
    pattern: /^projects\/[^/]+\/secrets\/[^/]+$/,
    assetType: 'secretmanager.googleapis.com/Secret',
  },
  // `gcloud artifacts repositories list`.
  {
    pattern: /^projects\/[^/]+\/locations\/[^/]+\/repositories\/[^/]+$/,
    assetType: 'artifactregistry.googleapis.com/Repository',
  },
  // `gcloud iam roles describe` (and the full view of a list): a custom role with its permissions.
  {
    pattern: /^(?:projects|organizations)\/[^/]+\/roles\/[^/]+$/,
    assetType: 'iam.googleapis.com/Role',
    with: 'includedPermissions',
  },
  // `gcloud firestore databases list`.
  {
    pattern: /^projects\/[^/]+\/databases\/[^/]+$/,
    assetType: 'firestore.googleapis.com/Database',
  },
  // `gcloud organizations list / describe`: the organization's `displayName` is its primary
  // domain, which tells the organization's own principals from external ones.
  {
    pattern: /^organizations\/\d+$/,
    assetType: 'cloudresourcemanager.googleapis.com/Organization',
    with: 'displayName',
  },
  // `gcloud resource-manager folders list / describe`: a folder with the node above it.
  {
    pattern: /^folders\/\d+$/,
    assetType: 'cloudresourcemanager.googleapis.com/Folder',
    with: 'parent',
  },
];

/** GKE names a cluster by its short name: the self link alone says the resource is GKE's. */
const GKE_SELF_LINK =
  /^https:\/\/container\.googleapis\.com\/v1[^/]*\/(projects\/[^/]+\/(?:zones|locations)\/[^/]+\/clusters\/[^/]+)$/;

/** The full resource name a kind-less resource goes by, and what it names. */
function namedResource(item: JsonObject): { assetType: string; name: string } | undefined {
  const cluster = GKE_SELF_LINK.exec(stringAt(item, 'selfLink') ?? '')?.[1];
  if (cluster)
    return { assetType: 'container.googleapis.com/Cluster', name: `//container.googleapis.com/${cluster}` };
  const job = dataflowJobName(item);
  if (job) return { assetType: 'dataflow.googleapis.com/Job', name: job };
  const project = projectNumber(item);
  if (project)
    return { assetType: PROJECT_TYPE, name: `//cloudresourcemanager.googleapis.com/projects/${project}` };
  const name = stringAt(item, 'name');
  const known =
    name &&
    NAMED.find((named) => named.pattern.test(name) && (!named.with || item[named.with] !== undefined));
  if (!known || (known.assetType === CLOUD_RUN_SERVICE && !isCloudRunV2Service(item))) return undefined;
  // Cloud Functions (2nd gen) answer with `buildConfig` / `serviceConfig`: the Function type.
  const assetType =
    known.assetType === 'cloudfunctions.googleapis.com/CloudFunction' &&
    ('serviceConfig' in item || item.environment === 'GEN_2')
      ? 'cloudfunctions.googleapis.com/Function'
      : known.assetType;
  const service = known.assetType.slice(0, known.assetType.indexOf('/'));
  return { assetType, name: `//${service}/${name}` };
}

/**
 * Dataflow names a job by its id alone, beside `projectId` and `location` (`gcloud dataflow jobs
 * list --format=json`, the `{"jobs": [...]}` page); its `type` is `JOB_TYPE_BATCH` or `_STREAMING`.
 */
function dataflowJobName(item: JsonObject): string | undefined {
  const id = stringAt(item, 'id');
  const project = stringAt(item, 'projectId');
  const location = stringAt(item, 'location');
  if (!id || !project || !location || !stringAt(item, 'type')?.startsWith('JOB_TYPE_')) return undefined;
  return `//dataflow.googleapis.com/projects/${project}/locations/${location}/jobs/${id}`;
}

/**
 * A Resource Manager project (`gcloud projects list` / `describe --format=json`): v1 with
 * `projectNumber` and `lifecycleState`, v3 named `projects/<number>`; both with `projectId`.
 */
function projectNumber(item: JsonObject): string | undefined {
  if (stringAt(item, 'projectId') === undefined) return undefined;
  const v3 = /^projects\/(\d+)$/.exec(stringAt(item, 'name') ?? '')?.[1];
  return v3 ?? (stringAt(item, 'lifecycleState') !== undefined ? stringAt(item, 'projectNumber') : undefined);
}

/**
 * A project's, folder's or organization's node and the node above it: v1's `parent` is
 * `{type, id}`, v3's (and a folder's) `folders/<n>` or `organizations/<n>`.
 */
function nodeAncestors(name: string, item: JsonObject): string[] {
  const parent = item.parent;
  const node = isObject(parent)
    ? stringAt(parent, 'type') &&
      stringAt(parent, 'id') &&
      `${stringAt(parent, 'type')}s/${stringAt(parent, 'id')}`
    : typeof parent === 'string' && /^(folders|organizations)\/\d+$/.test(parent)
      ? parent
      : undefined;
  return [name.slice('//cloudresourcemanager.googleapis.com/'.length), ...(node ? [node] : [])];
}

const KIND = /^(compute|storage|sql|bigquery)#([a-zA-Z]+)$/;
const SERVICE_TYPES: Readonly<Record<string, (kind: string) => string | undefined>> = {
  compute: (kind) => `compute.googleapis.com/${kind.charAt(0).toUpperCase()}${kind.slice(1)}`,
  // A bucket's IAM policy (`storage#policy`, `GET …/b/<bucket>/iam`) is the bucket asset's policy,
  // its ACL answer (`storage#bucketAccessControls`, `GET …/b/<bucket>/acl`) the bucket's ACL.
  storage: (kind) =>
    kind === 'bucket' || kind === 'policy' || kind === 'bucketAccessControls'
      ? 'storage.googleapis.com/Bucket'
      : undefined,
  sql: (kind) =>
    kind === 'instance'
      ? 'sqladmin.googleapis.com/Instance'
      : kind === 'backupRun'
        ? 'sqladmin.googleapis.com/BackupRun'
        : undefined,
  bigquery: (kind) =>
    kind === 'dataset'
      ? 'bigquery.googleapis.com/Dataset'
      : kind === 'table'
        ? 'bigquery.googleapis.com/Table'
        : undefined,
};

function assetTypeOf(item: unknown): string | undefined {
  if (!isObject(item)) return undefined;
  if (isKnativeService(item)) return CLOUD_RUN_SERVICE;
  if (typeof item.kind !== 'string') return namedResource(item)?.assetType;
  const kind = KIND.exec(item.kind);
  return kind ? SERVICE_TYPES[kind[1]!]?.(kind[2]!) : undefined;
}

/**
 * One REST resource as the Cloud Asset it would be (also for the tools that keep them,
 * gcp-scanner.ts), with the IAM policy Cloud Custodian's `iam-policy` filter kept beside it
 * (`c7n:iamPolicy`, the resource's getIamPolicy answer: c7n_gcp `filters/iampolicy.py`).
 */
export function restResourceAsset(item: unknown): CloudAsset | { readonly skip: string } {
  const asset = restAsset(item);
  const policy = isObject(item) ? item[CUSTODIAN_POLICY] : undefined;
  // The GKE cluster filter keeps a list of the project's bindings there, not a policy.
  if ('skip' in asset || !isObject(policy) || !Array.isArray(policy.bindings)) return asset;
  return { ...asset, iamPolicy: { policy, path: CUSTODIAN_POLICY } };
}

const CUSTODIAN_POLICY = 'c7n:iamPolicy';

function restAsset(item: unknown): CloudAsset | { readonly skip: string } {
  const steampipe = steampipeRowSkip(item, '`gcloud … --format=json` or `gcloud asset export`');
  if (steampipe) return steampipe;
  if (isKnativeService(item)) return knativeServiceAsset(item as JsonObject);
  const named = isObject(item) && typeof item.kind !== 'string' ? namedResource(item) : undefined;
  if (named)
    return {
      ...named,
      ancestors: HIERARCHY_TYPES.has(named.assetType) ? nodeAncestors(named.name, item as JsonObject) : [],
      resource: { data: item as JsonObject, dataPath: REST_RESOURCE },
      unknownTags: projectedLabels(named.assetType, item as JsonObject),
    };
  const assetType = assetTypeOf(item);
  if (!assetType || !isObject(item)) return { skip: 'not a Google Cloud REST resource with a known `kind`' };
  if (item.kind === 'storage#policy') return bucketPolicyAsset(item);
  if (item.kind === 'storage#bucketAccessControls') return bucketAclAsset(item);
  const name = assetName(assetType, item);
  if (!name)
    return {
      skip: `${String(item.kind)} ${String(item.name ?? item.id ?? '')}: no self link or reference to name it by`,
    };
  return {
    name,
    assetType,
    ancestors: policyParent(item),
    resource: { data: item, dataPath: REST_RESOURCE },
    unknownTags: projectedLabels(assetType, item),
  };
}

/**
 * `storage#policy`: `resourceId` is `projects/_/buckets/<bucket>`; the project (`_` in the API's
 * answer) comes from the bucket's own record, as for a Cloud Asset IAM-policy line.
 * https://cloud.google.com/storage/docs/json_api/v1/buckets/getIamPolicy
 */
function bucketPolicyAsset(item: JsonObject): CloudAsset | { readonly skip: string } {
  const bucket = /^projects\/[^/]+\/buckets\/([^/]+)$/.exec(stringAt(item, 'resourceId') ?? '')?.[1];
  if (!bucket)
    return { skip: 'storage#policy: no `resourceId` (projects/_/buckets/<bucket>) to name its bucket' };
  return {
    name: `//storage.googleapis.com/${bucket}`,
    assetType: 'storage.googleapis.com/Bucket',
    ancestors: [],
    iamPolicy: { policy: item, path: 'policy' },
  };
}

/**
 * `storage#bucketAccessControls` (`GET …/b/<bucket>/acl`, Cloud Custodian's
 * bucket-access-control flights): the bucket's ACL, its entries naming the `bucket`; the project
 * from the entries' project teams (`project-owners-<number>`), else from the bucket's own record.
 */
function bucketAclAsset(item: JsonObject): CloudAsset | { readonly skip: string } {
  const entries = Array.isArray(item.items) ? item.items : [];
  const buckets = new Set(entries.map((entry) => (isObject(entry) ? stringAt(entry, 'bucket') : undefined)));
  const [bucket] = buckets;
  if (buckets.size !== 1 || !bucket)
    return { skip: 'storage#bucketAccessControls: no single `bucket` named by its entries' };
  const project = projectOfAclTeams(entries);
  return {
    name: `//storage.googleapis.com/${bucket}`,
    assetType: 'storage.googleapis.com/Bucket',
    ancestors: project ? [`projects/${project}`] : [],
    bucketAcl: { entries, path: 'items' },
  };
}

/**
 * A hierarchical firewall policy's `parent` (`organizations/O`, `folders/F`): the node it is
 * kept in, as a Cloud Asset's ancestors place it.
 */
function policyParent(item: JsonObject): string[] {
  const parent = item.kind === 'compute#firewallPolicy' ? stringAt(item, 'parent') : undefined;
  return parent && /^(?:organizations|folders)\/\d+$/.test(parent) ? [parent] : [];
}

/** The Cloud Asset name the resource has (https://cloud.google.com/asset-inventory/docs/resource-name-format). */
function assetName(assetType: string, item: JsonObject): string | undefined {
  const selfLink = stringAt(item, 'selfLink');
  if (assetType.startsWith('compute.')) {
    // A hierarchical firewall policy belongs to no project: `…/locations/global/firewallPolicies/<id>`.
    const at = selfLink?.search(/\/(?:projects|locations\/global\/firewallPolicies)\//) ?? -1;
    return selfLink && at !== -1 ? `//compute.googleapis.com${selfLink.slice(at)}` : undefined;
  }
  if (assetType === 'storage.googleapis.com/Bucket') {
    const bucket = stringAt(item, 'name') ?? stringAt(item, 'id');
    return bucket ? `//storage.googleapis.com/${bucket}` : undefined;
  }
  // `…/sql/v1beta4/projects/<p>/instances/<i>/backupRuns/<id>`.
  if (assetType === 'sqladmin.googleapis.com/BackupRun') {
    const run = /\/(projects\/[^/]+\/instances\/[^/]+\/backupRuns\/[^/]+)$/.exec(selfLink ?? '')?.[1];
    return run ? `//cloudsql.googleapis.com/${run}` : undefined;
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
