import { derived, explicit, type Fact, unexpectedType, unknown } from '../../../model/fact.ts';
import { type ArmRecord, getPath } from '../arm-record.ts';
import { asString, derivedFact, propertyFact, type WhenAbsent } from '../property-facts.ts';

/** `publicNetworkAccess` values that close the public endpoint (private endpoints only). */
const CLOSED = new Set(['disabled', 'securedbyperimeter']);

/** reachableFromInternet of a service whose only network switch is `publicNetworkAccess`. */
export function reachableByPublicNetworkAccess(publicNetworkAccess: Fact<string>): Fact<boolean> {
  return derivedFact(publicNetworkAccess, (value) => !CLOSED.has(value.toLowerCase()));
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
 * IP range in (virtual network rules and private endpoints are not the internet).
 */
export function reachableThroughFirewall(
  record: ArmRecord,
  publicNetworkAccess: Fact<string>,
  defaultAction: Fact<string>,
  ipRulesPath: string,
): Fact<boolean> {
  if (publicNetworkAccess.source === 'unknown')
    return unknown(publicNetworkAccess.path, publicNetworkAccess.note);
  if (CLOSED.has(publicNetworkAccess.value.toLowerCase()))
    return derivedFact(publicNetworkAccess, () => false);
  if (defaultAction.source === 'unknown' || defaultAction.value.toLowerCase() !== 'deny') {
    return derivedFact(defaultAction, (action) => action.toLowerCase() !== 'deny');
  }
  const path = `properties.${ipRulesPath}`;
  const ipRules = getPath(record.properties, ipRulesPath) ?? [];
  // Rules of another shape than a list may let the internet in.
  if (!Array.isArray(ipRules)) return unexpectedType(path);
  return derived(ipRules.length > 0, explicit(ipRules, path));
}
