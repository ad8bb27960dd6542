import { memoized } from '../base/memo.ts';

/**
 * Sets of IP addresses and the arithmetic the exposure checks need on them: what a rule's
 * sources are, what several rules admit together (union), what a higher-priority deny leaves of
 * an allow (difference), whether one rule's scope holds another's (covers). An address set is
 * one list of sorted, disjoint [first, last] spans per family, IPv4 and IPv6, in bigints.
 * Whether a set admits the internet is the judgement of internet-sources.ts, made on these sets.
 */

/** [first, last] addresses, both included. */
export type Span = readonly [bigint, bigint];

export interface AddressSet {
  /** Sorted, disjoint and not adjacent. */
  readonly v4: readonly Span[];
  readonly v6: readonly Span[];
}

const V4_LAST = (1n << 32n) - 1n;
const V6_LAST = (1n << 128n) - 1n;

export const NO_ADDRESSES: AddressSet = { v4: [], v6: [] };
export const EVERY_ADDRESS: AddressSet = { v4: [[0n, V4_LAST]], v6: [[0n, V6_LAST]] };

/** IPv6's global unicast space, 2000::/3. */
const IPV6_GLOBAL_UNICAST: Span = [0x2n << 124n, (0x4n << 124n) - 1n];

/**
 * Addresses no client on the internet connects from: private-use (RFC 1918), shared (CGNAT),
 * loopback, link-local, "this network" and multicast IPv4, and IPv6 outside 2000::/3. Unlike the
 * blocks PUBLIC_ADDRESSES leaves out, it keeps the documentation and benchmarking blocks: plans,
 * templates and examples write those (`203.0.113.7`) for an office's public address, so an
 * allow-list entry naming one is read as the public address it stands for.
 */
const IPV4_NO_INTERNET_CLIENT = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '224.0.0.0/3',
];

/**
 * RFC 6890 special-purpose IPv4 blocks that hold no public host: those above, and the IETF
 * protocol assignments, documentation and benchmarking blocks.
 */
const IPV4_NOT_PUBLIC = [
  ...IPV4_NO_INTERNET_CLIENT,
  '192.0.0.0/24',
  '192.0.2.0/24',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
];

/**
 * Public unicast space: IPv4 outside the special-purpose blocks, IPv6's global unicast 2000::/3
 * (unique local, link-local and multicast lie outside it).
 */
export const PUBLIC_ADDRESSES: AddressSet = {
  v4: complement(
    IPV4_NOT_PUBLIC.map((cidr) => parseSpan(cidr)?.span as Span),
    V4_LAST,
  ),
  v6: [IPV6_GLOBAL_UNICAST],
};

const NO_INTERNET_CLIENT: AddressSet = {
  v4: merge(IPV4_NO_INTERNET_CLIENT.map((cidr) => parseSpan(cidr)?.span as Span)),
  v6: complement([IPV6_GLOBAL_UNICAST], V6_LAST),
};

/**
 * Whether an allow-list entry's addresses (a storage account's or key vault's IP rule) could be an
 * internet client's: not when every one is private, loopback, link-local or multicast.
 */
export function holdsInternetClients(set: AddressSet): boolean {
  return !covers(NO_INTERNET_CLIENT, set);
}

/**
 * The addresses a source names: a CIDR (`a/n`, host bits ignored as the clouds do), a bare
 * address, a range (`first-last`, as Azure SQL firewall rules write it), `*` and `Any` (every
 * address) or Azure's `Internet` service tag (the public space); undefined for anything else
 * (other service tags, security groups, text that is no address), whose addresses the data does
 * not give.
 */
export function addressesOf(source: string): AddressSet | undefined {
  return readAddresses(source);
}

/** Once per distinct text: a scan meets the same few sources (`*`, `Internet`, a VPC's range) on every rule. */
const readAddresses = memoized((source: string): AddressSet | undefined => {
  const word = source.trim().toLowerCase();
  if (word === '*' || word === 'any') return EVERY_ADDRESS;
  if (word === 'internet') return PUBLIC_ADDRESSES;
  const parsed = parseSpan(source);
  if (!parsed) return undefined;
  return parsed.bits === 32 ? { v4: [parsed.span], v6: [] } : { v4: [], v6: [parsed.span] };
});

export function union(a: AddressSet, b: AddressSet): AddressSet {
  if (isEmpty(b)) return a;
  if (isEmpty(a)) return b;
  return { v4: merge([...a.v4, ...b.v4]), v6: merge([...a.v6, ...b.v6]) };
}

/** The addresses of `a` that are not in `b`. */
export function difference(a: AddressSet, b: AddressSet): AddressSet {
  if (isEmpty(a) || isEmpty(b)) return a;
  return { v4: subtract(a.v4, b.v4), v6: subtract(a.v6, b.v6) };
}

export function intersection(a: AddressSet, b: AddressSet): AddressSet {
  return difference(a, difference(a, b));
}

/** The public addresses of a set, once per set (a Deny's, asked of every Allow after it). */
export function publicPart(set: AddressSet): AddressSet {
  let part = PUBLIC_PARTS.get(set);
  if (!part) {
    part = intersection(set, PUBLIC_ADDRESSES);
    PUBLIC_PARTS.set(set, part);
  }
  return part;
}

const PUBLIC_PARTS = new WeakMap<AddressSet, AddressSet>();

/** Whether the sets share an address (nothing is built: asked for every pair of rules). */
export function overlaps(a: AddressSet, b: AddressSet): boolean {
  return spansOverlap(a.v4, b.v4) || spansOverlap(a.v6, b.v6);
}

function spansOverlap(a: readonly Span[], b: readonly Span[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aFirst, aLast] = a[i]!;
    const [bFirst, bLast] = b[j]!;
    if (aFirst <= bLast && bFirst <= aLast) return true;
    if (aLast < bLast) i++;
    else j++;
  }
  return false;
}

/** Whether `outer` holds every address of `inner`. */
export function covers(outer: AddressSet, inner: AddressSet): boolean {
  return isEmpty(difference(inner, outer));
}

export function isEmpty(set: AddressSet): boolean {
  return set.v4.length === 0 && set.v6.length === 0;
}

/** How many addresses of each family the set holds. */
export function sizeOf(set: AddressSet): { v4: bigint; v6: bigint } {
  const count = (spans: readonly Span[]) => spans.reduce((sum, [first, last]) => sum + last - first + 1n, 0n);
  return { v4: count(set.v4), v6: count(set.v6) };
}

/** The spans sorted, overlapping and adjacent ones joined. */
export function merge(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const merged: [bigint, bigint][] = [];
  for (const [first, last] of sorted) {
    const previous = merged.at(-1);
    if (previous && first <= previous[1] + 1n) {
      if (last > previous[1]) previous[1] = last;
    } else merged.push([first, last]);
  }
  return merged;
}

/** The spans of [0, max] that `spans` leave out. */
function complement(spans: readonly Span[], max: bigint): Span[] {
  const gaps: Span[] = [];
  let next = 0n;
  for (const [first, last] of merge(spans)) {
    if (first > next) gaps.push([next, first - 1n]);
    next = last + 1n;
  }
  if (next <= max) gaps.push([next, max]);
  return gaps;
}

/** Sorted disjoint `from` less sorted disjoint `away`, in one pass over both. */
function subtract(from: readonly Span[], away: readonly Span[]): Span[] {
  if (away.length === 0) return [...from];
  const left: Span[] = [];
  let j = 0;
  for (const [first, last] of from) {
    let start = first;
    while (j < away.length && away[j]![1] < start) j++;
    let k = j;
    while (k < away.length && away[k]![0] <= last && start <= last) {
      const [awayFirst, awayLast] = away[k]!;
      if (awayFirst > start) left.push([start, awayFirst - 1n]);
      start = awayLast + 1n;
      k++;
    }
    if (start <= last) left.push([start, last]);
  }
  return left;
}

/**
 * A CIDR, a bare address or a range as the addresses it spans, with its family's width (32 or
 * 128); undefined for anything else.
 */
export function parseSpan(source: string): { bits: number; span: Span } | undefined {
  const text = source.trim();
  const dash = text.indexOf('-');
  if (dash > 0) {
    const first = parseAddress(text.slice(0, dash).trim());
    const last = parseAddress(text.slice(dash + 1).trim());
    if (!first || !last || first.bits !== last.bits || first.value > last.value) return undefined;
    return { bits: first.bits, span: [first.value, last.value] };
  }
  const [address = '', length] = text.split('/');
  const parsed = parseAddress(address);
  if (!parsed) return undefined;
  const { bits } = parsed;
  const prefix = length === undefined ? bits : /^\d{1,3}$/.test(length) ? Number(length) : Number.NaN;
  if (!(prefix >= 0 && prefix <= bits)) return undefined;
  const size = 1n << BigInt(bits - prefix);
  const first = (parsed.value / size) * size;
  return { bits, span: [first, first + size - 1n] };
}

function parseAddress(text: string): { bits: number; value: bigint } | undefined {
  const value = text.includes(':') ? parseIpv6(text) : parseIpv4(text);
  return value === undefined ? undefined : { bits: text.includes(':') ? 128 : 32, value };
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) {
    return undefined;
  }
  return parts.reduce((value, part) => (value << 8n) | BigInt(part), 0n);
}

/** Eight groups of hex, `::` standing for the zero groups left out; a dotted IPv4 tail is read too. */
function parseIpv6(text: string): bigint | undefined {
  const halves = text.toLowerCase().split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined): string[] | undefined => {
    if (!half) return [];
    const parts = half.split(':');
    const tail = parts.at(-1) ?? '';
    if (tail.includes('.')) {
      const v4 = parseIpv4(tail);
      if (v4 === undefined) return undefined;
      parts.splice(-1, 1, (v4 >> 16n).toString(16), (v4 & 0xffffn).toString(16));
    }
    return parts.every((part) => /^[0-9a-f]{1,4}$/.test(part)) ? parts : undefined;
  };
  const head = groups(halves[0]);
  const rest = groups(halves[1]);
  if (!head || !rest) return undefined;
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array.from({ length: halves.length === 1 ? 0 : missing }, () => '0'), ...rest];
  return all.reduce((value, group) => (value << 16n) | BigInt(`0x${group}`), 0n);
}
