import { describe, expect, it } from 'vitest';
import { cloudQueryDocument, cloudQueryRecords } from '../../../src/sources/cloudquery.ts';
import { cloudQueryTableName } from '../../../src/sources/cloudquery-row.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { fact, readRows as read } from './rows.ts';

// Rows as CloudQuery's file destination writes them with `format: json` (cloudquery/filetypes
// json/testdata/TestWriteRead.jsonl: `_cq_*` columns, JSON columns as objects, timestamps
// `YYYY-MM-DD hh:mm:ss[.ffffff]`), with the columns of cloudquery/cloudquery
// plugins/source/aws/docs/tables/<table>.md (see tests/corpus/SOURCES.md).
const ACCOUNT = '111122223333';
const cq = (columns: Record<string, unknown>): Record<string, unknown> => ({
  _cq_id: '4f0c2b7e-2d1a-4c55-9a61-0c7d4e2b9f10',
  _cq_parent_id: null,
  _cq_source_name: 'aws',
  _cq_sync_time: '2024-03-11 09:14:05.123456',
  account_id: ACCOUNT,
  ...columns,
});
const groupRow = (overrides: Record<string, unknown> = {}) =>
  cq({
    region: 'ap-northeast-1',
    arn: `arn:aws:ec2:ap-northeast-1:${ACCOUNT}:security-group/sg-0a1b2c3d4e5f60718`,
    group_id: 'sg-0a1b2c3d4e5f60718',
    group_name: 'bastion',
    vpc_id: 'vpc-0123456789abcdef0',
    ip_permissions: [
      {
        FromPort: 22,
        IpProtocol: 'tcp',
        IpRanges: [{ CidrIp: '0.0.0.0/0', Description: null }],
        Ipv6Ranges: [],
        PrefixListIds: [],
        ToPort: 22,
        UserIdGroupPairs: [],
      },
    ],
    tags: { Name: 'bastion' },
    ...overrides,
  });
const trailRow = (status: unknown) =>
  cq({
    region: 'us-east-1',
    arn: `arn:aws:cloudtrail:ap-northeast-1:${ACCOUNT}:trail/audit`,
    name: 'audit',
    home_region: 'ap-northeast-1',
    is_multi_region_trail: true,
    log_file_validation_enabled: false,
    status,
  });
const BUCKET = 'arn:aws:s3:::city-archive';

describe('CloudQuery file destination rows (cloudquery)', () => {
  it('is told by its _cq_ columns, before the formats whose records also carry arn and account_id', () => {
    const row = groupRow();
    expect(INPUT_FORMATS.find((format) => format.kind === 'ndjson' && format.matches(row))?.id).toBe(
      'cloudquery',
    );
    expect(INPUT_FORMATS.find((format) => format.kind === 'document' && format.matches(row))?.id).toBe(
      'cloudquery',
    );
    const { _cq_id: _, ...withoutId } = row;
    expect(cloudQueryRecords.matches(withoutId)).toBe(false);
    expect(cloudQueryRecords.matches({ title: 'x', akas: [], _cq_id: 'x' })).toBe(false);
  });

  it('takes the table from the file name or its folder, as the destination path template writes them', () => {
    expect(cloudQueryTableName('out/aws_s3_buckets/3d0c1f7e-2b8a-4f55-9a61-0c7d4e2b9f10.json')).toBe(
      'aws_s3_buckets',
    );
    expect(cloudQueryTableName('out/aws_s3_buckets.json')).toBe('aws_s3_buckets');
    expect(cloudQueryTableName('out/aws_s3_buckets.3d0c1f7e-2b8a.json.gz')).toBe('aws_s3_buckets');
    expect(cloudQueryTableName('2024/03/11/aws_kms_keys/part-1.json')).toBe('aws_kms_keys');
    expect(cloudQueryTableName('sync/rows.json')).toBeUndefined();
    // The object-store destinations' {{TABLE_HYPHEN}} (s3 v7, gcs, azblob): the table with hyphens.
    expect(cloudQueryTableName('bucket/aws-s3-bucket-public-access-blocks/3d0c1f7e.json')).toBe(
      'aws_s3_bucket_public_access_blocks',
    );
    expect(cloudQueryTableName('gcp-storage-buckets.json.gz')).toBe('gcp_storage_buckets');
    const { skipped } = read('sync/rows.json', [groupRow()]);
    expect(skipped).toEqual([expect.stringMatching(/names no table/)]);
  });

  it('reads a security group row as its Config item: ip_permissions as the SDK writes IpPermissions', () => {
    const { resources, skipped } = read('aws_ec2_security_groups.json', [groupRow()]);
    expect(skipped).toEqual([]);
    expect(resources[0]).toMatchObject({
      provider: 'aws',
      account: ACCOUNT,
      region: 'ap-northeast-1',
      kansaType: 'network.firewall',
      id: `arn:aws:ec2:ap-northeast-1:${ACCOUNT}:security-group/sg-0a1b2c3d4e5f60718`,
      tags: { Name: 'bastion' },
    });
    expect(fact(resources[0], 'ipIngress')).toMatchObject({
      source: 'explicit',
      value: [{ protocol: 'tcp', fromPort: 22, toPort: 22, source: '0.0.0.0/0' }],
    });
  });

  it('reads a JSON column written as JSON text as the object it holds', () => {
    const row = groupRow();
    const asText = { ...row, ip_permissions: JSON.stringify(row.ip_permissions), tags: '{"Name":"bastion"}' };
    expect(read('aws_ec2_security_groups.json', [asText]).resources).toEqual(
      read('aws_ec2_security_groups.json', [row]).resources,
    );
  });

  it('skips a row without a column the checks read, and the rows of tables kansa does not read', () => {
    const { ip_permissions: _, ...cut } = groupRow();
    const { resources, skipped } = read('aws_ec2_security_groups.json', [cut]);
    expect(resources).toEqual([]);
    expect(skipped).toEqual([expect.stringMatching(/without the columns ip_permissions/)]);
    expect(read('aws_ec2_instances.json', [cq({ instance_id: 'i-1' })]).skipped).toEqual([
      expect.stringMatching(/aws_ec2_instances row: kansa does not read/),
    ]);
  });

  it('reads a trail with GetTrailStatus’s IsLogging from status, unknown without it', () => {
    const [trail] = read('aws_cloudtrail_trails.json', [trailRow({ IsLogging: false })]).resources;
    expect(trail).toMatchObject({ region: 'ap-northeast-1', kansaType: 'audit.trail' });
    expect(fact(trail, 'isLogging')).toEqual({ source: 'explicit', value: false, path: 'status.IsLogging' });
    expect(fact(trail, 'logFileValidationEnabled')).toMatchObject({ source: 'explicit', value: false });
    const [unasked] = read('aws_cloudtrail_trails.json', [trailRow(null)]).resources;
    expect(fact(unasked, 'isLogging')).toBeUndefined();
  });

  it("reads a trail's event selectors row (aws_cloudtrail_trail_event_selectors) as the trail's, by trail_arn", () => {
    const arn = `arn:aws:cloudtrail:ap-northeast-1:${ACCOUNT}:trail/audit`;
    const { resources, skipped } = read('aws_cloudtrail_trail_event_selectors/a.json', [
      cq({
        region: 'ap-northeast-1',
        trail_arn: arn,
        event_selectors: [{ IncludeManagementEvents: false, ReadWriteType: 'All', DataResources: [] }],
        advanced_event_selectors: null,
      }),
      // The older schema: a row per basic selector, its members as columns.
      cq({ trail_arn: arn, include_management_events: true, read_write_type: 'All' }),
    ]);
    expect(resources).toHaveLength(1);
    expect(resources[0]).toMatchObject({ id: arn, region: 'ap-northeast-1', kansaType: 'audit.trail' });
    expect(fact(resources[0], 'recordsManagementEvents')).toMatchObject({ source: 'explicit', value: false });
    expect(fact(resources[0], 'isMultiRegionTrail')?.source).toBe('unknown');
    expect(skipped).toHaveLength(1);
  });

  it('reads a bucket and its child tables as records of one bucket, a setting without its row unknown', () => {
    const { resources, skipped } = read('aws_s3_buckets/a.json', [
      cq({ arn: BUCKET, name: 'city-archive', region: 'ap-northeast-1', policy_status: null, tags: null }),
    ]);
    expect(skipped).toEqual([]);
    expect(resources[0]).toMatchObject({ id: BUCKET, region: 'ap-northeast-1', kansaType: 'storage.bucket' });
    expect(fact(resources[0], 'blockPublicAcls')?.source).toBe('unknown');
    expect(fact(resources[0], 'publicPolicyStatements')?.source).toBe('unknown');

    const block = read('aws_s3_bucket_public_access_blocks/b.json', [
      cq({
        bucket_arn: BUCKET,
        public_access_block_configuration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: false,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      }),
    ]).resources[0];
    expect(block).toMatchObject({ id: BUCKET, kansaType: 'storage.bucket' });
    expect(fact(block, 'blockPublicPolicy')).toMatchObject({ source: 'explicit', value: false });

    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/*` }],
    };
    const policyRecord = read('aws_s3_bucket_policies/c.json', [
      cq({ bucket_arn: BUCKET, policy: JSON.stringify(policy), policy_json: policy }),
    ]).resources[0];
    expect(fact(policyRecord, 'publicPolicyStatements')).toMatchObject({
      source: 'explicit',
      value: [expect.objectContaining({ principal: '"*"' })],
    });

    const logging = read('aws_s3_bucket_loggings/d.json', [cq({ bucket_arn: BUCKET, logging_enabled: null })])
      .resources[0];
    expect(fact(logging, 'accessLogTargetBucket')).toMatchObject({ source: 'explicit', value: null });
    expect(fact(logging, 'blockPublicAcls')?.source).toBe('unknown');
  });

  it('reads the settings columns of the older aws_s3_buckets, a null one unknown (none, or the call denied)', () => {
    const older = (columns: Record<string, unknown>) =>
      cq({
        arn: BUCKET,
        name: 'city-archive',
        region: 'ap-northeast-1',
        policy_status: null,
        tags: null,
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: false,
        policy: null,
        logging_target_bucket: null,
        logging_target_prefix: null,
        ...columns,
      });
    const [bucket] = read('aws_s3_buckets.json', [older({})]).resources;
    expect(fact(bucket, 'restrictPublicBuckets')).toMatchObject({ source: 'explicit', value: false });
    expect(fact(bucket, 'publicPolicyStatements')?.source).toBe('unknown');
    expect(fact(bucket, 'accessLogTargetBucket')?.source).toBe('unknown');
    const [logged] = read('aws_s3_buckets.json', [
      older({ logging_target_bucket: 'city-logs', block_public_acls: null }),
    ]).resources;
    expect(fact(logged, 'accessLogTargetBucket')).toMatchObject({ source: 'explicit', value: 'city-logs' });
    expect(fact(logged, 'blockPublicAcls')?.source).toBe('unknown');
  });

  it('reads a GuardDuty detector from its request_account_id and request_region columns', () => {
    const { account_id: _, ...detector } = cq({
      request_account_id: ACCOUNT,
      request_region: 'ap-northeast-1',
      arn: `arn:aws:guardduty:ap-northeast-1:${ACCOUNT}:detector/12abc34d567e8fa901bc2d34e56789f0`,
      id: '12abc34d567e8fa901bc2d34e56789f0',
      status: 'ENABLED',
      finding_publishing_frequency: 'SIX_HOURS',
    });
    const { resources, skipped } = read('aws_guardduty_detectors.json', [detector]);
    expect(skipped).toEqual([]);
    expect(resources[0]).toMatchObject({
      account: ACCOUNT,
      region: 'ap-northeast-1',
      nativeType: 'AWS::GuardDuty::Detector',
    });
    const { request_region: __, ...cut } = detector;
    expect(read('aws_guardduty_detectors.json', [cut]).skipped).toEqual([
      expect.stringMatching(/without the columns request_region/),
    ]);
  });

  it('reads a role’s trust policy, its policies (in other tables) unknown', () => {
    const [role] = read('aws_iam_roles.json', [
      cq({
        arn: `arn:aws:iam::${ACCOUNT}:role/vendor`,
        role_name: 'vendor',
        role_id: 'AROAZ6CQTEST00000001',
        path: '/',
        assume_role_policy_document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::999988887777:root' },
              Action: 'sts:AssumeRole',
            },
          ],
        },
        tags: null,
      }),
    ]).resources;
    expect(role).toMatchObject({ kansaType: 'iam.role', region: 'global', account: ACCOUNT });
    expect(fact(role, 'trustedAccounts')).toMatchObject({ source: 'explicit', value: ['999988887777'] });
    expect(fact(role, 'attachedPolicyArns')?.source).toBe('unknown');
  });

  it('reads the credential report rows under the report’s own column names', () => {
    const row = (user: string, arn: string, columns: Record<string, unknown>) => {
      const { account_id: _, ...rest } = cq({
        user,
        arn,
        user_creation_time: '2020-06-01 00:00:00',
        password_enabled: 'true',
        password_last_used: '2024-03-10 08:00:00.5',
        mfa_active: false,
        access_key1_active: false,
        access_key2_active: false,
        access_key_1_last_rotated: null,
        access_key_2_last_rotated: null,
        ...columns,
      });
      return rest;
    };
    const { resources, skipped } = read('aws_iam_credential_reports.json', [
      row('<root_account>', `arn:aws:iam::${ACCOUNT}:root`, {
        password_enabled: 'not_supported',
        mfa_active: true,
      }),
      row('ops', `arn:aws:iam::${ACCOUNT}:user/ops`, {
        access_key2_active: true,
        access_key_2_last_rotated: '2021-01-15 00:00:00',
      }),
    ]);
    expect(skipped).toEqual([]);
    expect(fact(resources[0], 'rootMfaActive')).toMatchObject({ source: 'explicit', value: true });
    expect(fact(resources[0], 'rootAccessKeyActive')).toMatchObject({ source: 'explicit', value: false });
    expect(resources[1]).toMatchObject({ kansaType: 'iam.user', account: ACCOUNT });
    expect(fact(resources[1], 'passwordEnabled')).toMatchObject({ source: 'explicit', value: true });
    expect(fact(resources[1], 'passwordLastUsed')).toMatchObject({ value: '2024-03-10T08:00:00.5Z' });
    expect(fact(resources[1], 'activeAccessKeys')).toMatchObject({
      source: 'explicit',
      value: [expect.objectContaining({ slot: 2, lastRotated: '2021-01-15T00:00:00Z' })],
    });
  });

  it('reads the password policy row, whose policy_exists false (NoSuchEntity) leaves no settings to read', () => {
    const policy = (columns: Record<string, unknown>) =>
      cq({
        minimum_password_length: null,
        require_symbols: false,
        require_numbers: false,
        require_uppercase_characters: false,
        require_lowercase_characters: false,
        password_reuse_prevention: null,
        ...columns,
      });
    const [none] = read('aws_iam_password_policies.json', [policy({ policy_exists: false })]).resources;
    expect(none).toMatchObject({ kansaType: 'account', account: ACCOUNT });
    expect(fact(none, 'passwordPolicySet')).toMatchObject({ source: 'explicit', value: false });
    expect(fact(none, 'passwordRequireSymbols')).toBeUndefined();
    const [set] = read('aws_iam_password_policies.json', [
      policy({ policy_exists: true, minimum_password_length: 14, require_symbols: true }),
    ]).resources;
    expect(fact(set, 'passwordMinimumLength')).toMatchObject({ source: 'explicit', value: 14 });
    expect(fact(set, 'passwordRequireSymbols')).toMatchObject({ source: 'explicit', value: true });
    const { skipped } = read('aws_iam_password_policies.json', [policy({ policy_exists: null })]);
    expect(skipped).toEqual([expect.stringMatching(/policy_exists is not true or false/)]);
  });

  it('reads an Azure table’s row as the ARM resource its struct holds: properties in ARM’s names', () => {
    const sub = '5c0e0000-0000-4000-8000-0000000c0a70';
    const id = `/subscriptions/${sub}/resourcegroups/rg/providers/microsoft.storage/storageaccounts/stcity`;
    const row = {
      ...cq({}),
      account_id: undefined,
      subscription_id: sub,
      id,
      name: 'stcity',
      type: 'Microsoft.Storage/storageAccounts',
      location: 'japaneast',
      kind: 'StorageV2',
      sku: { name: 'Standard_LRS', tier: 'Standard' },
      extended_location: null,
      identity: null,
      tags: { owner: 'city' },
      properties: {
        allowBlobPublicAccess: true,
        minimumTlsVersion: 'TLS1_2',
        supportsHttpsTrafficOnly: true,
      },
    };
    const { resources, skipped } = read('azure_storage_accounts/x.json', [row]);
    expect(skipped).toEqual([]);
    expect(resources[0]).toMatchObject({
      provider: 'azure',
      account: sub,
      region: 'japaneast',
      kansaType: 'storage.account',
      id,
      tags: { owner: 'city' },
    });
    expect(fact(resources[0], 'allowBlobPublicAccess')).toMatchObject({ source: 'explicit', value: true });
    const { properties: _, ...cut } = row;
    expect(read('azure_storage_accounts/x.json', [cut]).skipped).toEqual([
      expect.stringMatching(/without the columns properties/),
    ]);
    expect(read('azure_subscription_subscriptions.json', [row]).skipped).toEqual([
      expect.stringMatching(/does not read this table/),
    ]);
  });

  // docs/tables/azure_keyvault_managed_hsms.md: armkeyvault.ManagedHsm, its properties in ARM's names.
  it('reads azure_keyvault_managed_hsms rows as managed HSMs', () => {
    const sub = '5c0e0000-0000-4000-8000-0000000c0a70';
    const id = `/subscriptions/${sub}/resourcegroups/rg/providers/microsoft.keyvault/managedhsms/hsm-city`;
    const row = {
      ...cq({}),
      account_id: undefined,
      subscription_id: sub,
      id,
      name: 'hsm-city',
      type: 'Microsoft.KeyVault/managedHSMs',
      location: 'japaneast',
      sku: { family: 'B', name: 'Standard_B1' },
      tags: {},
      system_data: null,
      properties: { enableSoftDelete: true, hsmUri: 'https://hsm-city.managedhsm.azure.net/' },
    };
    const { resources, skipped } = read('azure_keyvault_managed_hsms/x.json', [row]);
    expect(skipped).toEqual([]);
    expect(resources[0]).toMatchObject({
      kansaType: 'kms.vault',
      nativeType: 'microsoft.keyvault/managedhsms',
    });
    expect(fact(resources[0], 'purgeProtectionEnabled')).toMatchObject({ source: 'default', value: true });
  });

  it('reads the Azure plugin’s diagnostic settings, Defender plans and role assignments as their ARM records', () => {
    const sub = '6f3c2a1b-8d4e-4c5f-9a7b-0e1d2c3b4a59';
    const vault = `/subscriptions/${sub}/resourcegroups/rg/providers/microsoft.keyvault/vaults/kv`;
    const armRow = (columns: Record<string, unknown>) => ({
      ...cq({}),
      account_id: undefined,
      subscription_id: sub,
      ...columns,
    });
    const setting = armRow({
      id: `${vault}/providers/microsoft.insights/diagnosticsettings/to-law`,
      name: 'to-law',
      type: 'Microsoft.Insights/diagnosticSettings',
      resource_id: vault,
      system_data: null,
      properties: { logs: [{ categoryGroup: 'audit', enabled: true }], workspaceId: '/subscriptions/x/w' },
    });
    const pricing = armRow({
      id: `/subscriptions/${sub}/providers/microsoft.security/pricings/keyvaults`,
      name: 'KeyVaults',
      type: 'Microsoft.Security/pricings',
      properties: { pricingTier: 'Free' },
    });
    const assignment = armRow({
      id: `/subscriptions/${sub}/providers/microsoft.authorization/roleassignments/0b1c`,
      name: '0b1c',
      type: 'Microsoft.Authorization/roleAssignments',
      properties: {
        roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635`,
        principalId: '11111111-2222-4333-8444-555555555501',
        scope: `/subscriptions/${sub}`,
      },
    });
    for (const [file, row, nativeType] of [
      ['azure_monitor_diagnostic_settings.json', setting, 'microsoft.insights/diagnosticsettings'],
      ['azure_security_pricings.json', pricing, 'microsoft.security/pricings'],
      ['azure_authorization_role_assignments.json', assignment, 'microsoft.authorization/roleassignments'],
    ] as const) {
      const { resources, skipped } = read(file, [row]);
      expect(skipped, file).toEqual([]);
      expect(resources[0]?.nativeType.toLowerCase(), file).toBe(nativeType);
      expect(resources[0]?.account, file).toBe(sub);
    }
    // The settings' parent table: each resource in it had its settings listed (none without a row).
    const { resources } = read('azure_monitor_resources.json', [
      armRow({ id: vault, name: 'kv', type: 'Microsoft.KeyVault/vaults', location: 'japaneast', sku: null }),
    ]);
    expect(resources[0]).toMatchObject({ id: vault, listedOnly: true, kansaType: 'kms.vault' });
    expect(resources[0]?.facts).toEqual({
      diagnosticSettingsListed: expect.objectContaining({ source: 'explicit', value: true }),
    });
  });

  it('reads a GCP firewall row as the REST resource: the proto struct’s I_p_protocol as IPProtocol', () => {
    const firewall = (allowed: unknown) => ({
      ...cq({}),
      account_id: undefined,
      project_id: 'city-web',
      name: 'allow-ssh',
      direction: 'INGRESS',
      disabled: false,
      priority: 1000,
      network: 'https://www.googleapis.com/compute/v1/projects/city-web/global/networks/default',
      allowed,
      denied: null,
      source_ranges: ['0.0.0.0/0'],
      target_tags: null,
    });
    const { resources, skipped } = read('gcp_compute_firewalls.json', [
      firewall([{ I_p_protocol: 'tcp', ports: ['22'] }]),
    ]);
    expect(skipped).toEqual([]);
    expect(resources[0]).toMatchObject({
      provider: 'gcp',
      id: '//compute.googleapis.com/projects/city-web/global/firewalls/allow-ssh',
    });
    expect(fact(resources[0], 'allowed')).toMatchObject({
      source: 'explicit',
      value: [{ protocol: 'tcp', ports: ['22'] }],
    });
    expect(fact(resources[0], 'sourceRanges')).toMatchObject({ value: ['0.0.0.0/0'] });
    expect(read('gcp_compute_networks.json', [firewall([])]).skipped).toEqual([
      expect.stringMatching(/gcp_compute_networks row: kansa does not read/),
    ]);
  });

  it('reads a file of one row, which parses as one JSON document, as the rows are', () => {
    const skipped: string[] = [];
    const resources = [
      ...cloudQueryDocument.read(groupRow(), {
        file: 'aws_ec2_security_groups/x.json',
        skip: (reason) => skipped.push(reason),
      }),
    ];
    expect(skipped).toEqual([]);
    expect(resources.map((resource) => resource.id)).toEqual(
      read('aws_ec2_security_groups.json', [groupRow()]).resources.map((resource) => resource.id),
    );
  });
});
