import path from 'node:path';
import type { DocumentFormat } from '../format.ts';
import { HIERARCHY_TYPES } from './adapters/index.ts';
import { type CloudAsset, currentAssetType } from './asset.ts';
import { field, isObject, type JsonObject, stringsOf } from './json.ts';
import { assetsToResources, assetToResource } from './to-resource.ts';

/** The keys of a google.iam.v1.Policy (https://cloud.google.com/iam/docs/reference/rest/v1/Policy). */
const POLICY_KEYS: ReadonlySet<string> = new Set(['bindings', 'etag', 'version', 'auditConfigs']);

/**
 * A bare IAM policy, as `gcloud projects|folders|organizations get-iam-policy --format=json`
 * (and `gcloud storage buckets|run services|… get-iam-policy`) print it: `{bindings, etag,
 * version}`, with `auditConfigs` on the hierarchy's nodes. The policy names neither its resource
 * nor its kind, so they are taken from the file name, as `kansa scan --save-inventory` names a
 * scope's policies: `projects-<id>-iam-policy.json`, `folders-<n>-…`, `organizations-<n>-…` (`_`
 * also separates; `.yaml` for gcloud's default output, gzipped or not). Otherwise the policy is skipped with that reason: read as some project's it
 * would be misread, since a bucket's or a service's policy looks the same.
 */
export const gcpIamPolicy: DocumentFormat = {
  id: 'gcp-iam-policy',
  provider: 'gcp',
  kind: 'document',
  description:
    'gcloud projects|folders|organizations get-iam-policy, JSON or YAML (a bare IAM policy; the project, folder or organization from the file name projects-<id>-iam-policy.json or .yaml, or a recorded call post-v1-projects-<id>-getIamPolicy_1.json)',
  matches(document) {
    return (
      isObject(document) &&
      (typeof document.etag === 'string' || Array.isArray(document.bindings)) &&
      Object.keys(document).every((key) => POLICY_KEYS.has(key))
    );
  },
  *read(document, ctx) {
    const node = nodeOfFile(path.basename(ctx.file));
    if (!node) {
      ctx.skip(
        'a bare IAM policy (get-iam-policy) names no resource: name the file of a project’s policy projects-<project id>-iam-policy.json (or .yaml; folders-<n>-…, organizations-<n>-… for those), as kansa scan --save-inventory does; export other resources’ policies with gcloud asset export --content-type=iam-policy or gcloud asset search-all-iam-policies',
      );
      return;
    }
    const [, named, id] = node as unknown as [string, string, string];
    const kind = named.toLowerCase();
    const asset: CloudAsset = {
      name: `//cloudresourcemanager.googleapis.com/${kind}/${id}`,
      assetType: HIERARCHY_ASSET_TYPES[kind]!,
      // The policy does not say where the node sits: its ancestors (whose policies it inherits) stay unknown.
      ancestors: [],
      iamPolicy: { policy: document as JsonObject, path: 'policy' },
    };
    yield assetToResource(asset, { file: ctx.file });
  },
};

const HIERARCHY_FILE =
  /^(projects|folders|organizations)[-_](.+?)[-_](?:get[-_])?iam[-_]policy\.(?:json|ya?ml)(?:\.gz)?$/i;
/**
 * Cloud Custodian's recordings name a call's file after its method and path
 * (`post-v1-projects-<project>-getIamPolicy_1.json`, or with the host before `v1`): the path names
 * the node. Other resources' policies are recorded the same way
 * (`post-v1-projects-<p>-locations-<l>-functions-<f>-getIamPolicy_1.json`): in either file name,
 * only a whole project id (6 to 30 characters) or a folder or organization number counts.
 */
function nodeOfFile(file: string): RegExpExecArray | undefined {
  const named = HIERARCHY_FILE.exec(file) ?? RECORDED_CALL.exec(file);
  if (!named) return undefined;
  const [, kind, id] = named as unknown as [string, string, string];
  return (kind.toLowerCase() === 'projects' ? PROJECT_ID : NODE_NUMBER).test(id) ? named : undefined;
}

const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const NODE_NUMBER = /^\d+$/;
const RECORDED_CALL = /-v\d\w*-(projects|folders|organizations)-(.+)-getIamPolicy_\d+\.json$/;

const HIERARCHY_ASSET_TYPES: Readonly<Record<string, string>> = {
  projects: 'cloudresourcemanager.googleapis.com/Project',
  folders: 'cloudresourcemanager.googleapis.com/Folder',
  organizations: 'cloudresourcemanager.googleapis.com/Organization',
};

/**
 * `gcloud asset search-all-iam-policies --format=json` (an array of IamPolicySearchResult) and
 * the REST response (`{"results": [...], "nextPageToken"}`): each result is one resource's
 * policy, named by `resource`, with `project`, `folders` and `organization`. The result's
 * policy holds the bindings (all of them when the search had no query) but no audit configs:
 * a project's Data Access audit logs stay unknown rather than off.
 * https://cloud.google.com/asset-inventory/docs/reference/rest/v1/IamPolicySearchResult
 */
export const gcpIamPolicySearch: DocumentFormat = {
  id: 'gcp-iam-policy-search',
  provider: 'gcp',
  kind: 'document',
  description:
    'gcloud asset search-all-iam-policies --format=json (IAM policies of every resource in a scope)',
  matches(document) {
    const results = Array.isArray(document)
      ? document
      : isObject(document) &&
          Array.isArray(document.results) &&
          Object.keys(document).every((key) => key === 'results' || key === 'nextPageToken')
        ? document.results
        : undefined;
    return results !== undefined && results.length > 0 && isPolicySearchResult(results[0]);
  },
  *read(document, ctx) {
    const results = Array.isArray(document) ? document : isObject(document) ? document.results : [];
    yield* assetsToResources(Array.isArray(results) ? results : [], ctx, assetFromPolicySearchResult);
  },
};

function isPolicySearchResult(item: unknown): boolean {
  return (
    isObject(item) &&
    typeof item.resource === 'string' &&
    item.resource.startsWith('//') &&
    isObject(item.policy) &&
    !('name' in item)
  );
}

function assetFromPolicySearchResult(record: unknown): CloudAsset | { readonly skip: string } {
  if (!isPolicySearchResult(record))
    return { skip: 'not an IAM policy search result (`resource`, `policy`)' };
  const result = record as JsonObject;
  const name = result.resource as string;
  const given = field(result, 'assetType', 'asset_type');
  const assetType =
    typeof given === 'string' && given !== '' ? currentAssetType(given) : assetTypeOfName(name);
  if (!assetType)
    return {
      skip: `${name}: the search result has no assetType and its name does not tell the type (search with --asset-types or a newer gcloud)`,
    };
  const project = field(result, 'project');
  const organization = field(result, 'organization');
  return {
    name,
    assetType,
    ancestors: [
      ...(typeof project === 'string' ? [project] : []),
      ...stringsOf(field(result, 'folders')),
      ...(typeof organization === 'string' ? [organization] : []),
    ],
    iamPolicy: {
      policy: result.policy as JsonObject,
      path: 'policy',
      // Search results carry bindings only (IamPolicySearchResult.policy): no audit configs.
      ...(HIERARCHY_TYPES.has(assetType) && { withoutAuditConfigs: true }),
    },
  };
}

/** A resource named without its type (older search results, effective policies): the common ones by their name. */
export function assetTypeOfName(name: string): string | undefined {
  const hierarchy =
    /^\/\/cloudresourcemanager\.googleapis\.com\/(projects|folders|organizations)\/[^/]+$/.exec(name);
  if (hierarchy) return HIERARCHY_ASSET_TYPES[hierarchy[1]!];
  if (/^\/\/storage\.googleapis\.com\/[^/]+$/.test(name)) return 'storage.googleapis.com/Bucket';
  if (/^\/\/run\.googleapis\.com\/projects\/[^/]+\/locations\/[^/]+\/services\/[^/]+$/.test(name))
    return 'run.googleapis.com/Service';
  if (/^\/\/cloudfunctions\.googleapis\.com\/projects\/[^/]+\/locations\/[^/]+\/functions\/[^/]+$/.test(name))
    return 'cloudfunctions.googleapis.com/CloudFunction';
  if (/^\/\/bigquery\.googleapis\.com\/projects\/[^/]+\/datasets\/[^/]+$/.test(name))
    return 'bigquery.googleapis.com/Dataset';
  return undefined;
}
