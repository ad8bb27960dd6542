// Synthetic Google Cloud exports for the benchmark, in the real shapes kansa reads:
// - `gcloud asset export --output-path-prefix` (NDJSON, proto field names): one folder per asset
//   type with numbered shards, for content types `resource` and `iam-policy` (the IAM lines
//   merge into the same resources);
// - a tenth of the projects as ListAssets pages of 1,000 assets (camelCase JSON documents).
// Written as streams with a seeded PRNG, so a million resources never sit in memory and every
// run writes the same bytes.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { prng } from '../../tests/fakes/random.ts';

const ORG = '123456789012';
const FOLDERS = ['456789012345', '456789012346', '456789012347'];
/** Assets per project: a city's project holds a few hundred resources. */
const ASSETS_PER_PROJECT = 250;
/** Lines per export shard before the next numbered file. */
const SHARD_LINES = 100_000;
const LIST_PAGE_SIZE = 1000;
const TIME = '2026-11-20T01:00:00.000000Z';
const DOMESTIC = ['asia-northeast1', 'asia-northeast2'];
const ABROAD = ['us-central1', 'us-east1', 'europe-west1', 'asia-southeast1'];

type Json = Record<string, unknown>;
interface Asset {
  readonly resource: Json;
  /** The asset's IAM-policy record, for the types whose policy checks read. */
  readonly policy?: Json;
}

/** Writes NDJSON lines into `<root>/<asset type>/<shard>.ndjson`, respecting back-pressure. */
class ShardedWriter {
  readonly #root: string;
  readonly #streams = new Map<string, { stream: WriteStream; lines: number; shard: number }>();

  constructor(root: string) {
    this.#root = root;
  }

  async write(assetType: string, record: Json): Promise<void> {
    let entry = this.#streams.get(assetType);
    if (!entry || entry.lines >= SHARD_LINES) {
      const shard = entry ? entry.shard + 1 : 0;
      if (entry) await close(entry.stream);
      const dir = path.join(this.#root, assetType);
      await mkdir(dir, { recursive: true });
      entry = { stream: createWriteStream(path.join(dir, `${shard}.ndjson`)), lines: 0, shard };
      this.#streams.set(assetType, entry);
    }
    entry.lines++;
    if (!entry.stream.write(`${JSON.stringify(record)}\n`)) await once(entry.stream, 'drain');
  }

  async close(): Promise<void> {
    for (const { stream } of this.#streams.values()) await close(stream);
  }
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

export async function generateGcp(dir: string, count: number): Promise<void> {
  const random = prng(0x6c9);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;

  const exportRoot = path.join(dir, `org-${ORG}-export`);
  const resources = new ShardedWriter(path.join(exportRoot, 'resource'));
  const policies = new ShardedWriter(path.join(exportRoot, 'iam-policy'));
  await mkdir(path.join(dir, 'list-assets'), { recursive: true });

  // Organization and folders: their IAM policies hold the inherited audit configs.
  await resources.write(
    'cloudresourcemanager.googleapis.com/Organization',
    hierarchy('organizations', ORG, []),
  );
  await policies.write(
    'cloudresourcemanager.googleapis.com/Organization',
    hierarchyPolicy('organizations', ORG, [], [1]),
  );
  for (const folder of FOLDERS) {
    const ancestors = [`folders/${folder}`, `organizations/${ORG}`];
    await resources.write(
      'cloudresourcemanager.googleapis.com/Folder',
      hierarchy('folders', folder, ancestors),
    );
    await policies.write(
      'cloudresourcemanager.googleapis.com/Folder',
      hierarchyPolicy('folders', folder, ancestors, [2]),
    );
  }

  let written = 0;
  for (let p = 0; written < count; p++) {
    const number = String(200_000_000_000 + p);
    const projectId = `city-system-${p.toString(36).padStart(4, '0')}`;
    const ancestors = [`projects/${number}`, `folders/${pick(FOLDERS)}`, `organizations/${ORG}`];
    const assets: Asset[] = [projectAsset(number, projectId, ancestors, chance)];
    const size = Math.min(ASSETS_PER_PROJECT, count - written) - 1;
    for (let i = 0; i < size; i++)
      assets.push(randomAsset(number, projectId, ancestors, i, { pick, chance }));
    written += assets.length;

    if (p % 10 === 9) {
      await writeListPages(path.join(dir, 'list-assets', `project-${number}`), assets);
      continue;
    }
    for (const asset of assets) {
      await resources.write(String(asset.resource.asset_type), asset.resource);
      if (asset.policy) await policies.write(String(asset.policy.asset_type), asset.policy);
    }
  }
  await resources.close();
  await policies.close();
}

/** ListAssets responses (camelCase), one page of up to 1,000 assets per file. */
async function writeListPages(prefix: string, assets: readonly Asset[]): Promise<void> {
  for (let page = 0; page * LIST_PAGE_SIZE < assets.length; page++) {
    const slice = assets.slice(page * LIST_PAGE_SIZE, (page + 1) * LIST_PAGE_SIZE);
    const body = {
      assets: slice.map((asset) => toJsonNames(asset.resource)),
      readTime: TIME,
      nextPageToken: '',
    };
    await writeFile(`${prefix}-page-${page}.json`, JSON.stringify(body));
  }
}

/** The proto-name envelope as the REST API spells it; `resource.data` is REST JSON already. */
function toJsonNames(record: Json): Json {
  const { asset_type, update_time, resource, ...rest } = record as Json & { resource: Json };
  const { discovery_document_uri, discovery_name, ...envelope } = resource;
  return {
    ...rest,
    assetType: asset_type,
    updateTime: update_time,
    resource: { ...envelope, discoveryDocumentUri: discovery_document_uri, discoveryName: discovery_name },
  };
}

function record(
  name: string,
  assetType: string,
  data: Json,
  location: string,
  parent: string,
  ancestors: string[],
) {
  return {
    name,
    asset_type: assetType,
    resource: {
      version: 'v1',
      discovery_document_uri: `https://${assetType.split('/')[0]}/$discovery/rest`,
      discovery_name: assetType.split('/')[1],
      parent,
      data,
      location,
    },
    ancestors,
    update_time: TIME,
  };
}

function policyRecord(name: string, assetType: string, policy: Json, ancestors: string[]) {
  return {
    name,
    asset_type: assetType,
    iam_policy: { version: 1, etag: 'BwYh3kPq9xM=', ...policy },
    ancestors,
    update_time: TIME,
  };
}

function hierarchy(kind: 'organizations' | 'folders', id: string, ancestors: string[]) {
  const type = kind === 'folders' ? 'Folder' : 'Organization';
  const self = `${kind}/${id}`;
  return record(
    `//cloudresourcemanager.googleapis.com/${self}`,
    `cloudresourcemanager.googleapis.com/${type}`,
    { name: self, displayName: `${type.toLowerCase()}-${id}`, lifecycleState: 'ACTIVE' },
    'global',
    ancestors[1] ? `//cloudresourcemanager.googleapis.com/${ancestors[1]}` : '',
    ancestors.length > 0 ? ancestors : [self],
  );
}

function hierarchyPolicy(
  kind: 'organizations' | 'folders',
  id: string,
  ancestors: string[],
  logTypes: number[],
) {
  const type = kind === 'folders' ? 'Folder' : 'Organization';
  return policyRecord(
    `//cloudresourcemanager.googleapis.com/${kind}/${id}`,
    `cloudresourcemanager.googleapis.com/${type}`,
    {
      bindings: [{ role: 'roles/resourcemanager.folderViewer', members: ['group:auditors@city.example.jp'] }],
      audit_configs: [
        { service: 'allServices', audit_log_configs: logTypes.map((log_type) => ({ log_type })) },
      ],
    },
    ancestors.length > 0 ? ancestors : [`${kind}/${id}`],
  );
}

function projectAsset(
  number: string,
  projectId: string,
  ancestors: string[],
  chance: (p: number) => boolean,
): Asset {
  const name = `//cloudresourcemanager.googleapis.com/projects/${number}`;
  const type = 'cloudresourcemanager.googleapis.com/Project';
  return {
    resource: record(
      name,
      type,
      {
        projectNumber: number,
        projectId,
        lifecycleState: 'ACTIVE',
        name: projectId,
        labels: { confidentiality: '2' },
      },
      'global',
      `//cloudresourcemanager.googleapis.com/${ancestors[1]}`,
      ancestors,
    ),
    policy: policyRecord(
      name,
      type,
      {
        bindings: [{ role: 'roles/owner', members: [`group:${projectId}-admins@city.example.jp`] }],
        ...(chance(0.6) && {
          audit_configs: [{ service: 'allServices', audit_log_configs: [{ log_type: 3 }] }],
        }),
      },
      ancestors,
    ),
  };
}

interface Random {
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** One data-handling or network asset of a realistic type mix. */
function randomAsset(
  number: string,
  projectId: string,
  ancestors: string[],
  i: number,
  { pick, chance }: Random,
): Asset {
  const parent = `//cloudresourcemanager.googleapis.com/projects/${number}`;
  const region = chance(0.85) ? pick(DOMESTIC) : pick(ABROAD);
  const zone = `${region}-${pick(['a', 'b', 'c'])}`;
  const labels = { confidentiality: pick(['1', '2', '2', '3']), system: `sys-${i % 17}` };
  const kmsKey = `projects/${projectId}/locations/${region}/keyRings/ring/cryptoKeys/data`;
  const compute = `https://www.googleapis.com/compute/v1/projects/${projectId}`;
  const roll = (i * 7919) % 100;

  if (roll < 20) {
    const bucket = `${projectId}-data-${i}`;
    const name = `//storage.googleapis.com/${bucket}`;
    const type = 'storage.googleapis.com/Bucket';
    const publicGrant = chance(0.03) ? [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }] : [];
    return {
      resource: record(
        name,
        type,
        {
          acl: [],
          defaultObjectAcl: [],
          encryption: chance(0.4) ? { defaultKmsKeyName: kmsKey } : {},
          iamConfiguration: {
            uniformBucketLevelAccess: { enabled: chance(0.8) },
            ...(chance(0.5) && { publicAccessPrevention: pick(['enforced', 'inherited']) }),
          },
          id: bucket,
          kind: 'storage#bucket',
          labels,
          location: region.toUpperCase(),
          locationType: 'region',
          name: bucket,
          projectNumber: Number(number),
          storageClass: 'STANDARD',
          timeCreated: '2025-04-01T02:03:04.567Z',
        },
        region,
        parent,
        ancestors,
      ),
      policy: policyRecord(
        name,
        type,
        {
          bindings: [
            { role: 'roles/storage.legacyBucketOwner', members: [`projectOwner:${projectId}`] },
            ...publicGrant,
          ],
        },
        ancestors,
      ),
    };
  }
  if (roll < 45) {
    const disk = `disk-${i}`;
    return {
      resource: record(
        `//compute.googleapis.com/projects/${projectId}/zones/${zone}/disks/${disk}`,
        'compute.googleapis.com/Disk',
        {
          id: String(5_000_000_000_000 + i),
          name: disk,
          zone: `${compute}/zones/${zone}`,
          sizeGb: String(pick([10, 50, 100, 500])),
          type: `${compute}/zones/${zone}/diskTypes/pd-balanced`,
          status: 'READY',
          labels,
          ...(chance(0.3) && { diskEncryptionKey: { kmsKeyName: `${kmsKey}/cryptoKeyVersions/1` } }),
        },
        zone,
        parent,
        ancestors,
      ),
    };
  }
  if (roll < 65) {
    const vm = `vm-${i}`;
    return {
      resource: record(
        `//compute.googleapis.com/projects/${projectId}/zones/${zone}/instances/${vm}`,
        'compute.googleapis.com/Instance',
        {
          id: String(6_000_000_000_000 + i),
          name: vm,
          zone: `${compute}/zones/${zone}`,
          machineType: `${compute}/zones/${zone}/machineTypes/e2-standard-2`,
          status: 'RUNNING',
          labels,
          disks: [{ boot: true, source: `${compute}/zones/${zone}/disks/${vm}`, type: 'PERSISTENT' }],
          networkInterfaces: [
            { network: `${compute}/global/networks/default`, networkIP: `10.0.${i % 250}.${i % 200}` },
          ],
        },
        zone,
        parent,
        ancestors,
      ),
    };
  }
  if (roll < 75) {
    const snapshot = `snap-${i}`;
    return {
      resource: record(
        `//compute.googleapis.com/projects/${projectId}/global/snapshots/${snapshot}`,
        'compute.googleapis.com/Snapshot',
        {
          name: snapshot,
          sourceDisk: `${compute}/zones/${zone}/disks/disk-${i - 1}`,
          storageLocations: [chance(0.9) ? region : 'us'],
          status: 'READY',
          labels: chance(0.1) ? { ...labels, 'kansa-purpose': 'backup' } : labels,
        },
        'global',
        parent,
        ancestors,
      ),
    };
  }
  if (roll < 80) {
    const key = `key-${i}`;
    const keyName = `projects/${projectId}/locations/${region}/keyRings/ring/cryptoKeys/${key}`;
    return {
      resource: record(
        `//cloudkms.googleapis.com/${keyName}`,
        'cloudkms.googleapis.com/CryptoKey',
        {
          name: keyName,
          purpose: 'ENCRYPT_DECRYPT',
          versionTemplate: {
            algorithm: 'GOOGLE_SYMMETRIC_ENCRYPTION',
            protectionLevel: pick(['SOFTWARE', 'HSM']),
          },
          ...(chance(0.7) && { rotationPeriod: pick(['7776000s', '31536000s', '63072000s']) }),
        },
        region,
        parent,
        ancestors,
      ),
    };
  }
  if (roll < 90) {
    const rule = `allow-${i}`;
    return {
      resource: record(
        `//compute.googleapis.com/projects/${projectId}/global/firewalls/${rule}`,
        'compute.googleapis.com/Firewall',
        {
          name: rule,
          network: `${compute}/global/networks/default`,
          direction: 'INGRESS',
          allowed: [{ IPProtocol: 'tcp', ports: [pick(['22', '443', '3389', '8080'])] }],
          sourceRanges: [chance(0.2) ? '0.0.0.0/0' : '10.0.0.0/8'],
        },
        'global',
        parent,
        ancestors,
      ),
    };
  }
  if (roll < 95) {
    const instance = `db-${i}`;
    return {
      resource: record(
        `//cloudsql.googleapis.com/projects/${projectId}/instances/${instance}`,
        'sqladmin.googleapis.com/Instance',
        {
          name: instance,
          project: projectId,
          region,
          databaseVersion: 'POSTGRES_16',
          instanceType: 'CLOUD_SQL_INSTANCE',
          state: 'RUNNABLE',
          settings: { tier: 'db-custom-2-7680', userLabels: labels },
          ...(chance(0.5) && { diskEncryptionConfiguration: { kmsKeyName: kmsKey } }),
        },
        region,
        parent,
        ancestors,
      ),
    };
  }
  const zoneName = `zone-${i}`;
  return {
    resource: record(
      `//dns.googleapis.com/projects/${projectId}/managedZones/${zoneName}`,
      'dns.googleapis.com/ManagedZone',
      { name: zoneName, dnsName: `${zoneName}.city.example.jp.`, visibility: 'private' },
      'global',
      parent,
      ancestors,
    ),
  };
}
