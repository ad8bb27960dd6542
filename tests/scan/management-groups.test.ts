import { describe, expect, it } from 'vitest';
import type { AzureRoleAssignmentFacts, AzureSubscriptionFacts } from '../../src/model/azure.ts';
import { addMissingAccounts } from '../../src/scan/evaluate.ts';
import { Inventory } from '../../src/scan/inventory.ts';
import { placeManagementGroupAssignments } from '../../src/scan/management-groups.ts';
import { azureArm } from '../../src/sources/azure/arm.ts';
import { azureGraphCli } from '../../src/sources/azure/graph-cli.ts';
import { graphCliOutput, TENANT } from '../checks/azure/arg-rows.ts';
import { readRecords } from '../helpers/checks.ts';

const PROD = '0b1f6471-1bf0-4dda-aec3-cb9272f09590';
const DEV = '7c2e8a10-4f3b-4c5d-9e6f-1a2b3c4d5e6f';
const LOOSE = 'a91d3e55-6b7c-4d8e-9f01-23456789abcd';
const OWNER = '/providers/Microsoft.Authorization/RoleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635';

/** A resourcecontainers subscription row; `chain` its managementGroupAncestorsChain, parent first. */
function subscriptionRow(id: string, chain?: string[]) {
  return {
    id: `/subscriptions/${id}`,
    name: `sub-${id.slice(0, 4)}`,
    type: 'microsoft.resources/subscriptions',
    tenantId: TENANT,
    subscriptionId: id,
    resourceGroup: '',
    properties: {
      state: 'Enabled',
      ...(chain && { managementGroupAncestorsChain: chain.map((name) => ({ name, displayName: name })) }),
    },
  };
}

/** An authorizationresources role assignment row at `scope`; `subscriptionId` empty above the subscriptions. */
function assignmentRow(scope: string, name: string, subscription = '') {
  return {
    id: `${scope === '/' ? '' : scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    name,
    type: 'microsoft.authorization/roleassignments',
    tenantId: TENANT,
    subscriptionId: subscription,
    resourceGroup: '',
    properties: { principalId: `p-${name}`, principalType: 'User', roleDefinitionId: OWNER, scope },
  };
}

const GROUP = (name: string) => `/providers/Microsoft.Management/managementGroups/${name}`;

function inventoryOf(rows: object[]): Inventory {
  const inventory = new Inventory();
  for (const resource of readRecords(azureGraphCli, graphCliOutput(rows as Record<string, unknown>[])))
    inventory.add(resource);
  placeManagementGroupAssignments(inventory);
  addMissingAccounts(inventory);
  return inventory;
}

const assignmentsOf = (inventory: Inventory, subscription: string) =>
  inventory
    .inAccount('azure', subscription, 'iam.role-assignment')
    .map((r) => [r.id, (r.facts as AzureRoleAssignmentFacts).scope?.value]);

describe('placeManagementGroupAssignments', () => {
  it('gives each subscription the assignments of the groups in its chain and of the root, one resource per subscription', () => {
    const inventory = inventoryOf([
      subscriptionRow(PROD, ['mg-osaka-prod', 'mg-osaka', TENANT]),
      subscriptionRow(DEV, ['mg-tokyo', TENANT]),
      assignmentRow(`/subscriptions/${PROD}`, 'ra-prod', PROD),
      assignmentRow(GROUP('mg-osaka'), 'ra-osaka'),
      assignmentRow(GROUP(TENANT), 'ra-tenant'),
      assignmentRow(GROUP('mg-tokyo'), 'ra-tokyo'),
      assignmentRow('/', 'ra-root'),
    ]);
    const inherited = (scope: string, name: string, subscription: string) => [
      `/subscriptions/${subscription}${scope === '/' ? '' : scope.toLowerCase()}/providers/microsoft.authorization/roleassignments/${name}`,
      scope.toLowerCase(),
    ];
    expect(assignmentsOf(inventory, PROD)).toEqual([
      [
        `/subscriptions/${PROD}/providers/microsoft.authorization/roleassignments/ra-prod`,
        `/subscriptions/${PROD}`,
      ],
      inherited('/', 'ra-root', PROD),
      inherited(GROUP('mg-osaka'), 'ra-osaka', PROD),
      inherited(GROUP(TENANT), 'ra-tenant', PROD),
    ]);
    expect(assignmentsOf(inventory, DEV)).toEqual([
      inherited('/', 'ra-root', DEV),
      inherited(GROUP('mg-tokyo'), 'ra-tokyo', DEV),
      inherited(GROUP(TENANT), 'ra-tenant', DEV),
    ]);
    // The groups' accounts are no subscriptions: no account resource, no finding of theirs.
    expect(inventory.accounts().map((a) => a.account)).toEqual([PROD, DEV]);
  });

  it('marks a subscription whose groups are not known unknown, saying so, when groups have assignments', () => {
    const inventory = inventoryOf([
      subscriptionRow(PROD, ['mg-osaka', TENANT]),
      subscriptionRow(DEV),
      assignmentRow(`/subscriptions/${LOOSE}`, 'ra-loose', LOOSE),
      assignmentRow(GROUP('mg-osaka'), 'ra-osaka'),
    ]);
    const groups = (subscription: string) =>
      (inventory.byId('azure', `/subscriptions/${subscription}`)!.facts as AzureSubscriptionFacts)
        .managementGroups;
    expect(groups(PROD)).toMatchObject({ source: 'explicit', value: ['mg-osaka', TENANT] });
    for (const subscription of [DEV, LOOSE]) {
      expect(groups(subscription)).toMatchObject({
        source: 'unknown',
        path: 'properties.managementGroupAncestorsChain',
        note: { en: expect.stringContaining('not which groups this subscription is under') },
      });
    }
    // The subscription described by no row keeps the account resource the scan gives it.
    expect(inventory.byId('azure', `/subscriptions/${LOOSE}`)?.origin.file).toBe(
      '(derived: account of scanned resources)',
    );
    expect(assignmentsOf(inventory, DEV)).toEqual([]);
  });

  it('leaves the groups unmarked where the subscription’s own list holds the assignments it inherits', () => {
    const inventory = new Inventory();
    // A tenant-wide list with another group's assignment, and the subscription's own list (az role
    // assignment list --include-inherited, Steampipe's azure_role_assignment): every assignment
    // that applies to it, those of the groups above it with the rest.
    for (const resource of readRecords(
      azureGraphCli,
      graphCliOutput([assignmentRow(GROUP('mg-tokyo'), 'ra-tokyo')]),
    ))
      inventory.add(resource);
    const { properties, ...row } = assignmentRow(GROUP('mg-osaka'), 'ra-osaka');
    const own = [
      { ...row, ...properties, subscriptionId: undefined },
      assignmentRow(`/subscriptions/${DEV}`, 'ra-dev'),
    ];
    for (const resource of readRecords(azureArm, own)) inventory.add(resource);
    placeManagementGroupAssignments(inventory);
    addMissingAccounts(inventory);
    const subscription = inventory.byId('azure', `/subscriptions/${DEV}`)!;
    expect((subscription.facts as AzureSubscriptionFacts).managementGroups).toBeUndefined();
    expect(assignmentsOf(inventory, DEV).map(([, scope]) => scope)).toEqual([
      GROUP('mg-osaka').toLowerCase(),
      `/subscriptions/${DEV}`,
    ]);
  });

  it('leaves the groups unmarked where only the root has assignments (every subscription is under it)', () => {
    const inventory = inventoryOf([subscriptionRow(DEV), assignmentRow('/', 'ra-root')]);
    const subscription = inventory.byId('azure', `/subscriptions/${DEV}`)!;
    expect((subscription.facts as AzureSubscriptionFacts).managementGroups).toBeUndefined();
    expect(assignmentsOf(inventory, DEV)).toHaveLength(1);
  });

  it('does not take twice an assignment the subscription’s own list also holds', () => {
    const inventory = new Inventory();
    const tenant = [
      subscriptionRow(PROD, ['mg-osaka', TENANT]),
      assignmentRow(GROUP('mg-osaka'), 'ra-osaka'),
    ];
    for (const resource of readRecords(azureGraphCli, graphCliOutput(tenant))) inventory.add(resource);
    // `az role assignment list --subscription <id> --include-inherited`: the subscription's list.
    const { properties, ...row } = assignmentRow(GROUP('mg-osaka'), 'ra-osaka');
    const own = [
      { ...row, ...properties, subscriptionId: undefined },
      assignmentRow(`/subscriptions/${PROD}`, 'ra-prod'),
    ];
    for (const resource of readRecords(azureArm, own)) inventory.add(resource);
    placeManagementGroupAssignments(inventory);
    expect(assignmentsOf(inventory, PROD)).toEqual([
      [
        `/subscriptions/${PROD}${GROUP('mg-osaka').toLowerCase()}/providers/microsoft.authorization/roleassignments/ra-osaka`,
        GROUP('mg-osaka').toLowerCase(),
      ],
      [
        `/subscriptions/${PROD}/providers/microsoft.authorization/roleassignments/ra-prod`,
        `/subscriptions/${PROD}`,
      ],
    ]);
  });
});

describe('placeManagementGroupAssignments: the tenant’s role definitions', () => {
  const role = (guid: string, subscription: string) => ({
    id: `${subscription ? `/subscriptions/${subscription}` : ''}/providers/Microsoft.Authorization/RoleDefinitions/${guid}`,
    name: guid,
    type: 'microsoft.authorization/roledefinitions',
    tenantId: TENANT,
    subscriptionId: subscription,
    resourceGroup: '',
    properties: {
      roleName: `role ${guid.slice(0, 4)}`,
      type: 'CustomRole',
      permissions: [{ actions: ['*'] }],
    },
  });
  const CUSTOM = '4c3b2a19-8d7e-4f6a-9b5c-0d1e2f3a4b5c';
  const AT_ROOT = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

  it('files them under a subscription of the scan, making no account of the subscription a listing names', () => {
    const inventory = inventoryOf([subscriptionRow(PROD, [TENANT]), role(CUSTOM, LOOSE), role(AT_ROOT, '')]);
    expect(inventory.accounts()).toEqual([{ provider: 'azure', account: PROD }]);
    for (const guid of [CUSTOM, AT_ROOT])
      expect(
        inventory.byId('azure', `/providers/microsoft.authorization/roledefinitions/${guid}`),
      ).toMatchObject({
        account: PROD,
        kansaType: 'iam.role',
      });
    expect(assignmentsOf(inventory, PROD)).toEqual([]);
  });
});
