import { describe, expect, it } from 'vitest';
import type { AzureRoleAssignmentFacts } from '../../../src/model/azure.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { azureArm } from '../../../src/sources/azure/arm.ts';

// PSRule for Azure's export (Export-AzRuleData, ResourceExportVisitor.VisitSubscription): the
// subscription's object holds, under `resources`, its role assignments as
// `GET /subscriptions/<id>/providers/Microsoft.Authorization/roleAssignments` lists them, those
// it inherits from management groups and the root too.
const SUBSCRIPTION = '0e4a2c6b-1d3f-4a5e-8b7c-9d0e1f2a3b4c';
const OWNER = '/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635';

function assignment(scope: string, name: string): Record<string, unknown> {
  return {
    id: `${scope === '/' ? '' : scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    type: 'Microsoft.Authorization/roleAssignments',
    name,
    properties: {
      roleDefinitionId: `/subscriptions/${SUBSCRIPTION}${OWNER}`,
      principalId: `${name}-principal`,
      principalType: 'User',
      scope,
    },
  };
}

const subscription = {
  id: `/subscriptions/${SUBSCRIPTION}`,
  subscriptionId: SUBSCRIPTION,
  tenantId: '72f988bf-0000-4000-8000-00000000c0de',
  displayName: 'juki-production',
  state: 'Enabled',
  type: 'Microsoft.Subscription',
  resources: [
    assignment(`/subscriptions/${SUBSCRIPTION}`, 'own-owner'),
    assignment('/providers/Microsoft.Management/managementGroups/juki-mg', 'group-owner'),
    assignment('/', 'root-owner'),
  ],
};

describe('PSRule export: the role assignments in a subscription’s object', () => {
  it('places those it inherits from a management group and the root in the subscription, noting it', () => {
    const notes: string[] = [];
    const ctx = {
      file: `export-${SUBSCRIPTION}.json`,
      skip: () => {},
      note: (text: string) => notes.push(text),
    };
    const resources = [...azureArm.read([subscription], ctx)] as Resource<AzureRoleAssignmentFacts>[];
    const assignments = resources.filter((r) => r.kansaType === 'iam.role-assignment');
    expect(assignments.map((r) => [r.account, r.facts.scope?.value])).toEqual([
      [SUBSCRIPTION, `/subscriptions/${SUBSCRIPTION}`],
      [SUBSCRIPTION, '/providers/microsoft.management/managementgroups/juki-mg'],
      [SUBSCRIPTION, '/'],
    ]);
    expect(notes).toEqual([
      expect.stringMatching(/group-owner: a role assignment above the subscription, read as inherited/),
      expect.stringMatching(/root-owner: a role assignment above the subscription, read as inherited/),
    ]);
  });
});
