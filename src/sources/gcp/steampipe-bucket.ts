import { hasAka, rowUnknownTags, type SteampipeTable } from '../steampipe-row.ts';
import { isObject, type JsonObject } from './json.ts';
import { rowAsset } from './steampipe-asset.ts';

/**
 * Steampipe's `gcp_storage_bucket` (turbot/steampipe-plugin-gcp `table_gcp_storage_bucket.go`):
 * the JSON API bucket (`buckets.list` with `projection=full`) flattened into columns, with the
 * bucket's IAM policy (`buckets.getIamPolicy`) in `iam_policy`. JSON columns (`acl`,
 * `default_object_acl`, `iam_policy`, `labels`) keep the API's own names. Boolean columns
 * default to false where the API leaves the field out, which is the API's default too.
 */
export const gcpStorageBucketTable: SteampipeTable = {
  table: 'gcp_storage_bucket',
  matches: (row) => hasAka(row, /^gcp:\/\/storage\.googleapis\.com\/projects\/[^/]+\/buckets\/[^/]+$/),
  requiredColumns: [
    'name',
    'location',
    'iam_configuration_uniform_bucket_level_access_enabled',
    'iam_configuration_public_access_prevention',
    'default_kms_key_name',
  ],
  columnTypes: {
    iam_configuration_uniform_bucket_level_access_enabled: 'boolean',
    project_number: 'number',
    acl: 'json',
    default_object_acl: 'json',
    iam_policy: 'json',
    labels: 'json',
  },
  read(row, origin) {
    const name = typeof row.name === 'string' ? row.name : '';
    if (name === '') return { skip: 'a gcp_storage_bucket row without a name' };
    const number = projectNumber(row.project_number);
    const data: Record<string, unknown> = {
      kind: 'storage#bucket',
      name,
      id: name,
      iamConfiguration: {
        uniformBucketLevelAccess: { enabled: row.iam_configuration_uniform_bucket_level_access_enabled },
        ...(typeof row.iam_configuration_public_access_prevention === 'string' && {
          publicAccessPrevention: row.iam_configuration_public_access_prevention,
        }),
      },
      ...(typeof row.default_kms_key_name === 'string' &&
        row.default_kms_key_name !== '' && { encryption: { defaultKmsKeyName: row.default_kms_key_name } }),
      ...(typeof row.location === 'string' && { location: row.location }),
      ...(typeof row.location_type === 'string' && { locationType: row.location_type }),
      ...(typeof row.project === 'string' && { projectId: row.project }),
      ...(number && { projectNumber: number }),
      ...(typeof row.self_link === 'string' && { selfLink: row.self_link }),
      ...(Array.isArray(row.acl) && { acl: row.acl }),
      ...(Array.isArray(row.default_object_acl) && { defaultObjectAcl: row.default_object_acl }),
      ...(isObject(row.labels) && { labels: row.labels }),
    };
    const policy = row.iam_policy;
    const resource = rowAsset(origin, {
      name: `//storage.googleapis.com/${name}`,
      assetType: 'storage.googleapis.com/Bucket',
      unknownTags: rowUnknownTags(row, 'labels'),
      ancestors: number ? [`projects/${number}`] : [],
      data,
      ...(isObject(policy) && { iamPolicy: { policy: policy as JsonObject, path: 'iam_policy' } }),
    });
    return [resource];
  },
};

/** `project_number` is a double column: 123456789012 (or, in some outputs, 1.23456789012e+11). */
function projectNumber(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  return undefined;
}
