import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * google provider plans where the provider fills in what the configuration leaves out (SOURCES.md,
 * "Dialects of public plans").
 */

const providers = { google: { project: constant('osaka-city-dev') } };

describe('a new GKE cluster without logging_service', () => {
  // Modelled on GoogleCloudPlatform/terraform-validator
  // `testdata/templates/example_container_cluster.tfplan.json` (format 0.1, Terraform 0.14.2): a
  // cluster whose configuration sets only its name, location and node count, the Optional+Computed
  // `logging_service` in `after_unknown`.
  const cluster = (name: string, after: Json, expressions: Json): Change => ({
    address: `google_container_cluster.${name}`,
    after: {
      name,
      location: 'asia-northeast1',
      initial_node_count: 1,
      enable_legacy_abac: false,
      logging_service: null,
      monitoring_service: null,
      private_cluster_config: [],
      master_authorized_networks_config: [],
      ...after,
    },
    afterUnknown: { id: true, endpoint: true, logging_service: true, monitoring_service: true },
    expressions: { name: constant(name), location: constant('asia-northeast1'), ...expressions },
  });
  const document = plan(
    [
      cluster('defaults', {}, {}),
      // `logging_service = var.logging` with a value only known after apply (a module output).
      cluster('from_output', {}, { logging_service: { references: ['module.logs.service'] } }),
    ],
    { formatVersion: '0.1', terraformVersion: '0.14.2', providers },
  );

  it('reads its logging as the API’s default: Cloud Logging', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'gcp.gke.cluster-logging', 'google_container_cluster.defaults').status).toBe(
      'PASS',
    );
  });

  it('leaves a logging service the configuration sets but the plan cannot show unknown', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'gcp.gke.cluster-logging', 'google_container_cluster.from_output').status).toBe(
      'UNKNOWN',
    );
  });
});

describe('a GKE cluster’s private_cluster_config as evidence', () => {
  // The same google 3.x/4.x cluster shape, with `private_cluster_config` written out as the
  // provider lists it (one block, `enable_private_endpoint` a bool): the endpoint check decides on
  // the public endpoint that `enable_private_endpoint` implies, and shows the attribute's own value.
  const cluster = (name: string, privateEndpoint: boolean): Change => ({
    address: `google_container_cluster.${name}`,
    after: {
      name,
      location: 'asia-northeast1',
      initial_node_count: 1,
      enable_legacy_abac: false,
      logging_service: 'logging.googleapis.com/kubernetes',
      private_cluster_config: [
        {
          enable_private_endpoint: privateEndpoint,
          enable_private_nodes: true,
          master_ipv4_cidr_block: '172.16.0.0/28',
        },
      ],
      master_authorized_networks_config: [],
    },
    afterUnknown: {
      id: true,
      endpoint: true,
      private_cluster_config: [{ peering_name: true, public_endpoint: true }],
    },
    expressions: {
      name: constant(name),
      location: constant('asia-northeast1'),
      private_cluster_config: [{ enable_private_endpoint: constant(privateEndpoint) }],
    },
  });
  const document = plan([cluster('open', false), cluster('closed', true)], { providers });
  const attribute = (name: string) =>
    `google_container_cluster.${name}.private_cluster_config.0.enable_private_endpoint`;

  it('enable_private_endpoint = false: FAIL, with the attribute’s false as evidence', async () => {
    const finding = findingOf(
      await scanDocument(document),
      'gcp.gke.cluster-endpoint-access',
      'google_container_cluster.open',
    );
    expect(finding.status).toBe('FAIL');
    expect(finding.evidence[0]).toEqual({ source: 'explicit', path: attribute('open'), value: false });
  });

  it('enable_private_endpoint = true: PASS, with the attribute’s true as evidence', async () => {
    const finding = findingOf(
      await scanDocument(document),
      'gcp.gke.cluster-endpoint-access',
      'google_container_cluster.closed',
    );
    expect(finding.status).toBe('PASS');
    expect(finding.evidence).toEqual([{ source: 'explicit', path: attribute('closed'), value: true }]);
  });
});

describe('google_compute_subnetwork flow logs', () => {
  // Modelled on fugue/regula `rego/tests/rules/tf/google/compute/inputs/subnet_flow_log_enabled_infra.json`
  // (format 0.1, Terraform 0.13.5, google 3.x): flow logs on through a `log_config` block
  // (`log_config: []` when left out), `network` known after apply; and on the google 2.x schema
  // (`enable_flow_logs`) and the provider's `purpose` (proxy-only subnets have no flow logs).
  const subnet = (name: string, after: Json, afterUnknown: Json = {}, expressions: Json = {}): Change => ({
    address: `google_compute_subnetwork.${name}`,
    after: { name, ip_cidr_range: '10.0.0.0/24', region: 'asia-northeast1', description: null, ...after },
    afterUnknown: { id: true, network: true, gateway_address: true, self_link: true, ...afterUnknown },
    expressions: { name: constant(name), ...expressions },
  });
  const document = plan(
    [
      subnet('logged', {
        log_config: [
          { aggregation_interval: 'INTERVAL_10_MIN', flow_sampling: 0.5, metadata: 'INCLUDE_ALL_METADATA' },
        ],
      }),
      subnet('unlogged', { log_config: [] }),
      subnet('legacy_logged', { enable_flow_logs: true, log_config: [] }, { log_config: [] }),
      subnet('log_config_unknown', {}, { log_config: true }),
      // 2.x: `enable_flow_logs` computed when left out, set from an output known after apply.
      subnet('legacy_default', { log_config: [] }, { enable_flow_logs: true }),
      subnet(
        'legacy_from_output',
        { log_config: [] },
        { enable_flow_logs: true },
        { enable_flow_logs: { references: ['module.policy.flow_logs'] } },
      ),
      subnet('proxy_only', { log_config: [], purpose: 'REGIONAL_MANAGED_PROXY' }),
      subnet('purpose_default', { log_config: [] }, { purpose: true }),
    ],
    { formatVersion: '0.1', terraformVersion: '0.13.5', providers },
  );

  it('reads flow logs from the log_config block, or 2.x enable_flow_logs', async () => {
    const scanned = await scanDocument(document);
    const status = (name: string) =>
      findingOf(scanned, 'gcp.compute.subnet-flow-logs', `google_compute_subnetwork.${name}`).status;
    expect(status('logged')).toBe('PASS');
    expect(status('unlogged')).toBe('FAIL');
    expect(status('legacy_logged')).toBe('PASS');
    expect(status('log_config_unknown')).toBe('UNKNOWN');
    expect(status('legacy_default')).toBe('FAIL');
    expect(status('legacy_from_output')).toBe('UNKNOWN');
    expect(status('proxy_only')).toBe('NOT_APPLICABLE');
    expect(status('purpose_default')).toBe('FAIL');
    expect(scanned.coverage.skipped).toEqual([]);
  });
});

describe('Cloud Run services and Cloud Functions with their IAM resources', () => {
  // Modelled on GoogleCloudPlatform/terraform-validator
  // `testdata/templates/example_cloud_run_service_iam_{member,binding,policy}.tfplan.json` and
  // `example_google_cloudfunctions_function.tfplan.json` (format 0.2, Terraform 1.0.10): the IAM
  // resource names its service by `service = google_cloud_run_service.x.name` (a function by
  // `cloud_function`), `location` and `project` from the service.
  const service = (name: string, actions: string[] = ['create']): Change => ({
    address: `google_cloud_run_service.${name}`,
    actions,
    before: actions.includes('create') ? null : { name, location: 'asia-northeast1' },
    after: {
      name,
      location: 'asia-northeast1',
      autogenerate_revision_name: false,
      template: [{ spec: [{ containers: [{ image: 'us-docker.pkg.dev/cloudrun/container/hello' }] }] }],
      traffic: [{ latest_revision: true, percent: 100, revision_name: null }],
    },
    afterUnknown: { id: true, metadata: true, project: true, status: true },
    expressions: { name: constant(name), location: constant('asia-northeast1') },
  });
  const member = (name: string, serviceName: string, who: string, linked = true): Change => ({
    address: `google_cloud_run_service_iam_member.${name}`,
    after: {
      location: 'asia-northeast1',
      member: who,
      role: 'roles/run.invoker',
      service: serviceName,
      condition: [],
    },
    afterUnknown: { etag: true, id: true, project: true },
    expressions: {
      member: constant(who),
      role: constant('roles/run.invoker'),
      service: linked
        ? ref(`google_cloud_run_service.${serviceName}.name`, `google_cloud_run_service.${serviceName}`)
        : constant(serviceName),
    },
  });
  const providers = { google: { project: constant('kansa-project'), region: constant('asia-northeast1') } };
  const CHECK = 'gcp.serverless.public-invoker';

  it('fails a service the plan opens to allUsers and passes one it grants to a user', async () => {
    const scanned = await scanDocument(
      plan(
        [
          service('open'),
          member('everyone', 'open', 'allUsers'),
          service('private'),
          member('jane', 'private', 'user:jane@example.com'),
          service('bare'),
        ],
        { formatVersion: '0.2', terraformVersion: '1.0.10', providers },
      ),
    );
    expect(findingOf(scanned, CHECK, 'google_cloud_run_service.open').status).toBe('FAIL');
    expect(findingOf(scanned, CHECK, 'google_cloud_run_service.private').status).toBe('PASS');
    expect(findingOf(scanned, CHECK, 'google_cloud_run_service.bare').status).toBe('PASS');
  });

  it('leaves an existing service without an authoritative policy unknown', async () => {
    const scanned = await scanDocument(plan([service('existing', ['no-op'])], { providers }));
    expect(findingOf(scanned, CHECK, 'google_cloud_run_service.existing').status).toBe('UNKNOWN');
  });

  it('judges a grant to allUsers on a service the plan does not manage by itself', async () => {
    const scanned = await scanDocument(
      plan([member('everyone', 'existing-service', 'allUsers', false)], { providers }),
    );
    expect(findingOf(scanned, CHECK, 'google_cloud_run_service_iam_member.everyone').status).toBe('FAIL');
  });

  it('reads a Cloud Functions (1st gen) invoker grant', async () => {
    const fn: Change = {
      address: 'google_cloudfunctions_function.api',
      after: {
        name: 'api',
        region: 'asia-northeast1',
        runtime: 'nodejs20',
        entry_point: 'handler',
        trigger_http: true,
      },
      afterUnknown: { id: true, project: true, https_trigger_url: true },
      expressions: { name: constant('api') },
    };
    const grant: Change = {
      address: 'google_cloudfunctions_function_iam_member.invoker',
      after: {
        cloud_function: 'api',
        member: 'allAuthenticatedUsers',
        role: 'roles/cloudfunctions.invoker',
        condition: [],
      },
      afterUnknown: { etag: true, id: true, project: true, region: true },
      expressions: {
        cloud_function: ref('google_cloudfunctions_function.api.name', 'google_cloudfunctions_function.api'),
        member: constant('allAuthenticatedUsers'),
      },
    };
    const scanned = await scanDocument(plan([fn, grant], { providers }));
    expect(findingOf(scanned, CHECK, 'google_cloudfunctions_function.api').status).toBe('FAIL');
  });
});

describe('IAM policies from a google_iam_policy data source read on apply', () => {
  // Modelled on AlexTzk/gcp-infrastructure `plan.json` (format 1.2, Terraform 1.14.7, google
  // 6.x): a `google_cloud_run_v2_service` opened by a v1 `google_cloud_run_service_iam_policy`
  // (`service = google_cloud_run_v2_service.x.name`) whose `policy_data` is
  // `data.google_iam_policy.noauth.policy_data`, the data source in `resource_changes` with action
  // `read`, its `binding` blocks shown and `policy_data` in `after_unknown`.
  const providers = { google: { project: constant('kansa-project'), region: constant('asia-northeast1') } };
  const policySource = (name: string, binding: Json[], bindingUnknown: Json[]) => ({
    address: `data.google_iam_policy.${name}`,
    mode: 'data',
    type: 'google_iam_policy',
    name,
    provider_name: 'registry.terraform.io/hashicorp/google',
    change: {
      actions: ['read'],
      before: null,
      after: { audit_config: [], binding },
      after_unknown: { audit_config: [], binding: bindingUnknown, id: true, policy_data: true },
    },
  });
  const withData = (document: Json, ...sources: Json[]) => ({
    ...document,
    resource_changes: [...(document.resource_changes as Json[]), ...sources],
  });
  const fromSource = (name: string) =>
    ref(`data.google_iam_policy.${name}.policy_data`, `data.google_iam_policy.${name}`);

  it('fails a v2 service that a v1 IAM policy opens to allUsers', async () => {
    const document = plan(
      [
        {
          address: 'google_cloud_run_v2_service.frontend',
          after: {
            name: 'frontend',
            location: 'asia-northeast1',
            ingress: 'INGRESS_TRAFFIC_ALL',
            template: [{ containers: [{ image: 'nginxdemos/hello:0.4' }] }],
          },
          afterUnknown: { id: true, uri: true, etag: true },
          expressions: { ingress: constant('INGRESS_TRAFFIC_ALL') },
        },
        {
          address: 'google_cloud_run_service_iam_policy.noauth',
          after: { location: 'asia-northeast1', project: 'kansa-project', service: 'frontend' },
          afterUnknown: { etag: true, id: true, policy_data: true },
          expressions: {
            service: ref('google_cloud_run_v2_service.frontend.name', 'google_cloud_run_v2_service.frontend'),
            policy_data: fromSource('noauth'),
          },
        },
      ],
      { providers },
    );
    const scanned = await scanDocument(
      withData(
        document,
        policySource(
          'noauth',
          [{ condition: [], members: ['allUsers'], role: 'roles/run.invoker' }],
          [{ condition: [], members: [false] }],
        ),
      ),
    );
    const finding = findingOf(
      scanned,
      'gcp.serverless.public-invoker',
      'google_cloud_run_v2_service.frontend',
    );
    expect(finding.status).toBe('FAIL');
    expect(resourceOf(scanned, 'google_cloud_run_v2_service.frontend').origin.iac?.parts).toEqual([
      'google_cloud_run_service_iam_policy.noauth',
    ]);
  });

  it('reads a member known only after apply as the plan’s own identity, never the public', async () => {
    const document = plan(
      [
        {
          address: 'google_storage_bucket.reports',
          after: {
            name: 'kansa-reports',
            location: 'ASIA-NORTHEAST1',
            uniform_bucket_level_access: true,
            public_access_prevention: 'enforced',
          },
          afterUnknown: { id: true, self_link: true, url: true, public_access_prevention: true },
          expressions: {
            uniform_bucket_level_access: constant(true),
            public_access_prevention: constant('enforced'),
          },
        },
        {
          address: 'google_storage_bucket_iam_policy.reports',
          after: { bucket: 'kansa-reports' },
          afterUnknown: { etag: true, id: true, policy_data: true },
          expressions: {
            bucket: ref('google_storage_bucket.reports.name', 'google_storage_bucket.reports'),
            policy_data: fromSource('readers'),
          },
        },
      ],
      { providers },
    );
    const readers = (member: string | null) =>
      policySource(
        'readers',
        [{ condition: [], members: [member], role: 'roles/storage.objectViewer' }],
        [{ condition: [], members: [member === null] }],
      );
    const own = await scanDocument(withData(document, readers(null)));
    expect(findingOf(own, 'gcp.storage.bucket-public-access', 'google_storage_bucket.reports').status).toBe(
      'PASS',
    );
    const open = await scanDocument(withData(document, readers('allUsers')));
    expect(findingOf(open, 'gcp.storage.bucket-public-access', 'google_storage_bucket.reports').status).toBe(
      'FAIL',
    );
  });
});

describe('bucket ACL resources', () => {
  // Modelled on Scalr/sample-tf-opa-policies `gcp/enforce_gcs_private/enforce_gcs_private_mock.json`
  // (format 0.1, Terraform 0.14.4): a `google_storage_bucket_access_control` (`entity`, `role`)
  // and a `google_storage_bucket_acl` with `predefined_acl` (its `role_entity` then computed, in
  // `after_unknown`) on a bucket named by a constant, which the plan does not manage.
  const providers = { google: { project: constant('kansa-project') } };
  const CHECK = 'gcp.storage.bucket-public-access';
  const acl = (name: string, predefined: string, bucket = 'kansa-shared'): Change => ({
    address: `google_storage_bucket_acl.${name}`,
    after: { bucket, default_acl: null, predefined_acl: predefined },
    afterUnknown: { id: true, role_entity: true },
    expressions: { bucket: constant(bucket), predefined_acl: constant(predefined) },
  });

  it('fails a public entry written on a bucket the plan does not manage, and leaves a private one unknown', async () => {
    const scanned = await scanDocument(
      plan(
        [
          {
            address: 'google_storage_bucket_access_control.public_rule',
            after: { bucket: 'kansa-shared', entity: 'allUsers', role: 'READER', timeouts: null },
            afterUnknown: { domain: true, email: true, id: true },
            expressions: {
              bucket: constant('kansa-shared'),
              entity: constant('allUsers'),
              role: constant('READER'),
            },
          },
          acl('public_read', 'publicRead', 'kansa-other'),
          acl('signed_in', 'authenticatedRead', 'kansa-third'),
          acl('private', 'private', 'kansa-fourth'),
        ],
        { formatVersion: '0.1', terraformVersion: '0.14.4', providers },
      ),
    );
    expect(findingOf(scanned, CHECK, 'google_storage_bucket_access_control.public_rule').status).toBe('FAIL');
    expect(findingOf(scanned, CHECK, 'google_storage_bucket_acl.public_read').status).toBe('FAIL');
    expect(findingOf(scanned, CHECK, 'google_storage_bucket_acl.signed_in').status).toBe('FAIL');
    expect(findingOf(scanned, CHECK, 'google_storage_bucket_acl.private').status).toBe('UNKNOWN');
  });

  it('reads a predefined ACL on a bucket of the plan though its role_entity is known only after apply', async () => {
    const scanned = await scanDocument(
      plan(
        [
          {
            address: 'google_storage_bucket.site',
            after: {
              name: 'kansa-site',
              location: 'ASIA-NORTHEAST1',
              uniform_bucket_level_access: false,
              force_destroy: false,
            },
            afterUnknown: { id: true, self_link: true, url: true, public_access_prevention: true },
            expressions: { name: constant('kansa-site'), uniform_bucket_level_access: constant(false) },
          },
          {
            ...acl('site', 'publicRead', 'kansa-site'),
            expressions: {
              bucket: ref('google_storage_bucket.site.name', 'google_storage_bucket.site'),
              predefined_acl: constant('publicRead'),
            },
          },
        ],
        { providers },
      ),
    );
    expect(findingOf(scanned, CHECK, 'google_storage_bucket.site').status).toBe('FAIL');
  });
});

describe('google_compute_region_disk', () => {
  // Modelled on the google provider's compute_region_disk docs: a regional disk names its KMS key
  // `disk_encryption_key.kms_key_name` (a zonal disk `kms_key_self_link`), known only after apply
  // when it is `google_kms_crypto_key.x.id`; `disk_encryption_key` is `[]` when left out.
  const disk = (name: string, after: Json, afterUnknown: Json = {}, expressions: Json = {}): Change => ({
    address: `google_compute_region_disk.${name}`,
    after: {
      name,
      region: 'asia-northeast1',
      replica_zones: ['asia-northeast1-a', 'asia-northeast1-b'],
      size: 50,
      type: 'pd-ssd',
      ...after,
    },
    afterUnknown: { id: true, self_link: true, ...afterUnknown },
    expressions: { name: constant(name), ...expressions },
  });
  const key: Change = {
    address: 'google_kms_crypto_key.disks',
    after: { name: 'disks', purpose: 'ENCRYPT_DECRYPT', rotation_period: '7776000s' },
    afterUnknown: { id: true, key_ring: true },
  };

  it('reads its customer-managed key, or Google’s own key when it names none', async () => {
    const scanned = await scanDocument(
      plan(
        [
          key,
          disk('plain', { disk_encryption_key: [] }),
          disk(
            'cmek',
            { disk_encryption_key: [{ raw_key: null, rsa_encrypted_key: null }] },
            { disk_encryption_key: [{ kms_key_name: true, sha256: true }] },
            {
              disk_encryption_key: [
                { kms_key_name: ref('google_kms_crypto_key.disks.id', 'google_kms_crypto_key.disks') },
              ],
            },
          ),
        ],
        { providers },
      ),
    );
    expect(resourceOf(scanned, 'google_compute_region_disk.cmek').facts).toMatchObject({
      customerManagedKey: { value: true, source: 'explicit' },
    });
    expect(resourceOf(scanned, 'google_compute_region_disk.plain').facts).toMatchObject({
      customerManagedKey: { value: false, source: 'default' },
    });
    expect(
      findingOf(scanned, 'common.encryption.disk-at-rest', 'google_compute_region_disk.cmek').messageId,
    ).toBe('customerKey');
    expect(
      findingOf(scanned, 'common.encryption.disk-at-rest', 'google_compute_region_disk.plain').messageId,
    ).toBe('gcpPlatformKey');
  });
});

describe('Google data stores judged by where their data is and who holds the key', () => {
  // Modelled on the google provider's docs: `pubsub_topic` (`kms_key_name`,
  // `message_storage_policy.allowed_persistence_regions`), `redis_instance` (`customer_managed_key`),
  // `artifact_registry_repository` and `filestore_instance` (`kms_key_name`), `alloydb_cluster`
  // (`encryption_config.kms_key_name`); a key of the plan named as `google_kms_crypto_key.x.id`.
  const key: Change = {
    address: 'google_kms_crypto_key.data',
    after: { name: 'data', purpose: 'ENCRYPT_DECRYPT', rotation_period: '7776000s' },
    afterUnknown: { id: true, key_ring: true },
  };
  const topic = (name: string, regions: string[] | null, cmk = false): Change => ({
    address: `google_pubsub_topic.${name}`,
    after: {
      name,
      ...(cmk ? {} : { kms_key_name: null }),
      message_storage_policy: regions ? [{ allowed_persistence_regions: regions }] : [],
    },
    afterUnknown: { id: true, ...(cmk && { kms_key_name: true }) },
    expressions: {
      name: constant(name),
      ...(cmk && { kms_key_name: ref('google_kms_crypto_key.data.id', 'google_kms_crypto_key.data') }),
    },
  });
  const document = plan(
    [
      key,
      topic('anywhere', null),
      topic('tokyo', ['asia-northeast1'], true),
      topic('also_us', ['asia-northeast1', 'us-central1']),
      {
        address: 'google_redis_instance.cache',
        after: { name: 'cache', region: 'asia-northeast1', memory_size_gb: 1, customer_managed_key: null },
        afterUnknown: { id: true, host: true },
      },
      {
        address: 'google_artifact_registry_repository.images',
        after: { repository_id: 'images', location: 'us-central1', format: 'DOCKER', kms_key_name: null },
        afterUnknown: { id: true, name: true },
      },
      {
        address: 'google_filestore_instance.share',
        after: { name: 'share', location: 'asia-northeast1-b', tier: 'BASIC_HDD' },
        afterUnknown: { id: true, kms_key_name: true },
        expressions: { kms_key_name: ref('google_kms_crypto_key.data.id', 'google_kms_crypto_key.data') },
      },
      {
        address: 'google_alloydb_cluster.db',
        after: { cluster_id: 'db', location: 'asia-northeast1', encryption_config: [] },
        afterUnknown: { id: true, name: true },
      },
    ],
    { providers },
  );

  it('places a Pub/Sub topic where its storage policy keeps messages', async () => {
    const scanned = await scanDocument(document);
    const status = (name: string) =>
      findingOf(scanned, 'common.location.data-in-japan', `google_pubsub_topic.${name}`).status;
    expect(status('anywhere')).toBe('UNKNOWN');
    expect(status('tokyo')).toBe('PASS');
    expect(status('also_us')).toBe('FAIL');
  });

  it('reads the Cloud KMS key of each store', async () => {
    const scanned = await scanDocument(document);
    const status = (address: string) =>
      findingOf(scanned, 'common.classification.cmk-at-rest', address).status;
    for (const address of ['google_pubsub_topic.tokyo', 'google_filestore_instance.share'])
      expect([address, status(address)]).toEqual([address, 'PASS']);
    for (const address of [
      'google_pubsub_topic.anywhere',
      'google_redis_instance.cache',
      'google_artifact_registry_repository.images',
      'google_alloydb_cluster.db',
    ])
      expect([address, status(address)]).toEqual([address, 'FAIL']);
    expect(
      findingOf(scanned, 'common.location.data-in-japan', 'google_artifact_registry_repository.images')
        .status,
    ).toBe('FAIL');
  });
});

describe('a configurable dual-region bucket', () => {
  // Modelled on the google provider's storage_bucket docs (`location = "ASIA"` with
  // `custom_placement_config { data_locations }`, google 4.x on; `[]` when left out) and Cloud
  // Storage's configurable dual-regions: the data is in the two regions listed, not the multi-region.
  const bucket = (name: string, dataLocations: string[] | null): Change => ({
    address: `google_storage_bucket.${name}`,
    after: {
      name,
      location: 'ASIA',
      force_destroy: false,
      uniform_bucket_level_access: true,
      public_access_prevention: 'enforced',
      custom_placement_config: dataLocations ? [{ data_locations: dataLocations }] : [],
    },
    afterUnknown: { id: true, self_link: true, url: true },
    expressions: { name: constant(name), location: constant('ASIA') },
  });

  it('is located by the regions that hold its data', async () => {
    const scanned = await scanDocument(
      plan(
        [
          bucket('japan', ['ASIA-NORTHEAST1', 'ASIA-NORTHEAST2']),
          bucket('taiwan', ['ASIA-NORTHEAST1', 'ASIA-EAST1']),
          bucket('multi_region', null),
        ],
        { providers },
      ),
    );
    const status = (name: string) =>
      findingOf(scanned, 'common.location.data-in-japan', `google_storage_bucket.${name}`).status;
    expect(status('japan')).toBe('PASS');
    expect(status('taiwan')).toBe('FAIL');
    expect(status('multi_region')).toBe('FAIL');
    expect(resourceOf(scanned, 'google_storage_bucket.taiwan').region).toBe('asia-east1');
  });
});

describe('Google types read for where they are', () => {
  // Modelled on the google provider's docs: `spanner_instance.config` names an instance
  // configuration (`regional-asia-northeast1`, the multi-regions `asia1`, `nam3`),
  // `firestore_database.location_id` a region or multi-region (`nam5`), `memcache_instance.region`.
  it('places them as the exports do', async () => {
    const scanned = await scanDocument(
      plan(
        [
          {
            address: 'google_spanner_instance.tokyo',
            after: { name: 'tokyo', config: 'regional-asia-northeast1', display_name: 'tokyo', num_nodes: 1 },
            afterUnknown: { id: true, state: true },
          },
          {
            address: 'google_spanner_instance.japan',
            after: { name: 'japan', config: 'asia1', display_name: 'japan', num_nodes: 1 },
            afterUnknown: { id: true, state: true },
          },
          {
            address: 'google_firestore_database.app',
            after: { name: '(default)', location_id: 'nam5', type: 'FIRESTORE_NATIVE' },
            afterUnknown: { id: true, uid: true },
          },
          {
            address: 'google_memcache_instance.sessions',
            after: { name: 'sessions', region: 'asia-northeast1', node_count: 1 },
            afterUnknown: { id: true, discovery_endpoint: true },
          },
        ],
        { providers },
      ),
    );
    const status = (address: string) => findingOf(scanned, 'common.location.data-in-japan', address).status;
    expect(status('google_spanner_instance.tokyo')).toBe('PASS');
    expect(status('google_spanner_instance.japan')).toBe('PASS');
    expect(status('google_firestore_database.app')).toBe('FAIL');
    expect(status('google_memcache_instance.sessions')).toBe('PASS');
    expect(resourceOf(scanned, 'google_spanner_instance.tokyo').region).toBe('asia-northeast1');
  });
});
