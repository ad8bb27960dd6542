import { describe, expect, it } from 'vitest';
import { cloudQueryTime, restName } from '../../../src/sources/cloudquery-row.ts';
import { restValue } from '../../../src/sources/gcp/cloudquery-rows.ts';
import { fact, readRows as read } from './rows.ts';

// Rows of the GCP plugin's tables (cloudquery/cloudquery plugins/source/gcp/docs/tables/<table>.md)
// as the file destination writes them with `format: json`: the Go client libraries' structs
// marshalled by encoding/json (see tests/corpus/SOURCES.md).
const PROJECT = 'city-data';
const cq = (columns: Record<string, unknown>): Record<string, unknown> => ({
  _cq_id: '5b7e0001-6c1d-4f2a-9e3b-8a7c6d5e4f01',
  _cq_parent_id: null,
  _cq_source_name: 'gcp',
  _cq_sync_time: '2024-05-20 03:11:42.518073',
  project_id: PROJECT,
  ...columns,
});

describe('CloudQuery GCP plugin rows', () => {
  it('names protobuf and snake_case fields as the REST API does, leaving the user’s own keys alone', () => {
    expect(restName('disk_encryption_key')).toBe('diskEncryptionKey');
    expect(restName('I_p_protocol')).toBe('IPProtocol');
    expect(restName('ipv4Enabled')).toBe('ipv4Enabled');
    expect(
      restValue({ cidr_blocks: [{ cidr_block: '10.0.0.0/8' }], resource_labels: { cost_center: 'a' } }),
    ).toEqual({ cidrBlocks: [{ cidrBlock: '10.0.0.0/8' }], resourceLabels: { cost_center: 'a' } });
  });

  it('reads a KMS key’s rotation period in nanoseconds, 0 being none, and its numbered protection level', () => {
    const key = (period: number, level: number) =>
      cq({
        name: `projects/${PROJECT}/locations/asia-northeast1/keyRings/ring/cryptoKeys/k${period}`,
        purpose: 'ENCRYPT_DECRYPT',
        rotation_period: period,
        next_rotation_time: null,
        primary: { name: 'v1', state: 1, protection_level: level },
        version_template: { protection_level: level, algorithm: 1 },
      });
    const { resources, skipped } = read('gcp_kms_crypto_keys.json', [key(7776000000000000, 2), key(0, 1)]);
    expect(skipped).toEqual([]);
    expect(resources[0]?.id).toBe(
      `//cloudkms.googleapis.com/projects/${PROJECT}/locations/asia-northeast1/keyRings/ring/cryptoKeys/k7776000000000000`,
    );
    expect(fact(resources[0], 'rotationPeriodSeconds')).toMatchObject({ source: 'explicit', value: 7776000 });
    expect(fact(resources[0], 'hsmBackedKey')).toMatchObject({ value: true });
    expect(fact(resources[1], 'rotationPeriodSeconds')).toMatchObject({ source: 'default', value: null });
    expect(fact(resources[1], 'hsmBackedKey')).toMatchObject({ value: false });
  });

  it('reads the 2022 table’s REST rotation period text and Cloud Run’s numbered ingress', () => {
    const { resources } = read('gcp_kms_crypto_keys.json', [
      cq({
        name: `projects/${PROJECT}/locations/asia-northeast1/keyRings/ring/cryptoKeys/v1`,
        purpose: 'ENCRYPT_DECRYPT',
        rotation_period: '7776000s',
      }),
    ]);
    expect(fact(resources[0], 'rotationPeriodSeconds')).toMatchObject({ source: 'explicit', value: 7776000 });
    const service = (ingress: unknown) =>
      cq({ name: `projects/${PROJECT}/locations/asia-northeast1/services/s${String(ingress)}`, ingress });
    const services = read('gcp_run_services.json', [
      service(2),
      service(0),
      service('INGRESS_TRAFFIC_ALL'),
    ]).resources;
    expect(services.map((resource) => fact(resource, 'ingress')?.value)).toEqual(['internal', 'all', 'all']);
    expect(fact(services[1], 'ingress')?.source).toBe('default');
  });

  it('reads gcp_run_services’ Invoker IAM check where the row has the column, else leaves it unknown', () => {
    const service = (name: string, columns: Record<string, unknown>) =>
      cq({ name: `projects/${PROJECT}/locations/asia-northeast1/services/${name}`, ingress: 1, ...columns });
    const [before2024, checkOff, checkOn] = read('gcp_run_services.json', [
      service('before-2024', {}),
      service('check-off', { invoker_iam_disabled: true }),
      service('check-on', { invoker_iam_disabled: false }),
    ]).resources;
    // The plugin's tables up to April 2024 have no such column: no record of the setting.
    expect(fact(before2024, 'invokerIamDisabled')).toMatchObject({ source: 'unknown' });
    expect(fact(checkOff, 'invokerIamDisabled')).toMatchObject({ source: 'explicit', value: true });
    expect(fact(checkOn, 'invokerIamDisabled')).toMatchObject({ source: 'explicit', value: false });
  });

  it('reads storage.BucketAttrs’ Go field names and numbered public access prevention', () => {
    const bucket = (name: string, columns: Record<string, unknown>) =>
      cq({
        name,
        project_number: 731204958612,
        location: 'ASIA-NORTHEAST1',
        uniform_bucket_level_access: { Enabled: false, LockedTime: '0001-01-01T00:00:00Z' },
        public_access_prevention: 3,
        encryption: null,
        acl: null,
        ...columns,
      });
    const owners = { Entity: 'project-owners-731204958612', EntityID: '', Role: 'OWNER' };
    const { resources, skipped } = read('gcp_storage_buckets/0a1b.json', [
      bucket('acl-public', { acl: [owners, { Entity: 'allUsers', EntityID: '', Role: 'READER' }] }),
      bucket('acl-private', {
        acl: [owners],
        public_access_prevention: 2,
        encryption: { DefaultKMSKeyName: `projects/${PROJECT}/locations/asia/keyRings/r/cryptoKeys/k` },
      }),
      bucket('no-acl', {
        uniform_bucket_level_access: { Enabled: true, LockedTime: '0001-01-01T00:00:00Z' },
      }),
    ]);
    expect(skipped).toEqual([]);
    expect(resources.map((resource) => [resource.id, resource.account])).toEqual([
      ['//storage.googleapis.com/acl-public', '731204958612'],
      ['//storage.googleapis.com/acl-private', '731204958612'],
      ['//storage.googleapis.com/no-acl', '731204958612'],
    ]);
    expect(fact(resources[0], 'publicAcl')).toMatchObject({
      value: [{ member: 'allUsers', role: 'READER' }],
    });
    expect(fact(resources[0], 'publicAccessPrevention')).toMatchObject({
      source: 'explicit',
      value: 'inherited',
    });
    expect(fact(resources[1], 'publicAcl')).toMatchObject({ source: 'explicit', value: [] });
    expect(fact(resources[1], 'publicAccessPrevention')).toMatchObject({ value: 'enforced' });
    expect(fact(resources[1], 'customerManagedKey')).toMatchObject({ value: true });
    expect(fact(resources[2], 'uniformBucketLevelAccess')).toMatchObject({ source: 'explicit', value: true });
    expect(fact(resources[2], 'publicAcl')?.source).toBe('unknown');
    expect(fact(resources[2], 'publicBindings')).toBeUndefined();
  });

  it('reads a bucket’s policy row as that bucket’s IAM policy', () => {
    const { resources } = read('gcp_storage_bucket_policies.json', [
      cq({ bucket_name: 'open', bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }] }),
    ]);
    expect(resources[0]).toMatchObject({ id: '//storage.googleapis.com/open', account: PROJECT });
    expect(fact(resources[0], 'publicBindings')).toMatchObject({
      value: [{ role: 'roles/storage.objectViewer', member: 'allUsers' }],
    });
  });

  it('reads the false flags the Cloud SQL client leaves out, and empty text columns, as the API’s answer', () => {
    const instance = (name: string, settings: unknown) =>
      cq({
        name,
        project: PROJECT,
        region: 'asia-northeast1',
        master_instance_name: '',
        disk_encryption_configuration: null,
        settings,
      });
    const { resources } = read('gcp_sql_instances.json', [
      instance('private', {
        ipConfiguration: { privateNetwork: 'projects/p/global/networks/v' },
        backupConfiguration: { startTime: '18:00' },
      }),
      instance('no-settings', null),
    ]);
    expect(resources[0]?.id).toBe(`//cloudsql.googleapis.com/projects/${PROJECT}/instances/private`);
    expect(fact(resources[0], 'publicIp')).toMatchObject({ source: 'explicit', value: false });
    expect(fact(resources[0], 'backupEnabled')).toMatchObject({ source: 'explicit', value: false });
    expect(fact(resources[0], 'replicaOf')).toBeUndefined();
    expect(fact(resources[1], 'publicIp')?.source).toBe('unknown');
    expect(fact(resources[1], 'backupEnabled')?.source).toBe('unknown');
  });

  it('reads a GKE cluster’s proto structures, zonal or regional', () => {
    const { resources } = read('gcp_container_clusters.json', [
      cq({
        name: 'web',
        location: 'asia-northeast1-a',
        self_link: `https://container.googleapis.com/v1/projects/${PROJECT}/zones/asia-northeast1-a/clusters/web`,
        legacy_abac: { enabled: true },
        private_cluster_config: { enable_private_nodes: true },
        master_authorized_networks_config: { enabled: true, cidr_blocks: [{ cidr_block: '0.0.0.0/0' }] },
        logging_service: 'none',
      }),
    ]);
    expect(resources[0]?.id).toBe(
      `//container.googleapis.com/projects/${PROJECT}/zones/asia-northeast1-a/clusters/web`,
    );
    expect(fact(resources[0], 'legacyAbac')).toMatchObject({ source: 'explicit', value: true });
    expect(fact(resources[0], 'authorizedNetworks')).toMatchObject({ value: ['0.0.0.0/0'] });
    expect(fact(resources[0], 'loggingService')).toMatchObject({ value: 'none' });
  });

  it('reads a project policy whose audit_configs is null as none, and a key’s timestamps as RFC 3339', () => {
    const { resources } = read('gcp_resourcemanager_project_policies.json', [
      cq({ bindings: [{ role: 'roles/owner', members: ['user:a@example.jp'] }], audit_configs: null }),
    ]);
    expect(resources[0]?.id).toBe(`//cloudresourcemanager.googleapis.com/projects/${PROJECT}`);
    expect(fact(resources[0], 'auditConfigs')).toMatchObject({ source: 'explicit', value: [] });
    const keys = read('gcp_iam_service_account_keys.json', [
      cq({
        name: `projects/${PROJECT}/serviceAccounts/sa@${PROJECT}.iam.gserviceaccount.com/keys/abc`,
        key_type: 'USER_MANAGED',
        valid_after_time: '2022-02-10 05:06:07',
        disabled: false,
      }),
    ]).resources;
    expect(fact(keys[0], 'validAfterTime')).toMatchObject({ value: '2022-02-10T05:06:07Z' });
    expect(fact(keys[0], 'disabled')).toMatchObject({ source: 'explicit', value: false });
  });

  it('reads the zoneless UTC timestamps of the JSON output and of a PostgreSQL dump alike', () => {
    expect(cloudQueryTime('2024-03-11 09:14:05.123456')).toBe('2024-03-11T09:14:05.123456Z');
    expect(cloudQueryTime('2024-03-11T09:14:05.123456')).toBe('2024-03-11T09:14:05.123456Z');
    expect(cloudQueryTime('2024-03-11T09:14:05Z')).toBe('2024-03-11T09:14:05Z');
    expect(cloudQueryTime('2024-03-11T09:14:05+09:00')).toBe('2024-03-11T09:14:05+09:00');
  });

  it('skips a row whose table was synced without a column the checks read', () => {
    expect(read('gcp_compute_disks.json', [cq({ self_link: 'x' })]).skipped).toEqual([
      expect.stringMatching(/gcp_compute_disks row without the columns disk_encryption_key/),
    ]);
  });

  it('leaves the labels of a row without its labels column unknown; a null column is none', () => {
    const disk = (name: string, labels?: unknown) =>
      cq({
        self_link: `https://www.googleapis.com/compute/v1/projects/${PROJECT}/zones/asia-northeast1-b/disks/${name}`,
        name,
        disk_encryption_key: null,
        ...(labels !== undefined && { labels }),
      });
    const { resources } = read('gcp_compute_disks.json', [
      disk('selected', null),
      disk('labelled', { confidentiality: '3' }),
      disk('unselected'),
    ]);
    expect(resources.map((r) => [r.name, r.tags, r.unknownTags === undefined])).toEqual([
      ['selected', {}, true],
      ['labelled', { confidentiality: '3' }, true],
      ['unselected', {}, false],
    ]);
  });
});
