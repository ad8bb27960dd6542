import { arrayOf, at, isObject } from './json.ts';

/** `storage_url` of a bucket: `gs://<bucket>/`. */
const BUCKET_URL = /^gs:\/\/([^/]+)\/?$/;

/**
 * `gcloud storage buckets describe|list --format=json` without `--raw` prints gcloud's own
 * bucket record, not the JSON API's: no `kind`, `selfLink` or project, the bucket named by
 * `storage_url: gs://<bucket>/`, and snake_case fields (googlecloudsdk
 * `command_lib/storage/resources/full_resource_formatter.py`, BucketDisplayTitlesAndDefaults):
 * `uniform_bucket_level_access` (a boolean), `public_access_prevention`, `default_kms_key`,
 * `default_acl`. The API resource it was made from is given back, so that the bucket is read
 * like any `storage#bucket`; nested values (ACL entries, policies) keep the API's names.
 */
export function fromGcloudStorageBucket(item: unknown): unknown {
  if (!isObject(item) || 'kind' in item || typeof item.storage_url !== 'string') return item;
  const bucket = BUCKET_URL.exec(item.storage_url)?.[1];
  if (!bucket) return item;
  const api: Record<string, unknown> = { kind: 'storage#bucket', id: bucket, name: bucket };
  for (const [from, to] of RENAMED) if (item[from] !== undefined) api[to] = item[from];
  const iamConfiguration: Record<string, unknown> = {};
  if (typeof item.uniform_bucket_level_access === 'boolean')
    iamConfiguration.uniformBucketLevelAccess = { enabled: item.uniform_bucket_level_access };
  if (typeof item.public_access_prevention === 'string')
    iamConfiguration.publicAccessPrevention = item.public_access_prevention;
  if (Object.keys(iamConfiguration).length > 0) api.iamConfiguration = iamConfiguration;
  if (typeof item.default_kms_key === 'string') api.encryption = { defaultKmsKeyName: item.default_kms_key };
  if (typeof item.versioning_enabled === 'boolean') api.versioning = { enabled: item.versioning_enabled };
  const projectNumber = projectOfAclTeams([...arrayOf(item.acl), ...arrayOf(item.default_acl)]);
  if (projectNumber) api.projectNumber = projectNumber;
  return api;
}

/**
 * gcloud storage's records of one answer as the API's (fromGcloudStorageBucket). `gcloud storage
 * buckets list` lists the buckets of one project (its `--project`): a bucket whose ACLs name no
 * project (uniform bucket-level access) is in the one its other buckets' ACLs name, when they all
 * name the same one; where they name several (a list of buckets named by URL), it stays unplaced.
 */
export function fromGcloudStorageBuckets(items: readonly unknown[]): unknown[] {
  // The records gcloud storage wrote (others come back as they are).
  const buckets = items.map((item) => {
    const api = fromGcloudStorageBucket(item);
    return api !== item && isObject(api) ? api : undefined;
  });
  const projects = new Set(
    buckets.flatMap((api) => (typeof api?.projectNumber === 'string' ? [api.projectNumber] : [])),
  );
  const [project] = projects;
  return items.map((item, index) => {
    const api = buckets[index];
    if (!api) return item;
    return projects.size === 1 && api.projectNumber === undefined ? { ...api, projectNumber: project } : api;
  });
}

/**
 * gcloud prints no project: the ACLs' project teams name it (a bucket's default ACLs grant its
 * own project's owners, editors and viewers: `project-owners-<number>`), when they all name
 * the same project. A bucket with uniform bucket-level access has no ACLs and stays without one.
 */
export function projectOfAclTeams(entries: readonly unknown[]): string | undefined {
  const numbers = new Set<string>();
  for (const entry of entries) {
    const number = isObject(entry) ? at(entry, 'projectTeam.projectNumber') : undefined;
    if (typeof number === 'string' || typeof number === 'number') numbers.add(String(number));
  }
  return numbers.size === 1 ? [...numbers][0] : undefined;
}

/** gcloud's names of the fields that keep the API's value as it is. */
const RENAMED: readonly (readonly [string, string])[] = [
  ['location', 'location'],
  ['location_type', 'locationType'],
  ['default_storage_class', 'storageClass'],
  ['labels', 'labels'],
  ['acl', 'acl'],
  ['default_acl', 'defaultObjectAcl'],
  ['logging_config', 'logging'],
  ['retention_policy', 'retentionPolicy'],
  ['soft_delete_policy', 'softDeletePolicy'],
  ['creation_time', 'timeCreated'],
  ['update_time', 'updated'],
];
