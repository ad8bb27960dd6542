import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingOf, resourceOf, scanDocument, scanFile } from './helpers.ts';

/**
 * Plans in the dialects public plans are written in (see SOURCES.md, "Dialects of public
 * plans"): older Terraform format versions, older provider spellings, blocks known only in
 * part. Each document is kansa's own, written to the shape of the public plan named beside it.
 */

type Json = Record<string, unknown>;

interface Change {
  readonly address: string;
  readonly after: Json;
  readonly afterUnknown?: Json;
  /** The resource block's `expressions` in `configuration`. */
  readonly expressions?: Json;
  readonly actions?: string[];
  readonly before?: Json | null;
  /** The provider's local name, when not the type's prefix (`google-beta`). */
  readonly provider?: string;
}

interface PlanOptions {
  readonly formatVersion?: string;
  readonly terraformVersion?: string;
  /** Terraform 0.12 wrote `provider_name` as the bare local name (`aws`). */
  readonly bareProviderNames?: boolean;
  readonly providers?: Record<string, Json>;
}

/** A plan of root-module resources, as `terraform show -json` writes one. */
function plan(changes: Change[], options: PlanOptions = {}): Json {
  const providerOf = (type: string) => type.split('_')[0] ?? type;
  const providerName = (type: string) =>
    options.bareProviderNames ? providerOf(type) : `registry.terraform.io/hashicorp/${providerOf(type)}`;
  const identity = (address: string, provider?: string) => {
    const [type, name] = address.split('.') as [string, string];
    return { address, mode: 'managed', type, name, provider_name: providerName(provider ?? type) };
  };
  return {
    format_version: options.formatVersion ?? '1.2',
    terraform_version: options.terraformVersion ?? '1.9.8',
    planned_values: {
      root_module: {
        resources: changes.map((c) => ({
          ...identity(c.address, c.provider),
          schema_version: 0,
          values: c.after,
        })),
      },
    },
    resource_changes: changes.map((c) => ({
      ...identity(c.address, c.provider),
      change: {
        actions: c.actions ?? ['create'],
        before: c.before ?? null,
        after: c.after,
        after_unknown: c.afterUnknown ?? {},
        ...(options.formatVersion === '0.1' ? {} : { before_sensitive: false, after_sensitive: {} }),
      },
    })),
    configuration: {
      provider_config: Object.fromEntries(
        Object.entries(options.providers ?? { aws: { region: constant('us-west-2') } }).map(
          ([name, expressions]) => [name, { name, expressions }],
        ),
      ),
      root_module: {
        resources: changes.map((c) => {
          const { provider_name: _, ...rest } = identity(c.address);
          return {
            ...rest,
            provider_config_key: c.provider ?? providerOf(rest.type),
            expressions: c.expressions ?? {},
            schema_version: 0,
          };
        }),
      },
    },
  };
}

const ref = (...references: string[]) => ({ references });
const constant = (value: unknown) => ({ constant_value: value });

/** A new aws_s3_bucket of provider v3, whose computed attributes a plan shows as unknown. */
function bucketV3(name: string, after: Json, afterUnknown: Json = {}): Change {
  return {
    address: `aws_s3_bucket.${name}`,
    after: {
      bucket: name,
      force_destroy: false,
      cors_rule: [],
      grant: [],
      lifecycle_rule: [],
      logging: [],
      replication_configuration: [],
      server_side_encryption_configuration: [],
      website: [],
      tags: null,
      ...after,
    },
    afterUnknown: { arn: true, id: true, region: true, versioning: true, ...afterUnknown },
    expressions: { bucket: constant(name) },
  };
}

describe('AWS provider v3 plans (Terraform 0.12–0.15): inline S3 settings', () => {
  // Modelled on terragoat's s3.tf as planned in checkov's tests/terraform/runner/resources/plan
  // (format 0.1, Terraform 0.12.23) and regula's bucket_sse / cloudtrail test inputs.
  const kmsKey: Change = {
    address: 'aws_kms_key.logs',
    after: { deletion_window_in_days: 10, enable_key_rotation: true, is_enabled: true },
    afterUnknown: { arn: true, id: true, key_id: true, policy: true },
  };
  const logs = bucketV3(
    'logs',
    {
      acl: 'log-delivery-write',
      server_side_encryption_configuration: [
        { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] },
      ],
    },
    {
      server_side_encryption_configuration: [
        { rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: true }] }] },
      ],
    },
  );
  const logsExpressions = {
    acl: constant('log-delivery-write'),
    server_side_encryption_configuration: [
      {
        rule: [
          {
            apply_server_side_encryption_by_default: [
              {
                kms_master_key_id: ref('aws_kms_key.logs.arn', 'aws_kms_key.logs'),
                sse_algorithm: constant('aws:kms'),
              },
            ],
          },
        ],
      },
    ],
  };
  const science = bucketV3(
    'science',
    { acl: 'private', logging: [{ target_prefix: 'log/' }] },
    { logging: [{ target_bucket: true }] },
  );
  const scienceExpressions = {
    acl: constant('private'),
    logging: [
      { target_bucket: ref('aws_s3_bucket.logs.id', 'aws_s3_bucket.logs'), target_prefix: constant('log/') },
    ],
  };
  const publicRead = bucketV3('data', { acl: 'public-read' });
  const privateBucket = bucketV3('private', { acl: 'private' });
  const publicPolicy = bucketV3('site', {
    acl: 'private',
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' },
      ],
    }),
  });
  const document = plan(
    [
      kmsKey,
      { ...logs, expressions: logsExpressions },
      { ...science, expressions: scienceExpressions },
      publicRead,
      privateBucket,
      publicPolicy,
    ],
    { formatVersion: '0.1', terraformVersion: '0.12.23', bareProviderNames: true },
  );

  it('reads an inline KMS rule whose key the plan creates (kms_master_key_id known after apply)', async () => {
    const scanned = await scanDocument(document);
    const finding = findingOf(scanned, 'aws.s3.bucket-cmk-encryption', 'aws_s3_bucket.logs');
    expect(finding.status).toBe('PASS');
    const facts = resourceOf(scanned, 'aws_s3_bucket.logs').facts as Record<string, { value?: unknown }>;
    expect(facts.sseAlgorithm?.value).toBe('aws:kms');
    expect(facts.kmsKeyId?.value).toBe('aws_kms_key.logs');
  });

  it('reads an inline logging block whose target bucket the plan creates', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'aws.s3.bucket-access-logging', 'aws_s3_bucket.science').status).toBe('PASS');
    // A bucket without a logging block still fails.
    expect(findingOf(scanned, 'aws.s3.bucket-access-logging', 'aws_s3_bucket.private').status).toBe('FAIL');
  });

  it('counts a logging block whose target no plan resource explains as logging on (the target is required)', async () => {
    // A plan without `configuration` (checkov's tf_plan_skip_check_regex copies of terragoat).
    const { configuration: _, ...withoutConfiguration } = plan([science]);
    const scanned = await scanDocument(withoutConfiguration);
    const finding = findingOf(scanned, 'aws.s3.bucket-access-logging', 'aws_s3_bucket.science');
    expect(finding.status).toBe('PASS');
    expect(finding.evidence).toContainEqual(
      expect.objectContaining({ path: 'aws_s3_bucket.science.logging.0.target_bucket' }),
    );
  });

  it('fails a new bucket whose configuration asks for a public ACL or policy, without assuming S3’s default blocks', async () => {
    const scanned = await scanDocument(document);
    const acl = findingOf(scanned, 'aws.s3.bucket-public-access', 'aws_s3_bucket.data');
    expect(acl.status).toBe('FAIL');
    expect(acl.change).toBe('introduced');
    expect(findingOf(scanned, 'aws.s3.bucket-public-access', 'aws_s3_bucket.site').status).toBe('FAIL');
    // A private new bucket keeps S3's default: all four blocks on.
    expect(findingOf(scanned, 'aws.s3.bucket-public-access', 'aws_s3_bucket.private').status).toBe('PASS');
    expect(findingOf(scanned, 'aws.s3.bucket-public-access', 'aws_s3_bucket.logs').status).toBe('PASS');
  });

  it('lets an explicit public access block win over the public grant it neutralises', async () => {
    const scanned = await scanDocument(
      plan([
        publicRead,
        {
          address: 'aws_s3_bucket_public_access_block.data',
          after: {
            block_public_acls: true,
            ignore_public_acls: true,
            block_public_policy: true,
            restrict_public_buckets: true,
          },
          afterUnknown: { bucket: true, id: true },
          expressions: { bucket: ref('aws_s3_bucket.data.id', 'aws_s3_bucket.data') },
        },
      ]),
    );
    expect(findingOf(scanned, 'aws.s3.bucket-public-access', 'aws_s3_bucket.data').status).toBe('PASS');
  });
});

describe('google provider 2.x / 3.x plans', () => {
  // Modelled on plans of the google provider 3.x found through code search (a google_storage_bucket
  // with `uniform_bucket_level_access` set and the deprecated `bucket_policy_only` in
  // `after_unknown`), and on regula's google test inputs (format 0.1, Terraform 0.13.5).
  const providers = { google: { project: constant('osaka-city-dev') } };
  const bucket = (name: string, after: Json, afterUnknown: Json): Change => ({
    address: `google_storage_bucket.${name}`,
    after: { name, location: 'ASIA-NORTHEAST1', force_destroy: false, storage_class: 'STANDARD', ...after },
    afterUnknown: { id: true, project: true, self_link: true, url: true, ...afterUnknown },
  });

  it('reads uniform bucket-level access from `bucket_policy_only` when the plan knows only that spelling', async () => {
    const scanned = await scanDocument(
      plan(
        [
          // 2.x: only the old attribute exists.
          bucket('v2', { bucket_policy_only: true }, {}),
          // 3.x, old spelling set: the new one is computed.
          bucket('v3_old', { bucket_policy_only: true }, { uniform_bucket_level_access: true }),
          // 3.x, new spelling set: the old one is computed.
          bucket('v3_new', { uniform_bucket_level_access: false }, { bucket_policy_only: true }),
        ],
        { formatVersion: '0.1', terraformVersion: '0.13.5', providers },
      ),
    );
    const status = (name: string) =>
      findingOf(scanned, 'gcp.storage.bucket-uniform-access', `google_storage_bucket.${name}`).status;
    expect(status('v2')).toBe('PASS');
    expect(status('v3_old')).toBe('PASS');
    expect(status('v3_new')).toBe('FAIL');
  });

  it('reads a new firewall rule without `direction` as an ingress rule (the API default)', async () => {
    const rule = (name: string, after: Json, afterUnknown: Json, expressions: Json): Change => ({
      address: `google_compute_firewall.${name}`,
      after: {
        name,
        network: 'default',
        allow: [{ protocol: 'tcp', ports: ['22'] }],
        deny: [],
        disabled: null,
        source_tags: null,
        source_service_accounts: null,
        target_tags: null,
        ...after,
      },
      afterUnknown: {
        id: true,
        direction: true,
        priority: true,
        project: true,
        self_link: true,
        ...afterUnknown,
      },
      expressions: { name: constant(name), network: constant('default'), ...expressions },
    });
    const scanned = await scanDocument(
      plan(
        [
          rule('world', { source_ranges: ['0.0.0.0/0'] }, {}, { source_ranges: constant(['0.0.0.0/0']) }),
          // Source tags only: `source_ranges` is computed, and the rule admits no address range.
          rule(
            'tagged',
            { source_tags: ['bastion'] },
            { source_ranges: true },
            { source_tags: constant(['bastion']) },
          ),
          // A direction the configuration sets but the plan cannot know stays unknown.
          rule(
            'dynamic',
            { source_ranges: ['0.0.0.0/0'] },
            {},
            {
              direction: ref('random_shuffle.direction.result', 'random_shuffle.direction'),
            },
          ),
        ],
        { formatVersion: '0.1', terraformVersion: '0.13.5', providers },
      ),
    );
    const status = (name: string) =>
      findingOf(scanned, 'gcp.compute.firewall-internet-ingress', `google_compute_firewall.${name}`).status;
    expect(status('world')).toBe('FAIL');
    expect(status('tagged')).toBe('PASS');
    expect(status('dynamic')).toBe('UNKNOWN');
  });
});

describe('azurerm 2.x plans', () => {
  // Modelled on regula's azurerm test inputs (format 0.1, Terraform 0.13.5, azurerm 2.x:
  // `allow_blob_public_access`, `enable_https_traffic_only`, `min_tls_version = "TLS1_0"`) and
  // on the azurerm 2.x schemas of the resources below (terraform-provider-azurerm v2 docs).
  const providers = { azurerm: { features: [{}] } };
  const resource = (address: string, after: Json, afterUnknown: Json = {}): Change => ({
    address,
    after: { location: 'japaneast', name: address.split('.')[1], ...after },
    afterUnknown: { id: true, ...afterUnknown },
  });
  const document = plan(
    [
      resource('azurerm_kubernetes_cluster.rbac_on', {
        role_based_access_control: [{ enabled: true, azure_active_directory: [] }],
        local_account_disabled: true,
      }),
      resource('azurerm_kubernetes_cluster.rbac_off', {
        role_based_access_control: [{ enabled: false, azure_active_directory: [] }],
      }),
      resource('azurerm_app_service.legacy_tls', {
        https_only: true,
        site_config: [{ min_tls_version: '1.0', ftps_state: 'Disabled' }],
      }),
      resource('azurerm_app_service.modern_tls', {
        https_only: true,
        site_config: [{ min_tls_version: '1.2', ftps_state: 'Disabled' }],
      }),
      resource(
        'azurerm_sql_server.audited',
        { version: '12.0', extended_auditing_policy: [{ retention_in_days: 90 }] },
        { extended_auditing_policy: [{ storage_endpoint: true }] },
      ),
      resource('azurerm_mssql_server.unaudited', {
        version: '12.0',
        minimum_tls_version: '1.2',
        public_network_access_enabled: false,
        extended_auditing_policy: [],
      }),
    ],
    { formatVersion: '0.1', terraformVersion: '0.14.11', providers },
  );

  it('reads RBAC from the 2.x `role_based_access_control` block', async () => {
    const scanned = await scanDocument(document);
    const facts = resourceOf(scanned, 'azurerm_kubernetes_cluster.rbac_on').facts as Record<
      string,
      { value?: unknown; path?: string }
    >;
    expect(facts.enableRbac?.value).toBe(true);
    expect(facts.enableRbac?.path).toBe(
      'azurerm_kubernetes_cluster.rbac_on.role_based_access_control.0.enabled',
    );
    expect(findingOf(scanned, 'azure.aks.rbac', 'azurerm_kubernetes_cluster.rbac_off').status).toBe('FAIL');
  });

  it('reads azurerm_app_service and its `site_config.min_tls_version`', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'azure.appservice.tls-only', 'azurerm_app_service.legacy_tls').status).toBe(
      'FAIL',
    );
    expect(findingOf(scanned, 'azure.appservice.tls-only', 'azurerm_app_service.modern_tls').status).toBe(
      'PASS',
    );
  });

  it('reads azurerm_sql_server, and the inline `extended_auditing_policy` block as auditing on', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'azure.sql.auditing', 'azurerm_sql_server.audited').status).toBe('PASS');
    expect(findingOf(scanned, 'azure.sql.auditing', 'azurerm_mssql_server.unaudited').status).toBe('FAIL');
    expect(scanned.coverage.skipped).toEqual([]);
  });
});

describe('a plan written through hashicorp/setup-terraform’s wrapper', () => {
  // Modelled on infracost's cmd/infracost/testdata/plan_with_terraform_wrapper.json: the wrapper
  // echoes `[command]…/terraform-bin show -json …`, then the plan on one line, then workflow
  // commands (`::debug::`, `::set-output name=stdout::` with the output escaped).
  it('reads the plan on the line after the echoed command', async () => {
    const json = JSON.stringify(plan([bucketV3('wrapped', { acl: 'public-read' })]));
    const text = [
      '[command]/home/runner/work/_temp/0f4e2c1a/terraform-bin show -json plan.out',
      json,
      '::debug::Terraform exited with code 0.',
      `::debug::stdout: ${json}`,
      '::debug::stderr: ',
      '::debug::exitcode: 0',
      `::set-output name=stdout::${json}%0A`,
      '::set-output name=stderr::',
      '::set-output name=exitcode::0',
      '',
    ].join('\n');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'kansa-wrapper-')), 'plan.json');
    writeFileSync(file, text);
    const scanned = await scanFile(file);
    expect(scanned.coverage.error).toBeUndefined();
    expect(scanned.coverage.format).toBe('terraform-json');
    expect(findingOf(scanned, 'aws.s3.bucket-public-access', 'aws_s3_bucket.wrapped').status).toBe('FAIL');
  });
});

describe('a registry module passing null to an Optional+Computed attribute', () => {
  // Modelled on infracost's cmd/infracost/testdata/terraform_v0.12_plan.json (Terraform 0.12.31,
  // terraform-aws-modules/rds nested three modules deep): `backup_retention_period =
  // var.backup_retention_period`, the variable left at its null default, so the plan shows the
  // attribute as known after apply.
  const instance = (retention: Json, afterUnknown: Json) => ({
    address: 'module.db.module.db_instance.aws_db_instance.this[0]',
    module_address: 'module.db.module.db_instance',
    mode: 'managed',
    type: 'aws_db_instance',
    name: 'this',
    index: 0,
    provider_name: 'aws',
    change: {
      actions: ['create'],
      before: null,
      after: { identifier: 'demodb', storage_encrypted: true, publicly_accessible: false, ...retention },
      after_unknown: { id: true, arn: true, kms_key_id: true, ...afterUnknown },
    },
  });
  const document = (passed: Json | undefined, childDefault: unknown) => ({
    format_version: '0.1',
    terraform_version: '0.12.31',
    resource_changes: [instance({}, { backup_retention_period: true })],
    configuration: {
      provider_config: { aws: { name: 'aws', expressions: { region: constant('ap-northeast-1') } } },
      root_module: {
        module_calls: {
          db: {
            source: 'terraform-aws-modules/rds/aws',
            expressions: passed ? { backup_retention_period: passed } : {},
            module: {
              variables: { backup_retention_period: { default: null } },
              module_calls: {
                db_instance: {
                  source: './modules/db_instance',
                  expressions: { backup_retention_period: ref('var.backup_retention_period') },
                  module: {
                    variables: { backup_retention_period: { default: childDefault } },
                    resources: [
                      {
                        address: 'aws_db_instance.this',
                        mode: 'managed',
                        type: 'aws_db_instance',
                        name: 'this',
                        provider_config_key: 'db_instance:aws',
                        expressions: { backup_retention_period: ref('var.backup_retention_period') },
                        schema_version: 1,
                        count_expression: constant(1),
                      },
                    ],
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  const id = 'module.db.module.db_instance.aws_db_instance.this[0]';

  it('reads the attribute as the provider’s default when the variables come down to null', async () => {
    const scanned = await scanDocument(document(undefined, 1));
    const finding = findingOf(scanned, 'aws.rds.instance-backup', id);
    expect(finding.status).toBe('PASS');
    const facts = resourceOf(scanned, id).facts as Record<string, { value?: unknown; source?: string }>;
    expect(facts.backupRetentionPeriod).toMatchObject({ value: 1, source: 'default' });
    // Passed a null constant by the root module: the same.
    expect(
      findingOf(await scanDocument(document(constant(null), 1)), 'aws.rds.instance-backup', id).status,
    ).toBe('PASS');
  });

  it('leaves it unknown when a resource of the plan gives the value', async () => {
    const scanned = await scanDocument(
      document(ref('random_integer.retention.result', 'random_integer.retention'), null),
    );
    expect(findingOf(scanned, 'aws.rds.instance-backup', id).status).toBe('UNKNOWN');
  });
});

describe('AWS placement by availability zone', () => {
  // Modelled on regula's ebs volume_encrypted_infra.json: volumes placed by `availability_zone`.
  it('places a resource in the region of its availability zone when the provider’s region is not known', async () => {
    const scanned = await scanDocument(
      plan(
        [
          {
            address: 'aws_ebs_volume.data',
            after: { availability_zone: 'ap-northeast-1a', size: 40, encrypted: true },
            afterUnknown: { id: true, arn: true, kms_key_id: true },
          },
        ],
        { providers: { aws: { region: ref('var.region') } } },
      ),
    );
    expect(resourceOf(scanned, 'aws_ebs_volume.data').region).toBe('ap-northeast-1');
    expect(findingOf(scanned, 'common.location.data-in-japan', 'aws_ebs_volume.data').status).toBe('PASS');
  });
});

describe('resources of the google-beta provider', () => {
  // Modelled on a Terraform 1.5.7 plan (format 1.2) of Google Cloud's three-tier web app found
  // through code search: Cloud SQL and Cloud Run through `registry.terraform.io/hashicorp/google-beta`.
  it('counts the projects google-beta resources show as the provider’s, for resources that name none', async () => {
    const scanned = await scanDocument(
      plan(
        [
          {
            address: 'google_compute_disk.boot',
            provider: 'google-beta',
            after: { name: 'boot', project: 'osaka-city-dev', zone: 'asia-northeast1-a', size: 10 },
            afterUnknown: { id: true, self_link: true },
          },
          {
            address: 'google_sql_database_instance.db',
            after: {
              name: 'db',
              region: 'asia-northeast1',
              settings: [
                { ip_configuration: [{ ipv4_enabled: true, authorized_networks: [{ value: '0.0.0.0/0' }] }] },
              ],
            },
            afterUnknown: { id: true, project: true, self_link: true },
          },
        ],
        {
          providers: {
            google: { region: constant('asia-northeast1') },
            'google-beta': { region: constant('asia-northeast1') },
          },
        },
      ),
    );
    const db = resourceOf(scanned, 'google_sql_database_instance.db');
    expect(db.account).toBe('osaka-city-dev');
    expect(db.region).toBe('asia-northeast1');
    expect(
      findingOf(scanned, 'gcp.sql.instance-public-access', 'google_sql_database_instance.db').status,
    ).toBe('FAIL');
  });
});

describe('azurerm 3.x (late) plans, with both spellings of an attribute', () => {
  // Modelled on an azurerm 3.x plan (Terraform 1.x, format 1.2) found through code search: the
  // configuration sets the old `enable_https_traffic_only`, the plan shows it known and the new
  // `https_traffic_only_enabled` in `after_unknown` (computed from the old one).
  it('reads the spelling the plan knows, not the computed one', async () => {
    const account = (name: string, oldSpelling: boolean): Change => ({
      address: `azurerm_storage_account.${name}`,
      after: {
        name,
        location: 'japaneast',
        account_kind: 'StorageV2',
        account_tier: 'Standard',
        account_replication_type: 'LRS',
        allow_nested_items_to_be_public: false,
        enable_https_traffic_only: oldSpelling,
        min_tls_version: 'TLS1_2',
        public_network_access_enabled: true,
        shared_access_key_enabled: true,
        customer_managed_key: [],
      },
      afterUnknown: {
        id: true,
        https_traffic_only_enabled: true,
        network_rules: true,
        primary_access_key: true,
      },
    });
    const scanned = await scanDocument(
      plan([account('secure', true), account('plain', false)], {
        providers: { azurerm: { features: [{}] } },
      }),
    );
    expect(findingOf(scanned, 'azure.storage.https-only', 'azurerm_storage_account.secure').status).toBe(
      'PASS',
    );
    expect(findingOf(scanned, 'azure.storage.https-only', 'azurerm_storage_account.plain').status).toBe(
      'FAIL',
    );
  });
});

describe('deposed objects', () => {
  // The JSON output format's `deposed` key (https://developer.hashicorp.com/terraform/internals/json-format):
  // an object a `create_before_destroy` replacement left behind, destroyed by the next plan, listed
  // beside the current object of the same address.
  it('judges the current object, not the deposed one the plan destroys', async () => {
    const policy = {
      allow_users_to_change_password: true,
      minimum_password_length: 14,
      require_lowercase_characters: true,
      require_numbers: true,
      require_symbols: true,
      require_uppercase_characters: true,
      password_reuse_prevention: 24,
      hard_expiry: false,
      max_password_age: 0,
    };
    const document = plan(
      [
        {
          address: 'aws_iam_account_password_policy.strict',
          actions: ['no-op'],
          before: policy,
          after: policy,
        },
      ],
      {
        providers: {
          aws: { region: constant('ap-northeast-1'), allowed_account_ids: constant(['123456789012']) },
        },
      },
    );
    const changes = document.resource_changes as Json[];
    changes.push({
      ...changes[0],
      deposed: '00000001',
      change: {
        actions: ['delete'],
        before: policy,
        after: null,
        after_unknown: {},
        before_sensitive: {},
        after_sensitive: false,
      },
    });
    const scanned = await scanDocument(document);
    const findings = scanned.findings.filter((f) => f.checkId === 'aws.iam.password-policy');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.status).toBe('PASS');
    expect(scanned.coverage.skipped.map((s) => s.reason)).toEqual([
      "aws_iam_account_password_policy.strict: deposed object 00000001 (replaced before it is destroyed): the address's current object is judged",
    ]);
  });
});
