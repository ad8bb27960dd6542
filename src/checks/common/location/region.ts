import type { ScanParameters } from '../../../frameworks/parameters.ts';
import { unknown } from '../../../model/fact.ts';
import { type Resource, UNKNOWN_REGION } from '../../../model/resource.ts';

/** The messages both location checks give for a resource that is in Japan or not in a region. */
export const LOCATED_MESSAGES = {
  domestic: {
    ja: '国内リージョン {{region}} に配置されています',
    en: 'Located in the domestic region {{region}}',
  },
  regionUnknown: {
    ja: 'リージョンが計画から分かりません（変数や実行環境で決まります）',
    en: 'The region is not known from the plan (it comes from a variable or the environment of the run)',
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

/** A resource of a Terraform plan whose region the plan does not tell (`region = var.region`). */
export function isRegionUnknown(resource: Resource): boolean {
  return resource.region === UNKNOWN_REGION;
}

/** The evidence for a region the plan does not tell. */
export function unknownRegionEvidence() {
  return unknown<string>('region', {
    ja: 'リソース、プロバイダー ブロック、プロバイダーの既定のいずれからもリージョンが分かりません',
    en: 'neither the resource, its provider block nor a provider default tells the region',
  });
}

export function isLocationless(resource: Resource): boolean {
  const region = canonicalRegion(resource.region);
  return region === '' || region === 'global';
}

function canonicalRegion(region: string): string {
  return region.toLowerCase().replace(/\s+/g, '');
}
