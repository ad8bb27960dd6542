import {
  cloudDefault,
  derived,
  explicit,
  type Fact,
  factPath,
  unexpectedType,
  unknown,
} from '../../../model/fact.ts';
import type { GcpFirewallEntry, GcpFirewallFacts, GcpSubnetworkFacts } from '../../../model/gcp.ts';
import { arrayOf, at, field, type JsonObject, objectsOf, presentKey, stringListOf } from '../json.ts';
import { asBoolean, asNumber, asString, fieldFact } from './fields.ts';

/**
 * compute.googleapis.com/Firewall: a VPC firewall rule (Compute Engine REST `Firewall`).
 * https://cloud.google.com/compute/docs/reference/rest/v1/firewalls
 */
export function firewallFacts(data: JsonObject, dataPath: string): GcpFirewallFacts {
  return {
    direction: fieldFact(data, dataPath, 'direction', asString, {
      default: 'INGRESS',
      note: { ja: '指定なし: 既定の INGRESS（上り）', en: 'not set: the default INGRESS' },
    }),
    disabled: fieldFact(data, dataPath, 'disabled', asBoolean, {
      default: false,
      note: { ja: '指定なし: ルールは既定で有効', en: 'not set: rules are enabled by default' },
    }),
    sourceRanges: sourceRanges(data, dataPath),
    // Proto JSON omits empty lists: a rule without `allowed` allows nothing (a deny rule).
    allowed: entriesOf(data, dataPath, 'allowed'),
    denied: entriesOf(data, dataPath, 'denied'),
    network: networkOf(data, dataPath),
    priority: fieldFact(data, dataPath, 'priority', asNumber, {
      default: 1000,
      note: { ja: '指定なし: 既定の優先度 1000', en: 'not set: the default priority 1000' },
    }),
    targetTags: listFact(data, dataPath, 'targetTags', 'targetTag'),
    targetServiceAccounts: listFact(data, dataPath, 'targetServiceAccounts', 'targetServiceAccount'),
    destinationRanges: listFact(data, dataPath, 'destinationRanges', 'destinationRange'),
  };
}

/** A list of strings; absent (proto JSON omits empty lists) is none. 2019 exports spell it singular. */
function listFact(
  data: JsonObject,
  dataPath: string,
  key: string,
  singular: string,
): Fact<readonly string[]> {
  const path = factPath(dataPath, presentKey(data, key, singular) ?? key);
  const list = stringListOf(field(data, key, singular));
  return list ? explicit(list, path) : unexpectedType(path);
}

/**
 * The rule's network as `projects/<project>/global/networks/<name>`, lower-cased, from the URL
 * the API writes (`https://www.googleapis.com/compute/v1/projects/…`) or a relative name; a bare
 * name (a Terraform configuration's `network = "default"`) is placed in the rule's own project
 * when its self link names it.
 */
function networkOf(data: JsonObject, dataPath: string): Fact<string> {
  const path = factPath(dataPath, 'network');
  const network = data.network;
  if (network === undefined || network === null) {
    return unknown(path, {
      ja: 'ルールの VPC ネットワークがエクスポートにありません',
      en: 'the export does not name the rule’s VPC network',
    });
  }
  if (typeof network !== 'string' || network.trim() === '') return unexpectedType(path);
  const text = network.trim().toLowerCase();
  const at = text.indexOf('projects/');
  if (at !== -1) return explicit(text.slice(at), path);
  const project = /projects\/([^/]+)\//.exec(String(data.selfLink ?? ''))?.[1];
  const name = text.slice(text.lastIndexOf('/') + 1);
  return explicit(project ? `projects/${project.toLowerCase()}/global/networks/${name}` : name, path);
}

function entriesOf(
  data: JsonObject,
  dataPath: string,
  key: 'allowed' | 'denied',
): Fact<readonly GcpFirewallEntry[]> {
  const path = factPath(dataPath, key);
  const entries = objectsOf(data[key]);
  // A protocol that is no name (`tcp`) nor number (`6`) may be `all`; a port that is no number
  // nor range (`22`, `"8000-8080"`) may be 22.
  const readable = entries?.every((entry) => {
    const protocol = field(entry, 'IPProtocol', 'ipProtocol');
    const ports = field(entry, 'ports', 'port');
    return (
      (protocol === undefined || typeof protocol === 'string' || typeof protocol === 'number') &&
      (ports === undefined || ports === null || (Array.isArray(ports) && ports.every(isPort)))
    );
  });
  return entries && readable ? explicit(entries.map(protocolEntry), path) : unexpectedType(path);
}

/** A port or port range as the API writes it (`"22"`, `"8000-8080"`), or a port number. */
export function isPort(port: unknown): boolean {
  return (
    (typeof port === 'number' && Number.isInteger(port)) || (typeof port === 'string' && PORT.test(port))
  );
}

const PORT = /^\s*\d+(?:\s*-\s*\d+)?\s*$/;

/**
 * Ports may arrive as numbers (`[22]`) in hand-made or converted exports: read them as strings.
 * 2019 Cloud Asset exports name the list `port` (the proto name, as `sourceRange` below).
 */
function protocolEntry(entry: JsonObject): GcpFirewallEntry {
  return {
    protocol: String(field(entry, 'IPProtocol', 'ipProtocol') ?? '').toLowerCase(),
    ports: arrayOf(field(entry, 'ports', 'port')).map((port) => String(port).replaceAll(' ', '')),
  };
}

/**
 * An ingress rule names its sources by range, network tag or service account; ranges and tags
 * are a union (traffic from either matches), so the ranges decide whether the internet is in. A
 * rule with tags or service accounts only has no source range. An ingress rule with no source at
 * all applies to every IPv4 source: Google Cloud uses 0.0.0.0/0.
 * https://cloud.google.com/firewall/docs/firewalls#sources_for_ingress_rules
 *
 * Cloud Asset exports of 2019 (policy-library's restricted_firewall_rules fixtures) spell the
 * lists with Compute Engine's proto names, singular: `sourceRange`, `sourceTag`,
 * `sourceServiceAccount` (beside `ipProtocol` and `port`); read as the REST names they stand for.
 */
function sourceRanges(data: JsonObject, dataPath: string): Fact<readonly string[]> {
  const rangesKey = presentKey(data, 'sourceRanges', 'sourceRange') ?? 'sourceRanges';
  const path = factPath(dataPath, rangesKey);
  const ranges = data[rangesKey];
  if (Array.isArray(ranges) && ranges.length > 0) {
    const list = stringListOf(ranges);
    return list ? explicit(list, path) : unexpectedType(path);
  }
  const tags = field(data, 'sourceTags', 'sourceTag');
  const accounts = field(data, 'sourceServiceAccounts', 'sourceServiceAccount');
  if (arrayOf(tags).length > 0 || arrayOf(accounts).length > 0) return explicit([], path);
  if (String(data.direction ?? 'INGRESS').toUpperCase() !== 'INGRESS') return explicit([], path);
  return cloudDefault(['0.0.0.0/0'], path, {
    ja: '送信元（範囲・タグ・サービスアカウント）の指定がない上りルールは、すべての IPv4 送信元（0.0.0.0/0）に適用されます',
    en: 'an ingress rule with no source (ranges, tags or service accounts) applies to every IPv4 source (0.0.0.0/0)',
  });
}

/**
 * compute.googleapis.com/Subnetwork: VPC Flow Logs are off unless enabled per subnet.
 * https://cloud.google.com/vpc/docs/using-flow-logs
 */
export function subnetworkFacts(data: JsonObject, dataPath: string): GcpSubnetworkFacts {
  // `enableFlowLogs` is the field's former name; `logConfig.enable` replaces it.
  const legacy = asBoolean(data.enableFlowLogs);
  const enabled =
    legacy !== undefined && asBoolean(at(data, 'logConfig.enable')) === undefined
      ? explicit(legacy, factPath(dataPath, 'enableFlowLogs'))
      : fieldFact(data, dataPath, 'logConfig.enable', asBoolean, {
          default: false,
          note: { ja: '指定なし: フローログは既定で無効', en: 'not set: flow logs are off by default' },
        });
  // "0.0 means no logs are reported": logging on at a sampling rate of 0 logs no flow.
  const sampling = at(data, 'logConfig.flowSampling');
  return {
    flowLogsEnabled:
      enabled.value === true && sampling === 0
        ? derived(false, explicit(0, factPath(dataPath, 'logConfig.flowSampling')))
        : enabled,
    purpose: fieldFact(data, dataPath, 'purpose', asString, {
      default: 'PRIVATE',
      note: {
        ja: '指定なし: 既定の PRIVATE（通常のサブネット）',
        en: 'not set: the default PRIVATE (an ordinary subnet)',
      },
    }),
  };
}
