import type { AzureDirectoryUserFacts } from '../../model/azure.ts';
import { explicit } from '../../model/fact.ts';
import { isDirectoryRow, type SteampipeTable } from '../steampipe-row.ts';
import { directoryUserResource } from './directory-user.ts';

/**
 * `azuread_user` (turbot/steampipe-plugin-azuread): an Entra ID user, by its object `id` (a role
 * assignment's `principal_id`), with `user_type` (Member, Guest) and `user_principal_name` (a
 * guest's holds `#EXT#`) and `account_enabled`. Read at the tenant's root: the scan files it under a subscription,
 * where the checks look it up by id (scan/management-groups.ts). A null `user_type` (a user
 * synchronized before Graph kept it) is not told.
 */
export const azureadUserTable: SteampipeTable = {
  table: 'azuread_user',
  matches: (row) => isDirectoryRow(row) && 'user_principal_name' in row && 'user_type' in row,
  requiredColumns: ['id', 'user_principal_name', 'user_type'],
  columnTypes: { account_enabled: 'boolean' },
  read(row, origin) {
    if (typeof row.id !== 'string' || row.id === '')
      return { skip: 'an azuread_user row without its object id' };
    const facts: AzureDirectoryUserFacts = {
      ...(typeof row.account_enabled === 'boolean' && {
        accountEnabled: explicit(row.account_enabled, 'account_enabled'),
      }),
      ...(typeof row.user_type === 'string' &&
        row.user_type !== '' && { userType: explicit(row.user_type, 'user_type') }),
      ...(typeof row.user_principal_name === 'string' &&
        row.user_principal_name !== '' && {
          userPrincipalName: explicit(row.user_principal_name, 'user_principal_name'),
        }),
    };
    const name = typeof row.user_principal_name === 'string' ? row.user_principal_name : row.id;
    return [directoryUserResource(row.id, name, facts, origin)];
  },
};
