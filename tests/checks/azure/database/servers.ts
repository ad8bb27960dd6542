import { row } from '../arg-rows.ts';

/** Database rows for the azure.database.* and azure.sql.* cases. */
type Row = Record<string, unknown>;
export const sql = (properties: Row) =>
  row('Microsoft.Sql', 'servers', 'servers/sql1', { kind: 'v12.0', properties });
export const flexible = (properties: Row) =>
  row('Microsoft.DBforPostgreSQL', 'flexibleServers', 'flexibleServers/pg1', { properties });
export const cosmos = (properties: Row) =>
  row('Microsoft.DocumentDB', 'databaseAccounts', 'databaseAccounts/cosmos1', {
    kind: 'GlobalDocumentDB',
    properties,
  });
export const sqlDatabase = row('Microsoft.Sql', 'servers/databases', 'servers/sql1/databases/db1', {
  properties: {},
});
/**
 * A flexible server's parameter as the ARM list body (`…/configurations`) gives it: `value`,
 * `defaultValue`, `allowedValues` under `properties`.
 */
export const flexibleParameter = (name: string, value: string, provider = 'Microsoft.DBforPostgreSQL') =>
  row(provider, 'flexibleServers/configurations', `flexibleServers/pg1/configurations/${name}`, {
    properties: { value, defaultValue: value, dataType: 'Enumeration', source: 'user-override' },
  });
