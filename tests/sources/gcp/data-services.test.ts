import { describe, expect, it } from 'vitest';
import { appliesTo } from '../../../src/checks/check.ts';
import closedNetwork from '../../../src/checks/common/classification/closed-network.ts';
import cmkAtRest from '../../../src/checks/common/classification/cmk-at-rest.ts';
import dataInJapan from '../../../src/checks/common/location/data-in-japan.ts';
import { gcpChecks } from '../../../src/checks/gcp/index.ts';
import type { CommonFacts } from '../../../src/model/facts.ts';
import { UNKNOWN_REGION } from '../../../src/model/resource.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import { resourceRecord, sqlInstanceRecord } from './records.ts';

// `gcloud asset export --content-type=resource` lines of the data-holding types added; each
// `data` is the service's REST resource as its reference documents it (Secret Manager
// `projects.secrets`, Cloud SQL Admin `backupRuns`, Composer `environments`, Notebooks
// `instances`, Vertex AI `datasets`, Data Fusion `instances`, Dataflow `jobs`); see
// SOURCES.md.

const P = 'projects/osaka-juki-prod';
const KEY = `${P}/locations/asia-northeast1/keyRings/ring/cryptoKeys/data`;
const CLASS_1 = { confidentiality: '1' };

const secretAutomatic = resourceRecord(
  `//secretmanager.googleapis.com/${P}/secrets/db-password`,
  'secretmanager.googleapis.com/Secret',
  {
    name: `${P}/secrets/db-password`,
    replication: { automatic: {} },
    labels: CLASS_1,
    createTime: '2025-06-01T00:00:00.000000Z',
    etag: '"16a1b2c3d4e5f6"',
  },
  'global',
);
// The v1beta spelling of automatic replication, with one key for all copies; the record names no
// location (a REST answer, not an asset).
const secretAuto = resourceRecord(
  `//secretmanager.googleapis.com/${P}/secrets/smtp-token`,
  'secretmanager.googleapis.com/Secret',
  {
    name: `${P}/secrets/smtp-token`,
    replication: { auto: { customerManagedEncryption: { kmsKeyName: KEY } } },
    labels: CLASS_1,
  },
);
const secretReplicated = resourceRecord(
  `//secretmanager.googleapis.com/${P}/secrets/api-key`,
  'secretmanager.googleapis.com/Secret',
  {
    name: `${P}/secrets/api-key`,
    replication: {
      userManaged: {
        replicas: [
          { location: 'asia-northeast1', customerManagedEncryption: { kmsKeyName: KEY } },
          { location: 'us-east1' },
        ],
      },
    },
    labels: CLASS_1,
  },
);
const secretTokyo = resourceRecord(
  `//secretmanager.googleapis.com/${P}/secrets/signing-key`,
  'secretmanager.googleapis.com/Secret',
  {
    name: `${P}/secrets/signing-key`,
    replication: {
      userManaged: {
        replicas: [
          { location: 'asia-northeast1', customerManagedEncryption: { kmsKeyName: KEY } },
          { location: 'asia-northeast2', customerManagedEncryption: { kmsKeyName: KEY } },
        ],
      },
    },
  },
);
const instance = sqlInstanceRecord('juki-db', {}, {});
const backupRun = resourceRecord(
  `//sqladmin.googleapis.com/${P}/instances/juki-db/backupRuns/1748736000000`,
  'sqladmin.googleapis.com/BackupRun',
  {
    kind: 'sql#backupRun',
    id: '1748736000000',
    status: 'SUCCESSFUL',
    type: 'AUTOMATED',
    backupKind: 'SNAPSHOT',
    instance: 'juki-db',
    location: 'us',
    selfLink: `https://sqladmin.googleapis.com/sql/v1beta4/${P}/instances/juki-db/backupRuns/1748736000000`,
    windowStartTime: '2025-06-01T00:00:00.000Z',
  },
  'asia-northeast1',
);
const composer = resourceRecord(
  `//composer.googleapis.com/${P}/locations/us-central1/environments/etl`,
  'composer.googleapis.com/Environment',
  {
    name: `${P}/locations/us-central1/environments/etl`,
    state: 'RUNNING',
    config: { encryptionConfig: { kmsKeyName: KEY }, environmentSize: 'ENVIRONMENT_SIZE_SMALL' },
  },
  'us-central1',
);
const notebook = resourceRecord(
  `//notebooks.googleapis.com/${P}/locations/us-west1-b/instances/analysis`,
  'notebooks.googleapis.com/Instance',
  {
    name: `${P}/locations/us-west1-b/instances/analysis`,
    machineType:
      'https://www.googleapis.com/compute/v1/projects/osaka-juki-prod/zones/us-west1-b/machineTypes/n1-standard-4',
    state: 'ACTIVE',
    diskEncryption: 'GMEK',
    noPublicIp: false,
  },
  'us-west1-b',
);
const workbench = resourceRecord(
  `//notebooks.googleapis.com/${P}/locations/asia-northeast1-a/instances/workbench`,
  'notebooks.googleapis.com/Instance',
  {
    name: `${P}/locations/asia-northeast1-a/instances/workbench`,
    state: 'ACTIVE',
    gceSetup: {
      machineType: 'e2-standard-4',
      bootDisk: { diskSizeGb: '150', diskType: 'PD_BALANCED', diskEncryption: 'CMEK', kmsKey: KEY },
      disablePublicIp: true,
    },
  },
  'asia-northeast1-a',
);
const dataset = resourceRecord(
  `//aiplatform.googleapis.com/${P}/locations/asia-northeast1/datasets/5678901234567890123`,
  'aiplatform.googleapis.com/Dataset',
  {
    name: `projects/111111111111/locations/asia-northeast1/datasets/5678901234567890123`,
    displayName: 'resident-forms',
    encryptionSpec: { kmsKeyName: KEY },
  },
  'asia-northeast1',
);
const dataFusion = resourceRecord(
  `//datafusion.googleapis.com/${P}/locations/europe-west1/instances/pipelines`,
  'datafusion.googleapis.com/Instance',
  {
    name: `${P}/locations/europe-west1/instances/pipelines`,
    type: 'BASIC',
    state: 'RUNNING',
    privateInstance: false,
  },
  'europe-west1',
);
const dataflow = resourceRecord(
  `//dataflow.googleapis.com/${P}/locations/asia-northeast2/jobs/2025-06-01_01_00_00-1234567890123456789`,
  'dataflow.googleapis.com/Job',
  {
    id: '2025-06-01_01_00_00-1234567890123456789',
    name: 'nightly-import',
    location: 'asia-northeast2',
    currentState: 'JOB_STATE_DONE',
    environment: {},
  },
);

const records = [
  secretAutomatic,
  secretAuto,
  secretReplicated,
  secretTokyo,
  instance,
  backupRun,
  composer,
  notebook,
  workbench,
  dataset,
  dataFusion,
  dataflow,
];
const resources = readRecords(gcpAssetExport, records);
const byName = (record: { name: string }) => resources.find((resource) => resource.id === record.name)!;
const status = (record: { name: string }) => evaluate(dataInJapan, resources, record.name).status;

describe('Google Cloud data-holding types', () => {
  it('reads each type as its kansa type, where its data is', () => {
    expect(
      [secretReplicated, backupRun, composer, notebook, dataset, dataFusion, dataflow].map((record) => [
        byName(record).kansaType,
        byName(record).region,
      ]),
    ).toEqual([
      ['kms.vault', 'us-east1'],
      ['compute.snapshot', 'us'],
      ['analytics.service', 'us-central1'],
      ['compute.vm', 'us-west1'],
      ['analytics.service', 'asia-northeast1'],
      ['analytics.service', 'europe-west1'],
      ['analytics.service', 'asia-northeast2'],
    ]);
  });

  it('fails those abroad and passes those in Japan on the data location', () => {
    for (const record of [secretReplicated, backupRun, composer, notebook, dataFusion])
      expect([record.name, status(record)]).toEqual([record.name, 'FAIL']);
    for (const record of [secretTokyo, dataset, dataflow])
      expect([record.name, status(record)]).toEqual([record.name, 'PASS']);
  });

  it('a secret of automatic replication, in either spelling, is global: Google replicates it worldwide', () => {
    for (const record of [secretAutomatic, secretAuto])
      expect([record.name, byName(record).region, status(record)]).toEqual([record.name, 'global', 'FAIL']);
    expect(evaluate(dataInJapan, resources, secretAutomatic.name).message).toBe('anywhere');
    // One Cloud KMS key for all copies: the relief of data abroad under the customer's key (LOC-3).
    expect(evaluate(dataInJapan, resources, secretAuto.name).message).toBe('abroadWithCmk');
    expect(byName(secretAuto).facts).toMatchObject({
      customerManagedKey: {
        value: true,
        path: 'resource.data.replication.auto.customerManagedEncryption.kmsKeyName',
      },
    });
  });

  it("a secret's replica without a key of its own is under Google's keys", () => {
    expect(byName(secretReplicated).facts).toMatchObject({
      customerManagedKey: {
        source: 'default',
        value: false,
        path: 'resource.data.replication.userManaged.replicas[1].customerManagedEncryption.kmsKeyName',
      },
    });
    expect(evaluate(dataInJapan, resources, secretReplicated.name).message).toBe('abroad');
    expect(byName(secretTokyo).facts).toMatchObject({
      customerManagedKey: { source: 'explicit', value: true },
    });
  });

  it('a Cloud SQL backup in the US multi-region is a copy of its instance (LOC-2)', () => {
    expect(byName(backupRun).facts).toMatchObject({
      replicaOf: { value: `//cloudsql.googleapis.com/${P}/instances/juki-db` },
      customerManagedKey: { source: 'default', value: false },
    });
    expect(evaluate(dataInJapan, resources, backupRun.name, {})).toMatchObject({
      status: 'FAIL',
      message: 'backupAbroadWithoutCmk',
    });
  });

  it('CMEK facts: Composer, Vertex AI and Workbench keys named; a v1 notebook and Data Fusion under Google keys', () => {
    expect(evaluate(cmkAtRest, resources, composer.name).status).toBe('PASS');
    expect(evaluate(cmkAtRest, resources, dataset.name).status).toBe('PASS');
    expect(evaluate(cmkAtRest, resources, notebook.name).status).toBe('FAIL');
    expect(byName(workbench)).toMatchObject({
      region: 'asia-northeast1',
      facts: { customerManagedKey: { value: true, path: 'resource.data.gceSetup.bootDisk.kmsKey' } },
    });
    expect(evaluate(cmkAtRest, resources, dataFusion.name).status).toBe('FAIL');
  });

  it('no Google Cloud check of another type runs on them', () => {
    for (const record of [secretReplicated, backupRun, composer, notebook, dataset, dataFusion, dataflow])
      expect([record.name, gcpChecks.filter((check) => appliesTo(check.meta, byName(record)))]).toEqual([
        record.name,
        [],
      ]);
  });
});

// Memorystore (Redis, Memcached) and Filestore serve clients at private addresses in the VPC the
// record names (Redis `authorizedNetwork` with `connectMode` DIRECT_PEERING or
// PRIVATE_SERVICE_ACCESS, Memcached `authorizedNetwork`, Filestore `networks[].network`): they have
// no public endpoint to close (CLS-2).
describe('Google Cloud services reachable only inside a VPC', () => {
  const redis = resourceRecord(
    `//redis.googleapis.com/${P}/locations/asia-northeast1/instances/session`,
    'redis.googleapis.com/Instance',
    {
      name: `${P}/locations/asia-northeast1/instances/session`,
      authorizedNetwork: `${P}/global/networks/juki-vpc`,
      connectMode: 'DIRECT_PEERING',
      host: '10.20.0.3',
      locationId: 'asia-northeast1-a',
      redisVersion: 'REDIS_7_2',
      tier: 'BASIC',
    },
    'asia-northeast1',
  );
  const memcached = resourceRecord(
    `//memcache.googleapis.com/${P}/locations/asia-northeast1/instances/pages`,
    'memcache.googleapis.com/Instance',
    {
      name: `${P}/locations/asia-northeast1/instances/pages`,
      nodeCount: 1,
      memcacheVersion: 'MEMCACHE_1_6_15',
    },
    'asia-northeast1',
  );
  const filestore = resourceRecord(
    `//file.googleapis.com/${P}/locations/asia-northeast1-b/instances/share`,
    'file.googleapis.com/Instance',
    {
      name: `${P}/locations/asia-northeast1-b/instances/share`,
      tier: 'BASIC_HDD',
      fileShares: [{ name: 'share1', capacityGb: '1024' }],
      networks: [{ network: 'juki-vpc', modes: ['MODE_IPV4'], ipAddresses: ['10.30.0.2'] }],
    },
    'asia-northeast1-b',
  );
  const vpcOnly = readRecords(gcpAssetExport, [redis, memcached, filestore]);
  const reachable = (record: { name: string }) =>
    (vpcOnly.find((resource) => resource.id === record.name)!.facts as CommonFacts).reachableFromInternet;

  it('passes the closed-network check, naming the network the record gives', () => {
    for (const record of [redis, memcached, filestore])
      expect([record.name, evaluate(closedNetwork, vpcOnly, record.name).status]).toEqual([
        record.name,
        'PASS',
      ]);
    expect(reachable(redis)).toMatchObject({ value: false, path: 'resource.data.authorizedNetwork' });
    expect(reachable(filestore)).toMatchObject({ value: false, path: 'resource.data.networks' });
    // A Memcached record without its network still has no public endpoint, said as the service's rule.
    expect(reachable(memcached)).toMatchObject({ source: 'default', value: false });
  });
});

// Spanner instance configurations as `config` names them: regional, multi-region, dual-region
// (two regions of one country, Enterprise Plus) and user-managed (`custom-…`, whose replicas the
// instance record does not list). https://cloud.google.com/spanner/docs/instance-configurations
describe('Spanner instances, where their configuration keeps the data', () => {
  const spanner = (instance: string, config: string) =>
    resourceRecord(`//spanner.googleapis.com/${P}/instances/${instance}`, 'spanner.googleapis.com/Instance', {
      name: `${P}/instances/${instance}`,
      config: `${P}/instanceConfigs/${config}`,
      nodeCount: 1,
      state: 'READY',
    });
  const cases = [
    [spanner('tokyo', 'regional-asia-northeast1'), 'asia-northeast1', 'PASS'],
    [spanner('japan-dual', 'dual-region-japan1'), 'asia-northeast1', 'PASS'],
    [spanner('germany-dual', 'dual-region-germany1'), 'europe-west3', 'FAIL'],
    [spanner('us-multi', 'nam3'), 'nam3', 'FAIL'],
    [spanner('custom', 'custom-tokyo-plus-readers'), UNKNOWN_REGION, 'UNKNOWN'],
  ] as const;
  const instances = readRecords(
    gcpAssetExport,
    cases.map(([record]) => record),
  );

  it('reads a dual-region configuration as its two regions, and a custom one as unknown', () => {
    for (const [record, region, status] of cases) {
      const read = instances.find((resource) => resource.id === record.name)!;
      expect([record.name, read.region, evaluate(dataInJapan, instances, record.name).status]).toEqual([
        record.name,
        region,
        status,
      ]);
    }
  });
});
