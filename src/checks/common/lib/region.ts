import { memoized } from '../../../base/memo.ts';
import type { ScanParameters } from '../../../model/parameters.ts';
import type { Resource } from '../../../model/resource.ts';

/** The messages both location checks give for a resource that is in Japan or not in a region. */
export const LOCATED_MESSAGES = {
  domestic: {
    ja: '国内リージョン {{region}} に配置されています',
    en: 'Located in the domestic region {{region}}',
  },
  locationless: {
    ja: '特定のリージョンを持たないリソースです',
    en: 'The resource is not located in a region',
  },
};

/**
 * Whether a resource's region is one the framework allows. Region names are compared the way the
 * clouds' own tools do: case-insensitively and ignoring spaces (Azure exports sometimes carry the
 * display name "Japan East" instead of "japaneast").
 */
export function isAllowedRegion(resource: Resource, params: ScanParameters): boolean {
  return allowedSet(params.allowedRegions[resource.provider]).has(canonicalRegion(resource.region));
}

/** The allowed regions in canonical form, worked out once per list (every located resource asks). */
function allowedSet(allowed: readonly string[]): ReadonlySet<string> {
  let set = ALLOWED.get(allowed);
  if (!set) {
    set = new Set(allowed.map(canonicalRegion));
    ALLOWED.set(allowed, set);
  }
  return set;
}

const ALLOWED = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * Where a resource is, as the location checks decide it (its region worked out once): not in a
 * region by nature (`global`: IAM, networks, location-less services), in no region the input
 * names (`unreadable`, see isLocationUnreadable), in an allowed region, or abroad.
 */
export function locationOf(
  resource: Resource,
  params: ScanParameters,
): 'locationless' | 'unreadable' | 'allowed' | 'abroad' {
  const region = canonicalRegion(resource.region);
  if (region === 'global') return 'locationless';
  if (region === '') return 'unreadable';
  return allowedSet(params.allowedRegions[resource.provider]).has(region) ? 'allowed' : 'abroad';
}

/** The input names a location that is no region (a template expression, a placeholder): ''. */
export function isLocationUnreadable(resource: Resource): boolean {
  return canonicalRegion(resource.region) === '';
}

/**
 * Worded for every origin (an export, a live scan, a plan, a state): the resource's own location
 * field, or for Terraform the provider's region, which a plan may leave to a variable or the
 * environment and a state does not hold.
 */
export const UNREADABLE_LOCATION_MESSAGE = {
  ja: 'リソースの location がリージョンを示していない（Terraform では、リソースの属性にリージョンがなく、プロバイダーのリージョンも変数や実行環境で決まる）ため、配置場所を判定できません',
  en: 'The resource’s location names no region (from Terraform: the resource’s attributes name none, and the provider’s region is left to a variable or the environment), so where the resource is cannot be told',
};

/** Region names as written in the inventory → canonical form: an estate has a few dozen. */
const canonicalRegion = memoized((region) => region.toLowerCase().replace(/\s+/g, ''));
