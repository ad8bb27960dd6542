import { akaMatch, type SteampipeTable } from '../steampipe-row.ts';
import { rowAsset } from './steampipe-asset.ts';

/**
 * Steampipe's `gcp_logging_bucket` (turbot/steampipe-plugin-gcp `table_gcp_logging_bucket.go`):
 * the Logging API's `LogBucket` from `projects.locations.buckets.list`, `name` cut to its last
 * segment (the full name is in `akas`), `retention_days` the Go client's integer (0 where the
 * API leaves the field out: the default retention), `locked`, `lifecycle_state`. Read as the
 * bucket's Cloud Asset.
 */
export const gcpLoggingBucketTable: SteampipeTable = {
  table: 'gcp_logging_bucket',
  matches: (row) => bucketName(row) !== undefined,
  requiredColumns: ['name', 'retention_days', 'akas'],
  columnTypes: { retention_days: 'number', locked: 'boolean' },
  read(row, origin) {
    const name = bucketName(row);
    if (!name) return { skip: 'a gcp_logging_bucket row without its akas' };
    const data = {
      name,
      ...(typeof row.retention_days === 'number' && { retentionDays: row.retention_days }),
      ...(typeof row.locked === 'boolean' && { locked: row.locked }),
      ...(typeof row.lifecycle_state === 'string' && { lifecycleState: row.lifecycle_state }),
      ...(typeof row.description === 'string' && { description: row.description }),
    };
    return [
      rowAsset(origin, {
        name: `//logging.googleapis.com/${name}`,
        assetType: 'logging.googleapis.com/LogBucket',
        data,
        ...(typeof row.location === 'string' && { location: row.location }),
      }),
    ];
  },
};

function bucketName(row: Readonly<Record<string, unknown>>): string | undefined {
  return akaMatch(
    row,
    /^gcp:\/\/logging\.googleapis\.com\/(projects\/[^/]+\/locations\/[^/]+\/buckets\/[^/]+)$/,
  )?.[1];
}
