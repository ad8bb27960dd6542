import {
  type AddressSet,
  addressesOf,
  difference,
  EVERY_ADDRESS,
  NO_ADDRESSES,
  union,
} from '../../../model/address-set.ts';
import { explicit, type Fact } from '../../../model/fact.ts';
import {
  FIREWALL_POLICY_TYPE,
  type GcpFirewallFacts,
  type GcpFirewallPolicyFacts,
  type GcpFirewallPolicyRule,
  type GcpHierarchyNodeFacts,
} from '../../../model/gcp.ts';
import type { PortRange } from '../../../model/port-ranges.ts';
import { accountResourceId, type Resource } from '../../../model/resource.ts';
import type { CheckContext } from '../../check.ts';
import { addressesOfRanges, networkKey, protocolPorts, type ReadDeny } from './firewall-rules.ts';
import { ancestorsOf } from './hierarchy.ts';

/**
 * What the hierarchical firewall policies above a project take from its VPC firewall rules.
 * Google Cloud evaluates, for a packet to an instance, the policies associated with its
 * organization, then with each folder from the top down, and only then the VPC rules (the network
 * policies come after them unless the network says `BEFORE_CLASSIC_FIREWALL`); within a policy
 * the rules by priority. A matching `deny` drops the packet, an `allow` (or
 * `apply_security_profile_group`) admits it with no later rule looked at, `goto_next` leaves the
 * policy for the next level. So a policy's deny closes what a VPC rule allows, from the sources
 * it names, except for the traffic an earlier rule lets past it: an allow at a level above, or an
 * allow or `goto_next` of higher priority in its own policy.
 * https://cloud.google.com/firewall/docs/firewall-policies-rule-eval-order
 *
 * The data must show everything evaluated before a deny, or the deny closes nothing (the VPC rule
 * is judged as before): the project's ancestors, and at each level above the deny's the policy
 * associated with it (one policy per organization or folder); a level whose policy is not in the
 * inventory may hold an allow. An earlier rule whose match the data does not resolve (FQDNs,
 * geolocations, threat lists, address groups, secure tags) counts as matching every source; one
 * whose network targets do not name the rule's network still counts (networks may be spelled by
 * number or id). Network firewall policies take nothing away: with the default enforcement order
 * they are evaluated after the VPC rules, whose allow ends the evaluation.
 */
export function policyDenies(rule: Resource<GcpFirewallFacts>, ctx: CheckContext): readonly ReadDeny[] {
  return deniesAboveProject(rule.account, networkKey(rule), ctx);
}

/** The hierarchical policies' denies that apply to a network of the project (`account`). */
export function deniesAboveProject(
  account: string,
  network: string | undefined,
  ctx: CheckContext,
): readonly ReadDeny[] {
  const project = ctx.inventory.byId('gcp', accountResourceId('gcp', account)) as
    | Resource<GcpHierarchyNodeFacts>
    | undefined;
  if (!project) return NONE;
  // Worked out once per project and network: every allow rule of the network asks the same.
  let byNetwork = CACHE.get(project);
  if (!byNetwork) {
    byNetwork = new Map();
    CACHE.set(project, byNetwork);
  }
  let denies = byNetwork.get(network);
  if (!denies) {
    denies = deniesAbove(project, network, ctx);
    byNetwork.set(network, denies);
  }
  return denies;
}

const CACHE = new WeakMap<Resource, Map<string | undefined, readonly ReadDeny[]>>();

/**
 * The denies of the hierarchical policies above the organization or folder `node` (its own
 * excluded), for what a policy associated with it alone admits: Google Cloud evaluates those first,
 * and a deny there drops the traffic before the policy's allow is looked at. A deny for some
 * networks only is not counted (the allow may be for others).
 */
export function deniesAboveNode(node: string, ctx: CheckContext): readonly ReadDeny[] {
  const resource = ctx.inventory.byId('gcp', node) as Resource<GcpHierarchyNodeFacts> | undefined;
  if (!resource) return NONE;
  let denies = NODE_CACHE.get(resource);
  if (!denies) {
    // An organization has nothing above it.
    denies = node.startsWith(`${RESOURCE_MANAGER}organizations/`)
      ? NONE
      : deniesAbove(resource, undefined, ctx);
    NODE_CACHE.set(resource, denies);
  }
  return denies;
}

const NODE_CACHE = new WeakMap<Resource, readonly ReadDeny[]>();

function deniesAbove(
  below: Resource<GcpHierarchyNodeFacts>,
  network: string | undefined,
  ctx: CheckContext,
): readonly ReadDeny[] {
  const ancestors = ancestorsOf(below, ctx).value;
  if (!ancestors || ancestors.length === 0) return NONE;
  const policies = hierarchicalPolicies(ancestors, ctx);
  // A policy whose associations are not known may sit at any level: no deny below it is sure.
  if (policies.some((policy) => policy.facts.attachmentTargets?.source === 'unknown')) return NONE;
  const denies: ReadDeny[] = [];
  // Rules that let traffic past every later level (allow, apply_security_profile_group, unknown actions).
  const admitting: PolicyRuleRead[] = [];
  // From the organization down.
  for (const node of [...ancestors].reverse()) {
    const here = policies.filter((policy) => policy.facts.attachmentTargets?.value?.includes(node));
    // No policy seen at a level: one may be associated there, and admit what a lower deny denies.
    if (here.length !== 1) break;
    const policy = here[0]!;
    const rules = policy.facts.rules;
    if (!rules || rules.source === 'unknown') break;
    const sorted = [...rules.value].sort(
      (a, b) => (a.priority ?? Number.NEGATIVE_INFINITY) - (b.priority ?? Number.NEGATIVE_INFINITY),
    );
    // Rules of this policy that pass traffic on to the next level, past its lower-priority denies.
    const passing: PolicyRuleRead[] = [];
    for (const policyRule of sorted) {
      if (policyRule.direction === 'EGRESS' || policyRule.disabled === true) continue;
      if (policyRule.action === 'deny') {
        const deny = readPolicyDeny(policy, policyRule, network, [...admitting, ...passing]);
        if (deny) denies.push(deny);
      } else {
        const read = readEarlier(policyRule);
        if (policyRule.action === 'goto_next') passing.push(read);
        else admitting.push(read);
      }
    }
  }
  return denies;
}

const NONE: readonly ReadDeny[] = Object.freeze([]);
const RESOURCE_MANAGER = '//cloudresourcemanager.googleapis.com/';

/** The hierarchical policies kept in the project's organization and folders (a policy lives in its `parent`). */
function hierarchicalPolicies(
  ancestors: readonly string[],
  ctx: CheckContext,
): Resource<GcpFirewallPolicyFacts>[] {
  return ancestors.flatMap((node) =>
    (
      ctx.inventory.inAccount(
        'gcp',
        node.slice(RESOURCE_MANAGER.length),
        'network.firewall',
      ) as readonly Resource<GcpFirewallPolicyFacts>[]
    ).filter(
      (resource) =>
        resource.nativeType === FIREWALL_POLICY_TYPE && resource.facts.policyKind?.value !== 'network',
    ),
  );
}

/** A rule evaluated before a deny: the sources and ports it may take past it. */
interface PolicyRuleRead {
  readonly sources: AddressSet;
  /** Undefined: every protocol and port (its layer-4 match is not known). */
  readonly ports: readonly { readonly protocol: string; readonly ports: readonly PortRange[] }[] | undefined;
}

/** What an earlier rule may match, read wide: what the data does not resolve matches everything. */
function readEarlier(rule: GcpFirewallPolicyRule): PolicyRuleRead {
  const resolved =
    rule.otherSources.length === 0 &&
    rule.sourceRanges.length > 0 &&
    rule.sourceRanges.every((range) => addressesOf(range) !== undefined);
  return {
    sources: resolved ? addressesOfRanges(rule.sourceRanges) : EVERY_ADDRESS,
    ports: rule.layer4 && protocolPorts(rule.layer4),
  };
}

/**
 * A policy's deny as the VPC rules' combination reads it, when it surely applies to the rule's
 * network and instances: ingress, enabled, with its priority, ports and source ranges known,
 * every destination or its ranges, no secure-tag target (VPC rules target network tags, which
 * a secure tag is not). Its sources are those no earlier rule takes past it on ports it denies.
 */
function readPolicyDeny(
  policy: Resource<GcpFirewallPolicyFacts>,
  rule: GcpFirewallPolicyRule,
  network: string | undefined,
  earlier: readonly PolicyRuleRead[],
): ReadDeny | undefined {
  if (rule.direction !== 'INGRESS' || rule.disabled !== false || rule.priority === undefined)
    return undefined;
  if (!rule.layer4 || rule.sourceRanges.length === 0 || rule.otherDestinations.length > 0) return undefined;
  if (rule.targetSecureTags.length > 0 || !rangesReachInternet(rule)) return undefined;
  if (rule.targetResources.length > 0 && (network === undefined || !rule.targetResources.includes(network)))
    return undefined;
  const denied = protocolPorts(rule.layer4);
  const passedBy = earlier
    .filter(
      (read) => read.ports === undefined || read.ports.some((entry) => denied.some((d) => meets(entry, d))),
    )
    .reduce((set, read) => union(set, read.sources), NO_ADDRESSES);
  const fact: Fact<unknown> = explicit(ruleShown(rule), rule.path);
  return {
    resource: policy,
    name: `${policy.facts.displayName?.value ?? policy.name}: ${rule.name}`,
    // Before every VPC rule, whatever its priority.
    priority: Number.NEGATIVE_INFINITY,
    sources: difference(addressesOfRanges(rule.sourceRanges), passedBy),
    denied,
    targets: { tags: new Set(), accounts: new Set(rule.targetServiceAccounts) },
    destinations: rule.destinationRanges.length > 0 ? addressesOfRanges(rule.destinationRanges) : undefined,
    evidence: [...(policy.facts.attachmentTargets ? [policy.facts.attachmentTargets] : []), fact],
  };
}

/** Whether two protocol entries share a port. */
function meets(
  a: { readonly protocol: string; readonly ports: readonly PortRange[] },
  b: { readonly protocol: string; readonly ports: readonly PortRange[] },
): boolean {
  if (a.protocol !== 'all' && b.protocol !== 'all' && a.protocol !== b.protocol) return false;
  return a.ports.some(([first, last]) => b.ports.some(([from, to]) => first <= to && from <= last));
}

/** Network contexts no internet traffic is in: VPC networks and intra-VPC are non-internet. */
const NON_INTERNET_CONTEXTS = new Set(['NON_INTERNET', 'VPC_NETWORKS', 'INTRA_VPC']);

/** The rule's source network context leaves out every packet from the internet. */
export function fromNonInternetOnly(rule: GcpFirewallPolicyRule): boolean {
  return rule.sourceNetworkContext !== undefined && NON_INTERNET_CONTEXTS.has(rule.sourceNetworkContext);
}

/** The rule's source ranges hold for internet traffic: no network context, or the internet one. */
export function rangesReachInternet(rule: GcpFirewallPolicyRule): boolean {
  return rule.sourceNetworkContext === undefined || rule.sourceNetworkContext === 'INTERNET';
}

/** A rule as the evidence shows it: what decides, in the REST field names. */
export function ruleShown(rule: GcpFirewallPolicyRule): Record<string, unknown> {
  return {
    priority: rule.priority,
    action: rule.action,
    direction: rule.direction,
    srcIpRanges: rule.sourceRanges,
    ...(rule.sourceNetworkContext !== undefined && { srcNetworkScope: rule.sourceNetworkContext }),
    layer4Configs: rule.layer4?.map((entry) => ({ ipProtocol: entry.protocol, ports: entry.ports })),
    ...(rule.targetResources.length > 0 && { targetResources: rule.targetResources }),
    ...(rule.targetServiceAccounts.length > 0 && { targetServiceAccounts: rule.targetServiceAccounts }),
  };
}
