import { asBoolean } from '../../base/boolean.ts';
import type { AzureDirectoryUserFacts } from '../../model/azure.ts';
import { explicit } from '../../model/fact.ts';
import type { Origin, Resource } from '../../model/resource.ts';
import { headedCsv, loadCsvParser, requiredColumns } from '../csv.ts';
import type { DocumentFormat, TextFormat } from '../format.ts';
import { GUID, isObject, type JsonObject } from './arm-record.ts';
import { directoryUserResource } from './directory-user.ts';

/**
 * A member of a Microsoft Graph object as Graph and the Azure CLI spell it (`userType`) or as the
 * Microsoft Graph PowerShell SDK's objects do, piped to `ConvertTo-Json` (`UserType`).
 */
function member(item: JsonObject, name: string): unknown {
  return item[name] ?? item[name.charAt(0).toUpperCase() + name.slice(1)];
}

/**
 * An Entra ID user (Graph's `user`: `az ad user list / show`, `GET /users`, `Get-MgUser`) or a
 * user's registration details (`GET /reports/authenticationMethods/userRegistrationDetails`,
 * `Get-MgReportAuthenticationMethodUserRegistrationDetail`): the object id and the sign-in name.
 * The older AAD Graph's users (`objectId`, CLI before 2.37) name the object so.
 */
function userIdOf(item: JsonObject): string | undefined {
  const id = member(item, 'id') ?? member(item, 'objectId');
  return typeof id === 'string' && GUID.test(id) && typeof member(item, 'userPrincipalName') === 'string'
    ? id
    : undefined;
}

/** The items of a Graph answer: a page (`{"@odata.context", "value": […]}`), a CLI array, one object. */
function itemsOf(document: unknown): readonly unknown[] {
  if (Array.isArray(document)) return document;
  if (!isObject(document)) return [];
  const page = member(document, 'value');
  return Array.isArray(page) ? page : [document];
}

const isUser = (item: unknown): item is JsonObject => isObject(item) && userIdOf(item) !== undefined;

/**
 * Microsoft Graph's users and their MFA registration: who the principal id of a role assignment
 * is. Read, by object id, as directory users (model/azure.ts) that the Azure checks look up:
 * `userType` (Member, Guest; Graph returns it only when `$select` or `-Property` asks, and the
 * registration details always, in lower case) and `userPrincipalName` (a guest's holds `#EXT#`)
 * from either; `isMfaRegistered` from the registration details (whether the user has registered
 * a method that can do MFA); `accountEnabled` from the users (`az ad user list` prints it, Graph's
 * `GET /users` where `$select` asks for it). Read at the tenant's root, as Steampipe's azuread_user rows are; a
 * user listed in both merges into one.
 * https://learn.microsoft.com/graph/api/resources/user
 * https://learn.microsoft.com/graph/api/resources/userregistrationdetails
 */
export const azureGraphDirectory: DocumentFormat = {
  kind: 'document',
  id: 'azure-graph-directory',
  provider: 'azure',
  description:
    'Microsoft Graph users and user registration details (az ad user list / show, GET /users, GET /reports/authenticationMethods/userRegistrationDetails, Get-MgUser | ConvertTo-Json): userType, userPrincipalName, isMfaRegistered, accountEnabled by object id',
  matches(document) {
    const items = itemsOf(document);
    return items.length > 0 && items.every(isUser);
  },
  *read(document, ctx) {
    for (const [index, item] of itemsOf(document).entries()) {
      const user = directoryUser(item, { file: ctx.file, index });
      if (user) yield user;
    }
  },
};

/**
 * A Graph user (or one of the other dialects' users put in its terms) as the directory user it is;
 * undefined for an item that is no user (userIdOf).
 */
export function directoryUser(item: unknown, origin: Origin): Resource<AzureDirectoryUserFacts> | undefined {
  if (!isObject(item)) return undefined;
  const id = userIdOf(item);
  if (id === undefined) return undefined;
  const userPrincipalName = member(item, 'userPrincipalName') as string;
  const userType = member(item, 'userType');
  const mfaRegistered = asBoolean(member(item, 'isMfaRegistered'));
  const accountEnabled = asBoolean(member(item, 'accountEnabled'));
  const facts: AzureDirectoryUserFacts = {
    userPrincipalName: explicit(userPrincipalName, 'userPrincipalName'),
    ...(typeof userType === 'string' && userType !== '' && { userType: explicit(userType, 'userType') }),
    ...(mfaRegistered !== undefined && { mfaRegistered: explicit(mfaRegistered, 'isMfaRegistered') }),
    ...(accountEnabled !== undefined && { accountEnabled: explicit(accountEnabled, 'accountEnabled') }),
  };
  return directoryUserResource(id, userPrincipalName, facts, origin);
}

/** The columns of the Entra admin center's user list a directory user is read from, by their header label. */
const USER_COLUMNS = ['objectId', 'userPrincipalName', 'userType'] as const;

const USERS_CSV = headedCsv((header) => {
  const columns = requiredColumns(header, USER_COLUMNS);
  // `accountEnabled` (True / False) where the download has the column.
  return columns && { ...columns, ...requiredColumns(header, ['accountEnabled']) };
}, 'not the header of the Entra admin center\'s "Download users" CSV');

/**
 * The Microsoft Entra admin center's **Users → All users → Download users** CSV
 * (`userPrincipalName`, `displayName`, `surname`, `mail`, `givenName`, `objectId`, `userType`,
 * `jobTitle`, …, `legalAgeGroupClassification`): each row a directory user by `objectId`, with its
 * `userType` and sign-in name, read as Graph's users are. An empty cell is not set.
 * https://learn.microsoft.com/entra/identity/users/users-bulk-download
 */
export const azureEntraUsersCsv: TextFormat = {
  kind: 'text',
  id: 'azure-entra-users-csv',
  provider: 'azure',
  description:
    'Microsoft Entra admin center "Download users" CSV (userPrincipalName, objectId, userType, …): directory users by object id',
  load: loadCsvParser,
  matches: USERS_CSV.matches,
  *read(text, ctx) {
    const { columns, rows } = USERS_CSV.read(text, ctx.file);
    for (const row of rows) {
      const item = Object.fromEntries(
        Object.entries(columns).map(([column, label]) => [column, row.cells[label] ?? '']),
      );
      const user = directoryUser(item, { file: ctx.file, line: row.line });
      if (user) yield user;
      else ctx.skip('a Download users row without its objectId and userPrincipalName', { line: row.line });
    }
  },
};
