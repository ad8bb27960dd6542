import { memoized } from '../base/memo.ts';

/**
 * Whether a set of source addresses admits the internet: the one way every check decides it, for
 * security groups, firewall rules, NSG rules and authorized ranges. (Storage account and Key Vault
 * IP rules need none: any public IP rule already makes those reachable from the internet.)
 *
 * The sources are read as the cloud reads them, together: a rule's several prefixes, the rules of
 * one group that allow the same port, a list of authorized networks. They admit the internet when
 * - one of them is a word for anywhere (`*`, `Any`, Azure's `Internet` service tag), or
 * - together they cover at least as many public addresses as a /7 of IPv4 or a /11 of IPv6.
 * No one holder has more than a /8 of IPv4 (the legacy /8s) and IANA gives the regional registries
 * IPv6 in /12s, so sources reaching past that admit networks the owner does not control, however
 * they are written: `0.0.0.0/0`, `0.0.0.0/1` with `128.0.0.0/1` (written so to slip past linters
 * that look for `0.0.0.0/0`), `0.0.0.0/1` alone (half the internet is the internet), a /4, `::/0`,
 * `2000::/3` (every global unicast address). Public means not private: RFC 1918, shared (CGNAT),
 * loopback, link-local, "this network", multicast and reserved IPv4; outside 2000::/3 for IPv6
 * (unique local, link-local and multicast lie outside it), so `10.0.0.0/8`, `fc00::/7` or any
 * number of private ranges never count. Service tags other than those words (`VirtualNetwork`,
 * `AzureLoadBalancer`) and entries that are not addresses name no public range and count nothing.
 */

/** Source words that mean any address, lower-cased. */
const ANYWHERE = new Set(['*', 'any', 'internet']);

interface Family {
  /** 32 for IPv4, 128 for IPv6. */
  readonly bits: number;
  /** How many public addresses the sources must cover to admit the internet. */
  readonly threshold: bigint;
  /** The same as a number (a power of two, exact). */
  readonly thresholdApproximately: number;
  /** Public unicast space as sorted, disjoint [first, last] spans. */
  readonly publicSpans: readonly Span[];
}

type Span = readonly [bigint, bigint];

/** RFC 6890 special-purpose IPv4 blocks that hold no public host, as the sources' own notation. */
const IPV4_NOT_PUBLIC = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/3',
];

const IPV4: Family = {
  bits: 32,
  threshold: 1n << 25n,
  thresholdApproximately: 2 ** 25,
  publicSpans: complement(
    IPV4_NOT_PUBLIC.map((cidr) => parseSource(cidr)?.span as Span),
    (1n << 32n) - 1n,
  ),
};

/** Global unicast, 2000::/3: every IPv6 address the registries hand out. */
const IPV6: Family = {
  bits: 128,
  threshold: 1n << 117n,
  thresholdApproximately: 2 ** 117,
  publicSpans: [[0x2n << 124n, (0x4n << 124n) - 1n]],
};

/**
 * The sources that let the internet in, as written, in their order: the word for anywhere, or
 * every source holding public addresses when together they reach the threshold; empty when the
 * sources do not admit the internet.
 */
export function internetSources(sources: readonly string[]): string[] {
  const anywhere = sources.filter((source) => ANYWHERE.has(source.trim().toLowerCase()));
  if (anywhere.length > 0) return anywhere;
  const parsed = sources.flatMap((source) => {
    const read = readSource(source);
    return read && read.publicAddresses > 0n ? [{ source, ...read }] : [];
  });
  return [IPV4, IPV6].flatMap((family) => {
    const own = parsed.filter((entry) => entry.bits === family.bits);
    // Most rules name a few private or small ranges: the union cannot be more than the sum of
    // its parts, and a sum in floating point below the threshold (exact for these powers of two,
    // rounding only upwards past it) spares the exact union in bigints.
    if (own.reduce((sum, entry) => sum + entry.publicApproximately, 0) < family.thresholdApproximately)
      return [];
    const covered = publicCount(
      own.map((entry) => entry.span),
      family,
    );
    return covered < family.threshold ? [] : own.map((entry) => entry.source);
  });
}

/**
 * A source's span and how many public addresses it holds, once per distinct text: a scan meets
 * the same few sources (`0.0.0.0/0`, the VPC's range) on thousands of rules.
 */
const readSource = memoized((source: string) => {
  const parsed = parseSource(source);
  if (!parsed) return undefined;
  const family = parsed.bits === IPV4.bits ? IPV4 : IPV6;
  const publicAddresses = publicCount([parsed.span], family);
  return { ...parsed, publicAddresses, publicApproximately: Number(publicAddresses) };
});

/** How many public addresses the spans cover together (overlaps counted once). */
function publicCount(spans: readonly Span[], family: Family): bigint {
  let count = 0n;
  for (const [first, last] of merge(spans)) {
    for (const [publicFirst, publicLast] of family.publicSpans) {
      const from = first > publicFirst ? first : publicFirst;
      const to = last < publicLast ? last : publicLast;
      if (from <= to) count += to - from + 1n;
    }
  }
  return count;
}

function merge(spans: readonly Span[]): Span[] {
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

/**
 * A CIDR (`a/n`), a bare address (one host) or a range (`first-last`, as Azure SQL firewall
 * rules and Cosmos DB filters write them), as the addresses it spans; undefined for anything
 * else. Host bits under the prefix are ignored, as the clouds do.
 */
function parseSource(source: string): { bits: number; span: Span } | undefined {
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
