import { memoized } from '../base/memo.ts';
import {
  type AddressSet,
  intersection,
  merge,
  PUBLIC_ADDRESSES,
  parseSpan,
  type Span,
  sizeOf,
} from './address-set.ts';

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
 *
 * What rules leave open once combined (an allow less the higher-priority denies that take part of
 * it away) is an address set (address-set.ts), judged by `admitsInternet` on the same thresholds.
 */

/** Source words that mean any address, lower-cased. */
const ANYWHERE = new Set(['*', 'any', 'internet']);

interface Family {
  readonly key: 'v4' | 'v6';
  /** 32 for IPv4, 128 for IPv6. */
  readonly bits: number;
  /** How many public addresses the sources must cover to admit the internet. */
  readonly threshold: bigint;
  /** The same as a number (a power of two, exact). */
  readonly thresholdApproximately: number;
}

const IPV4: Family = { key: 'v4', bits: 32, threshold: 1n << 25n, thresholdApproximately: 2 ** 25 };
const IPV6: Family = { key: 'v6', bits: 128, threshold: 1n << 117n, thresholdApproximately: 2 ** 117 };

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

/** Whether an address set admits the internet: as many public addresses as `internetSources` asks. */
export function admitsInternet(set: AddressSet): boolean {
  let admits = ADMITS.get(set);
  if (admits === undefined) {
    const covered = sizeOf(intersection(set, PUBLIC_ADDRESSES));
    admits = covered.v4 >= IPV4.threshold || covered.v6 >= IPV6.threshold;
    ADMITS.set(set, admits);
  }
  return admits;
}

/** Sets are shared (a source's, a rule's): each judged once. */
const ADMITS = new WeakMap<AddressSet, boolean>();

/**
 * A source's span and how many public addresses it holds, once per distinct text: a scan meets
 * the same few sources (`0.0.0.0/0`, the VPC's range) on thousands of rules.
 */
const readSource = memoized((source: string) => {
  const parsed = parseSpan(source);
  if (!parsed) return undefined;
  const family = parsed.bits === IPV4.bits ? IPV4 : IPV6;
  const publicAddresses = publicCount([parsed.span], family);
  return { ...parsed, publicAddresses, publicApproximately: Number(publicAddresses) };
});

/** How many public addresses the spans of one family cover together (overlaps counted once). */
function publicCount(spans: readonly Span[], family: Family): bigint {
  const set = family.key === 'v4' ? { v4: merge(spans), v6: [] } : { v4: [], v6: merge(spans) };
  return sizeOf(intersection(set, PUBLIC_ADDRESSES))[family.key];
}
