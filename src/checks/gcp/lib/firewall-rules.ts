import {
  type AddressSet,
  addressesOf,
  covers,
  difference,
  NO_ADDRESSES,
  overlaps,
  publicPart,
  union,
} from '../../../model/address-set.ts';
import type { Fact } from '../../../model/fact.ts';
import type { GcpFirewallEntry, GcpFirewallFacts } from '../../../model/gcp.ts';
import { admitsInternet } from '../../../model/internet-sources.ts';
import {
  ALL_PORTS,
  holdsEveryPort,
  includesPort,
  type PortRange,
  parsePortRanges,
  stretches,
} from '../../../model/port-ranges.ts';
import type { Resource } from '../../../model/resource.ts';
import type { Evidence, InventoryView } from '../../check.ts';
import { evidenceFrom } from '../../verdict.ts';

/**
 * How the VPC firewall rules of one network combine, as Google Cloud applies them to a packet:
 * the matching rule of highest priority (lowest number) decides, and of an allow and a deny of
 * the same priority the deny. So an allow rule lets in what it matches less what every enabled
 * ingress deny of the same network, of its priority or higher, matches too: a deny from
 * 0.0.0.0/0 on tcp:22 closes SSH, one from 0.0.0.0/1 leaves the other half of the internet.
 * A deny counts only where it applies to every instance the allow does (`targetTags`,
 * `targetServiceAccounts`) and every destination (`destinationRanges`): a deny for instances
 * tagged `bastion` leaves the allow open on every other instance. The implied deny-all at 65535
 * is below every rule. The denies of the hierarchical firewall policies above the project come
 * before every VPC rule (firewall-policies.ts).
 * https://cloud.google.com/firewall/docs/firewalls#priority_order_for_firewall_rules
 */

/** Protocols with ports, by the names and numbers rules write. */
const PORT_PROTOCOLS: Readonly<Record<string, string>> = {
  tcp: 'tcp',
  udp: 'udp',
  sctp: 'sctp',
  '6': 'tcp',
  '17': 'udp',
  '132': 'sctp',
};
export const PROTOCOLS_WITH_PORTS = ['tcp', 'udp', 'sctp'] as const;

/** One protocol and the ports an allowed or denied entry names. */
interface ProtocolPorts {
  /** `tcp`, `udp`, `sctp`, or `all`. */
  readonly protocol: string;
  readonly ports: readonly PortRange[];
}

/** A deny rule (of the network, or of a firewall policy above it) as the combination reads it, once per scan. */
export interface ReadDeny {
  readonly resource: Resource;
  readonly name: string;
  readonly priority: number;
  readonly sources: AddressSet;
  readonly denied: readonly ProtocolPorts[];
  readonly targets: Targets;
  /** Undefined: every destination. */
  readonly destinations: AddressSet | undefined;
  readonly evidence: readonly Fact<unknown>[];
}

/** Which instances a rule applies to: all, or those with one of the tags or service accounts. */
export interface Targets {
  readonly tags: ReadonlySet<string>;
  readonly accounts: ReadonlySet<string>;
}

/** The entries with ports, protocol names for numbers (`6` is tcp); others deny no port. */
export function protocolPorts(entries: readonly GcpFirewallEntry[]): ProtocolPorts[] {
  return entries.flatMap((entry) => {
    const protocol = entry.protocol === 'all' ? 'all' : PORT_PROTOCOLS[entry.protocol];
    if (!protocol) return [];
    const ports = entry.ports.length === 0 ? [ALL_PORTS] : parsePortRanges(entry.ports);
    return [{ protocol, ports }];
  });
}

export function addressesOfRanges(ranges: readonly string[]): AddressSet {
  return ranges.reduce((set, range) => union(set, addressesOf(range) ?? NO_ADDRESSES), NO_ADDRESSES);
}

export function targetsOf(rule: Resource<GcpFirewallFacts>): Targets {
  return {
    tags: new Set(rule.facts.targetTags?.value ?? []),
    accounts: new Set(
      (rule.facts.targetServiceAccounts?.value ?? []).map((account) => account.toLowerCase()),
    ),
  };
}

/** The rule's network, placed in the rule's project when the rule names it bare. */
export function networkKey(rule: Resource<GcpFirewallFacts>): string | undefined {
  const network = rule.facts.network?.value;
  if (network === undefined) return undefined;
  return network.startsWith('projects/') ? network : `projects/${rule.account}/global/networks/${network}`;
}

/**
 * The enabled ingress deny rules of the rule's network, by priority: the project's firewall
 * rules grouped by network once per scan (the inventory gives the same list until it changes),
 * so each allow rule looks up its own network's denies, not every rule of the inventory.
 */
export function networkDenies(
  inventory: InventoryView,
  rule: Resource<GcpFirewallFacts>,
): readonly ReadDeny[] {
  const key = networkKey(rule);
  if (key === undefined) return NONE;
  const list = inventory.inAccount(
    'gcp',
    rule.account,
    'network.firewall',
  ) as readonly Resource<GcpFirewallFacts>[];
  let byNetwork = INDEXES.get(list);
  if (!byNetwork) {
    byNetwork = denyIndex(list);
    INDEXES.set(list, byNetwork);
  }
  return byNetwork.get(key) ?? NONE;
}

const INDEXES = new WeakMap<readonly Resource[], Map<string, ReadDeny[]>>();
const NONE: readonly ReadDeny[] = Object.freeze([]);

function denyIndex(list: readonly Resource<GcpFirewallFacts>[]): Map<string, ReadDeny[]> {
  const byNetwork = new Map<string, ReadDeny[]>();
  for (const rule of list) {
    const deny = readDeny(rule);
    const key = deny && networkKey(rule);
    if (!deny || key === undefined) continue;
    const denies = byNetwork.get(key);
    if (denies) denies.push(deny);
    else byNetwork.set(key, [deny]);
  }
  for (const denies of byNetwork.values()) denies.sort((a, b) => a.priority - b.priority);
  return byNetwork;
}

/**
 * A deny rule that surely applies: ingress, enabled, with its priority, sources and targets
 * known. A deny the data leaves in doubt closes nothing (what it might close is judged open).
 */
function readDeny(rule: Resource<GcpFirewallFacts>): ReadDeny | undefined {
  const { direction, disabled, denied, sourceRanges, priority, targetTags, targetServiceAccounts } =
    rule.facts;
  const destinationRanges = rule.facts.destinationRanges;
  if (direction?.value?.toUpperCase() !== 'INGRESS' || disabled?.value !== false) return undefined;
  if (!denied?.value || denied.value.length === 0 || priority?.value === undefined) return undefined;
  if (
    !sourceRanges?.value ||
    !targetTags?.value ||
    !targetServiceAccounts?.value ||
    !destinationRanges?.value
  )
    return undefined;
  return {
    resource: rule,
    name: rule.name,
    priority: priority.value,
    sources: addressesOfRanges(sourceRanges.value),
    denied: protocolPorts(denied.value),
    targets: targetsOf(rule),
    destinations: destinationRanges.value.length > 0 ? addressesOfRanges(destinationRanges.value) : undefined,
    evidence: [priority, sourceRanges, denied],
  };
}

/** What an allow rule is judged with: its sources, targets, destinations and priority. */
export interface ReadAllow {
  readonly priority: number;
  readonly sources: AddressSet;
  readonly targets: Targets;
  readonly destinations: AddressSet | undefined;
}

/**
 * The denies that take something from the allow: of its priority or higher, for every instance
 * and destination it applies to, and from some public address of its sources.
 */
export function denialsOf(allow: ReadAllow, denies: readonly ReadDeny[]): ReadDeny[] {
  const publicSources = publicPart(allow.sources);
  const denials: ReadDeny[] = [];
  // By priority: the denies below the allow's are passed over without a look.
  for (const deny of denies) {
    if (deny.priority > allow.priority) break;
    if (!coversTargets(deny.targets, allow.targets)) continue;
    if (
      deny.destinations !== undefined &&
      (allow.destinations === undefined || !covers(deny.destinations, allow.destinations))
    )
      continue;
    if (overlaps(deny.sources, publicSources)) denials.push(deny);
  }
  return denials;
}

/** Whether a deny applies to every instance the allow does. */
function coversTargets(deny: Targets, allow: Targets): boolean {
  if (deny.tags.size === 0 && deny.accounts.size === 0) return true;
  if (allow.tags.size > 0) return [...allow.tags].every((tag) => deny.tags.has(tag));
  if (allow.accounts.size > 0) return [...allow.accounts].every((account) => deny.accounts.has(account));
  return false;
}

/** What is left open of one protocol's port, or of every port, and the denies that cut into it. */
export interface Left {
  readonly open: boolean;
  readonly cuts: readonly ReadDeny[];
}

function deniesPort(deny: ReadDeny, protocol: string, port: number): boolean {
  return deny.denied.some(
    (entry) => (entry.protocol === 'all' || entry.protocol === protocol) && includesPort(entry.ports, port),
  );
}

function leftAfter(sources: AddressSet, denies: readonly ReadDeny[]): AddressSet {
  return denies.reduce((left, deny) => difference(left, deny.sources), sources);
}

/** Whether `protocol` traffic to `port` from the internet is left open by the denies. */
export function portLeft(
  allow: ReadAllow,
  denials: readonly ReadDeny[],
  protocol: string,
  port: number,
): Left {
  const cuts = denials.filter((deny) => deniesPort(deny, protocol, port));
  return { open: admitsInternet(leftAfter(allow.sources, cuts)), cuts };
}

/**
 * Whether the internet still reaches (almost) every port of `protocol`: open on some stretch of
 * ports the denies leave whole; the denies that cut any stretch are named.
 */
export function everyPortLeft(allow: ReadAllow, denials: readonly ReadDeny[], protocol: string): Left {
  const ours = denials.filter((deny) =>
    deny.denied.some((entry) => entry.protocol === 'all' || entry.protocol === protocol),
  );
  const ranges = ours.flatMap((deny) =>
    deny.denied
      .filter((entry) => entry.protocol === 'all' || entry.protocol === protocol)
      .flatMap((entry) => entry.ports),
  );
  let open = false;
  for (const [first] of stretches(ranges)) {
    if (
      admitsInternet(
        leftAfter(
          allow.sources,
          ours.filter((deny) => deniesPort(deny, protocol, first)),
        ),
      )
    ) {
      open = true;
      break;
    }
  }
  return { open, cuts: ours };
}

/** Whether an entry opens every port of `protocol`, or the port. */
export const opensEveryPort = (entry: ProtocolPorts, protocol: string) =>
  (entry.protocol === 'all' || entry.protocol === protocol) && holdsEveryPort(entry.ports);
export const opensPort = (entry: ProtocolPorts, protocol: string, port: number) =>
  (entry.protocol === 'all' || entry.protocol === protocol) && includesPort(entry.ports, port);

/** A deny's facts as evidence of the allow's finding, each naming the deny rule. */
export function denyEvidence(denies: readonly ReadDeny[]): Evidence[] {
  return denies.flatMap((deny) => deny.evidence.map((fact) => evidenceFrom(deny.resource, fact)));
}
