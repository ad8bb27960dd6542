import { memoized } from '../../../base/memo.ts';
import type { ScanParameters } from '../../../model/parameters.ts';
import type { Resource } from '../../../model/resource.ts';

/** The messages both location checks give for a resource in Japan, or in no region it chose. */
export const LOCATED_MESSAGES = {
  domestic: {
    ja: '国内リージョン {{region}} に配置されています',
    en: 'Located in the domestic region {{region}}',
  },
  anywhere: {
    ja: 'ロケーション {{region}} に配置されており、リージョンを選んでいません。データは事業者が選ぶいずれのリージョン（国外を含む）にも置かれ得ます',
    en: 'Located in {{region}}: no region is chosen, and the provider may keep the data in any region, abroad included',
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
 * Where a resource that keeps data is, as the location checks decide it (its region worked out
 * once): in no region the input names (`unreadable`, see isLocationUnreadable), in an allowed
 * region, abroad, or `anywhere`. A cloud writes `global` for such a resource placed
 * in no region of the customer's choosing: a Cloud Logging bucket in `global` (the `_Default`
 * and `_Required` buckets of most projects) may keep its logs in any region, a Cloud KMS key
 * ring in `global` is served from data centres around the world
 * (https://cloud.google.com/logging/docs/regionalized-logs,
 * https://cloud.google.com/kms/docs/locations). The guidelines ask for domestic data centres,
 * and `global` chooses none. (The readers write `global` for no resource that keeps data
 * otherwise: a record of one that names no location leaves it unknown, `isLocatedType`.)
 */
export function locationOf(
  resource: Resource,
  params: ScanParameters,
): 'anywhere' | 'unreadable' | 'allowed' | 'abroad' {
  const region = canonicalRegion(resource.region);
  if (region === 'global') return 'anywhere';
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
