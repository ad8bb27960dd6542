import { beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { azureArm } from '../../../src/sources/azure/arm.ts';
import { PLACEHOLDER_SCOPE } from '../../../src/sources/azure/arm-record.ts';
import { azureArmTemplate } from '../../../src/sources/azure/template.ts';
import {
  evaluateValue,
  type TemplateScope,
  Unknown,
} from '../../../src/sources/azure/template-expression.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';

// Templates in the dialects of the portal's "Export template" (`<type>_<name>_name` parameters
// with defaultValue, `[concat(parameters(…), '/default')]` children, security rules inline and as
// resources of their own), Azure/azure-quickstart-templates `azuredeploy.json` files and
// `az bicep build` output (`[resourceGroup().location]`, `format`, `uniqueString`, `scope`),
// written for kansa (tests/corpus/SOURCES.md names the samples).

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const ID = '/subscriptions/{subscriptionid}/resourcegroups/{resourcegroupname}/providers';

const scope: TemplateScope = {
  parameters: {
    name: { type: 'String', defaultValue: 'Kansa01' },
    location: { type: 'string', defaultValue: '[resourceGroup().location]' },
    noDefault: { type: 'string' },
    settings: { type: 'object', defaultValue: { tls: 'TLS1_2', ports: ['22', '3389'] } },
    count: { type: 'int', defaultValue: 2 },
  },
  variables: {
    prefix: "[toLower(parameters('name'))]",
    full: "[concat(variables('prefix'), '-st')]",
    loop: "[variables('loop')]",
  },
};
const evaluated = (text: string) => evaluateValue(text, scope);
const shown = (text: string) => {
  const value = evaluated(text);
  return value instanceof Unknown ? value.shown : `known: ${String(value)}`;
};

// The reader is loaded by the scan once a file is a template (read-inputs); here, first.
beforeAll(() => azureArmTemplate.load?.());

describe('ARM template expressions', () => {
  it.each([
    ["[parameters('name')]", 'Kansa01'],
    ["[variables('full')]", 'kansa01-st'],
    ["[concat(parameters('name'), '/default')]", 'Kansa01/default'],
    ["[format('{0}-{1}-nsg', parameters('name'), 3)]", 'Kansa01-3-nsg'],
    ["[toUpper(parameters('name'))]", 'KANSA01'],
    ["[toLower('ABC')]", 'abc'],
    ["['it''s']", "it's"],
    ["[parameters('settings').tls]", 'TLS1_2'],
    ["[parameters('settings').ports[1]]", '3389'],
    ["[string(parameters('count'))]", '2'],
    ["[if(equals(parameters('name'), 'Kansa01'), 'same', 'other')]", 'same'],
    ["[equals(parameters('count'), 3)]", false],
    ["[format('{{0}}-{0}', parameters('name'))]", '{0}-Kansa01'],
    ['[[not an expression]', '[not an expression]'],
    ["[\n    toLower(\n      parameters('name')\n    )\n]", 'kansa01'],
    ["[and(not(empty(parameters('name'))), or(false(), true()))]", true],
    ["[length(parameters('settings').ports)]", 2],
    ["[int('3389')]", 3389],
    ["[bool('false')]", false],
    ["[if(equals(parameters('count'), 3), true(), null())]", null],
    ['plain text', 'plain text'],
    [
      "[resourceId('Microsoft.Network/networkSecurityGroups/securityRules', parameters('name'), 'RDP')]",
      `${PLACEHOLDER_SCOPE}/providers/Microsoft.Network/networkSecurityGroups/Kansa01/securityRules/RDP`,
    ],
    [
      "[resourceId('other-rg', 'Microsoft.Storage/storageAccounts', 'st1')]",
      '/subscriptions/{subscriptionId}/resourceGroups/other-rg/providers/Microsoft.Storage/storageAccounts/st1',
    ],
  ])('%s → %s', (expression, expected) => {
    expect(evaluated(expression)).toBe(expected);
  });

  it.each([
    ["[parameters('noDefault')]", '{noDefault}'],
    ["[parameters('location')]", '{resourceGroup().location}'],
    ['[resourceGroup().name]', '{resourceGroup().name}'],
    ['[subscription().subscriptionId]', '{subscription().subscriptionId}'],
    ['[subscription().tenantId]', '{subscription().tenantId}'],
    ["[concat('st', uniqueString(resourceGroup().id))]", 'st{uniqueString()}'],
    ["[format('{0}/default', parameters('noDefault'))]", '{noDefault}/default'],
    [
      "[resourceId('Microsoft.Storage/storageAccounts', parameters('noDefault'))]",
      `${PLACEHOLDER_SCOPE}/providers/Microsoft.Storage/storageAccounts/{noDefault}`,
    ],
    ["[reference(parameters('name')).primaryEndpoints]", '{reference().primaryEndpoints}'],
    ["[variables('loop')]", '{…}'],
    ["[variables('missing')]", '{missing}'],
    ['[copyIndex()]', '{copyIndex()}'],
    ["[concat('unterminated]", '{…}'],
    ["[equals(parameters('name'), 'kansa01')]", '{equals()}'],
    ["[format('vm{0:000}', 5)]", '{format()}'],
  ])('%s is unknown, shown as %s', (expression, placeholder) => {
    expect(shown(expression)).toBe(placeholder);
  });

  it('counts copies from copyIndex, with an offset and by loop name', () => {
    const copy: TemplateScope = { ...scope, copies: [{ name: 'nsgLoop', index: 1 }] };
    expect(evaluateValue("[format('vm{0}', copyIndex(1))]", copy)).toBe('vm2');
    expect(evaluateValue("[copyIndex('nsgLoop')]", copy)).toBe(1);
    expect(evaluateValue("[copyIndex('other')]", copy)).toBeInstanceOf(Unknown);
  });

  it('makes the arrays of property and variable copy loops', () => {
    const loops: TemplateScope = {
      ...scope,
      variables: {
        copy: [{ name: 'ports', count: 2, input: "[concat('port-', string(copyIndex('ports')))]" }],
      },
    };
    expect(evaluateValue("[variables('ports')]", loops)).toEqual(['port-0', 'port-1']);
    const properties = evaluateValue(
      {
        copy: [
          {
            name: 'securityRules',
            count: "[length(parameters('settings').ports)]",
            input: {
              name: "[format('allow-{0}', parameters('settings').ports[copyIndex('securityRules')])]",
            },
          },
          { name: 'subnets', count: "[parameters('noDefault')]", input: {} },
        ],
      },
      scope,
    ) as { securityRules: unknown; subnets: unknown };
    expect(properties.securityRules).toEqual([{ name: 'allow-22' }, { name: 'allow-3389' }]);
    expect(properties.subnets).toBeInstanceOf(Unknown);
  });

  it('leaves an object unknown whose copy is not a list of named loops (the properties it makes are unnamed)', () => {
    const rules = { name: 'securityRules', count: 1, input: { name: 'allow-22' } };
    expect(evaluateValue({ copy: { 0: rules } }, scope)).toBeInstanceOf(Unknown);
    expect(evaluateValue({ copy: [{ ...rules, name: 7 }] }, scope)).toBeInstanceOf(Unknown);
  });

  it('evaluates objects member by member, leaving unknowns in place', () => {
    const value = evaluateValue(
      { a: "[parameters('name')]", b: ["[parameters('noDefault')]", 1] },
      scope,
    ) as {
      a: string;
      b: unknown[];
    };
    expect(value.a).toBe('Kansa01');
    expect(value.b[0]).toBeInstanceOf(Unknown);
    expect(value.b[1]).toBe(1);
  });

  it('evaluates each variable once, and leaves a text or list that doubles past any real size unknown', () => {
    // Each variable names the one before twice: 2^40 evaluations, and a 2^40-character name,
    // if each reference were evaluated anew; a crafted file must not stall or exhaust a scan.
    const doubling = (call: string) =>
      Object.fromEntries([
        ['v0', call === 'concat' ? 'kansa' : ['kansa']],
        ...Array.from({ length: 40 }, (_, i) => [
          `v${i + 1}`,
          `[concat(variables('v${i}'), variables('v${i}'))]`,
        ]),
      ]);
    const text = { parameters: {}, variables: doubling('concat') };
    expect(evaluateValue("[variables('v10')]", text)).toBe('kansa'.repeat(1024));
    expect(evaluateValue("[variables('v40')]", text)).toBeInstanceOf(Unknown);
    const list = { parameters: {}, variables: doubling('list') };
    expect(evaluateValue("[variables('v10')]", list)).toHaveLength(1024);
    expect(evaluateValue("[variables('v40')]", list)).toBeInstanceOf(Unknown);
  });
});

function template(resources: unknown[], parameters: object = {}, variables: object = {}) {
  return { $schema: SCHEMA, contentVersion: '1.0.0.0', parameters, variables, resources };
}

function read(document: unknown) {
  const skipped: { reason: string; index?: number }[] = [];
  const notes: string[] = [];
  const resources: Resource[] = [
    ...azureArmTemplate.read(document, {
      file: 'export.json',
      skip: (reason, where) => skipped.push({ reason, ...where }),
      note: (note) => notes.push(note),
    }),
  ];
  const byId = (id: string) => resources.find((resource) => resource.id === `${ID}/${id}`.toLowerCase());
  return { resources, skipped, notes, byId };
}

const facts = (resource: Resource | undefined) =>
  resource?.facts as Record<string, { value?: unknown; source: string; path: string; note?: { en: string } }>;

const storage = (name: string, properties: object, extra: object = {}) => ({
  type: 'Microsoft.Storage/storageAccounts',
  apiVersion: '2023-05-01',
  name,
  location: 'japaneast',
  sku: { name: 'Standard_LRS', tier: 'Standard' },
  kind: 'StorageV2',
  properties,
  ...extra,
});

describe('azure-arm-template: recognising templates', () => {
  const formatOf = (document: unknown) =>
    INPUT_FORMATS.find((format) => format.kind === 'document' && format.matches(document))?.id;

  it('claims templates, the REST export answer and parameter files, and nothing else', () => {
    expect(formatOf(template([]))).toBe('azure-arm-template');
    expect(formatOf({ template: template([]), error: null })).toBe('azure-arm-template');
    expect(
      formatOf({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
        contentVersion: '1.0.0.0',
        parameters: { name: { value: 'x' } },
      }),
    ).toBe('azure-arm-template');
    expect(azureArmTemplate.matches({ $schema: SCHEMA, contentVersion: '1.0.0.0' })).toBe(false);
    expect(azureArmTemplate.matches({ value: [] })).toBe(false);
    expect(azureArmTemplate.matches({ template: { resources: [] } })).toBe(false);
  });

  it('skips a template deployed to a management group or the tenant, saying why', () => {
    const managementGroupTemplate = {
      ...template([{ type: 'Microsoft.Management/managementGroups', name: 'mg', properties: {} }]),
      $schema:
        'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#',
    };
    expect(read(managementGroupTemplate).skipped[0]?.reason).toContain(
      'resource-group and subscription templates',
    );
  });

  it('skips a resource whose properties or child resources are of another type, saying why', () => {
    const { resources, skipped } = read(
      template([
        storage('badprops', 7 as unknown as object),
        storage('badchildren', {}, { resources: { 0: { type: 'blobServices', name: 'default' } } }),
      ]),
    );
    expect(skipped.map((s) => s.reason)).toEqual([
      'Microsoft.Storage/storageAccounts badprops: its properties are not an object',
      'Microsoft.Storage/storageAccounts badchildren: its child resources are not a list',
    ]);
    expect(resources.map((r) => r.name)).toEqual(['badchildren']);
  });

  it('reads the REST export answer and notes the resources the export could not include', () => {
    const { resources, notes } = read({
      template: template([storage('stwrapped', { minimumTlsVersion: 'TLS1_2' })]),
      error: {
        code: 'ExportTemplateCompletedWithErrors',
        message: 'Export template operation completed with errors. Some resources were not exported.',
        details: [
          {
            code: 'ExportTemplateProviderError',
            message: "Could not get resources of the type 'Microsoft.Insights/diagnosticSettings'.",
          },
        ],
      },
    });
    expect(resources).toHaveLength(1);
    expect(notes).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          "Could not get resources of the type 'Microsoft.Insights/diagnosticSettings'",
        ),
      ]),
    );
  });
});

describe('azure-arm-template: resources as the ARM readers give them', () => {
  const parameters = {
    storageAccounts_kansaexport01_name: { defaultValue: 'kansaexport01', type: 'String' },
    storageAccounts_undecided_name: { type: 'String' },
  };

  it('reads a portal export: names from defaultValue, placeholder subscription and resource group, GET defaults', () => {
    const { resources, byId, notes } = read(
      template(
        [
          storage("[parameters('storageAccounts_kansaexport01_name')]", {
            minimumTlsVersion: 'TLS1_0',
            allowBlobPublicAccess: true,
          }),
          {
            type: 'Microsoft.Storage/storageAccounts/blobServices',
            apiVersion: '2023-05-01',
            name: "[concat(parameters('storageAccounts_kansaexport01_name'), '/default')]",
            dependsOn: [
              "[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccounts_kansaexport01_name'))]",
            ],
            properties: { deleteRetentionPolicy: { enabled: false } },
          },
        ],
        parameters,
      ),
    );
    expect(resources).toHaveLength(2);
    const account = byId('Microsoft.Storage/storageAccounts/kansaexport01');
    expect(account).toMatchObject({
      account: '{subscriptionid}',
      region: 'japaneast',
      kansaType: 'storage.account',
    });
    expect(facts(account).minimumTlsVersion).toMatchObject({ value: 'TLS1_0', source: 'explicit' });
    expect(facts(account).allowBlobPublicAccess).toMatchObject({ value: true, source: 'explicit' });
    // Absent from the template: what a GET without it means.
    expect(facts(account).encryptionKeySource).toMatchObject({
      value: 'Microsoft.Storage',
      source: 'default',
    });
    expect(byId('Microsoft.Storage/storageAccounts/kansaexport01/blobServices/default')).toBeDefined();
    expect(notes).toEqual(
      expect.arrayContaining([expect.stringContaining('the subscription is not a GUID')]),
    );
  });

  it('makes a fact unknown when the template sets it by an expression it cannot evaluate', () => {
    const { byId, notes } = read(
      template(
        [
          storage(
            "[parameters('storageAccounts_undecided_name')]",
            { minimumTlsVersion: "[parameters('tls')]", allowBlobPublicAccess: false },
            { location: '[resourceGroup().location]', tags: "[parameters('tags')]" },
          ),
        ],
        {
          ...parameters,
          tls: { type: 'string', allowedValues: ['TLS1_0', 'TLS1_2'] },
          tags: { type: 'object' },
        },
      ),
    );
    const account = byId('Microsoft.Storage/storageAccounts/{storageAccounts_undecided_name}');
    expect(account?.region).toBe('');
    expect(facts(account).minimumTlsVersion).toMatchObject({
      source: 'unknown',
      path: 'properties.minimumTlsVersion',
    });
    expect(facts(account).minimumTlsVersion?.note?.en).toContain("[parameters('tls')]");
    expect(facts(account).allowBlobPublicAccess).toMatchObject({ value: false, source: 'explicit' });
    expect(notes).toEqual(
      expect.arrayContaining([
        expect.stringContaining('its name "[parameters(\'storageAccounts_undecided_name\')]" is not known'),
        expect.stringContaining('names no region'),
        expect.stringContaining("its tags [parameters('tags')] are not known from the template"),
      ]),
    );
    // Tags the template leaves to the deployment may mark the resource: none is read as absent.
    expect(account?.tags).toEqual({});
    expect(account?.unknownTags).toMatchObject({ en: expect.stringContaining('decided at deployment') });
  });

  it('names the tags whose values the template leaves to the deployment, the others known', () => {
    const { byId } = read(
      template(
        [
          storage(
            'stpartlytagged',
            {},
            { tags: { confidentiality: '2', mynumber: "[parameters('myNumber')]" } },
          ),
        ],
        { ...parameters, myNumber: { type: 'string' } },
      ),
    );
    const account = byId('Microsoft.Storage/storageAccounts/stpartlytagged');
    expect(account?.tags).toEqual({ confidentiality: '2' });
    expect(account?.unknownTags).toEqual(['mynumber']);
  });

  it('gives nested resources their full type and name, and settings children to their parent', () => {
    const { byId } = read(
      template([
        {
          type: 'Microsoft.Sql/servers',
          apiVersion: '2022-05-01-preview',
          name: 'kansa-sql',
          location: 'japaneast',
          properties: { minimalTlsVersion: '1.2', publicNetworkAccess: 'Enabled' },
          resources: [
            {
              type: 'firewallRules',
              apiVersion: '2022-05-01-preview',
              name: 'AllowAll',
              properties: { startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' },
            },
            {
              type: 'Microsoft.Sql/servers/encryptionProtector',
              apiVersion: '2022-05-01-preview',
              name: 'kansa-sql/current',
              properties: { serverKeyType: 'ServiceManaged', serverKeyName: 'ServiceManaged' },
            },
          ],
        },
      ]),
    );
    expect(facts(byId('Microsoft.Sql/servers/kansa-sql/firewallRules/AllowAll'))).toMatchObject({
      startIpAddress: { value: '0.0.0.0' },
      endIpAddress: { value: '255.255.255.255' },
    });
    // The protector is read as its server (describesParent), as in every other Azure format.
    expect(
      read(
        template([
          {
            type: 'Microsoft.Sql/servers/encryptionProtector',
            name: 'kansa-sql/current',
            properties: { serverKeyType: 'ServiceManaged' },
          },
        ]),
      ).resources[0]?.id,
    ).toBe(`${ID}/microsoft.sql/servers/kansa-sql`);
  });

  it('puts a diagnostic setting on the resource its scope names, in both template forms', () => {
    const workspace = "[resourceId('Microsoft.OperationalInsights/workspaces', 'kansa-law')]";
    const { resources } = read(
      template([
        {
          type: 'Microsoft.Insights/diagnosticSettings',
          apiVersion: '2021-05-01-preview',
          scope: "[format('Microsoft.KeyVault/vaults/{0}', 'kansa-kv')]",
          name: 'audit',
          properties: { workspaceId: workspace, logs: [{ categoryGroup: 'audit', enabled: true }] },
        },
        {
          type: 'Microsoft.KeyVault/vaults/providers/diagnosticSettings',
          apiVersion: '2017-05-01-preview',
          name: "[concat('kansa-kv2', '/Microsoft.Insights/', 'service')]",
          properties: { workspaceId: workspace, logs: [{ category: 'AuditEvent', enabled: true }] },
        },
      ]),
    );
    expect(
      resources.map((resource) => [resource.nativeType, facts(resource).targetResourceId?.value]),
    ).toEqual([
      ['microsoft.insights/diagnosticsettings', `${ID}/microsoft.keyvault/vaults/kansa-kv`],
      ['microsoft.insights/diagnosticsettings', `${ID}/microsoft.keyvault/vaults/kansa-kv2`],
    ]);
    // The template declares diagnostic settings: those it declares are all its resources get.
    expect(facts(resources[0]).diagnosticSettingsListed).toMatchObject({ value: true, source: 'explicit' });
    const exported = read(template([storage('stnosettings', {})])).resources[0];
    expect(facts(exported).diagnosticSettingsListed).toMatchObject({ source: 'unknown' });
    expect(facts(resources[0]).destinations?.value).toEqual([
      `${PLACEHOLDER_SCOPE}/providers/Microsoft.OperationalInsights/workspaces/kansa-law`,
    ]);
  });
});

describe('azure-arm-template: security rules', () => {
  const nsg = (rules: object[], extra: object = {}) => ({
    type: 'Microsoft.Network/networkSecurityGroups',
    apiVersion: '2024-01-01',
    name: "[parameters('networkSecurityGroups_web_nsg_name')]",
    location: 'japaneast',
    properties: { securityRules: rules },
    ...extra,
  });
  const rule = (name: string, source: string, port: string) => ({
    name,
    properties: {
      protocol: 'TCP',
      sourcePortRange: '*',
      destinationPortRange: port,
      sourceAddressPrefix: source,
      destinationAddressPrefix: '*',
      access: 'Allow',
      priority: port === '3389' ? 300 : 310,
      direction: 'Inbound',
    },
  });
  const parameters = { networkSecurityGroups_web_nsg_name: { defaultValue: 'web-nsg', type: 'String' } };
  const ruleResource = (name: string, source: string, port: string) => ({
    type: 'Microsoft.Network/networkSecurityGroups/securityRules',
    apiVersion: '2024-01-01',
    ...rule(name, source, port),
    name: `[concat(parameters('networkSecurityGroups_web_nsg_name'), '/${name}')]`,
  });
  const ruleNames = (resource: Resource | undefined) =>
    ((facts(resource).inboundRules?.value ?? []) as { name: string; sourcePrefixes: string[] }[]).map(
      (r) => `${r.name} ${r.sourcePrefixes.join(',')}`,
    );

  it('reads the rules the portal writes both inline and as resources of their own once, into the group', () => {
    const { resources } = read(
      template(
        [
          nsg([rule('RDP', '*', '3389')]),
          ruleResource('RDP', '*', '3389'),
          ruleResource('SSH', 'Internet', '22'),
        ],
        parameters,
      ),
    );
    expect(resources).toHaveLength(1);
    expect(resources[0]?.id).toBe(`${ID}/microsoft.network/networksecuritygroups/web-nsg`);
    expect(ruleNames(resources[0])).toEqual(['RDP *', 'SSH Internet']);
  });

  it('folds rules listed on their own into their group listed beside them, in the CLI’s flattened dialect too', () => {
    const group = `${PLACEHOLDER_SCOPE.replace('{subscriptionId}', '0b1f').replace('{resourceGroupName}', 'rg')}/providers/Microsoft.Network/networkSecurityGroups/cli-nsg`;
    // `az network nsg show` (settings flattened to the top) and `az network nsg rule list` in one array.
    const shown = {
      id: group,
      name: 'cli-nsg',
      type: 'Microsoft.Network/networkSecurityGroups',
      location: 'japaneast',
      securityRules: [],
      defaultSecurityRules: [],
    };
    const listed = {
      id: `${group}/securityRules/rdp`,
      name: 'rdp',
      type: 'Microsoft.Network/networkSecurityGroups/securityRules',
      access: 'Allow',
      direction: 'Inbound',
      priority: 100,
      protocol: 'Tcp',
      sourceAddressPrefix: 'Internet',
      destinationPortRange: '3389',
    };
    const resources = [...azureArm.read([shown, listed], { file: 'nsg.json', skip: () => {} })];
    expect(resources).toHaveLength(1);
    expect(ruleNames(resources[0])).toEqual(['rdp Internet']);
  });

  it('reads a nested rule of relative type and name as the group’s', () => {
    const { resources } = read(
      template(
        [
          nsg([], {
            resources: [
              { type: 'securityRules', apiVersion: '2024-01-01', ...rule('RDP', 'Internet', '3389') },
            ],
          }),
        ],
        parameters,
      ),
    );
    expect(ruleNames(resources[0])).toEqual(['RDP Internet']);
  });

  it('leaves the group’s rules unknown when a rule’s source is a deployment value', () => {
    const { resources } = read(
      template([nsg([]), ruleResource('RDP', "[parameters('allowedSource')]", '3389')], {
        ...parameters,
        allowedSource: { type: 'string' },
      }),
    );
    expect(facts(resources[0]).inboundRules).toMatchObject({
      source: 'unknown',
      path: 'properties.securityRules',
    });
  });
});

describe('azure-arm-template: a deployment to be made', () => {
  const nsg = (name: string, extra: object) => ({
    type: 'Microsoft.Network/networkSecurityGroups',
    apiVersion: '2023-09-01',
    name,
    location: 'japaneast',
    properties: {},
    ...extra,
  });

  it('expands a copy loop whose count the template tells, and skips one whose count it does not', () => {
    const { resources, skipped } = read(
      template(
        [
          nsg("[format('vm{0}-nsg', copyIndex(1))]", {
            copy: { name: 'vmLoop', count: "[parameters('vmCount')]" },
          }),
          nsg("[format('web{0}-nsg', copyIndex())]", {
            copy: { name: 'webLoop', count: "[parameters('webCount')]" },
          }),
        ],
        { vmCount: { type: 'int', defaultValue: 2 }, webCount: { type: 'int' } },
      ),
    );
    expect(resources.map((resource) => resource.name)).toEqual(['vm1-nsg', 'vm2-nsg']);
    expect(skipped).toEqual([
      {
        index: 1,
        reason: expect.stringContaining(
          'copy loop webLoop: its count "[parameters(\'webCount\')]" is not known',
        ),
      },
    ]);
  });

  it('skips a resource whose condition is false, and reads one whose condition it cannot tell with a note', () => {
    const { resources, skipped, notes } = read(
      template(
        [
          nsg('bastion-nsg', { condition: "[parameters('deployBastion')]" }),
          nsg('gateway-nsg', { condition: "[equals(parameters('mode'), 'new')]" }),
          nsg('always-nsg', { condition: true }),
        ],
        { deployBastion: { type: 'bool', defaultValue: false }, mode: { type: 'string' } },
      ),
    );
    expect(resources.map((resource) => resource.name)).toEqual(['gateway-nsg', 'always-nsg']);
    expect(skipped[0]?.reason).toContain('bastion-nsg: its condition');
    expect(notes).toEqual(expect.arrayContaining([expect.stringContaining('gateway-nsg: its condition')]));
  });

  it('reads the resources of a nested deployment (a Bicep module) with the parameters it passes', () => {
    const module = (evaluation: object) => ({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: 'storage-module',
      properties: {
        mode: 'Incremental',
        ...evaluation,
        parameters: {
          accountName: { value: "[format('{0}st', parameters('prefix'))]" },
          tls: { value: 'TLS1_0' },
        },
        template: template(
          [storage("[parameters('accountName')]", { minimumTlsVersion: "[parameters('tls')]" })],
          { accountName: { type: 'string' }, tls: { type: 'string', defaultValue: 'TLS1_2' } },
        ),
      },
    });
    const inner = read(
      template([module({ expressionEvaluationOptions: { scope: 'inner' } })], {
        prefix: { type: 'string', defaultValue: 'kansa' },
      }),
    );
    expect(inner.byId('Microsoft.Storage/storageAccounts/kansast')).toBeDefined();
    expect(facts(inner.resources[0]).minimumTlsVersion?.value).toBe('TLS1_0');
    // With the outer scope the template's expressions see the outer template's parameters.
    const outer = read(
      template([module({})], {
        prefix: { type: 'string', defaultValue: 'kansa' },
        accountName: { type: 'string', defaultValue: 'outerst' },
      }),
    );
    expect(outer.resources.map((resource) => resource.name)).toEqual(['outerst']);
    expect(facts(outer.resources[0]).minimumTlsVersion?.source).toBe('unknown');
  });

  it('skips existing resources, nested deployments and names that do not fit their type, saying why', () => {
    const { skipped } = read({
      ...template([]),
      languageVersion: '2.0',
      resources: {
        vault: {
          existing: true,
          type: 'Microsoft.KeyVault/vaults',
          apiVersion: '2023-07-01',
          name: 'shared-kv',
        },
        module: {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'network',
          properties: {},
        },
        odd: { type: 'Microsoft.Sql/servers/firewallRules', name: 'AllowAll', properties: {} },
      },
    });
    expect(skipped.map((skip) => skip.reason)).toEqual([
      expect.stringContaining('an existing resource the template refers to'),
      expect.stringContaining('a nested deployment of a linked template'),
      expect.stringContaining("the name's segments (1) do not match the type's (2 needed)"),
    ]);
  });
});
