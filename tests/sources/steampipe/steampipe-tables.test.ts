import { beforeAll, describe, expect, it } from 'vitest';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { fact } from '../../helpers/checks.ts';
import { readRows } from './read-rows.ts';

// Rows as `steampipe query --output json "select * from <table>"` writes them, with the columns of
// turbot/steampipe-plugin-gcp table_gcp_storage_bucket.go and steampipe-plugin-azure
// table_azure_storage_account.go (see tests/corpus/SOURCES.md).
const bucketRow = (overrides: Record<string, unknown> = {}) => ({
  name: 'city-archive',
  id: 'city-archive',
  kind: 'storage#bucket',
  location: 'ASIA-NORTHEAST1',
  iam_configuration_uniform_bucket_level_access_enabled: true,
  iam_configuration_public_access_prevention: 'enforced',
  default_kms_key_name: null,
  iam_policy: null,
  project: 'city-web',
  project_number: 123456789012,
  title: 'city-archive',
  akas: ['gcp://storage.googleapis.com/projects/city-web/buckets/city-archive'],
  ...overrides,
});
const SUB = '00000000-0000-4000-8000-000000000001';
const accountRow = (overrides: Record<string, unknown> = {}) => ({
  name: 'stcity',
  id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stcity`,
  type: 'Microsoft.Storage/storageAccounts',
  kind: 'StorageV2',
  allow_blob_public_access: true,
  enable_https_traffic_only: false,
  minimum_tls_version: 'TLS1_0',
  network_rule_default_action: 'Allow',
  encryption_key_source: 'Microsoft.Storage',
  region: 'japaneast',
  subscription_id: SUB,
  tags: { owner: 'city' },
  title: 'stcity',
  akas: [`/subscriptions/${SUB}/resourcegroups/rg/providers/microsoft.storage/storageaccounts/stcity`],
  ...overrides,
});

// The CSV parser is loaded by the scan before a text format is asked (read-inputs); here, first.
beforeAll(loadCsvParser);

describe('steampipe-rows', () => {
  it('takes Steampipe output before the Azure and Google Cloud formats, in both JSON shapes', () => {
    const formatOf = (document: unknown) =>
      INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(document))?.id;
    expect(formatOf([bucketRow()])).toBe('steampipe-rows');
    expect(formatOf({ columns: [{ name: 'name' }], rows: [accountRow()] })).toBe('steampipe-rows');
  });

  it('reads a gcp_storage_bucket row as the bucket, its columns put back in the API’s places', () => {
    const { resources } = readRows([
      bucketRow({
        iam_policy: { bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }] },
      }),
    ]);
    const [bucket] = resources;
    expect(bucket).toMatchObject({
      id: '//storage.googleapis.com/city-archive',
      kansaType: 'storage.bucket',
      account: '123456789012',
      region: 'asia-northeast1',
    });
    expect(fact(bucket, 'uniformBucketLevelAccess')).toMatchObject({ source: 'explicit', value: true });
    expect(fact(bucket, 'publicAccessPrevention')).toMatchObject({ source: 'explicit', value: 'enforced' });
    expect(fact(bucket, 'customerManagedKey')).toMatchObject({ value: false });
    expect(fact(bucket, 'publicBindings')).toMatchObject({
      value: [{ role: 'roles/storage.objectViewer', member: 'allUsers' }],
    });
  });

  it('reads an azure_storage_account row as the account; a null column is the API’s absent field', () => {
    const { resources } = readRows([accountRow({ allow_blob_public_access: null })]);
    const [account] = resources.filter((r) => r.kansaType === 'storage.account');
    expect(account).toMatchObject({ region: 'japaneast', tags: { owner: 'city' } });
    expect(fact(account, 'httpsTrafficOnly')).toMatchObject({ source: 'explicit', value: false });
    expect(fact(account, 'minimumTlsVersion')).toMatchObject({ source: 'explicit', value: 'TLS1_0' });
    expect(fact(account, 'allowBlobPublicAccess')).toMatchObject({ source: 'default' });
  });

  it('reads an aws_s3_bucket row as the bucket’s Config item, its supplementary configuration rebuilt', () => {
    const { resources } = readRows([
      {
        name: 'city-site',
        arn: 'arn:aws:s3:::city-site',
        bucket_policy_is_public: false,
        block_public_acls: false,
        block_public_policy: false,
        ignore_public_acls: false,
        restrict_public_buckets: false,
        policy: null,
        acl: {
          Grants: [
            {
              Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' },
              Permission: 'READ',
            },
          ],
        },
        server_side_encryption_configuration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: null } }],
        },
        logging: null,
        tags: null,
        title: 'city-site',
        akas: ['arn:aws:s3:::city-site'],
        region: 'ap-northeast-1',
        account_id: '111122223333',
      },
    ]);
    const [bucket] = resources;
    expect(bucket).toMatchObject({
      id: 'arn:aws:s3:::city-site',
      account: '111122223333',
      region: 'ap-northeast-1',
    });
    expect(fact(bucket, 'publicAclGrants')).toMatchObject({ value: ['AllUsers:READ'] });
    expect(fact(bucket, 'blockPublicAcls')).toMatchObject({ source: 'explicit', value: false });
    expect(fact(bucket, 'publicPolicyStatements')).toMatchObject({ source: 'explicit', value: [] });
    expect(fact(bucket, 'policyStatusPublic')).toMatchObject({ source: 'explicit', value: false });
    expect(fact(bucket, 'sseAlgorithm')).toMatchObject({ source: 'explicit', value: 'aws:kms' });
    expect(fact(bucket, 'accessLogTargetBucket')).toMatchObject({ value: null });
  });

  it('reads an azure_key_vault row with its diagnostic settings; an empty list means it has none', () => {
    const vault = (name: string, settings: unknown[]) => ({
      name,
      id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/${name}`,
      purge_protection_enabled: true,
      soft_delete_enabled: true,
      network_acls: { defaultAction: 'Deny', ipRules: [] },
      diagnostic_settings: settings,
      region: 'japaneast',
      title: name,
      akas: [`/subscriptions/${SUB}/resourcegroups/rg/providers/microsoft.keyvault/vaults/${name}`],
    });
    const setting = {
      id: `/subscriptions/${SUB}/resourcegroups/rg/providers/microsoft.keyvault/vaults/kv1/providers/microsoft.insights/diagnosticSettings/to-law`,
      name: 'to-law',
      type: 'Microsoft.Insights/diagnosticSettings',
      properties: { workspaceId: 'ws', logs: [{ categoryGroup: 'audit', enabled: true }] },
    };
    const { resources } = readRows([vault('kv1', [setting]), vault('kv2', [])]);
    expect(resources.map((r) => r.kansaType)).toEqual(['kms.vault', 'audit.diagnostic-setting', 'kms.vault']);
    expect(fact(resources[0], 'purgeProtectionEnabled')).toMatchObject({ source: 'explicit', value: true });
    expect(fact(resources[2], 'diagnosticSettingsListed')).toMatchObject({ value: true });
  });

  it('reads an azure_network_security_group row: its rules as ARM lists them, null for none of its own', () => {
    const group = (name: string, rules: unknown[] | null) => ({
      name,
      id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/${name}`,
      type: 'Microsoft.Network/networkSecurityGroups',
      security_rules: rules,
      default_security_rules: [],
      diagnostic_settings: null,
      region: 'japaneast',
      title: name,
      akas: [
        `/subscriptions/${SUB}/resourcegroups/rg/providers/microsoft.network/networksecuritygroups/${name}`,
      ],
    });
    const rdp = {
      id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg1/securityRules/rdp`,
      name: 'rdp',
      properties: {
        protocol: 'Tcp',
        sourceAddressPrefix: '*',
        destinationPortRange: '3389',
        access: 'Allow',
        direction: 'Inbound',
        priority: 100,
      },
    };
    const { resources, skipped } = readRows([group('nsg1', [rdp]), group('nsg2', null)]);
    expect(skipped).toEqual([]);
    expect(resources.map((r) => r.kansaType)).toEqual(['network.firewall', 'network.firewall']);
    expect(fact(resources[0], 'inboundRules')).toMatchObject({ source: 'explicit' });
  });

  it('reads an azure_sql_server row with the child resources its JSON columns list', () => {
    const server = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Sql/servers/sql1`;
    const row = {
      name: 'sql1',
      id: server,
      kind: 'v12.0',
      public_network_access: 'Enabled',
      minimal_tls_version: null,
      server_audit_policy: [
        { id: `${server}/auditingSettings/Default`, name: 'Default', properties: { state: 'Disabled' } },
      ],
      encryption_protector: [
        {
          id: `${server}/encryptionProtector/current`,
          name: 'current',
          kind: 'servicemanaged',
          properties: { serverKeyName: 'ServiceManaged', serverKeyType: 'ServiceManaged' },
        },
      ],
      firewall_rules: [
        {
          id: `${server}/firewallRules/AllowAll`,
          name: 'AllowAll',
          properties: { startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' },
        },
      ],
      region: 'japaneast',
      title: 'sql1',
      akas: [server.toLowerCase()],
    };
    const { resources, skipped } = readRows([row]);
    expect(skipped).toEqual([]);
    // Ids come out lower-cased, as every Azure adapter keys them.
    expect(resources.map((r) => [r.kansaType, r.id.split('/').slice(-2).join('/')])).toEqual([
      ['database.server', 'servers/sql1'],
      ['database.server', 'servers/sql1'],
      ['database.server', 'servers/sql1'],
      ['network.firewall-rule', 'firewallrules/allowall'],
    ]);
    // A null column is the API's absent field: the server enforces no minimal TLS version.
    expect(fact(resources[0], 'minimalTlsVersion')).toMatchObject({ source: 'default', value: 'None' });
    expect(fact(resources[1], 'auditingState')).toMatchObject({ source: 'explicit', value: 'Disabled' });
    expect(fact(resources[2], 'customerManagedKey')).toMatchObject({ source: 'explicit', value: false });
  });

  it('reads azure_compute_disk, azure_redis_cache and azure_app_service_web_app rows', () => {
    const id = (type: string, name: string) =>
      `/subscriptions/${SUB}/resourceGroups/rg/providers/${type}/${name}`;
    const row = (type: string, name: string, columns: Record<string, unknown>) => ({
      name,
      id: id(type, name),
      ...columns,
      region: 'japaneast',
      title: name,
      akas: [id(type, name).toLowerCase()],
    });
    const { resources, skipped } = readRows([
      row('Microsoft.Compute/disks', 'd1', {
        encryption_type: 'EncryptionAtRestWithCustomerKey',
        encryption_disk_encryption_set_id: id('Microsoft.Compute/diskEncryptionSets', 'des'),
      }),
      row('Microsoft.Cache/Redis', 'r1', {
        enable_non_ssl_port: false,
        minimum_tls_version: null,
        public_network_access: 'Disabled',
      }),
      row('Microsoft.Web/sites', 'w1', {
        https_only: true,
        site_config: { numberOfWorkers: 1 },
        // The Go SDK writes config/web without its read-only id, name and type.
        configuration: { properties: { minTlsVersion: '1.2', ftpsState: 'Disabled' } },
      }),
    ]);
    expect(skipped).toEqual([]);
    const [disk, cache, app, config] = resources;
    expect(fact(disk, 'customerManagedKey')).toMatchObject({ value: true });
    // A null minimum_tls_version is the API's absent field, whose default depends on the cache's age.
    expect(fact(cache, 'minimumTlsVersion')).toMatchObject({ source: 'unknown' });
    expect(fact(cache, 'enableNonSslPort')).toMatchObject({ source: 'explicit', value: false });
    expect(fact(app, 'httpsOnly')).toMatchObject({ source: 'explicit', value: true });
    expect(fact(app, 'publicNetworkAccess')).toMatchObject({ source: 'unknown' });
    expect(config?.id).toBe(`${id('Microsoft.Web/sites', 'w1').toLowerCase()}`);
    expect(fact(config, 'minTlsVersion')).toMatchObject({ source: 'explicit', value: '1.2' });
  });

  it('reads a gcp_bigquery_dataset row as the dataset, its access entries in the API’s names', () => {
    const dataset = (id: string, access: unknown[], kms: string | null) => ({
      name: null,
      dataset_id: id,
      id: `city-bq:${id}`,
      kind: 'bigquery#dataset',
      kms_key_name: kms,
      access,
      location: 'asia-northeast1',
      project: 'city-bq',
      title: id,
      akas: [`gcp://bigquery.googleapis.com/projects/city-bq/datasets/${id}`],
    });
    const { resources, skipped } = readRows([
      dataset('open', [{ role: 'READER', specialGroup: 'allAuthenticatedUsers' }], null),
      dataset(
        'closed',
        [{ role: 'OWNER', specialGroup: 'projectOwners' }],
        'projects/city-bq/locations/asia-northeast1/keyRings/r/cryptoKeys/k',
      ),
    ]);
    expect(skipped).toEqual([]);
    expect(resources.map((r) => [r.id, r.account, r.region])).toEqual([
      ['//bigquery.googleapis.com/projects/city-bq/datasets/open', 'city-bq', 'asia-northeast1'],
      ['//bigquery.googleapis.com/projects/city-bq/datasets/closed', 'city-bq', 'asia-northeast1'],
    ]);
    expect(fact(resources[0], 'publicAccessEntries')).toMatchObject({
      value: [{ member: 'allAuthenticatedUsers' }],
    });
    // A null kms_key_name is the API's absent setting: Google-managed keys.
    expect(fact(resources[0], 'customerManagedKey')).toMatchObject({ source: 'default', value: false });
    expect(fact(resources[1], 'customerManagedKey')).toMatchObject({ value: true });
  });

  it('reads an azure_kubernetes_cluster row, the local accounts it has no column for unknown', () => {
    const id = `/subscriptions/${SUB}/resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1`;
    const { resources, skipped } = readRows([
      {
        name: 'aks1',
        id,
        enable_rbac: true,
        api_server_access_profile: { enablePrivateCluster: false, authorizedIPRanges: ['203.0.113.0/24'] },
        disk_encryption_set_id: null,
        region: 'japaneast',
        title: 'aks1',
        akas: [id.toLowerCase()],
      },
    ]);
    expect(skipped).toEqual([]);
    expect(fact(resources[0], 'authorizedIpRanges')).toMatchObject({
      source: 'explicit',
      value: ['203.0.113.0/24'],
    });
    expect(fact(resources[0], 'enableRbac')).toMatchObject({ source: 'explicit', value: true });
    expect(fact(resources[0], 'disableLocalAccounts')).toMatchObject({ source: 'unknown' });
  });

  it('reads an azure_compute_virtual_machine row: a null security_profile is no encryption at host', () => {
    const vm = (name: string, profile: unknown) => ({
      name,
      id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${name}`,
      security_profile: profile,
      region: 'japaneast',
      title: name,
      akas: [`/subscriptions/${SUB}/resourcegroups/rg/providers/microsoft.compute/virtualmachines/${name}`],
    });
    const { resources, skipped } = readRows([vm('vm1', { encryptionAtHost: true }), vm('vm2', null)]);
    expect(skipped).toEqual([]);
    expect(fact(resources[0], 'encryptionAtHost')).toMatchObject({ source: 'explicit', value: true });
    expect(fact(resources[1], 'encryptionAtHost')).toMatchObject({ source: 'default', value: false });
  });

  it('skips a row whose query left out a column the checks read, naming it', () => {
    const { enable_https_traffic_only: _notSelected, ...projected } = accountRow();
    const { resources, skipped } = readRows([projected]);
    expect(resources).toHaveLength(0);
    expect(skipped[0]).toMatch(/azure_storage_account row without the columns enable_https_traffic_only/);
  });

  it('skips the rows of tables it does not read, with the reason', () => {
    const { resources, skipped } = readRows([
      {
        network_interface_id: 'eni-1',
        status: 'in-use',
        title: 'web',
        akas: ['arn:aws:ec2:ap-northeast-1:111122223333:network-interface/eni-1'],
      },
    ]);
    expect(resources).toHaveLength(0);
    expect(skipped[0]).toMatch(/Steampipe table row/);
  });
});
