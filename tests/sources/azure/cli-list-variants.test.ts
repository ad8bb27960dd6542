import { describe, expect, it } from 'vitest';
import minimumTls from '../../../src/checks/azure/database/minimum-tls.ts';
import cmkAtRest from '../../../src/checks/common/classification/cmk-at-rest.ts';
import type { AzureRoleAssignmentFacts } from '../../../src/model/azure.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { azureAccountList } from '../../../src/sources/azure/account-list.ts';
import { azureArm } from '../../../src/sources/azure/arm.ts';
import { azureGraphCli } from '../../../src/sources/azure/graph-cli.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';

const SUB = '11111111-2222-3333-4444-555555555555';

describe('az … list output', () => {
  it('az resource list: "properties": null means the settings were not included (unknown, not defaults)', () => {
    const id = `/subscriptions/${SUB}/resourceGroups/rg-app/providers/Microsoft.Compute/disks/disk-a`;
    const resources = readRecords(azureArm, [
      {
        changedTime: '2026-10-01T00:00:00+00:00',
        createdTime: '2024-01-01T00:00:00+00:00',
        extendedLocation: null,
        id,
        identity: null,
        kind: null,
        location: 'japaneast',
        managedBy: null,
        name: 'disk-a',
        plan: null,
        properties: null,
        provisioningState: 'Succeeded',
        resourceGroup: 'rg-app',
        sku: { name: 'Premium_LRS', tier: 'Premium' },
        tags: null,
        type: 'Microsoft.Compute/disks',
      },
    ]);
    expect(resources).toHaveLength(1);
    expect(resources[0]?.kansaType).toBe('compute.disk');
    expect(evaluate(cmkAtRest, resources, id).status).toBe('UNKNOWN');
  });

  it('az storage account list: the CLI flattens the settings to the top level', () => {
    const id = `/subscriptions/${SUB}/resourceGroups/RG-DATA/providers/Microsoft.Storage/storageAccounts/stcliflat`;
    const resources = readRecords(azureArm, [
      {
        allowBlobPublicAccess: true,
        enableHttpsTrafficOnly: false,
        encryption: { keySource: 'Microsoft.Keyvault', keyVaultProperties: { keyName: 'k' } },
        id,
        kind: 'StorageV2',
        location: 'japaneast',
        minimumTlsVersion: 'TLS1_0',
        name: 'stcliflat',
        resourceGroup: 'RG-DATA',
        sku: { name: 'Standard_RAGRS', tier: 'Standard' },
        tags: { confidentiality: '2' },
        type: 'Microsoft.Storage/storageAccounts',
      },
    ]);
    expect(evaluate(cmkAtRest, resources, id).status).toBe('PASS');
  });

  it('az postgres flexible-server parameter show: one parameter, whose own `value` is no list body', () => {
    const server = `/subscriptions/${SUB}/resourceGroups/rg-db/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-a`;
    const parameter = {
      allowedValues: 'on,off',
      dataType: 'Boolean',
      defaultValue: 'on',
      id: `${server}/configurations/require_secure_transport`,
      isReadOnly: false,
      name: 'require_secure_transport',
      resourceGroup: 'rg-db',
      source: 'user-override',
      type: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations',
      value: 'off',
    };
    expect(azureArm.matches(parameter)).toBe(true);
    // Read as its server's setting, as a parameter of a list is.
    const shown = [...azureArm.read(parameter, { file: 'parameter-show.json', skip: () => {} })];
    expect(shown.map((r) => r.id)).toEqual([server.toLowerCase()]);
    expect(evaluate(minimumTls, shown, server)).toMatchObject({ status: 'FAIL' });
    // A list body is still one: `value` an array.
    expect(azureArm.matches({ value: [parameter] })).toBe(true);
  });

  it('reads the classic administrators: the REST list, and the CLI’s rows of them (flattened, or under properties in older versions)', () => {
    const subscription = `/subscriptions/${SUB}`;
    const rest = {
      value: [
        {
          id: `${subscription}/providers/Microsoft.Authorization/classicAdministrators/3d9b8e2f-0000-4000-8000-000000000001`,
          name: '3d9b8e2f-0000-4000-8000-000000000001',
          type: 'Microsoft.Authorization/classicAdministrators',
          properties: {
            emailAddress: 'admin@contoso.example',
            role: 'ServiceAdministrator;AccountAdministrator',
          },
        },
      ],
    };
    const cli = [
      {
        id: `${subscription}/providers/Microsoft.Authorization/roleAssignments/a1`,
        name: 'a1',
        type: 'Microsoft.Authorization/roleAssignments',
        principalId: 'p1',
        roleDefinitionId: `${subscription}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`,
        scope: subscription,
      },
      {
        id: 'NA(classic admins)',
        name: 'NA(classic admins)',
        principalId: null,
        principalName: 'CoAdmin@Vendor.example',
        roleDefinitionId: 'NA(classic admin role)',
        roleDefinitionName: 'CoAdministrator',
        scope: subscription,
      },
      {
        id: 'NA(classic admins)',
        name: 'NA(classic admins)',
        properties: {
          principalId: 'p3',
          principalName: 'old@contoso.example',
          roleDefinitionId: 'NA(classic admin role)',
          roleDefinitionName: 'AccountAdministrator',
          scope: subscription,
        },
      },
    ];
    const roles = (document: unknown) =>
      (readRecords(azureArm, document) as Resource<AzureRoleAssignmentFacts>[])
        .filter((r) => r.kansaType === 'iam.role-assignment')
        .map((r) => [r.facts.principalId?.value, r.facts.roleDefinitionId?.value, r.facts.scope?.value]);
    expect(roles(rest)).toEqual([['admin@contoso.example', 'classic:serviceadministrator', subscription]]);
    expect(roles(cli).slice(1)).toEqual([
      ['coadmin@vendor.example', 'classic:coadministrator', subscription],
      ['p3', 'classic:accountadministrator', subscription],
    ]);
    // `--query "[?id=='NA(classic admins)']"` keeps the classic rows alone; a list may also begin with them.
    expect(azureArm.matches(cli.slice(1))).toBe(true);
    expect(roles(cli.slice(1))).toEqual(roles(cli).slice(1));
    expect(roles([...cli.slice(1), cli[0]])).toHaveLength(3);
  });

  it('az role assignment list: one above the subscriptions is read as inherited by the one subscription listed, else into its management group’s account', () => {
    const assignment = (scope: string, name: string) => ({
      id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
      name,
      principalId: '11111111-aaaa-4bbb-8ccc-000000000001',
      principalType: 'User',
      roleDefinitionId:
        '/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
      roleDefinitionName: 'Owner',
      scope,
      type: 'Microsoft.Authorization/roleAssignments',
    });
    const inherited = assignment('/providers/Microsoft.Management/managementGroups/mg-osaka', 'ra-mg');
    const read = (rows: unknown[]) => {
      const skipped: string[] = [];
      const resources = [
        ...azureArm.read(rows, { file: 'roles.json', skip: (reason) => skipped.push(reason) }),
      ];
      return { resources, skipped };
    };
    const one = read([assignment(`/subscriptions/${SUB}`, 'ra-sub'), inherited]);
    expect(one.skipped).toEqual([]);
    expect(one.resources.map((r) => [r.account, (r.facts as AzureRoleAssignmentFacts).scope?.value])).toEqual(
      [
        [SUB, `/subscriptions/${SUB}`],
        [SUB, '/providers/microsoft.management/managementgroups/mg-osaka'],
      ],
    );
    const two = read([
      assignment(`/subscriptions/${SUB}`, 'ra-sub'),
      assignment('/subscriptions/99999999-2222-3333-4444-555555555555', 'ra-other'),
      inherited,
    ]);
    // Which subscriptions inherit it is not known here: it is read into its group's account,
    // which the scan gives to the subscriptions whose chain names the group (management-groups.ts).
    expect(two.skipped).toEqual([]);
    expect(two.resources.map((r) => r.account)).toEqual([
      SUB,
      '99999999-2222-3333-4444-555555555555',
      '/providers/microsoft.management/managementgroups/mg-osaka',
    ]);
  });

  it('az account list: each subscription of the CLI’s profile (a bare GUID id) is read as the subscription', () => {
    const resources = readRecords(azureAccountList, [
      {
        cloudName: 'AzureCloud',
        homeTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        id: SUB,
        isDefault: true,
        managedByTenants: [],
        name: 'kansa-prod',
        state: 'Enabled',
        tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        user: { name: 'auditor@contoso.onmicrosoft.com', type: 'user' },
      },
    ]);
    expect(resources.map((r) => [r.id, r.kansaType, r.name, r.account])).toEqual([
      [`/subscriptions/${SUB}`, 'account', 'kansa-prod', SUB],
    ]);
    expect(JSON.stringify(resources)).not.toContain('auditor@');
  });

  it('skips a resource provider’s registration (GET /subscriptions/<id>/providers/<namespace>), saying what it is', () => {
    const skipped: string[] = [];
    const resources = [
      ...azureArm.read(
        {
          id: `/subscriptions/${SUB}/providers/Microsoft.Network`,
          namespace: 'Microsoft.Network',
          registrationState: 'Registered',
          resourceTypes: [{ resourceType: 'networkSecurityGroups', locations: ['Japan East'] }],
        },
        { file: 'providers.json', skip: (reason) => skipped.push(reason) },
      ),
    ];
    expect(resources).toEqual([]);
    expect(skipped).toEqual([
      `a resource provider's registration (/subscriptions/${SUB}/providers/Microsoft.Network): it holds no resource`,
    ]);
  });

  it('skips Steampipe rows (`akas`, `title`): their snake_case columns are not ARM’s properties', () => {
    const id =
      '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa';
    const skipped: string[] = [];
    const ctx = { file: 'steampipe.json', skip: (reason: string) => skipped.push(reason) };
    const row = {
      id,
      name: 'sa',
      type: 'Microsoft.Storage/storageAccounts',
      network_rule_default_action: 'Deny',
      region: 'japaneast',
      title: 'sa',
      akas: [id.toLowerCase()],
    };
    expect(azureArm.matches([row])).toBe(true);
    expect([...azureArm.read([row], ctx)]).toEqual([]);
    expect(skipped).toEqual([expect.stringContaining('a Steampipe table row')]);
  });

  it('reads a security group’s rules listed without it (az network nsg rule list) as that group', () => {
    const group =
      '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg';
    const rule = (name: string, source: string, port: string) => ({
      id: `${group}/securityRules/${name}`,
      name,
      type: 'Microsoft.Network/networkSecurityGroups/securityRules',
      access: 'Allow',
      direction: 'Inbound',
      priority: name === 'ssh' ? 100 : 110,
      protocol: 'Tcp',
      sourceAddressPrefix: source,
      destinationPortRange: port,
    });
    const other =
      '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/other';
    const resources = readRecords(azureArm, [
      rule('ssh', '*', '22'),
      { ...rule('web', 'VirtualNetwork', '443'), id: `${other}/securityRules/web` },
      rule('https', 'VirtualNetwork', '443'),
    ]);
    expect(resources.map((r) => [r.id, r.kansaType])).toEqual([
      [group.toLowerCase(), 'network.firewall'],
      [other.toLowerCase(), 'network.firewall'],
    ]);
    expect(resources[0]?.facts).toMatchObject({
      inboundRules: {
        source: 'explicit',
        value: [{ name: 'ssh', sourcePrefixes: ['*'] }, { name: 'https' }],
      },
    });
  });

  it('locates a Cosmos DB account replicated outside Japan at the first such region', () => {
    const account = (name: string, regions: string[]) => ({
      id: `/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.DocumentDB/databaseAccounts/${name}`,
      name,
      type: 'Microsoft.DocumentDB/databaseAccounts',
      location: 'Japan East',
      locations: regions.map((locationName, failoverPriority) => ({ locationName, failoverPriority })),
    });
    const resources = readRecords(azureArm, [
      account('abroad', ['Japan East', 'Japan West', 'Southeast Asia']),
      account('domestic', ['Japan East', 'Japan West']),
      account('single', []),
    ]);
    expect(resources.map((r) => r.region)).toEqual(['southeastasia', 'japaneast', 'japaneast']);
  });

  it('reads a Resource Graph row projected without `properties` as having no settings, unlike the CLI’s flattened record', () => {
    const id =
      '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv';
    const row = {
      id,
      name: 'kv',
      type: 'microsoft.keyvault/vaults',
      location: 'japaneast',
      subscriptionId: '00000000-0000-0000-0000-000000000001',
      enablePurgeProtection: true,
    };
    const [graph] = readRecords(azureGraphCli, { count: 1, data: [row], skip_token: null, total_records: 1 });
    expect(graph?.facts).toMatchObject({ purgeProtectionEnabled: { source: 'unknown' } });
    const [cli] = readRecords(azureArm, [{ ...row, type: 'Microsoft.KeyVault/vaults' }]);
    expect(cli?.facts).toMatchObject({ purgeProtectionEnabled: { source: 'explicit', value: true } });
  });
});
