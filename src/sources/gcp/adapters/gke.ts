import { cloudDefault, derived, explicit, type Fact, factPath, unexpectedType } from '../../../model/fact.ts';
import type { GcpGkeClusterFacts } from '../../../model/gcp.ts';
import { arrayOf, at, isObject, type JsonObject, objectsOf, stringAt } from '../json.ts';
import { asBoolean, asString, fieldFact } from './fields.ts';

/** The control plane's IP endpoint settings (GKE 1.29+ `controlPlaneEndpointsConfig`). */
const IP_ENDPOINTS = 'controlPlaneEndpointsConfig.ipEndpointsConfig';

/**
 * container.googleapis.com/Cluster: the GKE REST `Cluster`.
 * https://cloud.google.com/kubernetes-engine/docs/reference/rest/v1/projects.locations.clusters
 */
export function clusterFacts(data: JsonObject, dataPath: string): GcpGkeClusterFacts {
  const publicEndpoint = publicEndpointFact(data, dataPath);
  const networksKey = authorizedNetworksKey(data);
  return {
    customerManagedKey: nodeDiskKey(data, dataPath),
    publicEndpoint,
    reachableFromInternet: publicEndpoint,
    authorizedNetworks: authorizedNetworks(data, dataPath, networksKey),
    googleCloudAccess: googleCloudAccess(data, dataPath, networksKey),
    dnsEndpointExternal: fieldFact(
      data,
      dataPath,
      'controlPlaneEndpointsConfig.dnsEndpointConfig.allowExternalTraffic',
      asBoolean,
      {
        default: false,
        note: {
          ja: '指定なし: DNS エンドポイントは外部からのトラフィックを受け付けません',
          en: 'not set: the DNS endpoint takes no external traffic',
        },
      },
    ),
    legacyAbac: fieldFact(data, dataPath, 'legacyAbac.enabled', asBoolean, {
      default: false,
      note: { ja: '指定なし: 従来の ABAC は既定で無効', en: 'not set: legacy ABAC is off by default' },
    }),
    loggingService: loggingService(data, dataPath),
  };
}

const LOGGING_COMPONENTS = 'loggingConfig.componentConfig.enableComponents';

/**
 * `loggingService`; where the record leaves it out or empty (the API's default), the components
 * `loggingConfig` logs: none is `none` ("an empty set would disable all logging"), any is Cloud
 * Logging (names, or their numbers in the proto's JSON); neither: Cloud Logging, the default.
 * https://cloud.google.com/kubernetes-engine/docs/reference/rest/v1/projects.locations.clusters#loggingcomponentconfig
 */
function loggingService(data: JsonObject, dataPath: string): Fact<string> {
  if (data.loggingService !== '') {
    const service = fieldFact(data, dataPath, 'loggingService', asString, LOGGING_DEFAULT);
    if (service.source !== 'default') return service;
  }
  const config = at(data, 'loggingConfig.componentConfig');
  if (!isObject(config))
    return cloudDefault(LOGGING_DEFAULT.default, factPath(dataPath, 'loggingService'), LOGGING_DEFAULT.note);
  // Proto JSON leaves the empty set out.
  const components = config.enableComponents ?? [];
  if (!Array.isArray(components)) return unexpectedType(factPath(dataPath, LOGGING_COMPONENTS));
  return derived(
    components.length > 0 ? LOGGING_DEFAULT.default : 'none',
    explicit(components, factPath(dataPath, LOGGING_COMPONENTS)),
  );
}

const LOGGING_DEFAULT = {
  default: 'logging.googleapis.com/kubernetes',
  note: {
    ja: '指定なし: 既定で Cloud Logging（logging.googleapis.com/kubernetes）に送られます',
    en: 'not set: logs go to Cloud Logging (logging.googleapis.com/kubernetes) by default',
  },
};

/**
 * Whether the control plane has a public endpoint: off when IP endpoints are disabled, when
 * `enablePublicEndpoint` is false, or (older clusters) when the private cluster config enables
 * the private endpoint only; on by default.
 * https://cloud.google.com/kubernetes-engine/docs/concepts/network-isolation
 */
function publicEndpointFact(data: JsonObject, dataPath: string): Fact<boolean> {
  if (asBoolean(at(data, `${IP_ENDPOINTS}.enabled`)) === false)
    return explicit(false, `${dataPath}.${IP_ENDPOINTS}.enabled`);
  const enablePublic = asBoolean(at(data, `${IP_ENDPOINTS}.enablePublicEndpoint`));
  if (enablePublic !== undefined)
    return explicit(enablePublic, `${dataPath}.${IP_ENDPOINTS}.enablePublicEndpoint`);
  const privateOnly = fieldFact(data, dataPath, 'privateClusterConfig.enablePrivateEndpoint', asBoolean, {
    default: false,
    note: {
      ja: '指定なし: プライベート エンドポイントのみにはならず、コントロール プレーンは既定でパブリック エンドポイントを持ちます',
      en: 'not set: the control plane is not private-only and has a public endpoint by default',
    },
  });
  return derived(!privateOnly.value, privateOnly);
}

/** Where the authorized networks are: the GKE 1.29+ block first, then its predecessor. */
const AUTHORIZED_NETWORKS_KEYS = [
  `${IP_ENDPOINTS}.authorizedNetworksConfig`,
  'masterAuthorizedNetworksConfig',
];

/**
 * The networks allowed to reach the control plane (`masterAuthorizedNetworksConfig`, or its
 * successor under `controlPlaneEndpointsConfig`); null when the feature is off, the default.
 * https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks
 */
function authorizedNetworks(data: JsonObject, dataPath: string, key: string): Fact<readonly string[] | null> {
  const config = at(data, key);
  if (isObject(config)) {
    if (asBoolean(config.enabled) !== true)
      return derived(null, authorizedNetworksOff(config, `${dataPath}.${key}.enabled`));
    const path = `${dataPath}.${key}.cidrBlocks`;
    // A block read as nothing could be the one that admits the internet: the list is unknown.
    const ranges = objectsOf(config.cidrBlocks)?.map((block) => stringAt(block, 'cidrBlock'));
    return ranges?.every((cidr) => cidr !== undefined)
      ? explicit(ranges as string[], path)
      : unexpectedType(path);
  }
  return cloudDefault(null, factPath(dataPath, 'masterAuthorizedNetworksConfig'), {
    ja: '指定なし: 承認済みネットワークは既定で無効（任意のアドレスから接続可能）',
    en: 'not set: authorized networks are off by default (any address can connect)',
  });
}

/**
 * Whether the authorized networks admit Google Cloud's public IP addresses besides their own
 * ranges (`gcpPublicCidrsAccessEnabled`, in the block the endpoint's networks are read from);
 * off unless set.
 * https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks
 */
function googleCloudAccess(data: JsonObject, dataPath: string, networksKey: string): Fact<boolean> {
  return fieldFact(data, dataPath, `${networksKey}.gcpPublicCidrsAccessEnabled`, asBoolean, {
    default: false,
    note: {
      ja: '指定なし: Google Cloud のパブリック IP アドレスからのアクセスは許可されていません',
      en: 'not set: Google Cloud public IP addresses are not admitted',
    },
  });
}

/** The authorized networks block the cluster writes (the 1.29+ one first), else the older one's key. */
function authorizedNetworksKey(data: JsonObject): string {
  return AUTHORIZED_NETWORKS_KEYS.find((key) => isObject(at(data, key))) ?? 'masterAuthorizedNetworksConfig';
}

/** `enabled` of an authorized networks block that is off: false, or absent (off by default). */
function authorizedNetworksOff(config: JsonObject, path: string): Fact<unknown> {
  return config.enabled === undefined
    ? cloudDefault(false, path, {
        ja: '指定なし: 承認済みネットワークは既定で無効',
        en: 'not set: authorized networks are off by default',
      })
    : explicit(config.enabled, path);
}

/**
 * The nodes' boot disks hold the cluster's data at rest: encrypted with a Cloud KMS key when
 * every node pool names one (`nodePools[].config.bootDiskKmsKey`; a cluster listed without its
 * pools: `nodeConfig`; Autopilot: `autoscaling.autoprovisioningNodePoolDefaults`), else with
 * Google-managed keys, the default. (The AKS equivalent is the disk encryption set.)
 * https://cloud.google.com/kubernetes-engine/docs/how-to/using-cmek
 */
function nodeDiskKey(data: JsonObject, dataPath: string): Fact<boolean> {
  const pools = arrayOf(data.nodePools).filter(isObject);
  if (pools.length > 0) {
    const keys = pools.map((pool) => stringAt(pool, 'config.bootDiskKmsKey'));
    const unkeyed = keys.indexOf(undefined);
    return unkeyed === -1
      ? derived(true, explicit(keys, factPath(dataPath, 'nodePools[].config.bootDiskKmsKey')))
      : derived(
          false,
          cloudDefault(null, factPath(dataPath, `nodePools.${unkeyed}.config.bootDiskKmsKey`), GOOGLE_KEY),
        );
  }
  for (const path of [
    'nodeConfig.bootDiskKmsKey',
    'autoscaling.autoprovisioningNodePoolDefaults.bootDiskKmsKey',
  ]) {
    const key = stringAt(data, path);
    if (key !== undefined) return derived(true, explicit(key, factPath(dataPath, path)));
  }
  return derived(false, cloudDefault(null, factPath(dataPath, 'nodeConfig.bootDiskKmsKey'), GOOGLE_KEY));
}

const GOOGLE_KEY = {
  ja: '指定なし: ノードのブートディスクは Google が管理する鍵で暗号化されます（既定）',
  en: "not set: the nodes' boot disks are encrypted with Google-managed keys (the default)",
};
