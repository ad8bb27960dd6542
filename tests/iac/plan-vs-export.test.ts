import { describe, expect, it } from 'vitest';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * The same setting, written once as a Terraform plan and once as the cloud's own export
 * (AWS Config snapshot, `az graph query` output, `gcloud asset list`), must give the same
 * check result: the plan adapters feed the export adapters, so every check reads both alike.
 */

type Json = Record<string, unknown>;

/** A one-resource-group plan: `changes` are [address, type, after, afterUnknown, expressions]. */
function plan(
  provider: string,
  providerExpressions: Json,
  changes: [string, string, Json, Json, Json][],
): Json {
  const providerName = `registry.terraform.io/hashicorp/${provider}`;
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: { resources: [] } },
    resource_changes: changes.map(([address, type, after, afterUnknown]) => ({
      address,
      mode: 'managed',
      type,
      name: address.split('.')[1],
      provider_name: providerName,
      change: {
        actions: ['create'],
        before: null,
        after,
        after_unknown: afterUnknown,
        before_sensitive: false,
        after_sensitive: {},
      },
    })),
    configuration: {
      provider_config: {
        [provider]: { name: provider, full_name: providerName, expressions: providerExpressions },
      },
      root_module: {
        resources: changes.map(([address, type, , , expressions]) => ({
          address,
          mode: 'managed',
          type,
          name: address.split('.')[1],
          provider_config_key: provider,
          expressions,
          schema_version: 0,
        })),
      },
    },
    timestamp: '2026-11-30T01:23:45Z',
    applyable: true,
    complete: true,
    errored: false,
  };
}

const ref = (...references: string[]) => ({ references });
const constant = (value: unknown) => ({ constant_value: value });

// --- AWS: Config snapshot items (configuration / supplementaryConfiguration as Config writes them)
const AWS_ACCOUNT = '123456789012';
const AWS_PROVIDER = { region: constant('ap-northeast-1'), allowed_account_ids: constant([AWS_ACCOUNT]) };

function configSnapshot(...items: Json[]): Json {
  return {
    fileVersion: '1.0',
    configSnapshotId: '0f2c9e34-5a5e-4f4e-9b7e-2c1d3a4b5c6d',
    configurationItems: items,
  };
}

/** `name` is Config's resourceName: the bucket, group name or DB identifier. */
function configItem(
  resourceType: string,
  [id, name]: [string, string],
  arn: string,
  configuration: Json,
  supplementaryConfiguration: Json = {},
): Json {
  return {
    relatedEvents: [],
    relationships: [],
    configuration,
    supplementaryConfiguration,
    tags: {},
    configurationItemVersion: '1.3',
    configurationItemCaptureTime: '2026-11-30T00:00:00.000Z',
    configurationStateId: 1764460800000,
    awsAccountId: AWS_ACCOUNT,
    configurationItemStatus: 'OK',
    resourceType,
    resourceId: id,
    resourceName: name,
    ARN: arn,
    awsRegion: 'ap-northeast-1',
    availabilityZone: 'Regional',
    configurationStateMd5Hash: '',
  };
}

const PUBLIC_READ_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'PublicRead',
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::city-open/*',
    },
  ],
});

// --- Azure: Resource Graph rows (`az graph query -o json`)
const SUBSCRIPTION = '11111111-2222-3333-4444-555555555555';
const AZURE_PROVIDER = { features: [{}], subscription_id: constant(SUBSCRIPTION) };

function graph(...rows: Json[]): Json {
  return { count: rows.length, data: rows, skip_token: null, total_records: rows.length };
}

function armRow(type: string, name: string, properties: Json, extra: Json = {}): Json {
  return {
    id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-city/providers/${type}/${name}`,
    name,
    type: type.toLowerCase(),
    tenantId: '99999999-8888-7777-6666-555555555555',
    kind: '',
    location: 'japaneast',
    resourceGroup: 'rg-city',
    subscriptionId: SUBSCRIPTION,
    managedBy: '',
    sku: null,
    plan: null,
    properties,
    tags: {},
    identity: null,
    zones: null,
    extendedLocation: null,
    ...extra,
  };
}

// --- Google Cloud: `gcloud asset list --format=json` (resource and IAM policy together)
const PROJECT = 'osaka-city-prod';
const GOOGLE_PROVIDER = { project: constant(PROJECT), region: constant('asia-northeast1') };

function asset(name: string, assetType: string, data: Json, location: string, iamPolicy?: Json): Json {
  return {
    name,
    assetType,
    ancestors: [`projects/${PROJECT}`, 'organizations/123456789012'],
    resource: {
      version: 'v1',
      discoveryName: assetType.split('/')[1],
      parent: `//cloudresourcemanager.googleapis.com/projects/${PROJECT}`,
      data,
      location,
    },
    ...(iamPolicy && { iamPolicy }),
    updateTime: '2026-11-30T00:00:00.000000Z',
  };
}

interface Case {
  readonly name: string;
  readonly check: string;
  readonly status: 'PASS' | 'FAIL';
  readonly plan: Json;
  readonly planId: string;
  readonly exported: unknown;
  readonly exportedId: string;
}

const CASES: readonly Case[] = [
  {
    name: 'AWS: a bucket policy allowing anyone, no Block Public Access',
    check: 'aws.s3.bucket-public-access',
    status: 'FAIL',
    plan: plan('aws', AWS_PROVIDER, [
      [
        'aws_s3_bucket.open',
        'aws_s3_bucket',
        { bucket: 'city-open', force_destroy: false, tags: null },
        { id: true, arn: true, policy: true, acl: true, grant: true },
        { bucket: constant('city-open') },
      ],
      [
        'aws_s3_bucket_public_access_block.open',
        'aws_s3_bucket_public_access_block',
        {
          block_public_acls: false,
          block_public_policy: false,
          ignore_public_acls: false,
          restrict_public_buckets: false,
        },
        { bucket: true, id: true },
        { bucket: ref('aws_s3_bucket.open.id', 'aws_s3_bucket.open') },
      ],
      [
        'aws_s3_bucket_policy.open',
        'aws_s3_bucket_policy',
        { policy: PUBLIC_READ_POLICY },
        { bucket: true, id: true },
        { bucket: ref('aws_s3_bucket.open.id', 'aws_s3_bucket.open') },
      ],
    ]),
    planId: 'aws_s3_bucket.open',
    exported: configSnapshot(
      configItem(
        'AWS::S3::Bucket',
        ['city-open', 'city-open'],
        'arn:aws:s3:::city-open',
        { name: 'city-open' },
        {
          PublicAccessBlockConfiguration: {
            blockPublicAcls: false,
            ignorePublicAcls: false,
            blockPublicPolicy: false,
            restrictPublicBuckets: false,
          },
          BucketPolicy: { policyText: PUBLIC_READ_POLICY },
          AccessControlList: JSON.stringify({ grantSet: null, grantList: [], owner: { id: 'owner' } }),
        },
      ),
    ),
    exportedId: 'arn:aws:s3:::city-open',
  },
  {
    name: 'AWS: RDP open to the internet on a security group',
    check: 'aws.ec2.security-group-open-ports',
    status: 'FAIL',
    plan: plan('aws', AWS_PROVIDER, [
      [
        'aws_security_group.rdp',
        'aws_security_group',
        {
          name: 'rdp',
          ingress: [
            {
              cidr_blocks: ['0.0.0.0/0'],
              from_port: 3389,
              to_port: 3389,
              protocol: 'tcp',
              ipv6_cidr_blocks: [],
              prefix_list_ids: [],
              security_groups: [],
              self: false,
              description: '',
            },
          ],
        },
        { id: true, arn: true, egress: true },
        { name: constant('rdp') },
      ],
    ]),
    planId: 'aws_security_group.rdp',
    exported: configSnapshot(
      configItem(
        'AWS::EC2::SecurityGroup',
        ['sg-0123456789abcdef0', 'rdp'],
        `arn:aws:ec2:ap-northeast-1:${AWS_ACCOUNT}:security-group/sg-0123456789abcdef0`,
        {
          groupName: 'rdp',
          groupId: 'sg-0123456789abcdef0',
          ipPermissions: [
            {
              fromPort: 3389,
              ipProtocol: 'tcp',
              ipv6Ranges: [],
              prefixListIds: [],
              toPort: 3389,
              userIdGroupPairs: [],
              ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
              ipRanges: ['0.0.0.0/0'],
            },
          ],
        },
      ),
    ),
    exportedId: `arn:aws:ec2:ap-northeast-1:${AWS_ACCOUNT}:security-group/sg-0123456789abcdef0`,
  },
  {
    name: 'AWS: an encrypted database',
    check: 'aws.rds.instance-encrypted',
    status: 'PASS',
    plan: plan('aws', AWS_PROVIDER, [
      [
        'aws_db_instance.main',
        'aws_db_instance',
        {
          identifier: 'city-main',
          storage_encrypted: true,
          publicly_accessible: false,
          backup_retention_period: 7,
        },
        { id: true, arn: true, kms_key_id: true },
        { identifier: constant('city-main') },
      ],
    ]),
    planId: 'aws_db_instance.main',
    exported: configSnapshot(
      configItem(
        'AWS::RDS::DBInstance',
        ['db-ABCDEFGHIJKL', 'city-main'],
        `arn:aws:rds:ap-northeast-1:${AWS_ACCOUNT}:db:city-main`,
        {
          dBInstanceIdentifier: 'city-main',
          storageEncrypted: true,
          kmsKeyId: `arn:aws:kms:ap-northeast-1:${AWS_ACCOUNT}:key/1111aaaa-22bb-33cc-44dd-555555eeeeee`,
          publiclyAccessible: false,
          backupRetentionPeriod: 7,
        },
      ),
    ),
    exportedId: `arn:aws:rds:ap-northeast-1:${AWS_ACCOUNT}:db:city-main`,
  },
  {
    name: 'Azure: a storage account accepting TLS 1.0',
    check: 'azure.storage.minimum-tls',
    status: 'FAIL',
    plan: plan('azurerm', AZURE_PROVIDER, [
      [
        'azurerm_storage_account.old',
        'azurerm_storage_account',
        {
          name: 'cityold',
          location: 'japaneast',
          resource_group_name: 'rg-city',
          account_tier: 'Standard',
          account_replication_type: 'LRS',
          min_tls_version: 'TLS1_0',
          https_traffic_only_enabled: true,
          allow_nested_items_to_be_public: false,
          public_network_access_enabled: true,
        },
        { id: true, primary_access_key: true },
        { name: constant('cityold'), min_tls_version: constant('TLS1_0') },
      ],
    ]),
    planId: 'azurerm_storage_account.old',
    exported: graph(
      armRow(
        'Microsoft.Storage/storageAccounts',
        'cityold',
        { minimumTlsVersion: 'TLS1_0', supportsHttpsTrafficOnly: true, allowBlobPublicAccess: false },
        { sku: { name: 'Standard_LRS', tier: 'Standard' }, kind: 'StorageV2' },
      ),
    ),
    exportedId: `/subscriptions/${SUBSCRIPTION}/resourcegroups/rg-city/providers/microsoft.storage/storageaccounts/cityold`,
  },
  {
    name: 'Azure: SSH from the internet through an NSG rule',
    check: 'azure.network.nsg-internet-ingress',
    status: 'FAIL',
    plan: plan('azurerm', AZURE_PROVIDER, [
      [
        'azurerm_network_security_group.ops',
        'azurerm_network_security_group',
        { name: 'nsg-ops', location: 'japaneast', resource_group_name: 'rg-city' },
        { id: true, security_rule: true },
        { name: constant('nsg-ops') },
      ],
      [
        'azurerm_network_security_rule.ssh',
        'azurerm_network_security_rule',
        {
          name: 'ssh',
          priority: 100,
          direction: 'Inbound',
          access: 'Allow',
          protocol: 'Tcp',
          source_port_range: '*',
          destination_port_range: '22',
          source_address_prefix: 'Internet',
          destination_address_prefix: '*',
          network_security_group_name: 'nsg-ops',
          resource_group_name: 'rg-city',
        },
        { id: true },
        {
          network_security_group_name: ref(
            'azurerm_network_security_group.ops.name',
            'azurerm_network_security_group.ops',
          ),
        },
      ],
    ]),
    planId: 'azurerm_network_security_group.ops',
    exported: graph(
      armRow('Microsoft.Network/networkSecurityGroups', 'nsg-ops', {
        securityRules: [
          {
            name: 'ssh',
            properties: {
              priority: 100,
              direction: 'Inbound',
              access: 'Allow',
              protocol: 'Tcp',
              sourcePortRange: '*',
              destinationPortRange: '22',
              sourceAddressPrefix: 'Internet',
              destinationAddressPrefix: '*',
            },
          },
        ],
      }),
    ),
    exportedId: `/subscriptions/${SUBSCRIPTION}/resourcegroups/rg-city/providers/microsoft.network/networksecuritygroups/nsg-ops`,
  },
  {
    // A Deny of higher priority takes away half the internet; the other half is still let in.
    name: 'Azure: a Deny from 0.0.0.0/1 before an Allow of SSH from the internet',
    check: 'azure.network.nsg-internet-ingress',
    status: 'FAIL',
    plan: plan('azurerm', AZURE_PROVIDER, [
      [
        'azurerm_network_security_group.edge',
        'azurerm_network_security_group',
        { name: 'nsg-edge', location: 'japaneast', resource_group_name: 'rg-city' },
        { id: true, security_rule: true },
        { name: constant('nsg-edge') },
      ],
      [
        'azurerm_network_security_rule.deny_half',
        'azurerm_network_security_rule',
        {
          name: 'deny-half',
          priority: 100,
          direction: 'Inbound',
          access: 'Deny',
          protocol: 'Tcp',
          source_port_range: '*',
          destination_port_range: '22',
          source_address_prefix: '0.0.0.0/1',
          destination_address_prefix: '*',
          network_security_group_name: 'nsg-edge',
          resource_group_name: 'rg-city',
        },
        { id: true },
        {
          network_security_group_name: ref(
            'azurerm_network_security_group.edge.name',
            'azurerm_network_security_group.edge',
          ),
        },
      ],
      [
        'azurerm_network_security_rule.ssh',
        'azurerm_network_security_rule',
        {
          name: 'ssh',
          priority: 200,
          direction: 'Inbound',
          access: 'Allow',
          protocol: 'Tcp',
          source_port_range: '*',
          destination_port_range: '22',
          source_address_prefix: 'Internet',
          destination_address_prefix: '*',
          network_security_group_name: 'nsg-edge',
          resource_group_name: 'rg-city',
        },
        { id: true },
        {
          network_security_group_name: ref(
            'azurerm_network_security_group.edge.name',
            'azurerm_network_security_group.edge',
          ),
        },
      ],
    ]),
    planId: 'azurerm_network_security_group.edge',
    exported: graph(
      armRow('Microsoft.Network/networkSecurityGroups', 'nsg-edge', {
        securityRules: [
          {
            name: 'deny-half',
            properties: {
              priority: 100,
              direction: 'Inbound',
              access: 'Deny',
              protocol: 'Tcp',
              sourcePortRange: '*',
              destinationPortRange: '22',
              sourceAddressPrefix: '0.0.0.0/1',
              destinationAddressPrefix: '*',
            },
          },
          {
            name: 'ssh',
            properties: {
              priority: 200,
              direction: 'Inbound',
              access: 'Allow',
              protocol: 'Tcp',
              sourcePortRange: '*',
              destinationPortRange: '22',
              sourceAddressPrefix: 'Internet',
              destinationAddressPrefix: '*',
            },
          },
        ],
      }),
    ),
    exportedId: `/subscriptions/${SUBSCRIPTION}/resourcegroups/rg-city/providers/microsoft.network/networksecuritygroups/nsg-edge`,
  },
  {
    name: 'Azure: a key vault with purge protection',
    check: 'azure.keyvault.recoverable',
    status: 'PASS',
    plan: plan('azurerm', AZURE_PROVIDER, [
      [
        'azurerm_key_vault.main',
        'azurerm_key_vault',
        {
          name: 'kv-city',
          location: 'japaneast',
          resource_group_name: 'rg-city',
          sku_name: 'standard',
          soft_delete_retention_days: 90,
          purge_protection_enabled: true,
          public_network_access_enabled: true,
        },
        { id: true, vault_uri: true },
        { name: constant('kv-city') },
      ],
    ]),
    planId: 'azurerm_key_vault.main',
    exported: graph(
      armRow('Microsoft.KeyVault/vaults', 'kv-city', {
        sku: { family: 'A', name: 'standard' },
        enableSoftDelete: true,
        softDeleteRetentionInDays: 90,
        enablePurgeProtection: true,
        publicNetworkAccess: 'Enabled',
      }),
    ),
    exportedId: `/subscriptions/${SUBSCRIPTION}/resourcegroups/rg-city/providers/microsoft.keyvault/vaults/kv-city`,
  },
  {
    name: 'Azure: a web app that accepts plain HTTP',
    check: 'azure.appservice.tls-only',
    status: 'FAIL',
    plan: plan('azurerm', AZURE_PROVIDER, [
      [
        'azurerm_linux_web_app.portal',
        'azurerm_linux_web_app',
        {
          name: 'city-portal',
          location: 'japaneast',
          resource_group_name: 'rg-city',
          https_only: false,
          public_network_access_enabled: true,
          site_config: [{ minimum_tls_version: '1.2', ftps_state: 'Disabled', always_on: true }],
        },
        { id: true, default_hostname: true, site_credential: true },
        { name: constant('city-portal'), https_only: constant(false) },
      ],
    ]),
    planId: 'azurerm_linux_web_app.portal',
    exported: graph(
      armRow(
        'Microsoft.Web/sites',
        'city-portal',
        {
          httpsOnly: false,
          publicNetworkAccess: 'Enabled',
          siteConfig: { minTlsVersion: '1.2', ftpsState: 'Disabled' },
        },
        { kind: 'app,linux' },
      ),
    ),
    exportedId: `/subscriptions/${SUBSCRIPTION}/resourcegroups/rg-city/providers/microsoft.web/sites/city-portal`,
  },
  {
    name: 'Google Cloud: a bucket readable by allUsers',
    check: 'gcp.storage.bucket-public-access',
    status: 'FAIL',
    plan: plan('google', GOOGLE_PROVIDER, [
      [
        'google_storage_bucket.site',
        'google_storage_bucket',
        {
          name: 'city-site',
          location: 'ASIA-NORTHEAST1',
          uniform_bucket_level_access: true,
          public_access_prevention: 'inherited',
          project: PROJECT,
        },
        { id: true, url: true },
        { name: constant('city-site') },
      ],
      [
        'google_storage_bucket_iam_member.site',
        'google_storage_bucket_iam_member',
        { member: 'allUsers', role: 'roles/storage.objectViewer' },
        { bucket: true, id: true, etag: true },
        { bucket: ref('google_storage_bucket.site.name', 'google_storage_bucket.site') },
      ],
    ]),
    planId: 'google_storage_bucket.site',
    exported: [
      asset(
        '//storage.googleapis.com/city-site',
        'storage.googleapis.com/Bucket',
        {
          name: 'city-site',
          location: 'ASIA-NORTHEAST1',
          iamConfiguration: {
            uniformBucketLevelAccess: { enabled: true },
            publicAccessPrevention: 'inherited',
          },
          acl: [],
          defaultObjectAcl: [],
        },
        'asia-northeast1',
        {
          version: 1,
          bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }],
        },
      ),
    ],
    exportedId: '//storage.googleapis.com/city-site',
  },
  {
    name: 'Google Cloud: RDP from anywhere through a firewall rule',
    check: 'gcp.compute.firewall-internet-ingress',
    status: 'FAIL',
    plan: plan('google', GOOGLE_PROVIDER, [
      [
        'google_compute_firewall.rdp',
        'google_compute_firewall',
        {
          name: 'allow-rdp',
          network: 'default',
          direction: 'INGRESS',
          disabled: false,
          source_ranges: ['0.0.0.0/0'],
          allow: [{ protocol: 'tcp', ports: ['3389'] }],
          deny: [],
          project: PROJECT,
        },
        { id: true, self_link: true },
        { name: constant('allow-rdp') },
      ],
    ]),
    planId: 'google_compute_firewall.rdp',
    exported: [
      asset(
        `//compute.googleapis.com/projects/${PROJECT}/global/firewalls/allow-rdp`,
        'compute.googleapis.com/Firewall',
        {
          name: 'allow-rdp',
          network: 'default',
          direction: 'INGRESS',
          disabled: false,
          sourceRanges: ['0.0.0.0/0'],
          allowed: [{ IPProtocol: 'tcp', ports: ['3389'] }],
        },
        'global',
      ),
    ],
    exportedId: `//compute.googleapis.com/projects/${PROJECT}/global/firewalls/allow-rdp`,
  },
  {
    // The rules of one network combine: a deny of higher priority closes SSH that an allow opens.
    name: 'Google Cloud: an SSH allow under a deny of higher priority on the same network',
    check: 'gcp.compute.firewall-internet-ingress',
    status: 'PASS',
    plan: plan('google', GOOGLE_PROVIDER, [
      [
        'google_compute_firewall.deny_ssh',
        'google_compute_firewall',
        {
          name: 'deny-ssh',
          network: 'default',
          direction: 'INGRESS',
          disabled: false,
          priority: 100,
          source_ranges: ['0.0.0.0/0'],
          allow: [],
          deny: [{ protocol: 'tcp', ports: ['22'] }],
          target_tags: [],
          target_service_accounts: [],
          destination_ranges: [],
          project: PROJECT,
        },
        { id: true, self_link: true },
        { name: constant('deny-ssh') },
      ],
      [
        'google_compute_firewall.ssh',
        'google_compute_firewall',
        {
          name: 'allow-ssh',
          network: 'default',
          direction: 'INGRESS',
          disabled: false,
          priority: 1000,
          source_ranges: ['0.0.0.0/0'],
          allow: [{ protocol: 'tcp', ports: ['22'] }],
          deny: [],
          target_tags: [],
          target_service_accounts: [],
          destination_ranges: [],
          project: PROJECT,
        },
        { id: true, self_link: true },
        { name: constant('allow-ssh') },
      ],
    ]),
    planId: 'google_compute_firewall.ssh',
    exported: [
      asset(
        `//compute.googleapis.com/projects/${PROJECT}/global/firewalls/deny-ssh`,
        'compute.googleapis.com/Firewall',
        {
          name: 'deny-ssh',
          network: 'default',
          direction: 'INGRESS',
          disabled: false,
          priority: 100,
          sourceRanges: ['0.0.0.0/0'],
          denied: [{ IPProtocol: 'tcp', ports: ['22'] }],
        },
        'global',
      ),
      asset(
        `//compute.googleapis.com/projects/${PROJECT}/global/firewalls/allow-ssh`,
        'compute.googleapis.com/Firewall',
        {
          name: 'allow-ssh',
          network: 'default',
          direction: 'INGRESS',
          disabled: false,
          priority: 1000,
          sourceRanges: ['0.0.0.0/0'],
          allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
        },
        'global',
      ),
    ],
    exportedId: `//compute.googleapis.com/projects/${PROJECT}/global/firewalls/allow-ssh`,
  },
  {
    // In the Osaka view a customer-managed key is required through CLS-1 (untagged: class 2).
    name: 'Google Cloud: a disk with the Google-managed key',
    check: 'common.classification.cmk-at-rest',
    status: 'FAIL',
    plan: plan('google', GOOGLE_PROVIDER, [
      [
        'google_compute_disk.data',
        'google_compute_disk',
        {
          name: 'city-data',
          zone: 'asia-northeast1-b',
          size: 100,
          type: 'pd-balanced',
          project: PROJECT,
          disk_encryption_key: [],
        },
        { id: true, self_link: true, disk_encryption_key: [] },
        { name: constant('city-data') },
      ],
    ]),
    planId: 'google_compute_disk.data',
    exported: [
      asset(
        `//compute.googleapis.com/projects/${PROJECT}/zones/asia-northeast1-b/disks/city-data`,
        'compute.googleapis.com/Disk',
        {
          name: 'city-data',
          zone: `projects/${PROJECT}/zones/asia-northeast1-b`,
          sizeGb: '100',
          status: 'READY',
        },
        'asia-northeast1-b',
      ),
    ],
    exportedId: `//compute.googleapis.com/projects/${PROJECT}/zones/asia-northeast1-b/disks/city-data`,
  },
  {
    name: 'Google Cloud: Cloud SQL with automated backups',
    check: 'gcp.sql.instance-backups',
    status: 'PASS',
    plan: plan('google', GOOGLE_PROVIDER, [
      [
        'google_sql_database_instance.db',
        'google_sql_database_instance',
        {
          name: 'city-db',
          database_version: 'POSTGRES_16',
          region: 'asia-northeast1',
          project: PROJECT,
          settings: [
            {
              tier: 'db-f1-micro',
              backup_configuration: [{ enabled: true }],
              ip_configuration: [
                { ipv4_enabled: false, authorized_networks: [], ssl_mode: 'ENCRYPTED_ONLY' },
              ],
            },
          ],
        },
        { id: true, self_link: true },
        { name: constant('city-db') },
      ],
    ]),
    planId: 'google_sql_database_instance.db',
    exported: [
      asset(
        `//cloudsql.googleapis.com/projects/${PROJECT}/instances/city-db`,
        'sqladmin.googleapis.com/Instance',
        {
          name: 'city-db',
          databaseVersion: 'POSTGRES_16',
          region: 'asia-northeast1',
          settings: {
            tier: 'db-f1-micro',
            backupConfiguration: { enabled: true },
            ipConfiguration: { ipv4Enabled: false, authorizedNetworks: [], sslMode: 'ENCRYPTED_ONLY' },
          },
        },
        'asia-northeast1',
      ),
    ],
    exportedId: `//cloudsql.googleapis.com/projects/${PROJECT}/instances/city-db`,
  },
];

describe('the same setting as a plan and as the cloud’s export gives the same result', () => {
  it.each(CASES)('$name', async ({ check, status, plan: planDocument, planId, exported, exportedId }) => {
    const fromPlan = await scanDocument(planDocument, 'plan.json');
    const fromExport = await scanDocument(exported, 'export.json');
    expect(fromPlan.coverage.format).toBe('terraform-json');
    expect(fromExport.coverage.format).not.toBe('terraform-json');
    const planned = findingOf(fromPlan, check, planId);
    const deployed = findingOf(fromExport, check, exportedId);
    expect({ plan: planned.status, export: deployed.status }).toEqual({ plan: status, export: status });
    // Not only the status: the check reached it the same way (the same message; a message that
    // names the setting names the Terraform attribute for the plan, the native field for the export).
    const named = (f: typeof planned) =>
      f.evidence.reduce((text, e) => text.replaceAll(e.path, '<setting>'), f.message.en);
    expect(named(planned)).toBe(named(deployed));
  });
});
