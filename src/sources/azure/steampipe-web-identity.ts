import type { SteampipeTable } from '../steampipe-row.ts';
import { armTable } from './steampipe-arm-table.ts';

/**
 * `azure_app_service_web_app`: the site's `httpsOnly`, and `configuration`, the app's
 * `config/web` record (`{properties: {minTlsVersion, ftpsState}}`), which completes the site's
 * settings (the listed site's `site_config` leaves them null). The plugin's Go SDK (track 1
 * `web.SiteConfigResource`) writes it without the id, name and type it holds read-only: they
 * are put back from the site's id, so that it is read as the site's `config/web` child. The table has no column for the site's `publicNetworkAccess`: unknown, not
 * App Service's default (enabled). `azure_app_service_function_app` rows, sites too, have the
 * same columns (without `diagnostic_settings`) and are read alike.
 */
export const azureWebAppTable: SteampipeTable = armTable({
  table: 'azure_app_service_web_app',
  type: 'Microsoft.Web/sites',
  idPattern: /\/providers\/microsoft\.web\/sites\/[^/]+$/i,
  requiredColumns: ['id', 'region', 'https_only', 'configuration'],
  columnTypes: {
    https_only: 'boolean',
    client_cert_enabled: 'boolean',
    enabled: 'boolean',
    site_config: 'json',
    diagnostic_settings: 'json',
  },
  columns: [
    ['https_only', 'httpsOnly'],
    ['site_config', 'siteConfig'],
    ['client_cert_enabled', 'clientCertEnabled'],
    ['enabled', 'enabled'],
    ['state', 'state'],
    ['default_site_hostname', 'defaultHostName'],
  ],
  children: [{ column: 'configuration', record: siteConfigRecord }],
  diagnosticSettings: 'column',
  notCarried: [
    { fact: 'publicNetworkAccess', path: 'properties.publicNetworkAccess' },
    { fact: 'reachableFromInternet', path: 'properties.publicNetworkAccess' },
  ],
});

/** The site's `config/web` record: its own id, name and type where written, else the site's. */
function siteConfigRecord(child: Record<string, unknown>, row: Readonly<Record<string, unknown>>): unknown {
  return {
    ...child,
    id: typeof child.id === 'string' ? child.id : `${String(row.id)}/config/web`,
    name: typeof child.name === 'string' ? child.name : 'web',
    type: typeof child.type === 'string' ? child.type : 'Microsoft.Web/sites/config',
  };
}

/**
 * `azure_role_assignment`: the assignment's `scope`, `principal_id`, `principal_type` and
 * `role_definition_id` (whose GUID names a built-in role); no `region` column, as role
 * assignments have no location.
 */
export const azureRoleAssignmentTable: SteampipeTable = armTable({
  table: 'azure_role_assignment',
  untagged: true,
  type: 'Microsoft.Authorization/roleAssignments',
  idPattern: /\/providers\/microsoft\.authorization\/roleassignments\/[^/]+$/i,
  requiredColumns: ['id', 'scope', 'principal_id', 'principal_type', 'role_definition_id'],
  columnTypes: {},
  columns: [
    ['scope', 'scope'],
    ['principal_id', 'principalId'],
    ['principal_type', 'principalType'],
    ['role_definition_id', 'roleDefinitionId'],
  ],
});

/**
 * `azure_role_definition`: the role's `role_name`, `role_type` (BuiltInRole, CustomRole),
 * `assignable_scopes` and `permissions`, the SDK's `[{actions, notActions, dataActions,
 * notDataActions}]` in the API's names; no `region` column, as role definitions have no location.
 */
export const azureRoleDefinitionTable: SteampipeTable = armTable({
  table: 'azure_role_definition',
  untagged: true,
  type: 'Microsoft.Authorization/roleDefinitions',
  idPattern: /\/providers\/microsoft\.authorization\/roledefinitions\/[^/]+$/i,
  requiredColumns: ['id', 'role_name', 'role_type', 'permissions'],
  columnTypes: { assignable_scopes: 'json', permissions: 'json' },
  columns: [
    ['role_name', 'roleName'],
    ['role_type', 'type'],
    ['description', 'description'],
    ['assignable_scopes', 'assignableScopes'],
    ['permissions', 'permissions'],
  ],
});
