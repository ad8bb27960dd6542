import {
  cloudDefault,
  derived,
  explicit,
  type Fact,
  factPath,
  unexpectedType,
  unknown,
} from '../../../model/fact.ts';
import type { GcpSqlInstanceFacts } from '../../../model/gcp.ts';
import { at, isObject, type JsonObject, objectsOf } from '../json.ts';
import { customerManagedKey, replicaOf, sqlInstanceAssetName } from './encryption.ts';
import { asBoolean, asString, fieldFact } from './fields.ts';

const IP = 'settings.ipConfiguration';
// The fields under it, made once: paths built for every instance are new strings to hash.
const IPV4_ENABLED = `${IP}.ipv4Enabled`;
const AUTHORIZED_NETWORKS = `${IP}.authorizedNetworks`;
const SSL_MODE = `${IP}.sslMode`;
const REQUIRE_SSL = `${IP}.requireSsl`;

/**
 * sqladmin.googleapis.com/Instance: the Cloud SQL Admin API `DatabaseInstance`.
 * https://cloud.google.com/sql/docs/mysql/admin-api/rest/v1beta4/instances
 */
export function sqlInstanceFacts(data: JsonObject, dataPath: string): GcpSqlInstanceFacts {
  // `ipv4Enabled` has no default the API documents (a BoolValue the API always returns).
  const publicIp = fieldFact(data, dataPath, IPV4_ENABLED, asBoolean, {
    unknown: {
      ja: 'パブリック IP の有無（ipv4Enabled）がエクスポートにありません',
      en: 'the export does not say whether the instance has a public IP (ipv4Enabled)',
    },
  });
  return {
    ...customerManagedKey(data, dataPath, 'diskEncryptionConfiguration.kmsKeyName'),
    ...replicaOf(data, dataPath, 'masterInstanceName', sqlInstanceAssetName),
    publicIp,
    ...(publicIp.source !== 'unknown' && { reachableFromInternet: publicIp }),
    authorizedNetworks: authorizedNetworks(data, dataPath),
    sslMode: sslMode(data, dataPath),
    backupEnabled: fieldFact(data, dataPath, 'settings.backupConfiguration.enabled', asBoolean, {
      unknown: {
        ja: '自動バックアップの設定（backupConfiguration.enabled）がエクスポートにありません',
        en: 'the export does not show the automated backup setting (backupConfiguration.enabled)',
      },
    }),
    retainedBackups: retainedBackups(data, dataPath),
    ...externalServer(data, dataPath),
    ...(asString(data.instanceType) && {
      readReplica: explicit(
        data.instanceType === 'READ_REPLICA_INSTANCE',
        factPath(dataPath, 'instanceType'),
      ),
    }),
  };
}

/**
 * A source representation instance (`instanceType` ON_PREMISES_INSTANCE, `backendType`
 * EXTERNAL): the external primary of a migration or of external-server replication, named by
 * `onPremisesConfiguration.hostPort`; it has no backups, disks or connections of Cloud SQL's.
 * https://cloud.google.com/sql/docs/mysql/replication/configure-replication-from-external
 */
function externalServer(data: JsonObject, dataPath: string): Pick<GcpSqlInstanceFacts, 'externalServer'> {
  for (const [field, value] of [
    ['instanceType', 'ON_PREMISES_INSTANCE'],
    ['backendType', 'EXTERNAL'],
  ] as const) {
    if (asString(data[field]) === value)
      return { externalServer: explicit(value, factPath(dataPath, field)) };
  }
  return {};
}

/**
 * How many automated backups are kept: `retainedBackups` when the retention unit is COUNT (the
 * only unit the API defines), else the documented default of 7.
 * https://cloud.google.com/sql/docs/mysql/admin-api/rest/v1beta4/instances#backupretentionsettings
 */
function retainedBackups(data: JsonObject, dataPath: string): Fact<number> {
  const path = factPath(dataPath, 'settings.backupConfiguration.backupRetentionSettings.retainedBackups');
  const value = at(data, 'settings.backupConfiguration.backupRetentionSettings.retainedBackups');
  const count = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (Number.isInteger(count)) return explicit(count, path);
  return cloudDefault(7, path, {
    ja: '保持するバックアップ数の設定がありません: Cloud SQL の既定は 7 世代です',
    en: 'no retained-backups setting: Cloud SQL keeps 7 by default',
  });
}

/** Proto JSON omits empty lists: an IP configuration without `authorizedNetworks` has none. */
function authorizedNetworks(data: JsonObject, dataPath: string): Fact<readonly string[]> {
  const path = factPath(dataPath, AUTHORIZED_NETWORKS);
  const ipConfiguration = at(data, IP);
  if (!isObject(ipConfiguration)) {
    return unknown(path, {
      ja: 'IP 構成がエクスポートにありません',
      en: 'the export has no IP configuration',
    });
  }
  // An entry read as nothing could be the one that admits the internet: the list is unknown.
  const ranges = objectsOf(ipConfiguration.authorizedNetworks)?.map((entry) => entry.value);
  return ranges?.every((range): range is string => typeof range === 'string')
    ? explicit(ranges, path)
    : unexpectedType(path);
}

/**
 * `sslMode`, or what the legacy `requireSsl` means: true pairs with TRUSTED_CLIENT_CERTIFICATE_REQUIRED
 * (TLS with valid client certificates) on MySQL and PostgreSQL, with ENCRYPTED_ONLY on SQL Server
 * (the value pairs of the IpConfiguration reference). `sslMode` has priority where both are set.
 * Neither set: unencrypted connections are allowed, the documented default.
 * https://cloud.google.com/sql/docs/postgres/configure-ssl-instance
 * https://cloud.google.com/sql/docs/mysql/admin-api/rest/v1beta4/instances#ipconfiguration
 */
function sslMode(data: JsonObject, dataPath: string): Fact<string> {
  const mode = asString(at(data, SSL_MODE));
  // SSL_MODE_UNSPECIFIED says nothing: `requireSsl` (or the default) decides.
  if (mode && mode !== 'SSL_MODE_UNSPECIFIED') return explicit(mode, factPath(dataPath, SSL_MODE));
  const requireSsl = asBoolean(at(data, REQUIRE_SSL));
  if (requireSsl !== undefined) {
    return derived(
      requireSsl ? requiredMode(data) : 'ALLOW_UNENCRYPTED_AND_ENCRYPTED',
      explicit(requireSsl, factPath(dataPath, REQUIRE_SSL)),
    );
  }
  return cloudDefault('ALLOW_UNENCRYPTED_AND_ENCRYPTED', factPath(dataPath, SSL_MODE), {
    ja: '指定なし: 既定では暗号化されていない接続も許可されます（ALLOW_UNENCRYPTED_AND_ENCRYPTED）',
    en: 'not set: unencrypted connections are allowed by default (ALLOW_UNENCRYPTED_AND_ENCRYPTED)',
  });
}

/** The mode `requireSsl: true` stands for on the instance's engine (`databaseVersion` SQLSERVER_…). */
function requiredMode(data: JsonObject): string {
  const version = asString(data.databaseVersion);
  return version?.toUpperCase().startsWith('SQLSERVER')
    ? 'ENCRYPTED_ONLY'
    : 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED';
}
