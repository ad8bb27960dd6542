import { describe, expect, it } from 'vitest';
import type { AzureRoleAssignmentFacts } from '../../../src/model/azure.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { azureArm } from '../../../src/sources/azure/arm.ts';

const SUB = '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918';
const SUBSCRIPTION = `/subscriptions/${SUB}`;
const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const GROUP = '/providers/Microsoft.Management/managementGroups/mg-city';

function read(document: unknown) {
  const skipped: string[] = [];
  const notes: string[] = [];
  const ctx = {
    file: 'export.json',
    skip: (reason: string) => skipped.push(reason),
    note: (text: string) => notes.push(text),
  };
  const resources: Resource[] = [...azureArm.read(document, ctx)];
  const assignments = (resources as Resource<AzureRoleAssignmentFacts>[])
    .filter((r) => r.kansaType === 'iam.role-assignment')
    .map((r) => ({
      account: r.account,
      role: r.facts.roleDefinitionId?.value,
      scope: r.facts.scope?.value,
      principal: r.facts.principalId?.value,
      name: r.facts.principalName,
    }));
  return { assignments, skipped, notes };
}

describe('PSRule Export-AzRuleData: the subscription’s role assignments', () => {
  // PSRule.Rules.Azure.psm1's VisitSubscription before v1.34: Get-AzRoleAssignment
  // -IncludeClassicAdministrators | SetResourceType 'Microsoft.Authorization/roleAssignments'.
  const psAssignment = (name: string, scope: string, signIn: string | null) => ({
    RoleAssignmentName: name,
    RoleAssignmentId: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    Scope: scope,
    DisplayName: signIn,
    SignInName: signIn,
    RoleDefinitionName: 'Owner',
    RoleDefinitionId: OWNER,
    ObjectId: `0a0b0c0d-0000-4000-8000-0000000000${name.slice(-2)}`,
    ObjectType: 'User',
    CanDelegate: false,
    Condition: null,
    ResourceType: 'Microsoft.Authorization/roleAssignments',
  });

  it('the PowerShell export: PSRoleAssignment objects, classic administrators and those inherited, in the subscription', () => {
    const subscription = {
      Id: SUB,
      Name: 'city',
      State: 'Enabled',
      SubscriptionId: SUB,
      TenantId: '00000000-0000-0000-0000-000000000000',
      ResourceType: 'Microsoft.Subscription',
      resources: [
        psAssignment('a1', SUBSCRIPTION, 'vendor_partner.example#EXT#@city.onmicrosoft.com'),
        psAssignment('a2', GROUP, null),
        {
          ...psAssignment('--', SUBSCRIPTION, 'coadmin@partner.example'),
          RoleAssignmentName: null,
          RoleAssignmentId: null,
          RoleDefinitionName: 'CoAdministrator',
          RoleDefinitionId: null,
          ObjectId: null,
        },
      ],
    };
    const { assignments, skipped } = read([subscription]);
    expect(skipped).toEqual([]);
    expect(assignments).toEqual([
      {
        account: SUB,
        role: OWNER,
        scope: SUBSCRIPTION,
        principal: '0a0b0c0d-0000-4000-8000-0000000000a1',
        name: {
          source: 'explicit',
          value: 'vendor_partner.example#EXT#@city.onmicrosoft.com',
          path: 'SignInName',
        },
      },
      {
        account: SUB,
        role: OWNER,
        scope: GROUP.toLowerCase(),
        principal: '0a0b0c0d-0000-4000-8000-0000000000a2',
        name: expect.objectContaining({ source: 'unknown' }),
      },
      {
        account: SUB,
        role: 'classic:coadministrator',
        scope: SUBSCRIPTION,
        principal: 'coadmin@partner.example',
        name: undefined,
      },
    ]);
  });

  it('v1.34 on: ARM records of the subscription’s list, those of a management group and the root inherited by it', () => {
    const arm = (name: string, scope: string) => ({
      id: `${scope === '/' ? '' : scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
      name,
      type: 'Microsoft.Authorization/roleAssignments',
      properties: {
        roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${OWNER}`,
        principalId: `0a0b0c0d-0000-4000-8000-0000000000${name.slice(-2)}`,
        principalType: 'User',
        scope,
      },
    });
    const subscription = {
      id: SUBSCRIPTION,
      subscriptionId: SUB,
      tenantId: '00000000-0000-0000-0000-000000000000',
      displayName: 'city',
      state: 'Enabled',
      type: 'Microsoft.Subscription',
      resources: [arm('b1', SUBSCRIPTION), arm('b2', GROUP), arm('b3', '/')],
    };
    const { assignments, skipped, notes } = read([subscription]);
    expect(skipped).toEqual([]);
    expect(assignments.map(({ account, scope }) => [account, scope])).toEqual([
      [SUB, SUBSCRIPTION],
      [SUB, GROUP.toLowerCase()],
      [SUB, '/'],
    ]);
    // Each placed in the subscription is noted so, the subscription's own not.
    expect(notes).toEqual([
      expect.stringMatching(/\/b2: a role assignment above the subscription, read as inherited by 7e6d5c4b-/),
      expect.stringMatching(/\/b3: a role assignment above the subscription, read as inherited by 7e6d5c4b-/),
    ]);
    // A resource group's list (VisitResourceGroup) holds what it inherits from above too.
    const group = {
      id: `${SUBSCRIPTION}/resourceGroups/rg-app`,
      name: 'rg-app',
      type: 'Microsoft.Resources/resourceGroups',
      location: 'japaneast',
      properties: { provisioningState: 'Succeeded' },
      resources: [arm('b2', GROUP)],
    };
    const fromGroup = read([group]);
    expect(fromGroup.skipped).toEqual([]);
    expect(fromGroup.assignments.map(({ account, scope }) => [account, scope])).toEqual([
      [SUB, GROUP.toLowerCase()],
    ]);
  });
});
