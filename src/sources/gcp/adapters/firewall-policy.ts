import { explicit, type Fact, factPath, unexpectedType, unknown } from '../../../model/fact.ts';
import type { GcpFirewallEntry, GcpFirewallPolicyFacts, GcpFirewallPolicyRule } from '../../../model/gcp.ts';
import {
  arrayOf,
  field,
  isObject,
  type JsonObject,
  objectsOf,
  presentKey,
  stringAt,
  stringListOf,
} from '../json.ts';
import { asBoolean, asNumber, asString, fieldFact } from './fields.ts';
import { isPort } from './network.ts';

/**
 * compute.googleapis.com/FirewallPolicy, hierarchical and network policies alike: Compute Engine's
 * REST `FirewallPolicy`, as `gcloud compute firewall-policies describe`, `gcloud compute
 * network-firewall-policies describe` and Cloud Asset's `resource.data` write it.
 * https://cloud.google.com/compute/docs/reference/rest/v1/firewallPolicies
 * https://cloud.google.com/compute/docs/reference/rest/v1/networkFirewallPolicies
 */
export function firewallPolicyFacts(data: JsonObject, dataPath: string): GcpFirewallPolicyFacts {
  const shortName = presentKey(data, 'shortName', 'displayName') ?? 'name';
  return {
    displayName: fieldFact(data, dataPath, shortName, asString, {
      unknown: { ja: '記録にポリシーの名前がありません', en: 'the record does not name the policy' },
    }),
    policyKind: policyKindOf(data, dataPath),
    attachmentTargets: attachmentTargetsOf(data, dataPath),
    rules: rulesOf(data, dataPath),
  };
}

/**
 * A hierarchical policy has an organization or folder for `parent` and is named
 * `locations/global/firewallPolicies/<number>`; a network policy belongs to a project.
 */
function policyKindOf(data: JsonObject, dataPath: string): Fact<'hierarchical' | 'network'> {
  const parent = stringAt(data, 'parent');
  const selfLink = stringAt(data, 'selfLink') ?? '';
  if (parent !== undefined && HIERARCHY_NODE.test(parent))
    return explicit('hierarchical', factPath(dataPath, 'parent'));
  if (/(?:^|\/)locations\/global\/firewallPolicies\//.test(selfLink))
    return explicit('hierarchical', factPath(dataPath, 'selfLink'));
  if (/(?:^|\/)projects\/[^/]+\/(?:global|regions\/[^/]+)\/firewallPolicies\//.test(selfLink))
    return explicit('network', factPath(dataPath, 'selfLink'));
  return unknown(factPath(dataPath, 'selfLink'), {
    ja: 'ポリシーが組織・フォルダーの階層型か、プロジェクトのネットワーク ファイアウォール ポリシーかが記録から分かりません（parent / selfLink）',
    en: 'the record does not tell a hierarchical policy (of an organization or folder) from a network policy (parent, self link)',
  });
}

const HIERARCHY_NODE = /^(?:\/\/cloudresourcemanager\.googleapis\.com\/)?(?:organizations|folders)\/\d+$/;
const RESOURCE_MANAGER = '//cloudresourcemanager.googleapis.com/';

/**
 * `associations[].attachmentTarget`: `organizations/O` or `folders/F` (also as a full Resource
 * Manager name) for a hierarchical policy, a network's URL for a network policy. Proto JSON omits
 * an empty list: no `associations` is a policy associated with nothing.
 */
function attachmentTargetsOf(data: JsonObject, dataPath: string): Fact<readonly string[]> {
  const path = factPath(dataPath, 'associations');
  if (data.associations === undefined || data.associations === null) return explicit([], path);
  const associations = objectsOf(data.associations);
  const targets = associations?.map((association) =>
    attachmentTarget(field(association, 'attachmentTarget')),
  );
  if (!targets || targets.some((target) => target === undefined)) return unexpectedType(path);
  return explicit(targets as string[], path);
}

function attachmentTarget(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const text = raw.trim();
  if (HIERARCHY_NODE.test(text))
    return text.startsWith(RESOURCE_MANAGER) ? text : `${RESOURCE_MANAGER}${text}`;
  return networkName(text);
}

/**
 * A network as `projects/<p>/global/networks/<n>`, lower-case, from its URL or relative name, as
 * the VPC firewall rules' `network` is read (src/sources/gcp/adapters/network.ts); any other
 * text as it is, lower-case.
 */
export function networkName(text: string): string {
  const lower = text.trim().toLowerCase();
  const at = lower.indexOf('projects/');
  return at === -1 ? lower : lower.slice(at);
}

/** `rules`: every hierarchical policy has at least its default rules, so none listed is a record that does not show them. */
function rulesOf(data: JsonObject, dataPath: string): Fact<readonly GcpFirewallPolicyRule[]> {
  const path = factPath(dataPath, 'rules');
  if (data.rules === undefined || data.rules === null)
    return unknown(path, {
      ja: '記録にポリシーのルール（rules）がありません',
      en: 'the record does not list the policy’s rules',
    });
  const rules = objectsOf(data.rules);
  if (!rules) return unexpectedType(path);
  return explicit(
    rules.map((rule, index) => ruleOf(rule, `${path}[${index}]`)),
    path,
  );
}

function ruleOf(rule: JsonObject, path: string): GcpFirewallPolicyRule {
  const priority = asNumber(rule.priority);
  const match = rule.match;
  const matched = isObject(match) ? match : {};
  const ruleName = stringAt(rule, 'ruleName');
  return {
    path,
    name: ruleName ?? `priority ${priority ?? '?'}`,
    priority,
    action: typeof rule.action === 'string' ? rule.action.trim().toLowerCase() : undefined,
    direction: typeof rule.direction === 'string' ? rule.direction.trim().toUpperCase() : undefined,
    // "If this is unspecified, the firewall policy rule will be enabled."
    disabled: rule.disabled === undefined || rule.disabled === null ? false : asBoolean(rule.disabled),
    sourceRanges: stringListOf(matched.srcIpRanges) ?? [],
    otherSources: isObject(match) ? othersOf(matched, 'src', 'srcIpRanges') : ['match'],
    sourceNetworkContext: networkContextOf(matched),
    destinationRanges: stringListOf(matched.destIpRanges) ?? [],
    otherDestinations: othersOf(matched, 'dest', 'destIpRanges'),
    layer4: layer4Of(matched.layer4Configs),
    targetResources: (stringListOf(rule.targetResources) ?? []).map(networkName),
    targetServiceAccounts: (stringListOf(rule.targetServiceAccounts) ?? []).map((account) =>
      account.toLowerCase(),
    ),
    targetSecureTags: secureTagsOf(rule.targetSecureTags),
  };
}

/**
 * The match fields of a side (`src`, `dest`) other than its ranges that are set, by name: FQDNs,
 * geolocations, threat lists, address groups, secure tags, network scopes, and any added since;
 * ranges that are no list of strings count as such a field too (what they hold is not known).
 */
function othersOf(match: JsonObject, side: 'src' | 'dest', ranges: string): string[] {
  // The source network context narrows the other sources, which it is not one of; the networks
  // it names (`srcNetworks`, with VPC_NETWORKS) are inside it.
  const context = (key: string) => side === 'src' && SOURCE_CONTEXT_FIELDS.includes(key);
  const narrowing = side === 'src' && networkContextOf(match) !== undefined;
  const others = Object.entries(match)
    .filter(([key, value]) => key.startsWith(side) && key !== ranges && isSet(value))
    .filter(([key, value]) => !(context(key) && typeof value === 'string'))
    .filter(([key]) => !(narrowing && key === 'srcNetworks'))
    .map(([key]) => key);
  const listed = match[ranges];
  if (listed !== undefined && listed !== null && stringListOf(listed) === undefined) others.push(ranges);
  return others;
}

/**
 * The API's names for the source network context, first to last: `srcNetworkScope` (and
 * Terraform's `src_network_scope`), `srcNetworkType`, `srcNetworkContext`.
 * https://cloud.google.com/firewall/docs/understand-network-contexts
 */
const SOURCE_CONTEXT_FIELDS = ['srcNetworkScope', 'srcNetworkType', 'srcNetworkContext'];

/** The rule's source network context, upper-case; undefined when none is set (or UNSPECIFIED). */
function networkContextOf(match: JsonObject): string | undefined {
  const raw = SOURCE_CONTEXT_FIELDS.map((key) => match[key]).find(
    (value) => value !== undefined && value !== null,
  );
  const context = typeof raw === 'string' ? raw.trim().toUpperCase() : undefined;
  return context === '' || context === 'UNSPECIFIED' ? undefined : context;
}

function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

/**
 * `layer4Configs` as the VPC rules' entries (`ipProtocol`, `ports`); undefined when absent or
 * when an entry cannot be read (a protocol that is no name nor number may be `all`).
 */
function layer4Of(raw: unknown): readonly GcpFirewallEntry[] | undefined {
  const configs = objectsOf(raw);
  if (!configs || configs.length === 0) return undefined;
  const entries: GcpFirewallEntry[] = [];
  for (const config of configs) {
    const protocol = field(config, 'ipProtocol', 'IPProtocol');
    const ports = config.ports;
    if (typeof protocol !== 'string' && typeof protocol !== 'number') return undefined;
    if (ports !== undefined && ports !== null && !(Array.isArray(ports) && ports.every(isPort)))
      return undefined;
    entries.push({
      protocol: String(protocol).trim().toLowerCase(),
      ports: arrayOf(ports).map((port) => String(port).replaceAll(' ', '')),
    });
  }
  return entries;
}

function secureTagsOf(raw: unknown): string[] {
  return arrayOf(raw).map((tag) => (isObject(tag) ? String(tag.name ?? '') : String(tag)));
}
