import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * google provider plans and states as each major version writes them (tests/iac/SOURCES.md,
 * "google provider 3.x to 6.x"): a setting read wherever the version puts it.
 */

const providers = { google: { project: constant('t14g-versions') } };

describe('a GKE cluster update that changes logging_config.enable_components', () => {
  // google 4.x on: `logging_service` and `logging_config` are both Optional+Computed. An update
  // that sets only `logging_config` leaves `logging_service` at its prior value in the plan (the
  // provider does not recompute it before apply): the components the configuration sets decide.
  const cluster = (name: string, service: string, before: string[], after: string[]): Change => {
    const values = (components: string[]): Json => ({
      name,
      location: 'asia-northeast1',
      enable_legacy_abac: false,
      logging_service: service,
      logging_config: [{ enable_components: components }],
      master_authorized_networks_config: [],
      private_cluster_config: [],
    });
    return {
      address: `google_container_cluster.${name}`,
      actions: ['update'],
      before: values(before),
      after: values(after),
      expressions: {
        name: constant(name),
        location: constant('asia-northeast1'),
        logging_config: [{ enable_components: constant(after) }],
      },
    };
  };
  const document = plan(
    [
      cluster('silenced', 'logging.googleapis.com/kubernetes', ['SYSTEM_COMPONENTS', 'WORKLOADS'], []),
      cluster('revived', 'none', [], ['SYSTEM_COMPONENTS', 'WORKLOADS']),
    ],
    { formatVersion: '1.1', terraformVersion: '1.2.9', providers },
  );

  it('fails a cluster whose new configuration turns every component off', async () => {
    const scanned = await scanDocument(document);
    const finding = findingOf(scanned, 'gcp.gke.cluster-logging', 'google_container_cluster.silenced');
    expect(finding.status).toBe('FAIL');
    expect(JSON.stringify(finding.evidence)).toContain('logging_config.0.enable_components');
  });

  it('leaves logging unknown when the components the configuration sets are known only after apply', async () => {
    const changed = cluster('pending', 'logging.googleapis.com/kubernetes', ['SYSTEM_COMPONENTS'], []);
    const after = { ...(changed.after as Json), logging_config: [{}] };
    const scanned = await scanDocument(
      plan(
        [
          {
            ...changed,
            after,
            afterUnknown: { logging_config: [{ enable_components: true }] },
            expressions: {
              ...changed.expressions,
              logging_config: [{ enable_components: { references: ['var.components'] } }],
            },
          },
        ],
        { formatVersion: '1.1', terraformVersion: '1.2.9', providers },
      ),
    );
    expect(findingOf(scanned, 'gcp.gke.cluster-logging', 'google_container_cluster.pending').status).toBe(
      'UNKNOWN',
    );
  });

  it('passes a cluster whose new configuration turns components back on', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'gcp.gke.cluster-logging', 'google_container_cluster.revived').status).toBe(
      'PASS',
    );
  });
});

describe('a crypto key whose state writes rotation_period as an empty string', () => {
  // The google provider (SDKv2) stores an unset string attribute as "" in the state and in a
  // plan's `before` and `after` of an existing key: no rotation period, not an unreadable one.
  const key = (name: string, rotation: string): Change => {
    const values: Json = {
      id: `projects/t14g-versions/locations/asia-northeast1/keyRings/ring/cryptoKeys/${name}`,
      name,
      key_ring: 'projects/t14g-versions/locations/asia-northeast1/keyRings/ring',
      purpose: 'ENCRYPT_DECRYPT',
      rotation_period: rotation,
      import_only: false,
      version_template: [{ algorithm: 'GOOGLE_SYMMETRIC_ENCRYPTION', protection_level: 'SOFTWARE' }],
    };
    return {
      address: `google_kms_crypto_key.${name}`,
      actions: ['no-op'],
      before: values,
      after: values,
      expressions: { name: constant(name) },
    };
  };
  const document = plan([key('unrotated', ''), key('rotated', '7776000s')], { providers });

  it('fails the key for having no automatic rotation', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'gcp.kms.key-rotation', 'google_kms_crypto_key.unrotated').status).toBe('FAIL');
    expect(findingOf(scanned, 'gcp.kms.key-rotation', 'google_kms_crypto_key.rotated').status).toBe('PASS');
  });
});

describe('a Cloud SQL instance of google 3.x GA, whose schema has no encryption_key_name', () => {
  // google 3.x has `encryption_key_name` in google-beta only (GA from 4.0): GA's plan shows no such
  // attribute at all, where 4.x on write null for a new instance and "" for one that exists.
  const instance = (name: string, actions: string[]): Change => {
    const values: Json = {
      name,
      database_version: 'POSTGRES_13',
      region: 'asia-northeast1',
      settings: [
        { tier: 'db-custom-2-7680', ip_configuration: [{ ipv4_enabled: false, require_ssl: true }] },
      ],
    };
    return {
      address: `google_sql_database_instance.${name}`,
      actions,
      before: actions[0] === 'create' ? null : values,
      after: values,
      expressions: { name: constant(name) },
    };
  };
  const document = plan([instance('created', ['create']), instance('kept', ['no-op'])], {
    formatVersion: '0.1',
    terraformVersion: '0.14.11',
    providers,
  });

  it('reads a new instance as encrypted with a Google-managed key, one that exists as not recorded', async () => {
    const scanned = await scanDocument(document);
    expect(resourceOf(scanned, 'google_sql_database_instance.created').facts).toMatchObject({
      customerManagedKey: { value: false, source: 'default' },
    });
    expect(resourceOf(scanned, 'google_sql_database_instance.kept').facts).toMatchObject({
      customerManagedKey: { source: 'unknown' },
    });
  });
});

describe('a google 5.x Cloud SQL instance whose ssl_mode is a module output known only after apply', () => {
  // 5.x has both `require_ssl` and `ssl_mode`; where the configuration sets `ssl_mode`, it decides
  // (ENCRYPTED_ONLY goes with require_ssl false), so a `require_ssl` the plan shows cannot.
  const instance = (name: string, requireSsl: boolean): Change => ({
    address: `google_sql_database_instance.${name}`,
    after: {
      name,
      database_version: 'POSTGRES_15',
      region: 'asia-northeast1',
      encryption_key_name: null,
      settings: [
        { tier: 'db-custom-2-7680', ip_configuration: [{ ipv4_enabled: false, require_ssl: requireSsl }] },
      ],
    },
    afterUnknown: { settings: [{ ip_configuration: [{ ssl_mode: true }] }] },
    expressions: {
      name: constant(name),
      settings: [
        {
          ip_configuration: [
            {
              ipv4_enabled: constant(false),
              require_ssl: constant(requireSsl),
              ssl_mode: { references: ['module.policy.ssl_mode', 'module.policy'] },
            },
          ],
        },
      ],
    },
  });

  it('leaves the SSL requirement unknown whatever require_ssl says', async () => {
    const scanned = await scanDocument(
      plan([instance('lenient', false), instance('strict', true)], {
        formatVersion: '1.2',
        terraformVersion: '1.6.6',
        providers,
      }),
    );
    for (const name of ['lenient', 'strict'])
      expect(
        findingOf(scanned, 'gcp.sql.instance-ssl-required', `google_sql_database_instance.${name}`).status,
      ).toBe('UNKNOWN');
  });
});

describe('a google-beta GKE cluster with cluster_telemetry and no logging setting', () => {
  // google-beta 3.x on: `cluster_telemetry { type }` (ENABLED, DISABLED, SYSTEM_ONLY: "only system
  // components are monitored and logged"), Optional+Computed like `logging_service`, which a new
  // cluster then has known only after apply. DISABLED turns the integration off, and the API
  // reference does not say what logging is left.
  const cluster = (name: string, type: string): Change => ({
    address: `google_container_cluster.${name}`,
    provider: 'google-beta',
    after: {
      name,
      location: 'asia-northeast1',
      enable_legacy_abac: false,
      cluster_telemetry: [{ type }],
      master_authorized_networks_config: [],
      private_cluster_config: [],
    },
    afterUnknown: { id: true, logging_service: true, monitoring_service: true, logging_config: true },
    expressions: { name: constant(name), cluster_telemetry: [{ type: constant(type) }] },
  });
  const document = plan([cluster('telemetry_off', 'DISABLED'), cluster('system_only', 'SYSTEM_ONLY')], {
    formatVersion: '1.2',
    terraformVersion: '1.6.6',
    providers: { 'google-beta': { project: constant('t14g-versions') } },
  });

  it('leaves logging unknown when the telemetry integration is DISABLED, and on for SYSTEM_ONLY', async () => {
    const scanned = await scanDocument(document);
    expect(
      findingOf(scanned, 'gcp.gke.cluster-logging', 'google_container_cluster.telemetry_off').status,
    ).toBe('UNKNOWN');
    expect(findingOf(scanned, 'gcp.gke.cluster-logging', 'google_container_cluster.system_only').status).toBe(
      'PASS',
    );
  });
});

describe('a regional disk of google 3.x GA, whose disk_encryption_key has no kms_key_name', () => {
  // google 3.x GA's `compute_region_disk.disk_encryption_key` holds `raw_key` and `sha256` only
  // (`kms_key_name` came to GA in 4.0): the provider writes the block when the API returns a key,
  // so a disk that exists with the block and no customer-supplied key has a key the values omit.
  const disk = (name: string, key: unknown[]): Change => {
    const values: Json = {
      name,
      region: 'asia-northeast1',
      replica_zones: ['asia-northeast1-a', 'asia-northeast1-b'],
      size: 100,
      disk_encryption_key: key,
    };
    return {
      address: `google_compute_region_disk.${name}`,
      actions: ['no-op'],
      before: values,
      after: values,
      expressions: { name: constant(name) },
    };
  };
  const document = plan([disk('kms_elsewhere', [{ raw_key: null, sha256: null }]), disk('plain', [])], {
    formatVersion: '0.1',
    terraformVersion: '0.14.11',
    providers,
  });

  it('reads the key of a disk with the block as not recorded, of one without as Google-managed', async () => {
    const scanned = await scanDocument(document);
    expect(resourceOf(scanned, 'google_compute_region_disk.kms_elsewhere').facts).toMatchObject({
      customerManagedKey: { source: 'unknown' },
    });
    expect(resourceOf(scanned, 'google_compute_region_disk.plain').facts).toMatchObject({
      customerManagedKey: { value: false, source: 'default' },
    });
  });
});
