/**
 * The Azure database types that hold their own network and TLS settings: every database type
 * kansa reads but SQL databases (`microsoft.sql/servers/databases`), which take them from their
 * logical server.
 */
export const SERVER_NATIVE_TYPES: readonly string[] = [
  'microsoft.sql/servers',
  'microsoft.sql/managedinstances',
  'microsoft.dbforpostgresql/flexibleservers',
  'microsoft.dbformysql/flexibleservers',
  'microsoft.dbforpostgresql/servers',
  'microsoft.dbformysql/servers',
  'microsoft.dbformariadb/servers',
  'microsoft.documentdb/databaseaccounts',
];
