import type { CloudQueryTable } from '../cloudquery-row.ts';
import { rowUnknownTags } from '../steampipe-row.ts';
import { isObject, stringAt } from './json.ts';
import { rowAsset } from './steampipe-asset.ts';

/**
 * `public_access_prevention` as cloud.google.com/go/storage numbers it (PublicAccessPrevention:
 * 0 Unknown, "not set in a call to GCS", then Unspecified, Enforced, Inherited) → the JSON API's
 * value; Unspecified is the former name of inherited.
 */
const PUBLIC_ACCESS_PREVENTION: Readonly<Record<number, string>> = {
  1: 'unspecified',
  2: 'enforced',
  3: 'inherited',
};

/** An ACLRule as the Go struct marshals it (`{"Entity": "allUsers", "Role": "READER"}`) → the JSON API's entry. */
function aclEntries(column: unknown): Record<string, unknown>[] | undefined {
  if (!Array.isArray(column)) return undefined;
  return column.filter(isObject).map((rule) => ({
    ...(typeof rule.Entity === 'string' && { entity: rule.Entity }),
    ...(typeof rule.Role === 'string' && { role: rule.Role }),
  }));
}

/**
 * `gcp_storage_buckets`: cloud.google.com/go/storage's `BucketAttrs` from a bucket listing
 * (`projection=full`), not the JSON API resource: JSON columns are the Go structs without json
 * tags (`uniform_bucket_level_access` `{"Enabled": true, "LockedTime": …}`, `encryption`
 * `{"DefaultKMSKeyName": …}`, `acl` `[{"Entity", "Role", …}]`), `public_access_prevention` a
 * number, each put back under the JSON API's names. The ACL listed is the bucket's whole ACL
 * (no public entry: none); the listing leaves it out where uniform access is on, or where the
 * caller may not read it: then unknown.
 */
const storageBuckets: CloudQueryTable = {
  table: 'gcp_storage_buckets',
  requiredColumns: [
    'name',
    'project_id',
    'uniform_bucket_level_access',
    'public_access_prevention',
    'encryption',
  ],
  jsonColumns: [
    'acl',
    'default_object_acl',
    'uniform_bucket_level_access',
    'bucket_policy_only',
    'encryption',
    'labels',
  ],
  csvColumns: {
    public_access_prevention: 'number',
    project_number: 'number',
    versioning_enabled: 'boolean',
    requester_pays: 'boolean',
  },
  read(row, origin) {
    const [name, project] = [stringAt(row, 'name') ?? '', stringAt(row, 'project_id') ?? ''];
    if (!name || !project) return { skip: 'a gcp_storage_buckets row without its name or project_id' };
    const uniform = row.uniform_bucket_level_access;
    const prevention = PUBLIC_ACCESS_PREVENTION[Number(row.public_access_prevention)];
    const key = isObject(row.encryption) ? row.encryption.DefaultKMSKeyName : undefined;
    const acl = aclEntries(row.acl);
    const data = {
      kind: 'storage#bucket',
      name,
      id: name,
      projectId: project,
      ...(typeof row.project_number === 'number' && { projectNumber: String(row.project_number) }),
      ...(typeof row.location === 'string' && { location: row.location }),
      ...(typeof row.location_type === 'string' && { locationType: row.location_type }),
      iamConfiguration: {
        ...(isObject(uniform) &&
          typeof uniform.Enabled === 'boolean' && { uniformBucketLevelAccess: { enabled: uniform.Enabled } }),
        ...(prevention && { publicAccessPrevention: prevention }),
      },
      ...(typeof key === 'string' && key !== '' && { encryption: { defaultKmsKeyName: key } }),
      ...(isObject(row.labels) && { labels: row.labels }),
    };
    return [
      rowAsset(origin, {
        name: `//storage.googleapis.com/${name}`,
        assetType: 'storage.googleapis.com/Bucket',
        data,
        unknownTags: rowUnknownTags(row, 'labels'),
        ...(acl && acl.length > 0 && { bucketAcl: { entries: acl, path: 'acl' } }),
      }),
    ];
  },
};

/**
 * `gcp_storage_bucket_policies` (a child of `gcp_storage_buckets`): the bucket's IAM policy
 * (cloud.google.com/go/iam's Policy3: `bindings` `[{"role", "members"}]`), keyed by
 * `bucket_name`, read as the bucket asset's policy and merged into its bucket.
 */
const storageBucketPolicies: CloudQueryTable = {
  table: 'gcp_storage_bucket_policies',
  requiredColumns: ['bucket_name', 'project_id', 'bindings'],
  jsonColumns: ['bindings'],
  read(row, origin) {
    const [bucket, project] = [stringAt(row, 'bucket_name') ?? '', stringAt(row, 'project_id') ?? ''];
    if (!bucket || !project)
      return { skip: 'a gcp_storage_bucket_policies row without its bucket_name or project_id' };
    return [
      rowAsset(origin, {
        name: `//storage.googleapis.com/${bucket}`,
        assetType: 'storage.googleapis.com/Bucket',
        ancestors: [`projects/${project}`],
        iamPolicy: {
          policy: { bindings: Array.isArray(row.bindings) ? row.bindings : [] },
          path: 'bindings',
        },
      }),
    ];
  },
};

export const GCP_CLOUDQUERY_STORAGE_TABLES: readonly CloudQueryTable[] = [
  storageBuckets,
  storageBucketPolicies,
];
