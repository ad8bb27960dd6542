import { beforeAll, describe, expect, it } from 'vitest';
import type { Fact } from '../../../src/model/fact.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { steampipeRows } from '../../../src/sources/steampipe-tables.ts';
import { expectCsvParity } from './csv-parity.ts';

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

function read(document: unknown) {
  const skipped: string[] = [];
  const resources = [
    ...steampipeRows.read(document, { file: 't.json', skip: (reason) => skipped.push(reason) }),
  ];
  // `--output csv` of the same rows reads the same.
  if (Array.isArray(document)) expectCsvParity(document);
  return { resources, skipped };
}
const fact = (resource: Resource | undefined, name: string) =>
  (resource?.facts as Record<string, Fact<unknown>> | undefined)?.[name];

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
    const { resources } = read([
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
    const { resources } = read([accountRow({ allow_blob_public_access: null })]);
    const [account] = resources.filter((r) => r.kansaType === 'storage.account');
    expect(account).toMatchObject({ region: 'japaneast', tags: { owner: 'city' } });
    expect(fact(account, 'httpsTrafficOnly')).toMatchObject({ source: 'explicit', value: false });
    expect(fact(account, 'minimumTlsVersion')).toMatchObject({ source: 'explicit', value: 'TLS1_0' });
    expect(fact(account, 'allowBlobPublicAccess')).toMatchObject({ source: 'default' });
  });

  it('reads an aws_s3_bucket row as the bucket’s Config item, its supplementary configuration rebuilt', () => {
    const { resources } = read([
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
    const { resources } = read([vault('kv1', [setting]), vault('kv2', [])]);
    expect(resources.map((r) => r.kansaType)).toEqual(['kms.vault', 'audit.diagnostic-setting', 'kms.vault']);
    expect(fact(resources[0], 'purgeProtectionEnabled')).toMatchObject({ source: 'explicit', value: true });
    expect(fact(resources[2], 'diagnosticSettingsListed')).toMatchObject({ value: true });
  });

  it('skips a row whose query left out a column the checks read, naming it', () => {
    const { enable_https_traffic_only: _notSelected, ...projected } = accountRow();
    const { resources, skipped } = read([projected]);
    expect(resources).toHaveLength(0);
    expect(skipped[0]).toMatch(/azure_storage_account row without the columns enable_https_traffic_only/);
  });

  it('skips the rows of tables it does not read, with the reason', () => {
    const { resources, skipped } = read([
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
