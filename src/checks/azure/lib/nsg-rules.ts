import {
  type AddressSet,
  addressesOf,
  covers,
  difference,
  intersection,
  NO_ADDRESSES,
  overlaps,
  PUBLIC_ADDRESSES,
  publicPart,
  union,
} from '../../../model/address-set.ts';
import type { AzureNsgRule } from '../../../model/azure.ts';
import { admitsInternet } from '../../../model/internet-sources.ts';
import {
  holdsAll,
  holdsEveryPort,
  includesPort,
  type PortRange,
  parsePortRanges,
  stretches,
} from '../../../model/port-ranges.ts';

/**
 * How a network security group's inbound rules combine, as Azure applies them: by priority,
 * lowest number first, the first rule that matches a packet deciding. So a packet is let in when
 * an Allow matches it and no Deny of higher priority does, and what an Allow opens is its own
 * match less every higher-priority Deny's: a Deny from 0.0.0.0/1 leaves the other half of the
 * internet open, a Deny for one destination host or for some source ports leaves the rest.
 * The default rules (AllowVnetInBound, AllowAzureLoadBalancerInBound, DenyAllInBound) let no
 * internet traffic in, so whether an export lists them changes nothing.
 * https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works
 */

/**
 * What a rule's sources reach: their addresses, and the `AzureCloud` service tags (every public
 * address of Azure's datacenters, which any Azure customer's machine can send from: not a
 * boundary, Microsoft says of service tags), kept apart since the data does not list their
 * addresses. Other service tags (`VirtualNetwork`, `AzureLoadBalancer`, a service's own tag) and
 * application security groups (VMs of the same network) name no public source and reach nothing.
 * https://learn.microsoft.com/azure/virtual-network/service-tags-overview
 */
interface Reach {
  readonly addresses: AddressSet;
  /** Lower-cased `azurecloud` and `azurecloud.<region>` tags. */
  readonly anyTenant: readonly string[];
}

/** Inbound destinations are a NIC's private addresses: these name every one of them. */
const EVERY_DESTINATION = new Set(['*', 'any', 'virtualnetwork', '0.0.0.0/0', '0.0.0.0']);

/** A rule as the combination reads it: its texts lower-cased and its ranges parsed, once. */
export interface ReadRule {
  readonly name: string;
  readonly allows: boolean;
  /** Lower-cased: `*`, `any`, `tcp`, `udp`, `icmp`, `esp`, `ah`. */
  readonly protocol: string;
  /** The source prefixes and tags as written. */
  readonly sources: readonly string[];
  readonly reach: Reach;
  /** Whether the reach holds any public source: an Allow without one can open nothing to the internet. */
  readonly reachesPublic: boolean;
  readonly ports: readonly PortRange[];
  readonly sourcePorts: readonly PortRange[];
  /** Every destination of the NSG, or the addresses and words (tags, group ids) it names. */
  readonly destinations: 'every' | { readonly addresses: AddressSet; readonly words: ReadonlySet<string> };
}

export function readRule(rule: AzureNsgRule): ReadRule {
  // A bare 0.0.0.0 is what the portal and older templates wrote for any address.
  const sources = rule.sourcePrefixes.map((prefix) => (prefix.trim() === '0.0.0.0' ? '0.0.0.0/0' : prefix));
  let addresses = NO_ADDRESSES;
  const anyTenant: string[] = [];
  for (const source of sources) {
    const named = addressesOf(source);
    if (named) addresses = union(addresses, named);
    else if (isAnyTenant(source)) anyTenant.push(source.trim().toLowerCase());
  }
  const reach = { addresses, anyTenant };
  return {
    name: rule.name,
    allows: rule.access.toLowerCase() === 'allow',
    protocol: rule.protocol.toLowerCase(),
    sources,
    reach,
    reachesPublic: hasPublic(reach),
    ports: parsePortRanges(rule.destinationPorts),
    sourcePorts: parsePortRanges(rule.sourcePorts),
    destinations: readDestinations(rule),
  };
}

const isAnyTenant = (source: string) => /^azurecloud(?:\.[\w-]+)?$/i.test(source.trim());

function readDestinations(rule: AzureNsgRule): ReadRule['destinations'] {
  const prefixes = rule.destinations.map((prefix) => prefix.trim().toLowerCase());
  if (prefixes.some((prefix) => EVERY_DESTINATION.has(prefix))) return 'every';
  let addresses = NO_ADDRESSES;
  const words = new Set(rule.destinationGroups);
  for (const prefix of prefixes) {
    const named = addressesOf(prefix);
    if (named) addresses = union(addresses, named);
    else words.add(prefix);
  }
  return { addresses, words };
}

/** What is open to the internet for one protocol and ports: the Allows that open it, their sources, the Denies that cut into them. */
export interface Exposure {
  readonly allows: readonly string[];
  readonly sources: readonly string[];
  /** Higher-priority Denies that took part of those Allows away (sources, ports or destinations). */
  readonly denies: readonly string[];
}

/** Whether the rules' Allows, read together, reach the internet at all (most NSGs: not). */
export function anyInternetAllow(rules: readonly ReadRule[]): boolean {
  const allowed = rules.filter((rule) => rule.allows && rule.reachesPublic).map((rule) => rule.reach);
  return allowed.some((reach) => reach.anyTenant.length > 0) || admitsInternet(unionOf(allowed));
}

/**
 * What `protocol` traffic to `port` the rules (sorted by priority) let in from the internet; with
 * no Allow left open (`allows` empty), the Denies that closed what the Allows would open.
 */
export function portExposure(
  rules: readonly ReadRule[],
  protocol: string,
  port: number,
): Exposure | undefined {
  const here = (rule: ReadRule) => appliesTo(rule, protocol) && includesPort(rule.ports, port);
  return opening(rules, here, here);
}

/**
 * What the Allows written for every port let in from the internet, stretch by stretch of ports:
 * a Deny for port 22 takes 22 away and leaves the other ports open. Open on any stretch, the
 * rule still opens (almost) every port; the Denies that cut elsewhere are named with it. Closed
 * on every stretch, the Denies that closed them are told (`allows` empty).
 */
export function everyPortExposure(rules: readonly ReadRule[], protocol: string): Exposure | undefined {
  const ours = rules.filter((rule) => appliesTo(rule, protocol));
  const everyPort = (rule: ReadRule) => rule.allows && holdsEveryPort(rule.ports);
  if (!ours.some((rule) => everyPort(rule) && rule.reachesPublic)) return undefined;
  // Only Denies with a public source can cut what matters: the others do not split the ports.
  const denied = ours.filter((rule) => !rule.allows && rule.reachesPublic).flatMap((rule) => rule.ports);
  const open: Exposure[] = [];
  const denies = new Set<string>();
  for (const [first] of stretches(denied)) {
    const found = opening(ours, everyPort, (rule) => !rule.allows && includesPort(rule.ports, first));
    if (!found) continue;
    if (found.allows.length > 0) open.push(found);
    for (const name of found.denies) denies.add(name);
  }
  if (open.length === 0)
    return denies.size > 0 ? { allows: [], sources: [], denies: [...denies] } : undefined;
  return {
    allows: [...new Set(open.flatMap((found) => found.allows))],
    sources: [...new Set(open.flatMap((found) => found.sources))],
    denies: [...denies],
  };
}

/**
 * The Allows (`allowing`) and Denies (`denying`) of one protocol and stretch of ports, in
 * priority order: each Allow opens its reach less that of every higher-priority Deny that covers
 * its destinations and source ports. When what they open together does not admit the internet:
 * the Denies that cut in if the Allows would admit it without them (allows empty), else undefined.
 */
function opening(
  rules: readonly ReadRule[],
  allowing: (rule: ReadRule) => boolean,
  denying: (rule: ReadRule) => boolean,
): Exposure | undefined {
  const denies: ReadRule[] = [];
  const opened: { rule: ReadRule; left: Reach; cuts: string[] }[] = [];
  for (const rule of rules) {
    if (!rule.allows) {
      if (denying(rule)) denies.push(rule);
      continue;
    }
    if (!rule.reachesPublic || !allowing(rule)) continue;
    let left = rule.reach;
    const cuts: string[] = [];
    for (const deny of denies) {
      // A Deny that shares no public source with what is left takes nothing that matters.
      if (!deny.reachesPublic || !coversScope(deny, rule)) continue;
      const next = without(left, deny.reach);
      if (
        next.anyTenant.length < left.anyTenant.length ||
        overlaps(left.addresses, publicPart(deny.reach.addresses))
      ) {
        cuts.push(deny.name);
        left = next;
      }
    }
    opened.push({ rule, left, cuts });
  }
  const through = opened.filter(({ rule, left }) =>
    left === rule.reach ? rule.reachesPublic : hasPublic(left),
  );
  const open = through.map(({ left }) => left);
  const exposed =
    open.some((reach) => reach.anyTenant.length > 0) ||
    (open.length === 1
      ? admitsInternet(open[0]!.addresses)
      : open.length > 1 && admitsInternet(unionOf(open)));
  if (!exposed) {
    const cuts = [...new Set(opened.flatMap(({ cuts }) => cuts))];
    if (cuts.length === 0) return undefined;
    const whole = opened.map(({ rule }) => rule.reach);
    const wouldOpen = whole.some((reach) => reach.anyTenant.length > 0) || admitsInternet(unionOf(whole));
    return wouldOpen ? { allows: [], sources: [], denies: cuts } : undefined;
  }
  return {
    allows: through.map(({ rule }) => rule.name),
    sources: [
      ...new Set(
        through.flatMap(({ rule, left }) => rule.sources.filter((source) => sourceStillOpen(source, left))),
      ),
    ],
    denies: [...new Set(through.flatMap(({ cuts }) => cuts))],
  };
}

function appliesTo(rule: ReadRule, protocol: string): boolean {
  return rule.protocol === '*' || rule.protocol === 'any' || rule.protocol === protocol;
}

/**
 * Whether a Deny matches every packet of the Allow's that its sources do: all the Allow's
 * destinations and source ports. A Deny for some of them closes only those, so it is left out
 * (what it leaves open is still open).
 */
function coversScope(deny: ReadRule, allow: ReadRule): boolean {
  if (!holdsAll(deny.sourcePorts, allow.sourcePorts)) return false;
  if (deny.destinations === 'every') return true;
  if (allow.destinations === 'every') return false;
  const { addresses, words } = allow.destinations;
  const denied = deny.destinations;
  return covers(denied.addresses, addresses) && [...words].every((word) => denied.words.has(word));
}

function without(reach: Reach, away: Reach): Reach {
  const allPublic = covers(away.addresses, PUBLIC_ADDRESSES);
  return {
    addresses: difference(reach.addresses, away.addresses),
    anyTenant: reach.anyTenant.filter(
      (tag) => !allPublic && !away.anyTenant.some((other) => other === tag || other === 'azurecloud'),
    ),
  };
}

function hasPublic(reach: Reach): boolean {
  return reach.anyTenant.length > 0 || overlaps(reach.addresses, PUBLIC_ADDRESSES);
}

function sourceStillOpen(source: string, left: Reach): boolean {
  if (isAnyTenant(source)) return left.anyTenant.includes(source.trim().toLowerCase());
  const addresses = addressesOf(source);
  return addresses !== undefined && overlaps(intersection(addresses, left.addresses), PUBLIC_ADDRESSES);
}

function unionOf(reaches: readonly Reach[]): AddressSet {
  return reaches.reduce((set, reach) => union(set, reach.addresses), NO_ADDRESSES);
}
