import { akaMatch, rowUnknownTags, type SteampipeTable } from '../steampipe-row.ts';
import { isObject } from './json.ts';
import { rowAsset } from './steampipe-asset.ts';

/** `gcp://bigquery.googleapis.com/projects/<project>/datasets/<dataset>`, the table's `akas`. */
const DATASET_AKA = /^gcp:\/\/bigquery\.googleapis\.com\/projects\/([^/]+)\/datasets\/([^/]+)$/;

/**
 * Steampipe's `gcp_bigquery_dataset` (turbot/steampipe-plugin-gcp `table_gcp_bigquery_dataset.go`):
 * the BigQuery `datasets.get` resource, `name` its friendly name (null without one), `dataset_id`
 * and `project` from its reference, `kms_key_name` from `defaultEncryptionConfiguration` (null:
 * Google-managed keys), `access` the dataset's access entries in the API's names
 * (`specialGroup`, `iamMember`, `userByEmail`, `role`). Put back into the REST resource and read
 * as a Cloud Asset of the dataset.
 */
export const gcpBigQueryDatasetTable: SteampipeTable = {
  table: 'gcp_bigquery_dataset',
  matches: (row) => datasetOf(row) !== undefined,
  requiredColumns: ['location', 'kms_key_name', 'access'],
  columnTypes: {
    access: 'json',
    labels: 'json',
    default_partition_expiration_ms: 'number',
    default_table_expiration_ms: 'number',
  },
  read(row, origin) {
    const dataset = datasetOf(row);
    if (!dataset) return { skip: 'a gcp_bigquery_dataset row without its akas' };
    const data: Record<string, unknown> = {
      kind: 'bigquery#dataset',
      id: `${dataset.project}:${dataset.dataset}`,
      datasetReference: { projectId: dataset.project, datasetId: dataset.dataset },
      ...(typeof row.location === 'string' && { location: row.location }),
      ...(Array.isArray(row.access) && { access: row.access }),
      ...(typeof row.kms_key_name === 'string' &&
        row.kms_key_name !== '' && { defaultEncryptionConfiguration: { kmsKeyName: row.kms_key_name } }),
      ...(isObject(row.labels) && { labels: row.labels }),
      ...(typeof row.self_link === 'string' && { selfLink: row.self_link }),
    };
    return [
      rowAsset(origin, {
        name: `//bigquery.googleapis.com/projects/${dataset.project}/datasets/${dataset.dataset}`,
        assetType: 'bigquery.googleapis.com/Dataset',
        unknownTags: rowUnknownTags(row, 'labels'),
        data,
      }),
    ];
  },
};

function datasetOf(row: Readonly<Record<string, unknown>>): { project: string; dataset: string } | undefined {
  const match = akaMatch(row, DATASET_AKA);
  return match && { project: match[1]!, dataset: match[2]! };
}
