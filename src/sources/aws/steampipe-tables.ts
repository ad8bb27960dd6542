import { explicit, unknown } from '../../model/fact.ts';
import type { Localized } from '../../model/localized.ts';
import type { Origin, Resource } from '../../model/resource.ts';
import { akaMatch, hasAka, rowUnknownTags, type SteampipeTable, steampipeTags } from '../steampipe-row.ts';
import { organizationTrailListing } from './adapters/cloudtrail.ts';
import { configItemToResource } from './adapters/index.ts';
import {
  type ColumnMap,
  DB_INSTANCE_COLUMNS,
  EBS_VOLUME_COLUMNS,
  EFS_FILE_SYSTEM_COLUMNS,
  FLOW_LOG_COLUMNS,
  KMS_KEY_COLUMNS,
  VPC_COLUMNS,
} from './api-columns.ts';
import { asRecord } from './config-item.ts';

/**
 * A row of a Steampipe AWS table read as the AWS Config item of its resource: the identity
 * columns every AWS table has (`arn`, `region`, `account_id`), and the table's own columns put
 * back under their Config names (`configuration` and `supplementaryConfiguration`). A null
 * column is the API's absent field, left out.
 */
export function rowAsConfigItem(
  row: Readonly<Record<string, unknown>>,
  origin: Origin,
  resourceType: string,
  name: string,
  columns: {
    configuration: ColumnMap;
    supplementary?: ColumnMap;
    regionColumn?: string;
    /** The column of Config's `resourceId` when it is not the name (RDS: the `dbi-…` resource id). */
    resourceIdColumn?: string;
    /** Columns kept when null: null is the API's answer ("no policy"), not a column left out. */
    keepNull?: readonly string[];
  },
): Resource | { readonly skip: string } {
  // Most tables have an `arn` column; the others (aws_vpc_flow_log) give the ARN in `akas`.
  // CloudQuery's rows (cloudquery-tables.ts) have no `akas`: their `arn` column.
  const arn = typeof row.arn === 'string' ? row.arn : (akaMatch(row, /^arn:/)?.input ?? '');
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
      if (value !== undefined && (value !== null || columns.keepNull?.includes(column)))
        fields[field] = value;
    }
    return fields;
  };
  return configItemToResource(
    {
      accountId: account,
      region,
      resourceType,
      resourceId: resourceIdOf(row, columns.resourceIdColumn) ?? name,
      resourceName: name,
      arn,
      tags: steampipeTags(row.tags),
      configuration: pick(columns.configuration),
      supplementary: pick(columns.supplementary ?? []),
      partial: false,
      captureTime: undefined,
      deleted: false,
      unknownTags: rowUnknownTags(row),
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
  ['has_custom_event_selectors', 'hasCustomEventSelectors'],
  ['event_selectors', 'EventSelectors'],
  ['advanced_event_selectors', 'AdvancedEventSelectors'],
];

/**
 * Steampipe's `aws_cloudtrail_trail` (turbot/steampipe-plugin-aws `table_aws_cloudtrail_trail.go`):
 * DescribeTrails' Trail in snake_case, one row per region the trail shows in (a multi-Region
 * trail's shadows share its ARN, and merge), GetEventSelectors' `event_selectors` and
 * `advanced_event_selectors` (the Go SDK's PascalCase), and GetTrailStatus's `is_logging`, which AWS
 * Config does not record: null where the plugin did not ask (a trail of another account, an
 * organization trail seen from a member), and then unknown.
 */
export const awsCloudTrailTable: SteampipeTable = {
  table: 'aws_cloudtrail_trail',
  matches: (row) => hasAka(row, /^arn:aws[a-z-]*:cloudtrail:[^:]+:\d{12}:trail\/.+$/),
  requiredColumns: [
    'name',
    'arn',
    'region',
    'account_id',
    'is_multi_region_trail',
    'log_file_validation_enabled',
    'is_logging',
  ],
  columnTypes: {
    is_multi_region_trail: 'boolean',
    log_file_validation_enabled: 'boolean',
    is_organization_trail: 'boolean',
    include_global_service_events: 'boolean',
    is_logging: 'boolean',
    has_custom_event_selectors: 'boolean',
    event_selectors: 'json',
    advanced_event_selectors: 'json',
  },
  read(row, origin) {
    const name = typeof row.name === 'string' ? row.name : '';
    // A shadow row's `region` is where it was listed; the trail lives in its home region.
    const trail = rowAsConfigItem(row, origin, 'AWS::CloudTrail::Trail', name, {
      configuration: TRAIL_COLUMNS,
      regionColumn: 'home_region',
    });
    if ('skip' in trail) return trail;
    // A member account's row of its organization's trail (`account_id` the member's, `arn` the
    // management account's): the trail, and the member's account that it logs.
    const listing = organizationTrailListing(trail, origin);
    if (typeof row.is_logging !== 'boolean') return [trail, ...listing];
    return [
      { ...trail, facts: { ...trail.facts, isLogging: explicit(row.is_logging, 'is_logging') } },
      ...listing,
    ];
  },
};

/**
 * Steampipe's `aws_kms_key` (turbot/steampipe-plugin-aws `table_aws_kms_key.go`): DescribeKey's
 * KeyMetadata in snake_case, and GetKeyRotationStatus's `key_rotation_enabled`, which Config
 * keeps as `supplementaryConfiguration.KeyRotationStatus`. The plugin answers a denied (or
 * unsupported) GetKeyRotationStatus with an empty output, whose `KeyRotationEnabled` is false:
 * false beside a `policy` column that is null (every key has a key policy, so GetKeyPolicy was
 * denied too, its error ignored by the connection's `ignore_error_codes`) is unknown.
 */
export const awsKmsKeyTable: SteampipeTable = {
  table: 'aws_kms_key',
  matches: (row) => hasAka(row, /^arn:aws[a-z-]*:kms:[^:]+:\d{12}:key\/.+$/),
  requiredColumns: ['id', 'arn', 'region', 'account_id', 'key_manager', 'key_state', 'key_rotation_enabled'],
  columnTypes: { key_rotation_enabled: 'boolean', enabled: 'boolean' },
  read(row, origin) {
    const id = typeof row.id === 'string' ? row.id : '';
    const key = rowAsConfigItem(row, origin, 'AWS::KMS::Key', id, {
      configuration: [['id', 'keyId'], ...KMS_KEY_COLUMNS],
      supplementary: [['key_rotation_enabled', 'KeyRotationStatus']],
    });
    if ('skip' in key) return key;
    if (row.key_rotation_enabled !== false || row.policy !== null) return [key];
    return [
      { ...key, facts: { ...key.facts, rotationEnabled: unknown('key_rotation_enabled', ROTATION_DENIED) } },
    ];
  },
};

const ROTATION_DENIED: Localized = {
  ja: 'Steampipe は GetKeyRotationStatus が拒否されたときも false を書きます。policy 列が null で、このキーのキーポリシーの取得も拒否されています',
  en: "Steampipe writes false also when GetKeyRotationStatus was denied, and the policy column is null: reading this key's key policy was denied too",
};

function resourceIdOf(
  row: Readonly<Record<string, unknown>>,
  column: string | undefined,
): string | undefined {
  const value = column === undefined ? undefined : row[column];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * A table whose row is one resource: its identity column (`name`, `group_id`, …), the ARN
 * pattern its `akas` follow, and its columns under their Config names.
 */
export function configItemTable(spec: {
  table: string;
  resourceType: string;
  aka: RegExp;
  idColumn: string;
  resourceIdColumn?: string;
  requiredColumns: readonly string[];
  columnTypes?: SteampipeTable['columnTypes'];
  configuration: ColumnMap;
  supplementary?: ColumnMap;
  keepNull?: readonly string[];
}): SteampipeTable {
  return {
    table: spec.table,
    matches: (row) => hasAka(row, spec.aka),
    requiredColumns: ['region', 'account_id', spec.idColumn, ...spec.requiredColumns],
    columnTypes: spec.columnTypes ?? {},
    read: configItemRows(spec),
  };
}

/**
 * The reader of a table whose row is one resource, named by its identity column: the row as
 * its Config item (rowAsConfigItem). Steampipe's and CloudQuery's table factories share it.
 */
export function configItemRows(spec: {
  resourceType: string;
  idColumn: string;
  configuration: ColumnMap;
  supplementary?: ColumnMap;
  regionColumn?: string;
  resourceIdColumn?: string;
  keepNull?: readonly string[];
}): (row: Readonly<Record<string, unknown>>, origin: Origin) => Resource[] | { readonly skip: string } {
  const { resourceType, idColumn, ...columns } = spec;
  return (row, origin) => {
    const id = row[idColumn];
    const resource = rowAsConfigItem(row, origin, resourceType, typeof id === 'string' ? id : '', columns);
    return 'skip' in resource ? resource : [resource];
  };
}

export const ARN = (service: string, resource: string) =>
  new RegExp(`^arn:aws[a-z-]*:${service}:[a-z0-9-]+:\\d{12}:${resource}`);

/**
 * Steampipe's `aws_vpc_security_group` (`table_aws_vpc_security_group.go`): `ip_permissions` is
 * DescribeSecurityGroups' `IpPermissions` as it is (`IpProtocol`, `FromPort`, `IpRanges[].CidrIp`,
 * `Ipv6Ranges[].CidrIpv6`, `PrefixListIds[].PrefixListId`).
 */
export const awsSecurityGroupTable = configItemTable({
  table: 'aws_vpc_security_group',
  resourceType: 'AWS::EC2::SecurityGroup',
  aka: ARN('ec2', 'security-group/sg-'),
  idColumn: 'group_id',
  requiredColumns: ['ip_permissions'],
  columnTypes: { ip_permissions: 'json' },
  configuration: [
    ['group_id', 'groupId'],
    ['group_name', 'groupName'],
    ['vpc_id', 'vpcId'],
    ['ip_permissions', 'ipPermissions'],
  ],
});

/**
 * Steampipe's `aws_rds_db_instance` (`table_aws_rds_db_instance.go`): DescribeDBInstances'
 * DBInstance with its fields as snake_case columns; Config's `resourceId` is the `dbi-…` id.
 */
export const awsRdsInstanceTable = configItemTable({
  table: 'aws_rds_db_instance',
  resourceType: 'AWS::RDS::DBInstance',
  aka: /^arn:aws[a-z-]*:rds:[^:]+:\d{12}:db:[^:]+$/,
  idColumn: 'db_instance_identifier',
  resourceIdColumn: 'resource_id',
  requiredColumns: [
    'arn',
    'publicly_accessible',
    'storage_encrypted',
    'kms_key_id',
    'backup_retention_period',
    'enabled_cloudwatch_logs_exports',
  ],
  columnTypes: {
    publicly_accessible: 'boolean',
    storage_encrypted: 'boolean',
    backup_retention_period: 'number',
    enabled_cloudwatch_logs_exports: 'json',
    deletion_protection: 'boolean',
    iam_database_authentication_enabled: 'boolean',
    multi_az: 'boolean',
  },
  configuration: DB_INSTANCE_COLUMNS,
});

/** Steampipe's `aws_ebs_volume` (`table_aws_ebs_volume.go`): `encrypted`, `kms_key_id`. */
export const awsEbsVolumeTable = configItemTable({
  table: 'aws_ebs_volume',
  resourceType: 'AWS::EC2::Volume',
  aka: ARN('ec2', 'volume/vol-'),
  idColumn: 'volume_id',
  requiredColumns: ['encrypted', 'kms_key_id'],
  columnTypes: { encrypted: 'boolean' },
  configuration: EBS_VOLUME_COLUMNS,
});

/** Steampipe's `aws_vpc` (`table_aws_vpc.go`). */
export const awsVpcTable = configItemTable({
  table: 'aws_vpc',
  resourceType: 'AWS::EC2::VPC',
  aka: ARN('ec2', 'vpc/vpc-'),
  idColumn: 'vpc_id',
  requiredColumns: [],
  columnTypes: { is_default: 'boolean' },
  configuration: VPC_COLUMNS,
});

/** Steampipe's `aws_vpc_flow_log` (`table_aws_vpc_flow_log.go`): no `arn` column, the ARN in `akas`. */
export const awsFlowLogTable = configItemTable({
  table: 'aws_vpc_flow_log',
  resourceType: 'AWS::EC2::FlowLog',
  aka: ARN('ec2', 'vpc-flow-log/'),
  idColumn: 'flow_log_id',
  requiredColumns: ['resource_id', 'flow_log_status'],
  configuration: FLOW_LOG_COLUMNS,
});

/** Steampipe's `aws_guardduty_detector` (`table_aws_guardduty_detector.go`): GetDetector's `status`. */
export const awsGuardDutyDetectorTable = configItemTable({
  table: 'aws_guardduty_detector',
  resourceType: 'AWS::GuardDuty::Detector',
  aka: ARN('guardduty', 'detector/'),
  idColumn: 'detector_id',
  requiredColumns: ['status'],
  configuration: [
    ['detector_id', 'Id'],
    ['status', 'Status'],
    ['finding_publishing_frequency', 'FindingPublishingFrequency'],
  ],
});

/**
 * Steampipe's `aws_lambda_function` (`table_aws_lambda_function.go`): `policy` is GetPolicy's
 * document, null when the function has none (the plugin answers ResourceNotFoundException so);
 * `role` the execution role's ARN.
 */
export const awsLambdaFunctionTable = configItemTable({
  table: 'aws_lambda_function',
  resourceType: 'AWS::Lambda::Function',
  aka: ARN('lambda', 'function:'),
  idColumn: 'name',
  requiredColumns: ['policy'],
  columnTypes: { policy: 'json' },
  configuration: [
    ['name', 'functionName'],
    ['runtime', 'runtime'],
    ['role', 'role'],
  ],
  supplementary: [['policy', 'Policy']],
  keepNull: ['policy'],
});

/** Steampipe's `aws_cloudwatch_log_group`: `retention_in_days`, null when events never expire. */
export const awsLogGroupTable = configItemTable({
  table: 'aws_cloudwatch_log_group',
  resourceType: 'AWS::Logs::LogGroup',
  aka: ARN('logs', 'log-group:'),
  idColumn: 'name',
  requiredColumns: ['retention_in_days'],
  columnTypes: { retention_in_days: 'number' },
  configuration: [
    ['name', 'LogGroupName'],
    ['retention_in_days', 'RetentionInDays'],
    ['kms_key_id', 'KmsKeyId'],
  ],
});

/**
 * Steampipe's `aws_dynamodb_table`: `sse_description` is DescribeTable's `SSEDescription`, null
 * when the table uses the AWS owned key; `replicas` its `Replicas` (the Go SDK v2's
 * ReplicaDescription, `RegionName`, `ReplicaStatus`), a column since the plugin's SDK v2 table
 * (2024). Without it (an older plugin, or null for a global table of version 2017.11.29, whose
 * replicas DescribeTable does not give) `global_table_version` (null unless the table is
 * replicated across Regions) says a global table's replicas are somewhere the row does not name.
 */
export const awsDynamoDbTable = configItemTable({
  table: 'aws_dynamodb_table',
  resourceType: 'AWS::DynamoDB::Table',
  aka: ARN('dynamodb', 'table/'),
  idColumn: 'name',
  requiredColumns: ['sse_description'],
  columnTypes: { sse_description: 'json', replicas: 'json' },
  configuration: [
    ['name', 'tableName'],
    ['sse_description', 'SSEDescription'],
    ['global_table_version', 'GlobalTableVersion'],
    ['replicas', 'Replicas'],
  ],
});

/** Steampipe's `aws_efs_file_system`: `encrypted`, `kms_key_id`. */
export const awsEfsFileSystemTable = configItemTable({
  table: 'aws_efs_file_system',
  resourceType: 'AWS::EFS::FileSystem',
  aka: ARN('elasticfilesystem', 'file-system/'),
  idColumn: 'file_system_id',
  requiredColumns: ['encrypted', 'kms_key_id'],
  columnTypes: { encrypted: 'boolean' },
  configuration: EFS_FILE_SYSTEM_COLUMNS,
});

/**
 * Steampipe's `aws_eks_cluster` (`table_aws_eks_cluster.go`): `resources_vpc_config` is
 * DescribeCluster's `ResourcesVpcConfig` in the Go SDK's names, as Config records it
 * (`EndpointPublicAccess`, `PublicAccessCidrs`); `logging` is `{ClusterLogging: [{Enabled,
 * Types}]}`, put back as Config's `Logging.ClusterLogging.EnabledTypes[].Type`.
 */
export const awsEksClusterTable: SteampipeTable = {
  table: 'aws_eks_cluster',
  matches: (row) => hasAka(row, ARN('eks', 'cluster/')),
  requiredColumns: ['name', 'arn', 'region', 'account_id', 'resources_vpc_config', 'logging'],
  columnTypes: { resources_vpc_config: 'json', logging: 'json' },
  read(row, origin) {
    const name = typeof row.name === 'string' ? row.name : '';
    const cluster = rowAsConfigItem(
      { ...row, logging: enabledLogTypes(row.logging) },
      origin,
      'AWS::EKS::Cluster',
      name,
      {
        configuration: [
          ['name', 'Name'],
          ['resources_vpc_config', 'ResourcesVpcConfig'],
          ['logging', 'Logging'],
        ],
      },
    );
    return 'skip' in cluster ? cluster : [cluster];
  },
};

/** `{ClusterLogging: [{Enabled, Types}]}` → `{ClusterLogging: {EnabledTypes: [{Type}]}}`; null stays null. */
function enabledLogTypes(logging: unknown): unknown {
  const groups = asRecord(logging)?.['ClusterLogging'];
  if (!Array.isArray(groups)) return logging;
  const types = groups.flatMap((group) => {
    const record = asRecord(group);
    const listed = record?.['Types'];
    return record?.['Enabled'] === true && Array.isArray(listed) ? listed : [];
  });
  return { ClusterLogging: { EnabledTypes: types.map((type) => ({ Type: type })) } };
}
