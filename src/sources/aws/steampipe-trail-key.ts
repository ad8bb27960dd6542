import { explicit } from '../../model/fact.ts';
import type { Origin, Resource } from '../../model/resource.ts';
import { type SteampipeTable, steampipeTags } from '../steampipe-row.ts';
import { configItemToResource } from './adapters/index.ts';

/** One column put back under the field AWS Config records it as. */
type ColumnMap = readonly (readonly [column: string, field: string])[];

/**
 * A row of a Steampipe AWS table read as the AWS Config item of its resource: the identity
 * columns every AWS table has (`arn`, `region`, `account_id`), and the table's own columns put
 * back under their Config names (`configuration` and `supplementaryConfiguration`). A null
 * column is the API's absent field, left out.
 */
function rowAsConfigItem(
  row: Readonly<Record<string, unknown>>,
  origin: Origin,
  resourceType: string,
  name: string,
  columns: { configuration: ColumnMap; supplementary?: ColumnMap; regionColumn?: string },
): Resource | { readonly skip: string } {
  const arn = typeof row.arn === 'string' ? row.arn : '';
  const account = typeof row.account_id === 'string' ? row.account_id : '';
  const own = columns.regionColumn ? row[columns.regionColumn] : undefined;
  const place = typeof own === 'string' && own !== '' ? own : row.region;
  const region = typeof place === 'string' ? place.toLowerCase() : '';
  if (name === '' || arn === '' || !/^\d{12}$/.test(account) || region === '')
    return { skip: `a ${resourceType} row without its name, arn, account_id or region` };
  const pick = (map: ColumnMap) => {
    const fields: Record<string, unknown> = {};
    for (const [column, field] of map) {
      const value = row[column];
      if (value !== null && value !== undefined) fields[field] = value;
    }
    return fields;
  };
  return configItemToResource(
    {
      accountId: account,
      region,
      resourceType,
      resourceId: name,
      resourceName: name,
      arn,
      tags: steampipeTags(row.tags),
      configuration: pick(columns.configuration),
      supplementary: pick(columns.supplementary ?? []),
      partial: false,
      captureTime: undefined,
      deleted: false,
    },
    origin,
  );
}

const TRAIL_COLUMNS: ColumnMap = [
  ['name', 'name'],
  ['arn', 'trailARN'],
  ['home_region', 'homeRegion'],
  ['is_multi_region_trail', 'isMultiRegionTrail'],
  ['log_file_validation_enabled', 'logFileValidationEnabled'],
  ['is_organization_trail', 'isOrganizationTrail'],
  ['include_global_service_events', 'includeGlobalServiceEvents'],
  ['kms_key_id', 'kmsKeyId'],
  ['s3_bucket_name', 's3BucketName'],
  ['log_group_arn', 'cloudWatchLogsLogGroupArn'],
];

/**
 * Steampipe's `aws_cloudtrail_trail` (turbot/steampipe-plugin-aws `table_aws_cloudtrail_trail.go`):
 * DescribeTrails' Trail in snake_case, one row per region the trail shows in (a multi-Region
 * trail's shadows share its ARN, and merge), and GetTrailStatus's `is_logging`, which AWS
 * Config does not record: null where the plugin did not ask (a trail of another account, an
 * organization trail seen from a member), and then unknown.
 */
export const awsCloudTrailTable: SteampipeTable = {
  table: 'aws_cloudtrail_trail',
  matches: (row) =>
    (row.akas as unknown[]).some(
      (aka) => typeof aka === 'string' && /^arn:aws[a-z-]*:cloudtrail:[^:]+:\d{12}:trail\/.+$/.test(aka),
    ),
  requiredColumns: [
    'name',
    'arn',
    'region',
    'account_id',
    'is_multi_region_trail',
    'log_file_validation_enabled',
    'is_logging',
  ],
  read(row, origin) {
    const name = typeof row.name === 'string' ? row.name : '';
    // A shadow row's `region` is where it was listed; the trail lives in its home region.
    const trail = rowAsConfigItem(row, origin, 'AWS::CloudTrail::Trail', name, {
      configuration: TRAIL_COLUMNS,
      regionColumn: 'home_region',
    });
    if ('skip' in trail) return trail;
    if (typeof row.is_logging !== 'boolean') return [trail];
    return [{ ...trail, facts: { ...trail.facts, isLogging: explicit(row.is_logging, 'is_logging') } }];
  },
};

/**
 * Steampipe's `aws_kms_key` (turbot/steampipe-plugin-aws `table_aws_kms_key.go`): DescribeKey's
 * KeyMetadata in snake_case, and GetKeyRotationStatus's `key_rotation_enabled` (null when the
 * plugin was denied it), which Config keeps as `supplementaryConfiguration.KeyRotationStatus`.
 */
export const awsKmsKeyTable: SteampipeTable = {
  table: 'aws_kms_key',
  matches: (row) =>
    (row.akas as unknown[]).some(
      (aka) => typeof aka === 'string' && /^arn:aws[a-z-]*:kms:[^:]+:\d{12}:key\/.+$/.test(aka),
    ),
  requiredColumns: ['id', 'arn', 'region', 'account_id', 'key_manager', 'key_state', 'key_rotation_enabled'],
  read(row, origin) {
    const id = typeof row.id === 'string' ? row.id : '';
    const key = rowAsConfigItem(row, origin, 'AWS::KMS::Key', id, {
      configuration: [
        ['id', 'keyId'],
        ['arn', 'arn'],
        ['key_manager', 'keyManager'],
        ['key_state', 'keyState'],
        ['origin', 'origin'],
        ['key_spec', 'keySpec'],
        ['customer_master_key_spec', 'customerMasterKeySpec'],
        ['key_usage', 'keyUsage'],
        ['enabled', 'enabled'],
        ['deletion_date', 'deletionDate'],
      ],
      supplementary: [['key_rotation_enabled', 'KeyRotationStatus']],
    });
    return 'skip' in key ? key : [key];
  },
};
