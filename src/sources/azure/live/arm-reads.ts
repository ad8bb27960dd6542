import type { AzureDatabaseFacts, AzureKeyVaultFacts, AzureRedisFacts } from '../../../model/azure.ts';
import { TLS_PARAMETERS } from '../adapters/databases.ts';

/**
 * An ARM read for what a check needs and Resource Graph does not hold: a GET by id through
 * `@azure/arm-resources` (same credential, TLS and pipeline), every `nextLink` page of a list.
 * The bodies go through the offline `azure-arm` reader, so the same adapters read them.
 */
export interface ArmRead {
  /** `--save-inventory` file prefix (`<file>-<subscription>.json`, one ARM list body). */
  readonly file: string;
  /** The coverage message's name for it. */
  readonly what: string;
  /** Appended to the resource (or `/subscriptions/<id>`) id. */
  readonly suffix: string;
  readonly apiVersion: string;
  /** A list body `{value, nextLink}`, rather than one object. */
  readonly list: boolean;
  /**
   * The facts of its resource the body completes (it is then no resource of its own). A read
   * that fails leaves them unknown, naming the call: what was read of a list cut short does
   * not decide a check alone.
   */
  readonly completes?: readonly (keyof AzureDatabaseFacts | keyof AzureRedisFacts)[];
  /** The items kept, by lower-case name: of a list holding hundreds, the few the adapters read. */
  readonly keep?: ReadonlySet<string>;
  /** The fact of its resource that says the list was read whole (or, failed, why not). */
  readonly listedAs?: keyof AzureKeyVaultFacts;
}

export const ARM_READS = {
  // https://learn.microsoft.com/rest/api/sql/server-blob-auditing-policies/get
  sqlAuditing: {
    file: 'sql-auditing-settings',
    what: 'SQL auditing settings',
    suffix: '/auditingSettings/default',
    apiVersion: '2023-08-01',
    list: false,
    completes: ['auditingState'],
  },
  // https://learn.microsoft.com/rest/api/sql/encryption-protectors/get (the TDE protector)
  sqlEncryptionProtector: {
    file: 'sql-encryption-protectors',
    what: 'SQL TDE protector',
    suffix: '/encryptionProtector/current',
    apiVersion: '2023-08-01',
    list: false,
    completes: ['customerManagedKey'],
  },
  // https://learn.microsoft.com/rest/api/sql/managed-instance-encryption-protectors/get
  managedInstanceEncryptionProtector: {
    file: 'sql-encryption-protectors',
    what: 'SQL managed instance TDE protector',
    suffix: '/encryptionProtector/current',
    apiVersion: '2023-08-01',
    list: false,
    completes: ['customerManagedKey'],
  },
  // https://learn.microsoft.com/rest/api/postgresql/flexibleserver/configurations/list-by-server
  postgresParameters: {
    file: 'flexible-server-parameters',
    what: 'PostgreSQL server parameters',
    suffix: '/configurations',
    apiVersion: '2024-08-01',
    list: true,
    completes: ['requireSecureTransport', 'minimalTlsVersion'],
    keep: TLS_PARAMETERS,
  },
  // https://learn.microsoft.com/rest/api/mysql/configurations/list-by-server (flexible servers)
  mysqlParameters: {
    file: 'flexible-server-parameters',
    what: 'MySQL server parameters',
    suffix: '/configurations',
    apiVersion: '2023-12-30',
    list: true,
    completes: ['requireSecureTransport', 'minimalTlsVersion'],
    keep: TLS_PARAMETERS,
  },
  // https://learn.microsoft.com/rest/api/keyvault/keyvault/keys/list (management plane: no key material)
  vaultKeys: {
    file: 'keyvault-keys',
    what: 'Key Vault keys',
    suffix: '/keys',
    apiVersion: '2023-07-01',
    list: true,
    listedAs: 'keysListed',
  },
  // https://learn.microsoft.com/rest/api/keyvault/keyvault/managed-hsm-keys/list (ManagedHsmKeys_List,
  // the management plane, as for vaults): a managed HSM's keys, saved apart from the vaults'.
  hsmKeys: {
    file: 'managed-hsm-keys',
    what: 'managed HSM keys',
    suffix: '/keys',
    apiVersion: '2024-11-01',
    list: true,
    listedAs: 'keysListed',
  },
  // https://learn.microsoft.com/rest/api/redis/redisenterprisecache/databases/list-by-cluster: an
  // Azure Managed Redis or Redis Enterprise cluster's databases, whose clientProtocol says whether
  // they take plaintext clients (azure.redis.tls-only).
  redisEnterpriseDatabases: {
    file: 'redis-enterprise-databases',
    what: 'Redis Enterprise databases',
    suffix: '/databases',
    apiVersion: '2025-04-01',
    list: true,
    completes: ['enableNonSslPort'],
  },
  // https://learn.microsoft.com/rest/api/consumption/budgets/list (the subscription's own budgets)
  budgets: {
    file: 'budgets',
    what: 'budgets',
    suffix: '/providers/Microsoft.Consumption/budgets',
    apiVersion: '2023-05-01',
    list: true,
  },
} as const satisfies Record<string, ArmRead>;

/**
 * Native types whose checks need ARM reads: azure.sql.auditing; the TDE protector of a server
 * or managed instance (customerManagedKey: common.classification.cmk-at-rest, common.location.data-in-japan); the
 * flexible servers' TLS parameters (azure.database.minimum-tls); azure.keyvault.key-* (vaults' and
 * managed HSMs' keys); a Redis Enterprise cluster's databases (azure.redis.tls-only).
 */
export const RESOURCE_READS: ReadonlyMap<string, readonly ArmRead[]> = new Map<string, readonly ArmRead[]>([
  ['microsoft.sql/servers', [ARM_READS.sqlAuditing, ARM_READS.sqlEncryptionProtector]],
  ['microsoft.sql/managedinstances', [ARM_READS.managedInstanceEncryptionProtector]],
  ['microsoft.dbforpostgresql/flexibleservers', [ARM_READS.postgresParameters]],
  ['microsoft.dbformysql/flexibleservers', [ARM_READS.mysqlParameters]],
  ['microsoft.keyvault/vaults', [ARM_READS.vaultKeys]],
  ['microsoft.keyvault/managedhsms', [ARM_READS.hsmKeys]],
  ['microsoft.cache/redisenterprise', [ARM_READS.redisEnterpriseDatabases]],
]);
