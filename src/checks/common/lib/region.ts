import type { ScanParameters } from '../../../frameworks/parameters.ts';
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
  const region = canonicalRegion(resource.region);
  return params.allowedRegions[resource.provider].some((allowed) => canonicalRegion(allowed) === region);
}

export function isLocationless(resource: Resource): boolean {
  const region = canonicalRegion(resource.region);
  return region === '' || region === 'global';
}

function canonicalRegion(region: string): string {
  return region.toLowerCase().replace(/\s+/g, '');
}
