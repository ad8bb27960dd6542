import { unknown } from '../../model/fact.ts';
import { hasAka, rowUnknownTags, type SteampipeTable } from '../steampipe-row.ts';
import { goClientIpConfiguration } from './go-client.ts';
import { isObject } from './json.ts';
import { rowAsset } from './steampipe-asset.ts';

/**
 * Steampipe's `gcp_sql_database_instance` (turbot/steampipe-plugin-gcp
 * `table_gcp_sql_database_instance.go`): the Cloud SQL Admin API `DatabaseInstance` with its
 * `settings` spread over columns. JSON columns keep the API's names (`ip_configuration` is
 * `settings.ipConfiguration`: `ipv4Enabled`, `authorizedNetworks`, `requireSsl`, `sslMode`, the
 * Go client's false flags left out, so an absent `ipv4Enabled` is false);
 * the backup columns are `settings.backupConfiguration`'s fields. The table has no column for
 * the backup retention (`backupRetentionSettings`), so the number of backups kept is unknown,
 * not the API's default.
 */
export const gcpSqlInstanceTable: SteampipeTable = {
  table: 'gcp_sql_database_instance',
  matches: (row) => hasAka(row, /^gcp:\/\/cloudsql\.googleapis\.com\/projects\/[^/]+\//),
  requiredColumns: ['name', 'project', 'location', 'ip_configuration', 'backup_enabled', 'kms_key_name'],
  columnTypes: {
    ip_configuration: 'json',
    backup_enabled: 'boolean',
    binary_log_enabled: 'boolean',
    enable_point_in_time_recovery: 'boolean',
    labels: 'json',
    location_preference: 'json',
    database_flags: 'json',
  },
  read(row, origin) {
    const name = typeof row.name === 'string' ? row.name : '';
    const project = typeof row.project === 'string' ? row.project : '';
    if (name === '' || project === '')
      return { skip: 'a gcp_sql_database_instance row without its name or project' };
    const backupConfiguration = {
      ...(typeof row.backup_enabled === 'boolean' && { enabled: row.backup_enabled }),
      ...(typeof row.binary_log_enabled === 'boolean' && { binaryLogEnabled: row.binary_log_enabled }),
      ...(typeof row.enable_point_in_time_recovery === 'boolean' && {
        pointInTimeRecoveryEnabled: row.enable_point_in_time_recovery,
      }),
      ...(typeof row.backup_location === 'string' && { location: row.backup_location }),
    };
    const data = {
      kind: 'sql#instance',
      name,
      project,
      ...(typeof row.location === 'string' && { region: row.location }),
      ...(typeof row.gce_zone === 'string' && { gceZone: row.gce_zone }),
      ...(typeof row.database_version === 'string' && { databaseVersion: row.database_version }),
      ...(typeof row.master_instance_name === 'string' && { masterInstanceName: row.master_instance_name }),
      ...(typeof row.instance_type === 'string' && { instanceType: row.instance_type }),
      ...(typeof row.backend_type === 'string' && { backendType: row.backend_type }),
      ...(typeof row.self_link === 'string' && { selfLink: row.self_link }),
      ...(typeof row.kms_key_name === 'string' &&
        row.kms_key_name !== '' && { diskEncryptionConfiguration: { kmsKeyName: row.kms_key_name } }),
      settings: {
        ...(isObject(row.ip_configuration) && {
          ipConfiguration: goClientIpConfiguration(row.ip_configuration),
        }),
        backupConfiguration,
        ...(isObject(row.labels) && { userLabels: row.labels }),
        ...(isObject(row.location_preference) && { locationPreference: row.location_preference }),
        ...(Array.isArray(row.database_flags) && { databaseFlags: row.database_flags }),
      },
    };
    const resource = rowAsset(origin, {
      name: `//cloudsql.googleapis.com/projects/${project}/instances/${name}`,
      assetType: 'sqladmin.googleapis.com/Instance',
      unknownTags: rowUnknownTags(row, 'labels'),
      data,
    });
    const facts = {
      ...resource.facts,
      retainedBackups: unknown('backupRetentionSettings', {
        ja: 'Steampipe の gcp_sql_database_instance にはバックアップの保持数の列がありません',
        en: 'Steampipe’s gcp_sql_database_instance has no column for the number of backups kept',
      }),
    };
    return [{ ...resource, facts }];
  },
};
