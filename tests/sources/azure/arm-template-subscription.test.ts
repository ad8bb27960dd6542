import { beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { azureArmTemplate } from '../../../src/sources/azure/template.ts';
import { evaluateValue } from '../../../src/sources/azure/template-expression.ts';

// A subscription template (`az deployment sub create`, `subscriptionDeploymentTemplate.json#`)
// as Azure/azure-quickstart-templates `quickstarts/microsoft.security/*` and Azure Landing Zones'
// subscription templates write them: Defender plans, budgets, resource groups, and modules into
// a resource group by `resourceGroup`.

const SCHEMA = 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#';
const SUBSCRIPTION = '/subscriptions/{subscriptionid}';

beforeAll(() => azureArmTemplate.load?.());

function read(resources: unknown[], parameters: object = {}) {
  const skipped: string[] = [];
  const template = { $schema: SCHEMA, contentVersion: '1.0.0.0', parameters, resources };
  const read: Resource[] = [
    ...azureArmTemplate.read(template, { file: 'main.json', skip: (reason) => skipped.push(reason) }),
  ];
  return { resources: read, skipped, ids: read.map((resource) => resource.id) };
}

const module = (properties: object, extra: object = {}) => ({
  type: 'Microsoft.Resources/deployments',
  apiVersion: '2022-09-01',
  name: 'storage-module',
  ...extra,
  properties: {
    expressionEvaluationOptions: { scope: 'inner' },
    mode: 'Incremental',
    ...properties,
  },
});

const moduleTemplate = {
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
  parameters: { name: { type: 'string' } },
  resources: [
    {
      type: 'Microsoft.Storage/storageAccounts',
      apiVersion: '2023-01-01',
      name: "[parameters('name')]",
      location: 'japaneast',
      properties: { minimumTlsVersion: 'TLS1_2' },
    },
  ],
  outputs: {
    id: { type: 'string', value: "[resourceId('Microsoft.Storage/storageAccounts', parameters('name'))]" },
  },
};

describe('a subscription template', () => {
  it('reads its resources at the subscription: Defender plans, budgets, resource groups', () => {
    const { resources, skipped, ids } = read([
      {
        type: 'Microsoft.Security/pricings',
        apiVersion: '2023-01-01',
        name: 'VirtualMachines',
        properties: { pricingTier: 'Standard', subPlan: 'P2' },
      },
      {
        type: 'Microsoft.Consumption/budgets',
        apiVersion: '2023-05-01',
        name: 'monthly',
        properties: { category: 'Cost', amount: 1000, timeGrain: 'Monthly' },
      },
      {
        type: 'Microsoft.Resources/resourceGroups',
        apiVersion: '2022-09-01',
        name: 'rg-app',
        location: 'japaneast',
      },
    ]);
    expect(skipped).toEqual([]);
    expect(ids).toEqual([
      `${SUBSCRIPTION}/providers/microsoft.security/pricings/virtualmachines`,
      `${SUBSCRIPTION}/providers/microsoft.consumption/budgets/monthly`,
      `${SUBSCRIPTION}/providers/microsoft.resources/resourcegroups/rg-app`,
    ]);
    expect(resources[0]?.facts).toMatchObject({ pricingTier: { source: 'explicit', value: 'Standard' } });
  });

  it('reads a module into a resource group it names, with that group in the ids', () => {
    const { ids, skipped } = read(
      [
        module(
          { parameters: { name: { value: 'kansasubst01' } }, template: moduleTemplate },
          { resourceGroup: "[parameters('groupName')]" },
        ),
      ],
      { groupName: { type: 'string', defaultValue: 'rg-app' } },
    );
    expect(skipped).toEqual([]);
    expect(ids).toEqual([
      `${SUBSCRIPTION}/resourcegroups/rg-app/providers/microsoft.storage/storageaccounts/kansasubst01`,
    ]);
  });

  it('skips a module into a resource group the template does not name, or with outer-scope expressions', () => {
    const { ids, skipped } = read(
      [
        module({ template: moduleTemplate }, { resourceGroup: "[parameters('groupName')]" }),
        module(
          { expressionEvaluationOptions: { scope: 'outer' }, template: moduleTemplate },
          { resourceGroup: 'rg-app' },
        ),
      ],
      { groupName: { type: 'string' } },
    );
    expect(ids).toEqual([]);
    expect(skipped).toEqual([
      'Microsoft.Resources/deployments storage-module: a nested deployment to the resource group "[parameters(\'groupName\')]", not known from the template: its resources are not read',
      "Microsoft.Resources/deployments storage-module: a nested deployment to the resource group rg-app with the outer scope's expressions: its resources are not read",
    ]);
  });

  it('names subscription resources by subscriptionResourceId, and resourceId where it deploys', () => {
    const scope = { parameters: {}, variables: {}, deployedTo: '/subscriptions/{subscriptionId}' };
    expect(
      evaluateValue("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7')]", scope),
    ).toBe('/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7');
    expect(
      evaluateValue("[subscriptionResourceId('sub-1', 'Microsoft.Security/pricings', 'Arm')]", scope),
    ).toBe('/subscriptions/sub-1/providers/Microsoft.Security/pricings/Arm');
    expect(evaluateValue("[resourceId('Microsoft.Security/pricings', 'Arm')]", scope)).toBe(
      '/subscriptions/{subscriptionId}/providers/Microsoft.Security/pricings/Arm',
    );
  });
});
