import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * Data stores the exports read that public plans hold beside the types kansa judged already
 * (SOURCES.md, "Data stores of public plans"): read from a plan, each is judged where its data is,
 * and, where the export reads them, for its key and its reach from the internet.
 */

const IN_JAPAN = 'common.location.data-in-japan';
const CMK = 'common.classification.cmk-at-rest';
const CLOSED = 'common.classification.closed-network';

describe('azurerm_container_registry', () => {
  // Modelled on the azurerm 3.116 plans of 824728350/ZodiacAE `regoFiles/azurerm_application_gateway/
  // outputRegoPlanHandledFormat/*.rego` (format 1.2): a Standard registry with `admin_enabled` and
  // `public_network_access_enabled` known, the Optional+Computed `network_rule_set` and
  // `encryption` in `after_unknown`; and the 3.x / 4.x `encryption` blocks of the provider's docs.
  const providers = { azurerm: { features: constant([{}]) } };
  const registry = (
    name: string,
    location: string,
    after: Json,
    afterUnknown: Json,
    expressions: Json,
  ): Change => ({
    address: `azurerm_container_registry.${name}`,
    after: {
      name,
      location,
      resource_group_name: 'rg-osaka',
      sku: 'Standard',
      admin_enabled: false,
      public_network_access_enabled: true,
      anonymous_pull_enabled: null,
      georeplications: [],
      tags: null,
      ...after,
    },
    afterUnknown: { id: true, login_server: true, admin_username: true, ...afterUnknown },
    expressions: {
      name: constant(name),
      location: constant(location),
      sku: constant('Standard'),
      ...expressions,
    },
  });
  const document = plan(
    [
      // Nothing but name, location and SKU: public, no firewall, Microsoft's key.
      registry('defaults', 'eastus', {}, { network_rule_set: true, encryption: true }, {}),
      // 3.x: `encryption { enabled = true, key_vault_key_id = azurerm_key_vault_key.k.id }`, private.
      registry(
        'private_cmk',
        'japaneast',
        {
          public_network_access_enabled: false,
          encryption: [{ enabled: true, identity_client_id: '00000000-0000-0000-0000-00000000aaaa' }],
        },
        { network_rule_set: true, encryption: [{ key_vault_key_id: true }] },
        {
          public_network_access_enabled: constant(false),
          encryption: [
            {
              enabled: constant(true),
              key_vault_key_id: ref('azurerm_key_vault_key.k.id', 'azurerm_key_vault_key.k'),
            },
          ],
        },
      ),
      // 4.x: the block has no `enabled`; Premium with a firewall that denies and admits no address.
      registry(
        'firewalled',
        'japanwest',
        {
          sku: 'Premium',
          encryption: [
            {
              key_vault_key_id: 'https://kv-osaka.vault.azure.net/keys/acr/0123456789abcdef',
              identity_client_id: '00000000-0000-0000-0000-00000000bbbb',
            },
          ],
          network_rule_set: [{ default_action: 'Deny', ip_rule: [] }],
        },
        {},
        { network_rule_set: [{ default_action: constant('Deny') }] },
      ),
      // 3.x with the encryption block set off.
      registry(
        'off',
        'japaneast',
        { encryption: [{ enabled: false, key_vault_key_id: null, identity_client_id: null }] },
        { network_rule_set: true },
        { encryption: [{ enabled: constant(false) }] },
      ),
    ],
    { providers },
  );

  it('judges a registry the configuration leaves at its defaults: abroad, public, Microsoft’s key', async () => {
    const scanned = await scanDocument(document);
    expect(resourceOf(scanned, 'azurerm_container_registry.defaults').kansaType).toBe('container.registry');
    expect(findingOf(scanned, IN_JAPAN, 'azurerm_container_registry.defaults').status).toBe('FAIL');
    expect(findingOf(scanned, CLOSED, 'azurerm_container_registry.defaults').status).toBe('FAIL');
    expect(findingOf(scanned, CMK, 'azurerm_container_registry.defaults').status).toBe('FAIL');
  });

  it('reads the 3.x encryption block and public network access turned off', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, IN_JAPAN, 'azurerm_container_registry.private_cmk').status).toBe('PASS');
    expect(findingOf(scanned, CLOSED, 'azurerm_container_registry.private_cmk').status).toBe('PASS');
    expect(findingOf(scanned, CMK, 'azurerm_container_registry.private_cmk').status).toBe('PASS');
    expect(findingOf(scanned, CMK, 'azurerm_container_registry.off').status).toBe('FAIL');
  });

  it('reads the 4.x encryption block as a customer-managed key, and a firewall that admits no address', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, CMK, 'azurerm_container_registry.firewalled').status).toBe('PASS');
    expect(findingOf(scanned, CLOSED, 'azurerm_container_registry.firewalled').status).toBe('PASS');
  });
});

describe('azurerm scale sets and databases', () => {
  // Modelled on the same ZodiacAE plans: `azurerm_linux_virtual_machine_scale_set` and
  // `azurerm_windows_virtual_machine_scale_set` beside application gateways, and
  // `azurerm_mssql_database` naming its server by `server_id = azurerm_mssql_server.x.id` (known
  // after apply), with no location of its own.
  const providers = { azurerm: { features: constant([{}]) } };
  const document = plan(
    [
      {
        address: 'azurerm_linux_virtual_machine_scale_set.web',
        after: {
          name: 'web-vmss',
          location: 'eastus',
          sku: 'Standard_B1s',
          instances: 2,
          encryption_at_host_enabled: null,
        },
        afterUnknown: { id: true, unique_id: true },
      },
      {
        address: 'azurerm_mssql_server.sql',
        after: {
          name: 'sql-osaka',
          location: 'westus',
          version: '12.0',
          minimum_tls_version: '1.2',
          public_network_access_enabled: true,
        },
        afterUnknown: { id: true, fully_qualified_domain_name: true },
      },
      {
        address: 'azurerm_mssql_database.db',
        after: { name: 'appdb', sku_name: 'S0', collation: 'SQL_Latin1_General_CP1_CI_AS' },
        afterUnknown: { id: true, server_id: true },
        expressions: { server_id: ref('azurerm_mssql_server.sql.id', 'azurerm_mssql_server.sql') },
      },
    ],
    { providers },
  );

  it('places a scale set by its location and a database where its server is', async () => {
    const scanned = await scanDocument(document);
    expect(resourceOf(scanned, 'azurerm_linux_virtual_machine_scale_set.web').kansaType).toBe('compute.vm');
    expect(findingOf(scanned, IN_JAPAN, 'azurerm_linux_virtual_machine_scale_set.web').status).toBe('FAIL');
    expect(resourceOf(scanned, 'azurerm_mssql_database.db').region).toBe('westus');
    expect(findingOf(scanned, IN_JAPAN, 'azurerm_mssql_database.db').status).toBe('FAIL');
  });
});

describe('AWS and Google Cloud stores judged where they are', () => {
  // The providers' docs of `ecs_cluster`, `glue_job`, `qldb_ledger` (no location of their own: the
  // provider's region), `kms_key_ring` (`location`), `composer_environment`
  // (`config.encryption_config.kms_key_name`), `vertex_ai_dataset` (`region`,
  // `encryption_spec.kms_key_name`), `data_fusion_instance` (`crypto_key_config.key_reference`) and
  // `dataflow_job` (`kms_key_name`); fugue/regula `rego/tests/rules/tf/google/kms/inputs/
  // cryptokey_rotate_infra.json` for a key ring beside its keys (format 0.1, Terraform 0.13.5).
  it('places the AWS types in their provider’s region', async () => {
    const scanned = await scanDocument(
      plan([
        {
          address: 'aws_ecs_cluster.app',
          after: { name: 'app', setting: [] },
          afterUnknown: { arn: true, id: true },
        },
        {
          address: 'aws_glue_job.etl',
          after: { name: 'etl', role_arn: 'arn:aws:iam::123456789012:role/glue' },
          afterUnknown: { arn: true, id: true },
        },
        {
          address: 'aws_qldb_ledger.ledger',
          after: { name: 'ledger', permissions_mode: 'STANDARD' },
          afterUnknown: { arn: true, id: true },
        },
      ]),
    );
    for (const id of ['aws_ecs_cluster.app', 'aws_glue_job.etl', 'aws_qldb_ledger.ledger']) {
      expect(resourceOf(scanned, id).region).toBe('us-west-2');
      expect(findingOf(scanned, IN_JAPAN, id).status).toBe('FAIL');
    }
  });

  it('reads a Secrets Manager secret’s key', async () => {
    // awakchaure99/tf-opa-aws-secretmanager `tfplan.json` (format 1.2, Terraform 1.5.0): a new
    // `aws_secretsmanager_secret` with `kms_key_id: null`, `replica` and `policy` in `after_unknown`.
    const secret = (name: string, after: Json, afterUnknown: Json, expressions: Json): Change => ({
      address: `aws_secretsmanager_secret.${name}`,
      after: {
        name,
        description: null,
        force_overwrite_replica_secret: false,
        kms_key_id: null,
        recovery_window_in_days: 30,
        tags: null,
        ...after,
      },
      afterUnknown: {
        arn: true,
        id: true,
        name_prefix: true,
        policy: true,
        replica: true,
        tags_all: true,
        ...afterUnknown,
      },
      expressions: { name: constant(name), ...expressions },
    });
    const scanned = await scanDocument(
      plan([
        {
          address: 'aws_kms_key.k',
          after: { enable_key_rotation: true, deletion_window_in_days: 30 },
          afterUnknown: { arn: true, id: true, key_id: true },
        },
        secret('aws_managed', {}, {}, {}),
        secret(
          'own_key',
          { kms_key_id: undefined },
          { kms_key_id: true },
          { kms_key_id: ref('aws_kms_key.k.arn', 'aws_kms_key.k') },
        ),
      ]),
    );
    expect(resourceOf(scanned, 'aws_secretsmanager_secret.aws_managed').kansaType).toBe('kms.vault');
    expect(findingOf(scanned, CMK, 'aws_secretsmanager_secret.aws_managed').status).toBe('FAIL');
    expect(findingOf(scanned, CMK, 'aws_secretsmanager_secret.own_key').status).toBe('PASS');
    expect(findingOf(scanned, IN_JAPAN, 'aws_secretsmanager_secret.own_key').status).toBe('FAIL');
  });

  it('reads an Athena workgroup’s encryption of its query results', async () => {
    // Checkmarx/kics `assets/queries/terraform/aws/athena_workgroup_not_encrypted/test/*.tf`
    // (`configuration { result_configuration { encryption_configuration { encryption_option,
    // kms_key_arn } } }`; positive: no `configuration`, or none of the inner blocks) as provider
    // 5.x plans them: nested blocks as one-element lists, `kms_key_arn` unknown when it names a
    // key of the plan.
    const workGroup = (
      name: string,
      results: Json,
      resultsUnknown: Json,
      expressions: Json = {},
    ): Change => ({
      address: `aws_athena_workgroup.${name}`,
      after: {
        name,
        description: null,
        force_destroy: false,
        state: 'ENABLED',
        tags: null,
        configuration: [
          {
            bytes_scanned_cutoff_per_query: null,
            enforce_workgroup_configuration: true,
            publish_cloudwatch_metrics_enabled: true,
            result_configuration: [{ output_location: 's3://athena-results/output/', ...results }],
          },
        ],
      },
      afterUnknown: {
        arn: true,
        id: true,
        tags_all: true,
        configuration: [{ engine_version: true, result_configuration: [resultsUnknown] }],
      },
      expressions: { name: constant(name), ...expressions },
    });
    const scanned = await scanDocument(
      plan([
        {
          address: 'aws_kms_key.k',
          after: { enable_key_rotation: true, deletion_window_in_days: 30 },
          afterUnknown: { arn: true, id: true, key_id: true },
        },
        workGroup(
          'own_key',
          { encryption_configuration: [{ encryption_option: 'SSE_KMS' }] },
          { encryption_configuration: [{ kms_key_arn: true }] },
          {
            configuration: [
              {
                result_configuration: [
                  {
                    encryption_configuration: [
                      {
                        encryption_option: constant('SSE_KMS'),
                        kms_key_arn: ref('aws_kms_key.k.arn', 'aws_kms_key.k'),
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ),
        workGroup(
          's3_managed',
          { encryption_configuration: [{ encryption_option: 'SSE_S3', kms_key_arn: null }] },
          { encryption_configuration: [{}] },
        ),
        workGroup('bucket_default', { encryption_configuration: [] }, { encryption_configuration: [] }),
        {
          address: 'aws_athena_workgroup.bare',
          after: { name: 'bare', configuration: [], force_destroy: false, state: 'ENABLED' },
          afterUnknown: { arn: true, id: true, configuration: [] },
        },
      ]),
    );
    expect(resourceOf(scanned, 'aws_athena_workgroup.own_key').kansaType).toBe('analytics.service');
    expect(findingOf(scanned, CMK, 'aws_athena_workgroup.own_key').status).toBe('PASS');
    expect(findingOf(scanned, CMK, 'aws_athena_workgroup.s3_managed').status).toBe('FAIL');
    // Without an encryption configuration, the output bucket's own encryption applies.
    expect(findingOf(scanned, CMK, 'aws_athena_workgroup.bare').status).toBe('UNKNOWN');
    expect(findingOf(scanned, CMK, 'aws_athena_workgroup.bucket_default').status).toBe('UNKNOWN');
    expect(findingOf(scanned, IN_JAPAN, 'aws_athena_workgroup.own_key').status).toBe('FAIL');
  });

  it('judges a Bigtable instance by its clusters: where each is and under which key', async () => {
    // The google provider's docs of `bigtable_instance` (`cluster { cluster_id, zone, num_nodes,
    // storage_type, kms_key_name }`, repeated for a replicated instance); the export reads each
    // cluster on its own.
    const providers = { google: { project: constant('osaka-city-dev') } };
    const cluster = (id: string, zone: string, kmsKeyName: string | null = null): Json => ({
      cluster_id: id,
      zone,
      num_nodes: 1,
      storage_type: 'SSD',
      kms_key_name: kmsKeyName,
      autoscaling_config: [],
    });
    const instance = (
      name: string,
      clusters: Json[],
      clustersUnknown: Json[],
      expressions: Json = {},
    ): Change => ({
      address: `google_bigtable_instance.${name}`,
      after: { name, deletion_protection: true, labels: null, cluster: clusters },
      afterUnknown: { id: true, display_name: true, instance_type: true, cluster: clustersUnknown },
      expressions: { name: constant(name), ...expressions },
    });
    const key = ref('google_kms_crypto_key.k.id', 'google_kms_crypto_key.k');
    const scanned = await scanDocument(
      plan(
        [
          {
            address: 'google_kms_crypto_key.k',
            after: { name: 'k', rotation_period: '7776000s' },
            afterUnknown: { id: true, key_ring: true },
          },
          instance(
            'tokyo',
            [{ ...cluster('tokyo-c1', 'asia-northeast1-b'), kms_key_name: undefined }],
            [{ kms_key_name: true, autoscaling_config: [] }],
            { cluster: [{ cluster_id: constant('tokyo-c1'), kms_key_name: key }] },
          ),
          instance(
            'replicated',
            [cluster('osaka-c1', 'asia-northeast2-a'), cluster('us-c1', 'us-central1-b')],
            [{ autoscaling_config: [] }, { autoscaling_config: [] }],
          ),
          {
            address: 'google_bigtable_instance.later',
            after: { name: 'later', deletion_protection: true },
            afterUnknown: { id: true, cluster: true },
          },
        ],
        { providers },
      ),
    );
    expect(resourceOf(scanned, 'google_bigtable_instance.tokyo').kansaType).toBe('database.server');
    expect(findingOf(scanned, CMK, 'google_bigtable_instance.tokyo').status).toBe('PASS');
    expect(findingOf(scanned, IN_JAPAN, 'google_bigtable_instance.tokyo').status).toBe('PASS');
    expect(resourceOf(scanned, 'google_bigtable_instance.replicated').region).toBe('us-central1');
    expect(findingOf(scanned, IN_JAPAN, 'google_bigtable_instance.replicated').status).toBe('FAIL');
    expect(findingOf(scanned, CMK, 'google_bigtable_instance.replicated').status).toBe('FAIL');
    // Clusters known only after apply: which key is not known, not Google's.
    expect(findingOf(scanned, CMK, 'google_bigtable_instance.later').status).toBe('UNKNOWN');
  });

  it('reads a Secret Manager secret’s replication: where its copies are and under which keys', async () => {
    // AlexTzk/gcp-infrastructure `plan.json` (format 1.2, Terraform 1.14.7, google 6.x):
    // `replication { auto { customer_managed_encryption = [] } }`; the provider's docs for
    // `user_managed { replicas { location, customer_managed_encryption { kms_key_name } } }` and
    // 4.x `automatic = true`. The provider's region is Tokyo: an automatic secret is not in it.
    const providers = {
      google: { project: constant('osaka-city-dev'), region: constant('asia-northeast1') },
    };
    const secret = (
      name: string,
      replication: Json,
      replicationUnknown: Json,
      expressions: Json = {},
    ): Change => ({
      address: `google_secret_manager_secret.${name}`,
      after: {
        secret_id: name,
        labels: null,
        replication: [replication],
        rotation: [],
        topics: [],
        ttl: null,
      },
      afterUnknown: { id: true, name: true, create_time: true, replication: [replicationUnknown] },
      expressions: { secret_id: constant(name), ...expressions },
    });
    const scanned = await scanDocument(
      plan(
        [
          {
            address: 'google_kms_crypto_key.k',
            after: { name: 'k', rotation_period: '7776000s' },
            afterUnknown: { id: true, key_ring: true },
          },
          secret(
            'auto',
            { auto: [{ customer_managed_encryption: [] }], user_managed: [] },
            { auto: [{ customer_managed_encryption: [] }], user_managed: [] },
          ),
          secret('legacy', { automatic: true, user_managed: [] }, { user_managed: [] }),
          // A `dynamic "replication"` over a value known only after apply: no block the plan shows.
          {
            address: 'google_secret_manager_secret.dynamic',
            after: { secret_id: 'dynamic', labels: null, rotation: [], topics: [], ttl: null },
            afterUnknown: { id: true, name: true, create_time: true, replication: true },
            expressions: { secret_id: constant('dynamic') },
          },
          secret(
            'replicas',
            {
              auto: [],
              user_managed: [
                {
                  replicas: [
                    { location: 'asia-northeast1', customer_managed_encryption: [{}] },
                    { location: 'us-central1', customer_managed_encryption: [] },
                  ],
                },
              ],
            },
            {
              auto: [],
              user_managed: [
                {
                  replicas: [
                    { customer_managed_encryption: [{ kms_key_name: true }] },
                    { customer_managed_encryption: [] },
                  ],
                },
              ],
            },
            {
              replication: [
                {
                  user_managed: [
                    {
                      replicas: [
                        {
                          location: constant('asia-northeast1'),
                          customer_managed_encryption: [
                            { kms_key_name: ref('google_kms_crypto_key.k.id', 'google_kms_crypto_key.k') },
                          ],
                        },
                        { location: constant('us-central1') },
                      ],
                    },
                  ],
                },
              ],
            },
          ),
          secret(
            'tokyo',
            {
              auto: [],
              user_managed: [
                { replicas: [{ location: 'asia-northeast1', customer_managed_encryption: [{}] }] },
              ],
            },
            {
              auto: [],
              user_managed: [{ replicas: [{ customer_managed_encryption: [{ kms_key_name: true }] }] }],
            },
            {
              replication: [
                {
                  user_managed: [
                    {
                      replicas: [
                        {
                          location: constant('asia-northeast1'),
                          customer_managed_encryption: [
                            { kms_key_name: ref('google_kms_crypto_key.k.id', 'google_kms_crypto_key.k') },
                          ],
                        },
                      ],
                    },
                  ],
                },
              ],
            },
          ),
        ],
        { providers },
      ),
    );
    expect(resourceOf(scanned, 'google_secret_manager_secret.auto').kansaType).toBe('kms.vault');
    expect(findingOf(scanned, CMK, 'google_secret_manager_secret.auto').status).toBe('FAIL');
    // Automatic replication is Google's worldwide replication: global, not the provider's region.
    for (const name of ['auto', 'legacy']) {
      expect(resourceOf(scanned, `google_secret_manager_secret.${name}`).region).toBe('global');
      expect(findingOf(scanned, IN_JAPAN, `google_secret_manager_secret.${name}`).status).toBe('FAIL');
    }
    // Not the provider's asia-northeast1: the copies may be anywhere.
    expect(findingOf(scanned, IN_JAPAN, 'google_secret_manager_secret.dynamic').status).toBe('UNKNOWN');
    expect(resourceOf(scanned, 'google_secret_manager_secret.replicas').region).toBe('us-central1');
    expect(findingOf(scanned, CMK, 'google_secret_manager_secret.replicas').status).toBe('FAIL');
    expect(findingOf(scanned, IN_JAPAN, 'google_secret_manager_secret.tokyo').status).toBe('PASS');
    expect(findingOf(scanned, CMK, 'google_secret_manager_secret.tokyo').status).toBe('PASS');
  });

  it('reads a Kinesis data stream’s encryption', async () => {
    // The AWS provider's `kinesis_stream` docs: `encryption_type` NONE (the default) or KMS with
    // `kms_key_id`, the AWS managed `alias/aws/kinesis` or a customer managed key.
    const stream = (name: string, after: Json, afterUnknown: Json = {}, expressions: Json = {}): Change => ({
      address: `aws_kinesis_stream.${name}`,
      after: {
        name,
        shard_count: 1,
        retention_period: 24,
        encryption_type: 'NONE',
        kms_key_id: null,
        tags: null,
        ...after,
      },
      afterUnknown: { arn: true, id: true, stream_mode_details: true, tags_all: true, ...afterUnknown },
      expressions: { name: constant(name), ...expressions },
    });
    const scanned = await scanDocument(
      plan([
        {
          address: 'aws_kms_key.k',
          after: { enable_key_rotation: true },
          afterUnknown: { arn: true, id: true, key_id: true },
        },
        stream('plain', {}),
        stream('aws_managed', { encryption_type: 'KMS', kms_key_id: 'alias/aws/kinesis' }),
        stream(
          'own_key',
          { encryption_type: 'KMS', kms_key_id: undefined },
          { kms_key_id: true },
          { kms_key_id: ref('aws_kms_key.k.arn', 'aws_kms_key.k') },
        ),
      ]),
    );
    expect(resourceOf(scanned, 'aws_kinesis_stream.plain').kansaType).toBe('storage.queue');
    expect(findingOf(scanned, CMK, 'aws_kinesis_stream.plain').status).toBe('FAIL');
    expect(findingOf(scanned, CMK, 'aws_kinesis_stream.aws_managed').status).toBe('FAIL');
    expect(findingOf(scanned, CMK, 'aws_kinesis_stream.own_key').status).toBe('PASS');
  });

  it('reads the Google types’ locations and keys', async () => {
    const providers = { google: { project: constant('osaka-city-dev') } };
    const key = ref('google_kms_crypto_key.k.id', 'google_kms_crypto_key.k');
    const scanned = await scanDocument(
      plan(
        [
          // UmeshIghe/gcp-compute `tfplan.json` (terraform-google-modules/vm's compute_instance).
          {
            address: 'google_compute_instance_from_template.app',
            after: { name: 'app-001', zone: 'europe-west1-b' },
            afterUnknown: { id: true, self_link: true },
          },
          {
            address: 'google_kms_key_ring.ring',
            after: { name: 'ring', location: 'us' },
            afterUnknown: { id: true, project: true },
          },
          {
            address: 'google_kms_crypto_key.k',
            after: { name: 'k', rotation_period: '7776000s' },
            afterUnknown: { id: true, key_ring: true },
            expressions: { key_ring: ref('google_kms_key_ring.ring.id', 'google_kms_key_ring.ring') },
          },
          {
            address: 'google_composer_environment.etl',
            after: { name: 'etl', region: 'asia-northeast1', config: [{ encryption_config: [{}] }] },
            afterUnknown: { id: true, config: [{ encryption_config: [{ kms_key_name: true }] }] },
            expressions: { config: [{ encryption_config: [{ kms_key_name: key }] }] },
          },
          {
            address: 'google_vertex_ai_dataset.images',
            after: { display_name: 'images', region: 'asia-northeast1', encryption_spec: [] },
            afterUnknown: { id: true, name: true },
          },
          {
            address: 'google_dataflow_job.load',
            after: {
              name: 'load',
              region: 'europe-west1',
              kms_key_name: null,
              template_gcs_path: 'gs://dataflow-templates/latest/Word_Count',
            },
            afterUnknown: { id: true, job_id: true },
          },
        ],
        { providers },
      ),
    );
    expect(resourceOf(scanned, 'google_kms_key_ring.ring').region).toBe('us');
    expect(findingOf(scanned, IN_JAPAN, 'google_compute_instance_from_template.app').status).toBe('FAIL');
    expect(findingOf(scanned, IN_JAPAN, 'google_kms_key_ring.ring').status).toBe('FAIL');
    expect(findingOf(scanned, CMK, 'google_composer_environment.etl').status).toBe('PASS');
    expect(findingOf(scanned, IN_JAPAN, 'google_composer_environment.etl').status).toBe('PASS');
    expect(findingOf(scanned, CMK, 'google_vertex_ai_dataset.images').status).toBe('FAIL');
    expect(findingOf(scanned, IN_JAPAN, 'google_dataflow_job.load').status).toBe('FAIL');
    expect(findingOf(scanned, CMK, 'google_dataflow_job.load').status).toBe('FAIL');
  });
});

describe('google_service_account_key', () => {
  // The google provider's `service_account_key` docs: `valid_after` (RFC 3339) computed when the
  // key is made; the key Terraform makes is user-managed. A state or a plan that leaves an
  // existing key alone knows it; a new key's is known only after apply.
  const providers = { google: { project: constant('p1'), region: constant('asia-northeast1') } };
  const key = (name: string, after: Json, afterUnknown: Json, actions?: string[]): Change => ({
    address: `google_service_account_key.${name}`,
    after: { key_algorithm: 'KEY_ALG_RSA_2048', public_key_type: 'TYPE_X509_PEM_FILE', ...after },
    afterUnknown: { id: true, private_key: true, ...afterUnknown },
    expressions: { service_account_id: ref('google_service_account.app.name', 'google_service_account.app') },
    ...(actions && { actions, before: after }),
  });

  it('judges the age of an existing key, and leaves a new one’s unknown', async () => {
    const scanned = await scanDocument(
      plan(
        [
          key(
            'old',
            {
              valid_after: '2025-01-01T00:00:00Z',
              service_account_id: 'projects/p1/serviceAccounts/app@p1.iam.gserviceaccount.com',
            },
            { id: false, private_key: false },
            ['no-op'],
          ),
          key('rotated', { valid_after: '2026-11-20T00:00:00Z' }, { id: false, private_key: false }, [
            'no-op',
          ]),
          key('new', {}, { valid_after: true, service_account_id: true }),
        ],
        { providers },
      ),
    );
    const age = 'gcp.iam.service-account-key-age';
    expect(findingOf(scanned, age, 'google_service_account_key.old').status).toBe('FAIL');
    expect(findingOf(scanned, age, 'google_service_account_key.rotated').status).toBe('PASS');
    expect(findingOf(scanned, age, 'google_service_account_key.new').status).toBe('UNKNOWN');
    expect(resourceOf(scanned, 'google_service_account_key.old').region).toBe('global');
  });
});
