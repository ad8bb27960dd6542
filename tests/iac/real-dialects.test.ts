import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * Google Cloud and Azure plans in the dialects of public plans (SOURCES.md, "Dialects of public
 * plans"): older provider spellings, the google-beta provider, both spellings of an attribute.
 */

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

  it('reads a new bucket that sets neither spelling as the API’s default (off)', async () => {
    const scanned = await scanDocument(
      plan(
        [
          bucket('unset', {}, { uniform_bucket_level_access: true }),
          {
            ...bucket('dynamic', {}, { uniform_bucket_level_access: true }),
            expressions: {
              uniform_bucket_level_access: ref('random_shuffle.mode.result', 'random_shuffle.mode'),
            },
          },
        ],
        { providers },
      ),
    );
    const finding = findingOf(scanned, 'gcp.storage.bucket-uniform-access', 'google_storage_bucket.unset');
    expect(finding.status).toBe('FAIL');
    expect(finding.evidence).toContainEqual(expect.objectContaining({ source: 'default', value: false }));
    expect(
      findingOf(scanned, 'gcp.storage.bucket-uniform-access', 'google_storage_bucket.dynamic').status,
    ).toBe('UNKNOWN');
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

describe('rules added to a network security group the plan does not manage', () => {
  // Modelled on checkov's tests/terraform/runner/resources/plan_with_resource_reference/
  // tfplan_extra_ref.json (azurerm 3.x `azurerm_network_security_rule`), its NSG named by a
  // constant instead of a resource of the plan.
  const rule = (name: string, port: string): Change => ({
    address: `azurerm_network_security_rule.${name}`,
    after: {
      name,
      access: 'Allow',
      direction: 'Inbound',
      priority: 100,
      protocol: 'Tcp',
      source_address_prefix: '*',
      source_address_prefixes: null,
      source_port_range: '*',
      destination_address_prefix: '*',
      destination_port_range: port,
      destination_port_ranges: null,
      network_security_group_name: 'legacy-nsg',
      resource_group_name: 'legacy-rg',
    },
    afterUnknown: { id: true },
  });

  it('judges each rule by itself: what the plan opens', async () => {
    const scanned = await scanDocument(
      plan([rule('rdp', '3389'), rule('https', '443')], { providers: { azurerm: { features: [{}] } } }),
    );
    const status = (name: string) =>
      findingOf(scanned, 'azure.network.nsg-internet-ingress', `azurerm_network_security_rule.${name}`)
        .status;
    expect(status('rdp')).toBe('FAIL');
    expect(status('https')).toBe('PASS');
    expect(scanned.coverage.skipped).toEqual([]);
  });
});

describe('IAM grants on a bucket the plan does not manage', () => {
  // Modelled on checkov's CKV_GCP_28 examples (google_storage_bucket_iam_member /
  // _iam_binding granting allUsers on a bucket named by a constant) as a plan shows them.
  const member = (name: string, role: string, principal: string): Change => ({
    address: `google_storage_bucket_iam_member.${name}`,
    after: { bucket: 'b/existing-archive', role, member: principal, condition: [] },
    afterUnknown: { etag: true, id: true },
  });

  it('fails a public grant; leaves the bucket’s other settings unknown', async () => {
    const scanned = await scanDocument(
      plan(
        [
          member('public', 'roles/storage.objectViewer', 'allUsers'),
          member('team', 'roles/storage.objectViewer', 'group:archive-readers@example.jp'),
        ],
        {
          providers: { google: { project: constant('osaka-city-dev'), region: constant('asia-northeast1') } },
        },
      ),
    );
    const status = (check: string, name: string) =>
      findingOf(scanned, check, `google_storage_bucket_iam_member.${name}`).status;
    expect(status('gcp.storage.bucket-public-access', 'public')).toBe('FAIL');
    // Other grants may exist outside the plan: a private grant proves nothing of the bucket.
    expect(status('gcp.storage.bucket-public-access', 'team')).toBe('UNKNOWN');
    expect(status('gcp.storage.bucket-uniform-access', 'public')).toBe('UNKNOWN');
    expect(status('common.location.data-in-japan', 'public')).toBe('UNKNOWN');
    expect(scanned.coverage.skipped).toEqual([]);
  });
});

describe('a new Cloud SQL instance without ip_configuration', () => {
  // Modelled on the google-beta plan above (google_sql_database_instance with `settings` whose
  // computed blocks are in `after_unknown`) and on the provider's schema: `ip_configuration` is
  // Optional+Computed, `ipv4_enabled` defaults to true.
  const sql = (name: string, settings: Json, settingsUnknown: Json, expressions: Json): Change => ({
    address: `google_sql_database_instance.${name}`,
    after: {
      name,
      region: 'asia-northeast1',
      database_version: 'POSTGRES_15',
      settings: [{ tier: 'db-f1-micro', ...settings }],
    },
    afterUnknown: { id: true, self_link: true, settings: [settingsUnknown] },
    expressions: { settings: [{ tier: constant('db-f1-micro'), ...expressions }] },
  });

  it('reads it as the API gives it: a public IPv4 address, no authorized network', async () => {
    const scanned = await scanDocument(
      plan(
        [
          sql('defaults', {}, { ip_configuration: true, backup_configuration: true }, {}),
          sql(
            'private',
            {
              ip_configuration: [
                { ipv4_enabled: false, authorized_networks: [], ssl_mode: 'ENCRYPTED_ONLY' },
              ],
            },
            { ip_configuration: [{ private_network: true }] },
            {
              ip_configuration: [
                {
                  ipv4_enabled: constant(false),
                  private_network: ref('google_compute_network.vpc.id', 'google_compute_network.vpc'),
                },
              ],
            },
          ),
        ],
        { providers: { google: { project: constant('osaka-city-dev') } } },
      ),
    );
    const facts = resourceOf(scanned, 'google_sql_database_instance.defaults').facts as Record<
      string,
      { value?: unknown; source?: string }
    >;
    expect(facts.publicIp).toMatchObject({ value: true, source: 'default' });
    expect(
      findingOf(scanned, 'gcp.sql.instance-public-access', 'google_sql_database_instance.private').status,
    ).toBe('PASS');
  });
});
