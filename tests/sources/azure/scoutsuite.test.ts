import { describe, expect, it } from 'vitest';
import type { AzureNsgRule } from '../../../src/model/azure.ts';
import { tempInputs } from '../../helpers/temp-inputs.ts';

// ScoutSuite's Azure results (`scout azure`): services.<service>.subscriptions.<id>.<collection>,
// each resource as ScoutSuite/providers/azure/resources/… reshapes the SDK's model (vars():
// snake_case, additional_properties; tags as "key:value"; ids hashed).
const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590';
const RG = 'rg-osaka-prod';

const inputs = tempInputs('kansa-scoutsuite-azure-');

const script = (services: Record<string, unknown>) =>
  `scoutsuite_results =\n${JSON.stringify({
    account_id: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    last_run: { time: '2026-12-01 10:22:31+0900', version: '5.14.0' },
    metadata: {},
    provider_code: 'azure',
    provider_name: 'Microsoft Azure',
    services,
  })}\n`;

const read = (services: Record<string, unknown>) =>
  inputs.read(`scoutsuite_results_azure-tenant-${Math.random().toString(36).slice(2)}.js`, script(services));

const ruleId = (nsg: string, rule: string, kind = 'securityRules') =>
  `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/networkSecurityGroups/${nsg}/${kind}/${rule}`;
const rule = (nsg: string, name: string, fields: Record<string, unknown>, isDefault = false) => ({
  [ruleId(nsg, name, isDefault ? 'defaultSecurityRules' : 'securityRules')]: {
    id: ruleId(nsg, name, isDefault ? 'defaultSecurityRules' : 'securityRules'),
    name,
    allow: true,
    direction: 'Inbound',
    protocol: 'Tcp',
    source_address_prefixes: ['*'],
    source_address_prefixes_is_asg: false,
    source_port_ranges: ['*'],
    source_ports: ['0-65535'],
    destination_address_prefixes: ['*'],
    destination_port_ranges: ['*'],
    destination_ports: ['0-65535'],
    default: isDefault,
    ...fields,
  },
});
const nsg = (name: string, rules: Record<string, unknown>) => ({
  [`scoutid-${name}`]: {
    id: `scoutid-${name}`,
    name,
    location: 'japaneast',
    resource_group_name: RG,
    tags: ['owner:infra', 'url:https://example.jp'],
    security_rules: {
      ...rules,
      ...rule(
        name,
        'AllowVnetInBound',
        { priority: 65000, source_address_prefixes: ['VirtualNetwork'] },
        true,
      ),
      ...rule(name, 'DenyAllInBound', { priority: 65500, allow: false }, true),
    },
    subnets: {},
    network_interfaces: {},
  },
});

describe('ScoutSuite Azure results', () => {
  it("reads network security groups' rules back into ARM's securityRules, with the group's own id", async () => {
    const { files, resources } = await read({
      network: {
        subscriptions: {
          [SUB]: {
            security_groups: {
              ...nsg('nsg-open', {
                ...rule('nsg-open', 'ssh', { priority: 100, destination_port_ranges: ['22'] }),
              }),
              ...nsg('nsg-asg', {
                ...rule('nsg-asg', 'rdp-from-asg', {
                  priority: 110,
                  destination_port_ranges: ['3389'],
                  source_address_prefixes: ['scoutid-0a1b2c'],
                  source_address_prefixes_is_asg: true,
                }),
              }),
              ...nsg('nsg-odd', { ...rule('nsg-odd', 'no-access', { priority: 120, allow: null }) }),
              ...nsg('nsg-dest-asg', {
                ...rule('nsg-dest-asg', 'deny-ssh-to-asg', {
                  priority: 100,
                  allow: false,
                  destination_address_prefixes: [],
                  destination_port_ranges: ['22'],
                }),
              }),
            },
          },
        },
      },
    });
    expect(files.map((f) => [f.format, f.error])).toEqual([['scoutsuite', undefined]]);
    const byName = (name: string) => resources.find((r) => r.name === name)!;
    const open = byName('nsg-open');
    expect(open).toMatchObject({
      provider: 'azure',
      account: SUB,
      region: 'japaneast',
      nativeType: 'microsoft.network/networksecuritygroups',
      id: `/subscriptions/${SUB}/resourcegroups/${RG}/providers/microsoft.network/networksecuritygroups/nsg-open`,
      tags: { owner: 'infra', url: 'https://example.jp' },
    });
    expect(open.facts.inboundRules?.value).toEqual([
      {
        name: 'ssh',
        access: 'Allow',
        priority: 100,
        protocol: 'Tcp',
        sourcePrefixes: ['*'],
        sourceGroups: [],
        sourcePorts: ['*'],
        destinations: ['*'],
        destinationGroups: [],
        destinationPorts: ['22'],
      },
      {
        name: 'AllowVnetInBound',
        access: 'Allow',
        priority: 65000,
        protocol: 'Tcp',
        sourcePrefixes: ['VirtualNetwork'],
        sourceGroups: [],
        sourcePorts: ['*'],
        destinations: ['*'],
        destinationGroups: [],
        destinationPorts: ['*'],
      },
      {
        name: 'DenyAllInBound',
        access: 'Deny',
        priority: 65500,
        protocol: 'Tcp',
        sourcePrefixes: ['*'],
        sourceGroups: [],
        sourcePorts: ['*'],
        destinations: ['*'],
        destinationGroups: [],
        destinationPorts: ['*'],
      },
    ]);
    // An application security group is no address the internet could come from.
    expect((byName('nsg-asg').facts.inboundRules?.value as AzureNsgRule[] | undefined)?.[0]).toMatchObject({
      name: 'rdp-from-asg',
      sourcePrefixes: [],
    });
    expect(byName('nsg-odd').facts.inboundRules?.source).toBe('unknown');
    // ScoutSuite drops a destination application security group (its prefixes are then empty):
    // the rule stands for the VMs of a group no other rule names.
    expect(
      (byName('nsg-dest-asg').facts.inboundRules?.value as AzureNsgRule[] | undefined)?.[0],
    ).toMatchObject({
      name: 'deny-ssh-to-asg',
      destinations: [],
      destinationGroups: [`${ruleId('nsg-dest-asg', 'deny-ssh-to-asg')}#destination`.toLowerCase()],
    });
  });

  it("reads a key vault's SDK properties as ARM's, and of a storage account and a disk only what ScoutSuite keeps", async () => {
    const { resources, files } = await read({
      keyvault: {
        subscriptions: {
          [SUB]: {
            vaults: {
              'scoutid-kv': {
                id: 'scoutid-kv',
                name: 'kv-osaka',
                location: 'japanwest',
                resource_group_name: RG,
                tags: [],
                type: 'Microsoft.KeyVault/vaults',
                additional_properties: {},
                properties: {
                  additional_properties: {},
                  tenant_id: '72f988bf-86f1-41af-91ab-2d7cd011db47',
                  sku: { additional_properties: {}, family: 'A', name: 'standard' },
                  enable_soft_delete: true,
                  soft_delete_retention_in_days: 90,
                  enable_purge_protection: null,
                  enable_rbac_authorization: true,
                  network_acls: {
                    additional_properties: {},
                    bypass: 'AzureServices',
                    default_action: 'Deny',
                    ip_rules: [],
                  },
                  public_network_access: 'Enabled',
                },
                recovery_protection_enabled: false,
                public_access_allowed: false,
              },
            },
          },
        },
      },
      storageaccounts: {
        subscriptions: {
          [SUB]: {
            storage_accounts: {
              'scoutid-st': {
                id: 'scoutid-st',
                name: 'stosakaprod',
                resource_group_name: RG,
                https_traffic_enabled: false,
                public_traffic_allowed: true,
                trusted_microsoft_services_enabled: true,
                bypass: 'AzureServices',
                shared_key_access_allowed: true,
                access_keys_last_rotation_date: null,
                encryption_key_source: 'Microsoft.Storage',
                encryption_key_customer_managed: false,
                tags: ['classification:2'],
                blob_containers: { logs: { id: 'logs', public_access_allowed: true } },
              },
            },
          },
        },
      },
      virtualmachines: {
        subscriptions: {
          [SUB]: {
            instances: {
              'scoutid-vm1': {
                id: 'scoutid-vm1',
                name: 'vm-osaka-1',
                location: 'japaneast',
                resource_group_name: RG,
                tags: ['role:web'],
                hardware_profile: 'Standard_B2s',
              },
            },
            disks: {
              'scoutid-d1': {
                id: 'scoutid-d1',
                name: 'vm1-osdisk',
                location: 'japaneast',
                resource_group_name: RG,
                tags: { env: 'prod' },
                encryption_type: 'EncryptionAtRestWithCustomerKey',
                encryption_ade: false,
                disk_state: 'Attached',
              },
              'scoutid-d2': {
                id: 'scoutid-d2',
                name: 'vm2-osdisk',
                location: 'japaneast',
                resource_group_name: RG,
                tags: null,
                encryption_type: null,
              },
            },
          },
        },
      },
      sqldatabase: {
        subscriptions: {
          [SUB]: {
            servers: {
              'scoutid-sql1': {
                id: 'scoutid-sql1',
                name: 'sql-osaka',
                resource_group_name: RG,
                tags: [],
                auditing: { auditing_enabled: false, retention_days: 0 },
                encryption_protectors: {
                  kind: 'azurekeyvault',
                  server_key_type: 'AzureKeyVault',
                  uri: 'https://kv-osaka.vault.azure.net/keys/tde/0123',
                  TDE_protector_is_encrypted: true,
                },
                databases: {
                  appdb: { id: 'appdb', name: 'appdb', transparent_data_encryption_enabled: true },
                },
              },
            },
          },
        },
      },
      securitycenter: {
        subscriptions: {
          [SUB]: { auto_provisioning_settings: { default: { id: 'default', auto_provision: 'Off' } } },
        },
      },
    });
    const vault = resources.find((r) => r.name === 'kv-osaka')!;
    expect([
      vault.region,
      vault.facts.softDeleteEnabled?.value,
      vault.facts.networkDefaultAction?.value,
    ]).toEqual(['japanwest', true, 'Deny']);
    // Not set (null in the SDK's model, absent in ARM's answer): ARM's default, off.
    expect(vault.facts.purgeProtectionEnabled).toMatchObject({ source: 'default', value: false });

    const account = resources.find((r) => r.name === 'stosakaprod')!;
    expect(account).toMatchObject({ region: '', tags: { classification: '2' } });
    expect(account.facts.httpsTrafficOnly).toMatchObject({ source: 'explicit', value: false });
    expect(account.facts.networkDefaultAction).toMatchObject({ source: 'explicit', value: 'Allow' });
    expect(account.facts.customerManagedKey).toMatchObject({ source: 'explicit', value: false });
    for (const fact of [
      'allowBlobPublicAccess',
      'minimumTlsVersion',
      'publicNetworkAccess',
      'reachableFromInternet',
    ])
      expect(account.facts[fact]?.source, fact).toBe('unknown');
    const server = resources.filter((r) => r.name === 'sql-osaka');
    // The server, then its auditing settings and TDE protector, which describe it.
    expect(new Set(server.map((r) => r.id))).toEqual(
      new Set([`/subscriptions/${SUB}/resourcegroups/${RG}/providers/microsoft.sql/servers/sql-osaka`]),
    );
    expect(server[1]?.facts.auditingState).toMatchObject({ source: 'explicit', value: 'Disabled' });
    expect(server[2]?.facts.customerManagedKey).toMatchObject({ source: 'explicit', value: true });
    expect(server[0]?.facts.publicNetworkAccess?.source).toBe('unknown');
    const vm = resources.find((r) => r.name === 'vm-osaka-1')!;
    expect([vm.nativeType, vm.region, vm.tags, vm.facts.encryptionAtHost?.source]).toEqual([
      'microsoft.compute/virtualmachines',
      'japaneast',
      { role: 'web' },
      'unknown',
    ]);
    const disk = (name: string) => resources.find((r) => r.name === name)!;
    expect([disk('vm1-osdisk').tags, disk('vm1-osdisk').facts.customerManagedKey?.value]).toEqual([
      { env: 'prod' },
      true,
    ]);
    expect(disk('vm2-osdisk').facts.encryptionType?.source).toBe('unknown');
    expect(files[0]?.notes?.map((n) => n.note)).toContain(
      'ScoutSuite services kansa does not read: securitycenter.auto_provisioning_settings (their resources are not scanned)',
    );
  });

  it("reads App Service web apps: https_only and the configuration's minimum TLS, never the FTPS state", async () => {
    const app = (name: string, fields: Record<string, unknown>) => ({
      [`scoutid-${name}`]: {
        id: `scoutid-${name}`,
        name,
        kind: 'app,linux',
        location: 'Japan East',
        resource_group_name: RG,
        tags: ['classification:2'],
        type: 'Microsoft.Web/sites',
        site_config: null,
        ...fields,
      },
    });
    const { resources, files } = await read({
      appservice: {
        subscriptions: {
          [SUB]: {
            web_apps: {
              ...app('app-strict', { https_only: true, minimum_tls_version_supported: '1.2' }),
              // get_configuration failed or gave nothing: ScoutSuite writes null.
              ...app('app-noconfig', { https_only: false, minimum_tls_version_supported: null }),
            },
          },
        },
      },
    });
    const site = (name: string) => resources.find((r) => r.name === name)!;
    expect([site('app-strict').id, site('app-strict').region, site('app-strict').tags]).toEqual([
      `/subscriptions/${SUB}/resourcegroups/${RG}/providers/microsoft.web/sites/app-strict`,
      'japaneast',
      { classification: '2' },
    ]);
    expect(site('app-strict').facts.httpsOnly).toMatchObject({ source: 'explicit', value: true });
    expect(site('app-strict').facts.minTlsVersion).toMatchObject({ source: 'explicit', value: '1.2' });
    expect(site('app-noconfig').facts.httpsOnly).toMatchObject({ source: 'explicit', value: false });
    for (const fact of ['minTlsVersion', 'ftpsState', 'publicNetworkAccess', 'reachableFromInternet'])
      expect(site('app-noconfig').facts[fact]?.source, fact).toBe('unknown');
    expect(site('app-strict').facts.ftpsState?.source).toBe('unknown');
    expect(files[0]?.notes?.map((n) => n.note).join('\n') ?? '').not.toContain('appservice');
  });

  it('reads MySQL and PostgreSQL single servers with their ssl_enforcement only', async () => {
    const server = (name: string, ssl: unknown) => ({
      [`scoutid-${name}`]: {
        id: `scoutid-${name}`,
        name,
        resource_group_name: RG,
        ssl_enforcement: ssl,
        tags: [],
      },
    });
    const { resources, files } = await read({
      mysqldatabase: {
        subscriptions: {
          [SUB]: { servers: { ...server('my-open', 'Disabled'), ...server('my-unread', null) } },
        },
      },
      postgresqldatabase: {
        subscriptions: {
          [SUB]: {
            servers: {
              ...server('pg-tls', 'Enabled'),
              ...server('pg-open', 'Disabled'),
            },
          },
        },
      },
    });
    const db = (name: string) => resources.find((r) => r.name === name)!;
    expect([db('my-open').id, db('my-open').region]).toEqual([
      `/subscriptions/${SUB}/resourcegroups/${RG}/providers/microsoft.dbformysql/servers/my-open`,
      '',
    ]);
    expect(db('pg-open').id).toBe(
      `/subscriptions/${SUB}/resourcegroups/${RG}/providers/microsoft.dbforpostgresql/servers/pg-open`,
    );
    // SSL not enforced takes plain connections: ScoutSuite's field decides, whatever the minimum.
    for (const name of ['my-open', 'pg-open'])
      expect(db(name).facts.minimalTlsVersion).toMatchObject({
        source: 'explicit',
        value: 'TLSEnforcementDisabled',
        path: 'properties.sslEnforcement',
      });
    // Enforced, or not read: the minimal version is not kept, so never ARM's absent default.
    for (const name of ['pg-tls', 'my-unread'])
      for (const fact of [
        'minimalTlsVersion',
        'publicNetworkAccess',
        'reachableFromInternet',
        'customerManagedKey',
      ])
        expect(db(name).facts[fact]?.source, `${name} ${fact}`).toBe('unknown');
    const notes = files[0]?.notes?.map((n) => n.note).join('\n') ?? '';
    expect(notes).not.toContain('mysqldatabase');
    expect(notes).not.toContain('postgresqldatabase');
  });

  it("reads Defender for Cloud's plans (securitycenter pricings) by their ARM id, the tier only", async () => {
    const id = (plan: string) => `/subscriptions/${SUB}/providers/Microsoft.Security/pricings/${plan}`;
    const { resources } = await read({
      securitycenter: {
        subscriptions: {
          [SUB]: {
            pricings: {
              [id('VirtualMachines')]: {
                id: id('VirtualMachines'),
                name: 'VirtualMachines',
                pricing_tier: 'Standard',
              },
              // Keyed by something else and without its id: made from the subscription and the name.
              'scoutid-sql': { name: 'SqlServers', pricing_tier: 'Free' },
              [id('Dns')]: { id: id('Dns'), name: 'Dns', pricing_tier: 'Free' },
            },
          },
        },
      },
    });
    const plan = (name: string) => resources.find((r) => r.name === name)!;
    expect(plan('VirtualMachines').id).toBe(
      `/subscriptions/${SUB}/providers/microsoft.security/pricings/virtualmachines`,
    );
    expect(plan('VirtualMachines').facts.pricingTier).toMatchObject({
      source: 'explicit',
      value: 'Standard',
    });
    expect(plan('SqlServers').id).toBe(
      `/subscriptions/${SUB}/providers/microsoft.security/pricings/sqlservers`,
    );
    expect(plan('SqlServers').facts.pricingTier).toMatchObject({ source: 'explicit', value: 'Free' });
    // ScoutSuite keeps no `deprecated`: whether a plan was replaced is unknown, not ARM's absent.
    expect(plan('SqlServers').facts.deprecated?.source).toBe('unknown');
    // A plan Azure has deprecated is one by its name, which ScoutSuite keeps.
    expect(plan('Dns').facts.deprecated).toMatchObject({ source: 'explicit', value: true, path: 'name' });
  });

  it('reads the role assignments at their scope and the Entra ID users by object id (aad, or graphrbac before)', async () => {
    const assignment = (name: string, role: string, principal: string, scope = `/subscriptions/${SUB}`) => ({
      [name]: {
        id: name,
        name,
        role_definition_id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${role}`,
        type: 'Microsoft.Authorization/roleAssignments',
        scope,
        principal_id: principal,
        principal_type: 'None',
        can_delegate: 'None',
        additional_properties: {},
      },
    });
    const user = (id: string, name: string, userType: string | null, enabled = true) => ({
      [id]: {
        id,
        object_type: 'User',
        user_type: userType,
        account_enabled: enabled,
        display_name: name,
        name,
      },
    });
    const { resources } = await read({
      rbac: {
        subscriptions: {
          [SUB]: {
            roles: {},
            role_assignments: {
              ...assignment(
                '1a2b3c4d-0000-4000-8000-000000000001',
                '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
                '3c4d5e6f-1111-4a7b-8c9d-0e1f2a3b4c01',
              ),
              ...assignment(
                '1a2b3c4d-0000-4000-8000-000000000002',
                'acdd72a7-3385-48ef-bd42-f606fba81ae7',
                '3c4d5e6f-2222-4a7b-8c9d-0e1f2a3b4c02',
                '/providers/Microsoft.Management/managementGroups/mg-city',
              ),
            },
          },
        },
      },
      aad: {
        users: user(
          '3c4d5e6f-2222-4a7b-8c9d-0e1f2a3b4c02',
          'ops_partner.example#EXT#@city.onmicrosoft.com',
          'Guest',
        ),
      },
      graphrbac: {
        users: user('3c4d5e6f-1111-4a7b-8c9d-0e1f2a3b4c01', 'kenji@city.onmicrosoft.com', null, false),
      },
    });
    const assignments = resources.filter((r) => r.kansaType === 'iam.role-assignment');
    // The management group's assignment, in the subscription's list, is the subscription's too.
    expect(
      assignments.map((r) => [
        r.id.split('/').pop(),
        r.facts.roleDefinitionId?.value,
        r.facts.scope?.value,
        r.facts.principalType?.source,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [
          '1a2b3c4d-0000-4000-8000-000000000001',
          '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
          `/subscriptions/${SUB}`,
          'unknown',
        ],
        [
          '1a2b3c4d-0000-4000-8000-000000000002',
          'acdd72a7-3385-48ef-bd42-f606fba81ae7',
          '/providers/microsoft.management/managementgroups/mg-city',
          'unknown',
        ],
      ]),
    );
    const users = resources.filter((r) => r.kansaType === 'iam.user');
    // account_enabled (users.py keeps Graph's accountEnabled): a disabled owner cannot sign in.
    expect(users.map((r) => [r.id, r.facts.userType?.value, r.facts.accountEnabled?.value])).toEqual([
      ['/users/3c4d5e6f-2222-4a7b-8c9d-0e1f2a3b4c02', 'Guest', true],
      ['/users/3c4d5e6f-1111-4a7b-8c9d-0e1f2a3b4c01', undefined, false],
    ]);
  });
});
