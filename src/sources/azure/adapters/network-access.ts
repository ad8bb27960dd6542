import { addressesOf, holdsInternetClients } from '../../../model/address-set.ts';
import { securedByPerimeter } from '../../../model/azure.ts';
import { derived, explicit, type Fact, unexpectedType, unknown } from '../../../model/fact.ts';
import { type ArmRecord, getPath } from '../arm-record.ts';
import { asString, derivedFact, propertyFact, type WhenAbsent } from '../property-facts.ts';

/** The `publicNetworkAccess` value that closes the public endpoint (private endpoints only). */
const CLOSED = 'disabled';

/** reachableFromInternet of a service whose only network switch is `publicNetworkAccess`. */
export function reachableByPublicNetworkAccess(publicNetworkAccess: Fact<string>): Fact<boolean> {
  return (
    perimeterDecides(publicNetworkAccess) ??
    derivedFact(publicNetworkAccess, (value) => value.toLowerCase() !== CLOSED)
  );
}

/** Unknown reachability where a network security perimeter's access rules, not in the record, decide it. */
function perimeterDecides(publicNetworkAccess: Fact<string>): Fact<boolean> | undefined {
  if (publicNetworkAccess.source === 'unknown' || !securedByPerimeter(publicNetworkAccess.value))
    return undefined;
  return unknown(publicNetworkAccess.path, {
    ja: 'publicNetworkAccess が SecuredByPerimeter: 接続できる相手はネットワーク セキュリティ境界のプロファイルのアクセス規則（パブリック IP の範囲も許可できます）で決まり、その規則はこのリソースのレコードに含まれません',
    en: "publicNetworkAccess SecuredByPerimeter: who gets in is decided by the network security perimeter profile's access rules (which may admit public address ranges), not in this resource's record",
  });
}

/**
 * `publicNetworkAccess` (at the first of `paths` the record has) and what it means for
 * reachability, named alike on every type whose only network switch it is.
 */
export function networkFacts(
  record: ArmRecord,
  paths: string | readonly [string, ...string[]],
  whenAbsent: WhenAbsent<string>,
): { publicNetworkAccess: Fact<string>; reachableFromInternet: Fact<boolean> } {
  const publicNetworkAccess = propertyFact(
    record,
    typeof paths === 'string' ? [paths] : paths,
    asString,
    whenAbsent,
  );
  return { publicNetworkAccess, reachableFromInternet: reachableByPublicNetworkAccess(publicNetworkAccess) };
}

/**
 * reachableFromInternet of a service with a firewall (storage accounts, key vaults): closed when
 * public network access is disabled, or when the firewall denies by default and lets no public
 * IP range in (virtual network rules and private endpoints are not the internet). An IP rule
 * naming only private, loopback or link-local addresses lets no internet client in (Azure refuses
 * private ranges on storage accounts, yet a plan or template may still write them: terragoat's
 * `ip_rules = ["127.0.0.1"]`).
 */
export function reachableThroughFirewall(
  record: ArmRecord,
  publicNetworkAccess: Fact<string>,
  defaultAction: Fact<string>,
  ipRulesPath: string,
): Fact<boolean> {
  if (publicNetworkAccess.source === 'unknown')
    return unknown(publicNetworkAccess.path, publicNetworkAccess.note);
  const perimeter = perimeterDecides(publicNetworkAccess);
  if (perimeter) return perimeter;
  if (publicNetworkAccess.value.toLowerCase() === CLOSED)
    return derivedFact(publicNetworkAccess, () => false);
  if (defaultAction.source === 'unknown' || defaultAction.value.toLowerCase() !== 'deny') {
    return derivedFact(defaultAction, (action) => action.toLowerCase() !== 'deny');
  }
  const path = `properties.${ipRulesPath}`;
  const ipRules = getPath(record.properties, ipRulesPath) ?? [];
  // Rules of another shape than a list may let the internet in.
  if (!Array.isArray(ipRules)) return unexpectedType(path);
  return derived(ipRules.some(admitsInternetClients), explicit(ipRules, path));
}

/**
 * Whether an IP rule (`{ value }`, `{ ipAddressOrRange }` or the bare text) may admit an internet
 * client; a rule whose value is not an address may admit any, so it counts as admitting one.
 */
function admitsInternetClients(rule: unknown): boolean {
  const entry =
    typeof rule === 'object' && rule !== null ? (rule as Record<string, unknown>) : { value: rule };
  const value = entry.value ?? entry.ipAddressOrRange;
  const addresses = typeof value === 'string' ? addressesOf(value) : undefined;
  return addresses === undefined || holdsInternetClients(addresses);
}
