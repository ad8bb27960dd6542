import { prng } from '../random.ts';

/**
 * A generated Google Cloud organization for the fake Cloud Asset service: folders, projects
 * and the assets the gcp checks read, in the shapes Cloud Asset Inventory returns them. Each
 * asset is kept once, as the REST API's JSON (camelCase envelope, `resource.data` the service's
 * own REST JSON, audit log types by name); the fake serves it as ListAssets pages and
 * `exportNdjson` writes it as `gcloud asset export` lines (snake_case, log types as numbers).
 * The same seed always gives the same organization.
 */

type Json = Record<string, unknown>;

export interface ScenarioAsset {
  readonly name: string;
  readonly assetType: string;
  readonly ancestors: readonly string[];
  readonly updateTime: string;
  readonly resource?: {
    readonly version: string;
    readonly discoveryDocumentUri: string;
    readonly discoveryName: string;
    readonly parent?: string;
    readonly data: Json;
    readonly location?: string;
  };
  readonly iamPolicy?: Json;
}

export interface ScenarioProject {
  readonly number: string;
  readonly id: string;
  /** `folders/F` or `organizations/O`. */
  readonly parent: string;
  readonly ancestors: readonly string[];
}

export interface Scenario {
  readonly organization: string;
  readonly folders: readonly string[];
  readonly projects: readonly ScenarioProject[];
  /** Sorted by name, then content (resource before policy). */
  readonly assets: readonly ScenarioAsset[];
}

export interface ScenarioSize {
  readonly folders: number;
  readonly projects: number;
  /** Extra buckets, keys, firewalls, disks, … per project (scales the scenario for benchmarks). */
  readonly assetsPerProject: number;
}

const UPDATE_TIME = '2026-11-20T01:00:00.000000Z';
const RM = '//cloudresourcemanager.googleapis.com/';

export function generateScenario(
  seed: number,
  size: ScenarioSize = { folders: 4, projects: 32, assetsPerProject: 6 },
): Scenario {
  const rand = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const chance = (p: number) => rand() < p;
  const digits = (n: number) => String(Math.floor(rand() * 9 * 10 ** (n - 1)) + 10 ** (n - 1));

  const organization = `organizations/${digits(12)}`;
  const assets: ScenarioAsset[] = [];
  const auditConfigs = (): Json =>
    pick([
      {},
      { auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'ADMIN_READ' }] }] },
      {
        auditConfigs: [
          {
            service: 'allServices',
            auditLogConfigs: [{ logType: 'ADMIN_READ' }, { logType: 'DATA_READ' }, { logType: 'DATA_WRITE' }],
          },
        ],
      },
    ]);
  const policy = (bindings: Json[], extra: Json = {}): Json => ({
    version: 1,
    bindings,
    etag: 'BwYh3kPq9xM=',
    ...extra,
  });

  assets.push({
    name: `${RM}${organization}`,
    assetType: 'cloudresourcemanager.googleapis.com/Organization',
    ancestors: [organization],
    updateTime: UPDATE_TIME,
    resource: {
      version: 'v1',
      discoveryDocumentUri: 'https://cloudresourcemanager.googleapis.com/$discovery/rest',
      discoveryName: 'Organization',
      data: {
        name: organization,
        displayName: 'city.example.lg.jp',
        lifecycleState: 'ACTIVE',
        creationTime: '2019-06-01T00:00:00.000Z',
      },
    },
    iamPolicy: policy(
      [{ role: 'roles/resourcemanager.organizationAdmin', members: ['group:gcp-admins@city.example.lg.jp'] }],
      auditConfigs(),
    ),
  });

  const folders: string[] = [];
  for (let f = 0; f < size.folders; f++) {
    const folder = `folders/${digits(12)}`;
    folders.push(folder);
    assets.push({
      name: `${RM}${folder}`,
      assetType: 'cloudresourcemanager.googleapis.com/Folder',
      ancestors: [folder, organization],
      updateTime: UPDATE_TIME,
      resource: {
        version: 'v2',
        discoveryDocumentUri: 'https://cloudresourcemanager.googleapis.com/$discovery/rest',
        discoveryName: 'Folder',
        parent: `${RM}${organization}`,
        data: { name: folder, parent: organization, displayName: `dept-${f}`, lifecycleState: 'ACTIVE' },
      },
      iamPolicy: policy(
        [{ role: 'roles/resourcemanager.folderViewer', members: ['group:auditors@city.example.lg.jp'] }],
        auditConfigs(),
      ),
    });
  }

  const projects: ScenarioProject[] = [];
  for (let p = 0; p < size.projects; p++) {
    // Every fifth project sits directly under the organization, the rest in folders.
    const parent = p % 5 === 4 || folders.length === 0 ? organization : folders[p % folders.length]!;
    const number = digits(12);
    const id = `city-sys-${String(p).padStart(3, '0')}`;
    const ancestors = [`projects/${number}`, ...(parent === organization ? [] : [parent]), organization];
    projects.push({ number, id, parent, ancestors });
    const projectParent = `${RM}projects/${number}`;
    const region = pick(['asia-northeast1', 'asia-northeast2', 'us-central1']);
    const labels = chance(0.7) ? { confidentiality: pick(['1', '2', '3']), owner: `team-${p}` } : undefined;
    const resource = (
      service: string,
      kind: string,
      data: Json,
      location?: string,
    ): NonNullable<ScenarioAsset['resource']> => ({
      version: 'v1',
      discoveryDocumentUri: `https://www.googleapis.com/discovery/v1/apis/${service}/v1/rest`,
      discoveryName: kind,
      parent: projectParent,
      data,
      ...(location && { location }),
    });
    const add = (asset: Omit<ScenarioAsset, 'ancestors' | 'updateTime'>) =>
      assets.push({ ...asset, ancestors, updateTime: UPDATE_TIME });

    const owners = Array.from(
      { length: 1 + Math.floor(rand() * 4) },
      (_, i) => `user:admin${i}@city.example.lg.jp`,
    );
    add({
      name: `${RM}projects/${number}`,
      assetType: 'cloudresourcemanager.googleapis.com/Project',
      resource: {
        version: 'v1',
        discoveryDocumentUri: 'https://cloudresourcemanager.googleapis.com/$discovery/rest',
        discoveryName: 'Project',
        parent: `${RM}${parent}`,
        data: {
          projectNumber: number,
          projectId: id,
          lifecycleState: 'ACTIVE',
          name: id,
          ...(labels && { labels }),
          parent: { type: parent.split('/')[0]!.replace(/s$/, ''), id: parent.split('/')[1] },
          createTime: '2024-01-10T00:00:00.000Z',
        },
      },
      iamPolicy: policy(
        [
          { role: 'roles/owner', members: owners },
          ...(chance(0.2) ? [{ role: 'roles/viewer', members: ['user:vendor@gmail.com'] }] : []),
        ],
        auditConfigs(),
      ),
    });

    for (let i = 0; i < Math.max(1, Math.ceil(size.assetsPerProject / 6)); i++) {
      const bucket = `${id}-data-${i}`;
      const pap = pick([undefined, 'enforced', 'inherited']);
      const ubla = pick([undefined, true, false]);
      const bucketData: Json = {
        acl: [],
        defaultObjectAcl: [],
        ...(chance(0.4) && {
          encryption: { defaultKmsKeyName: `projects/${id}/locations/${region}/keyRings/kr/cryptoKeys/k0` },
        }),
        ...((pap !== undefined || ubla !== undefined) && {
          iamConfiguration: {
            ...(pap && { publicAccessPrevention: pap }),
            ...(ubla !== undefined && { uniformBucketLevelAccess: { enabled: ubla } }),
          },
        }),
        id: bucket,
        kind: 'storage#bucket',
        location: region.toUpperCase(),
        locationType: 'region',
        name: bucket,
        projectNumber: Number(number),
        storageClass: 'STANDARD',
        ...(labels && { labels }),
      };
      add({
        name: `//storage.googleapis.com/${bucket}`,
        assetType: 'storage.googleapis.com/Bucket',
        resource: resource('storage', 'Bucket', bucketData, region),
        iamPolicy: policy([
          { role: 'roles/storage.legacyBucketOwner', members: [`projectOwner:${id}`] },
          ...(chance(0.15) ? [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }] : []),
        ]),
      });

      const key = `projects/${id}/locations/${region}/keyRings/kr/cryptoKeys/k${i}`;
      add({
        name: `//cloudkms.googleapis.com/${key}`,
        assetType: 'cloudkms.googleapis.com/CryptoKey',
        resource: resource(
          'cloudkms',
          'CryptoKey',
          {
            name: key,
            purpose: 'ENCRYPT_DECRYPT',
            createTime: '2025-01-01T00:00:00Z',
            ...(chance(0.6) && { rotationPeriod: pick(['7776000s', '31536000s']) }),
            versionTemplate: {
              algorithm: 'GOOGLE_SYMMETRIC_ENCRYPTION',
              protectionLevel: pick(['SOFTWARE', 'HSM']),
            },
          },
          region,
        ),
      });

      const firewall = `projects/${id}/global/firewalls/allow-${i}`;
      const port = pick(['22', '3389', '443', '8080']);
      add({
        name: `//compute.googleapis.com/${firewall}`,
        assetType: 'compute.googleapis.com/Firewall',
        resource: resource(
          'compute',
          'Firewall',
          {
            id: digits(18),
            name: `allow-${i}`,
            network: `https://www.googleapis.com/compute/v1/projects/${id}/global/networks/default`,
            direction: 'INGRESS',
            priority: 1000,
            sourceRanges: [pick(['0.0.0.0/0', '10.0.0.0/8', '192.168.0.0/16'])],
            allowed: [{ IPProtocol: 'tcp', ports: [port] }],
            ...(chance(0.2) && { disabled: true }),
            selfLink: `https://www.googleapis.com/compute/v1/${firewall}`,
          },
          'global',
        ),
      });

      const zone = `${region}-${pick(['a', 'b', 'c'])}`;
      const disk = `projects/${id}/zones/${zone}/disks/disk-${i}`;
      add({
        name: `//compute.googleapis.com/${disk}`,
        assetType: 'compute.googleapis.com/Disk',
        resource: resource(
          'compute',
          'Disk',
          {
            id: digits(18),
            name: `disk-${i}`,
            sizeGb: '100',
            zone: `https://www.googleapis.com/compute/v1/projects/${id}/zones/${zone}`,
            status: 'READY',
            ...(chance(0.5) && { diskEncryptionKey: { kmsKeyName: `${key}/cryptoKeyVersions/1` } }),
            ...(labels && { labels }),
          },
          zone,
        ),
      });

      const account = `app-${i}@${id}.iam.gserviceaccount.com`;
      const saKey = `projects/${id}/serviceAccounts/${account}/keys/${digits(20)}`;
      add({
        name: `//iam.googleapis.com/${saKey}`,
        assetType: 'iam.googleapis.com/ServiceAccountKey',
        resource: resource(
          'iam',
          'ServiceAccountKey',
          {
            name: saKey,
            keyType: pick(['USER_MANAGED', 'SYSTEM_MANAGED']),
            keyAlgorithm: 'KEY_ALG_RSA_2048',
            validAfterTime: pick(['2023-04-01T00:00:00Z', '2026-11-01T00:00:00Z']),
            validBeforeTime: '9999-12-31T23:59:59Z',
            keyOrigin: 'GOOGLE_PROVIDED',
          },
          'global',
        ),
      });

      const subnet = `projects/${id}/regions/${region}/subnetworks/sub-${i}`;
      add({
        name: `//compute.googleapis.com/${subnet}`,
        assetType: 'compute.googleapis.com/Subnetwork',
        resource: resource(
          'compute',
          'Subnetwork',
          {
            id: digits(18),
            name: `sub-${i}`,
            ipCidrRange: `10.${p % 250}.${i}.0/24`,
            region: `https://www.googleapis.com/compute/v1/projects/${id}/regions/${region}`,
            ...(chance(0.5) && { logConfig: { enable: chance(0.7), aggregationInterval: 'INTERVAL_5_SEC' } }),
          },
          region,
        ),
      });
    }

    const logBucket = `projects/${number}/locations/global/buckets/_Default`;
    add({
      name: `//logging.googleapis.com/${logBucket}`,
      assetType: 'logging.googleapis.com/LogBucket',
      resource: resource(
        'logging',
        'LogBucket',
        {
          name: logBucket,
          lifecycleState: 'ACTIVE',
          ...(chance(0.6) && { retentionDays: pick([30, 400, 1827]) }),
        },
        'global',
      ),
    });
    add({
      name: `//logging.googleapis.com/projects/${number}/sinks/_Required`,
      assetType: 'logging.googleapis.com/LogSink',
      resource: resource(
        'logging',
        'LogSink',
        {
          name: '_Required',
          destination: `logging.googleapis.com/projects/${id}/locations/global/buckets/_Required`,
          filter: 'LOG_ID("cloudaudit.googleapis.com/activity")',
        },
        'global',
      ),
    });
    if (chance(0.3)) {
      const service = `projects/${id}/locations/${region}/services/web`;
      add({
        name: `//run.googleapis.com/${service}`,
        assetType: 'run.googleapis.com/Service',
        resource: resource(
          'run',
          'Service',
          {
            apiVersion: 'serving.knative.dev/v1',
            kind: 'Service',
            metadata: { name: 'web', namespace: number },
          },
          region,
        ),
        iamPolicy: policy([
          {
            role: 'roles/run.invoker',
            members: [chance(0.5) ? 'allUsers' : `serviceAccount:${id}@appspot.gserviceaccount.com`],
          },
        ]),
      });
    }
  }

  assets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { organization, folders, projects, assets };
}

/** Content type numbers of google.cloud.asset.v1.ContentType. */
export const CONTENT_TYPES = { RESOURCE: 1, IAM_POLICY: 2 } as const;
const LOG_TYPE_NUMBERS: Readonly<Record<string, number>> = { ADMIN_READ: 1, DATA_WRITE: 2, DATA_READ: 3 };

/** The asset as the REST API returns it for one content type (`enumsAsNumbers`: `$alt=json;enum-encoding=int`). */
export function wireAsset(
  asset: ScenarioAsset,
  content: 'RESOURCE' | 'IAM_POLICY',
  enumsAsNumbers: boolean,
): Json {
  const { resource, iamPolicy, ...envelope } = asset;
  if (content === 'RESOURCE') return { ...envelope, resource };
  return { ...envelope, iamPolicy: enumsAsNumbers ? numericLogTypes(iamPolicy ?? {}) : iamPolicy };
}

function numericLogTypes(policy: Json): Json {
  const configs = policy.auditConfigs as Json[] | undefined;
  if (!configs) return policy;
  return {
    ...policy,
    auditConfigs: configs.map((config) => ({
      ...config,
      auditLogConfigs: (config.auditLogConfigs as Json[]).map((log) => ({
        ...log,
        logType: LOG_TYPE_NUMBERS[String(log.logType)],
      })),
    })),
  };
}

/**
 * `gcloud asset export --content-type=resource|iam-policy` NDJSON of the assets inside `parent`
 * (proto field names in the envelope, `resource.data` as the service's JSON, log types as numbers).
 */
export function exportNdjson(scenario: Scenario, content: 'RESOURCE' | 'IAM_POLICY'): string {
  const lines: string[] = [];
  for (const asset of scenario.assets) {
    if (content === 'RESOURCE' && asset.resource) {
      const r = asset.resource;
      lines.push(
        JSON.stringify({
          name: asset.name,
          asset_type: asset.assetType,
          resource: {
            version: r.version,
            discovery_document_uri: r.discoveryDocumentUri,
            discovery_name: r.discoveryName,
            ...(r.parent && { parent: r.parent }),
            data: r.data,
            ...(r.location && { location: r.location }),
          },
          ancestors: asset.ancestors,
          update_time: asset.updateTime,
        }),
      );
    }
    if (content === 'IAM_POLICY' && asset.iamPolicy) {
      const p = numericLogTypes(asset.iamPolicy);
      const configs = p.auditConfigs as Json[] | undefined;
      lines.push(
        JSON.stringify({
          name: asset.name,
          asset_type: asset.assetType,
          iam_policy: {
            version: p.version,
            bindings: p.bindings,
            etag: p.etag,
            ...(configs && {
              audit_configs: configs.map((c) => ({
                service: c.service,
                audit_log_configs: (c.auditLogConfigs as Json[]).map((l) => ({ log_type: l.logType })),
              })),
            }),
          },
          ancestors: asset.ancestors,
          update_time: asset.updateTime,
        }),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
