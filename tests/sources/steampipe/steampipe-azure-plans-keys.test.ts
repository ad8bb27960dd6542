import { beforeAll, describe, expect, it } from 'vitest';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { fact } from '../../helpers/checks.ts';
import { readRows } from './read-rows.ts';

// Rows as `steampipe query --output json "select * from <table>"` writes them, with the columns of
// turbot/steampipe-plugin-azure table_azure_security_center_subscription_pricing.go and
// table_azure_storage_account.go (`access_keys`: listAzureStorageAccountAccessKeys).
const SUB = '00000000-0000-4000-8000-000000000001';
const ACCOUNT = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/corpuskeys`;

beforeAll(loadCsvParser);

const pricing = (name: string, tier: string | null) => {
  const id = `/subscriptions/${SUB}/providers/Microsoft.Security/pricings/${name}`;
  return {
    id,
    name,
    pricing_tier: tier,
    free_trial_remaining_time: 'P0D',
    type: 'Microsoft.Security/pricings',
    title: name,
    akas: [id, id.toLowerCase()],
    cloud_environment: 'AzurePublicCloud',
    subscription_id: SUB,
  };
};

const account = (columns: Record<string, unknown>) => ({
  name: 'corpuskeys',
  id: ACCOUNT,
  type: 'Microsoft.Storage/storageAccounts',
  allow_blob_public_access: false,
  enable_https_traffic_only: true,
  minimum_tls_version: 'TLS1_2',
  network_rule_default_action: 'Deny',
  encryption_key_source: 'Microsoft.Storage',
  region: 'japaneast',
  resource_group: 'rg',
  subscription_id: SUB,
  tags: null,
  title: 'corpuskeys',
  akas: [ACCOUNT.toLowerCase()],
  ...columns,
});

const key = (name: string, created?: string) => ({
  KeyName: name,
  Permissions: 'FULL',
  Value: 'ZmFrZQ==',
  ...(created && { CreationTime: created }),
});

describe('steampipe-rows: Defender plans and storage account keys', () => {
  it('reads azure_security_center_subscription_pricing rows as the subscription’s Defender plans', () => {
    const { resources, skipped } = readRows([pricing('VirtualMachines', 'Standard'), pricing('Dns', null)]);
    expect(skipped).toEqual([]);
    const [servers, dns] = resources;
    expect(servers).toMatchObject({ kansaType: 'security.plan', account: SUB, name: 'VirtualMachines' });
    expect(fact(servers, 'pricingTier')).toMatchObject({ source: 'explicit', value: 'Standard' });
    // A null tier is not Free: what the plan is on is not in the row.
    expect(fact(dns, 'pricingTier')).toMatchObject({ source: 'unknown' });
  });

  it('reads the creation times of access_keys key1 and key2 as ARM’s keyCreationTime', () => {
    const { resources } = readRows([
      account({
        access_keys: [key('key1', '2023-02-14T09:30:12Z'), key('key2', '2024-06-01T00:00:00Z')],
      }),
    ]);
    expect(fact(resources[0], 'keyCreationTimes')).toMatchObject({
      source: 'explicit',
      value: ['2023-02-14T09:30:12Z', '2024-06-01T00:00:00Z'],
    });
  });

  it('keeps a key without CreationTime unknown, and the ages of unlisted keys unknown', () => {
    const { resources } = readRows([
      account({ access_keys: [key('key1', '2023-02-14T09:30:12Z'), key('key2')] }),
      account({ id: `${ACCOUNT}2`, name: 'corpuskeys2', access_keys: null }),
    ]);
    expect(fact(resources[0], 'keyCreationTimes')).toMatchObject({
      value: ['2023-02-14T09:30:12Z', null],
    });
    expect(fact(resources[1], 'keyCreationTimes')).toMatchObject({ source: 'unknown' });
  });
});

describe('steampipe-rows: role definitions', () => {
  it('reads an azure_role_definition row’s permissions, so that a custom role granting roles is known', () => {
    const id = `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/c0a90000-0000-4000-8000-00000000a0c1`;
    const { resources, skipped } = readRows([
      {
        name: 'c0a90000-0000-4000-8000-00000000a0c1',
        id,
        type: 'Microsoft.Authorization/roleDefinitions',
        role_name: 'Access Delegator',
        role_type: 'CustomRole',
        description: null,
        assignable_scopes: [`/subscriptions/${SUB}`],
        permissions: [
          {
            actions: ['Microsoft.Authorization/roleAssignments/write'],
            notActions: [],
            dataActions: [],
            notDataActions: [],
          },
        ],
        title: 'Access Delegator',
        akas: [id.toLowerCase()],
        cloud_environment: 'AzurePublicCloud',
        subscription_id: SUB,
      },
    ]);
    expect(skipped).toEqual([]);
    expect(resources[0]).toMatchObject({ kansaType: 'iam.role' });
    expect(fact(resources[0], 'roleType')).toMatchObject({ value: 'CustomRole' });
    expect(fact(resources[0], 'grantsRoles')).toMatchObject({ source: 'explicit', value: true });
  });
});

describe('steampipe-rows: azuread tables', () => {
  // turbot/steampipe-plugin-azuread table_azuread_user.go: `title` and the common `tenant_id`,
  // no `akas` (directory objects have no resource name).
  const guest = {
    display_name: 'Partner',
    id: '0b1c0000-0000-4000-8000-0000000000e1',
    user_principal_name: 'partner_fabrikam.example#EXT#@tenant.onmicrosoft.com',
    account_enabled: true,
    user_type: 'Guest',
    external_user_state: 'Accepted',
    member_of: [],
    title: 'Partner',
    tenant_id: '7a1b0000-0000-4000-8000-00000000d1d1',
  };

  it('reads an azuread_user row as the directory user of its object id, at the tenant’s root', () => {
    const { resources, skipped } = readRows([guest]);
    expect(skipped).toEqual([]);
    expect(resources).toMatchObject([
      {
        provider: 'azure',
        account: '/',
        kansaType: 'iam.user',
        id: '/users/0b1c0000-0000-4000-8000-0000000000e1',
        facts: {
          userType: { source: 'explicit', value: 'Guest', path: 'user_type' },
          userPrincipalName: { source: 'explicit', value: guest.user_principal_name },
        },
      },
    ]);
  });

  it('skips the rows of the azuread tables no check reads, saying so', () => {
    const group = {
      display_name: 'Ops',
      id: '5e6f0000-0000-4000-8000-000000000001',
      security_enabled: true,
      title: 'Ops',
      tenant_id: guest.tenant_id,
    };
    const { resources, skipped } = readRows([group]);
    expect(resources).toEqual([]);
    expect(skipped).toEqual([expect.stringContaining('azuread table row')]);
  });
});
