import { beforeAll, describe, expect, it } from 'vitest';
import type { AzureDirectoryUserFacts } from '../../../src/model/azure.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { azureEntraUsersCsv, azureGraphDirectory } from '../../../src/sources/azure/graph-directory.ts';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';

beforeAll(loadCsvParser);

// Microsoft Graph users as `az ad user list` prints them (CLI 2.37 and later: Graph's default
// properties, no userType), the older AAD Graph's (`objectId`), a `$select` page with userType,
// and the userRegistrationDetails page (learn.microsoft.com/graph/api/resources/userregistrationdetails).
const user = {
  businessPhones: [],
  displayName: 'Vendor SE',
  givenName: null,
  id: '1a2b3c4d-0000-4000-8000-000000000002',
  jobTitle: null,
  mail: 'se@vendor.example.co.jp',
  userPrincipalName: 'se_vendor.example.co.jp#EXT#@cityexample.onmicrosoft.com',
};
const aadGraphUser = {
  objectId: '1a2b3c4d-0000-4000-8000-000000000003',
  objectType: 'User',
  'odata.type': 'Microsoft.DirectoryServices.User',
  userPrincipalName: 'it-kanri@city.example.lg.jp',
  userType: 'Member',
};
const registration = {
  id: '86462606-fde0-4fc4-9e0c-a20eb73e54c6',
  userPrincipalName: 'AlexW@contoso.com',
  userDisplayName: 'Alex Wilber',
  userType: 'member',
  isAdmin: false,
  isSsprRegistered: false,
  isMfaRegistered: false,
  isMfaCapable: false,
  methodsRegistered: [],
  lastUpdatedDateTime: '2026-11-30T21:04:18.1129871Z',
};
// Get-MgUser -Property Id,UserPrincipalName,UserType | ConvertTo-Json: the SDK's PascalCase properties.
const mgUser = {
  AccountEnabled: null,
  DisplayName: 'Hanako Suzuki',
  Id: '1a2b3c4d-0000-4000-8000-000000000004',
  UserPrincipalName: 'hanako.suzuki@city.example.lg.jp',
  UserType: 'Guest',
  AdditionalProperties: {},
};

const formatOf = (document: unknown) =>
  INPUT_FORMATS.find((format) => format.kind === 'document' && format.matches(document))?.id;
const read = (document: unknown) =>
  [
    ...azureGraphDirectory.read(document, { file: 'x.json', skip: () => {} }),
  ] as Resource<AzureDirectoryUserFacts>[];

describe('azure-graph-directory', () => {
  it('reads az ad user list (Graph and AAD Graph users) as directory users by object id', () => {
    expect(formatOf([user, aadGraphUser])).toBe('azure-graph-directory');
    expect(read([user, aadGraphUser])).toMatchObject([
      {
        id: '/users/1a2b3c4d-0000-4000-8000-000000000002',
        kansaType: 'iam.user',
        account: '/',
        facts: { userPrincipalName: { source: 'explicit', value: user.userPrincipalName } },
      },
      {
        id: '/users/1a2b3c4d-0000-4000-8000-000000000003',
        facts: { userType: { source: 'explicit', value: 'Member', path: 'userType' } },
      },
    ]);
    expect(read([user])[0]?.facts.userType).toBeUndefined();
  });

  it('reads a Graph page, the registration details with isMfaRegistered, and Get-MgUser objects', () => {
    const page = { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users', value: [user] };
    expect(formatOf(page)).toBe('azure-graph-directory');
    const details = {
      '@odata.context':
        'https://graph.microsoft.com/v1.0/$metadata#reports/authenticationMethods/userRegistrationDetails',
      value: [registration],
    };
    expect(formatOf(details)).toBe('azure-graph-directory');
    expect(read(details)[0]?.facts).toEqual({
      userPrincipalName: { source: 'explicit', value: 'AlexW@contoso.com', path: 'userPrincipalName' },
      userType: { source: 'explicit', value: 'member', path: 'userType' },
      mfaRegistered: { source: 'explicit', value: false, path: 'isMfaRegistered' },
    });
    expect(formatOf([mgUser])).toBe('azure-graph-directory');
    expect(read([mgUser])).toMatchObject([
      { id: '/users/1a2b3c4d-0000-4000-8000-000000000004', facts: { userType: { value: 'Guest' } } },
    ]);
  });

  // `az ad user list` prints accountEnabled; Get-MgUser leaves it null unless -Property asks for it.
  it('reads accountEnabled where the answer gives it, and not the null of a property Get-MgUser was not asked for', () => {
    const [blocked, unasked] = read([{ ...user, accountEnabled: false }, mgUser]);
    expect(blocked?.facts.accountEnabled).toEqual({
      source: 'explicit',
      value: false,
      path: 'accountEnabled',
    });
    expect(unasked?.facts.accountEnabled).toBeUndefined();
  });

  it('takes no other directory object for a user', () => {
    const group = {
      id: '2b3c4d5e-0000-4000-8000-000000000001',
      displayName: 'admins',
      securityEnabled: true,
      mailEnabled: false,
    };
    expect(formatOf([group])).toBe('azure-cli-unread');
    expect(formatOf([user, group])).not.toBe('azure-graph-directory');
  });

  // The Entra admin center's Users → Download users (learn.microsoft.com/entra/identity/users/users-bulk-download).
  const HEADER =
    'userPrincipalName,displayName,surname,mail,givenName,objectId,userType,jobTitle,department,accountEnabled,usageLocation,streetAddress,state,country,physicalDeliveryOfficeName,city,postalCode,telephoneNumber,mobile,authenticationPhoneNumber,authenticationAlternativePhoneNumber,authenticationEmail,alternateEmailAddress,ageGroup,consentProvidedForMinor,legalAgeGroupClassification';
  const row = (upn: string, id: string, userType: string) =>
    [upn, 'Name', '', '', '', id, userType, '', '', 'True', ...Array(16).fill('')].join(',');

  it("reads the Entra admin center's Download users CSV as directory users, by objectId", () => {
    const text = `\ufeff${HEADER}\r\n${row('partner_example.net#EXT#@city.onmicrosoft.com', '8b2c3d4e-2222-4f5a-9b6c-7d8e9f0a1b22', 'Guest')}\r\n${row('svc@city.onmicrosoft.com', '8b2c3d4e-3333-4f5a-9b6c-7d8e9f0a1b23', '')}\r\n`;
    expect(INPUT_FORMATS.find((format) => format.kind === 'text' && format.matches(HEADER))?.id).toBe(
      'azure-entra-users-csv',
    );
    const skipped: string[] = [];
    const users = [
      ...azureEntraUsersCsv.read(text, { file: 'exportUsers.csv', skip: (reason) => skipped.push(reason) }),
    ] as Resource<AzureDirectoryUserFacts>[];
    expect(users).toMatchObject([
      {
        id: '/users/8b2c3d4e-2222-4f5a-9b6c-7d8e9f0a1b22',
        facts: { userType: { source: 'explicit', value: 'Guest', path: 'userType' } },
      },
      { id: '/users/8b2c3d4e-3333-4f5a-9b6c-7d8e9f0a1b23' },
    ]);
    expect(users[1]?.facts.userType).toBeUndefined();
    expect(users.map((u) => u.facts.accountEnabled?.value)).toEqual([true, true]);
    expect(skipped).toEqual([]);
  });
});
