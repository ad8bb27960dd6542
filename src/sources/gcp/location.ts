import { memoized } from '../../base/memo.ts';
import { JAPAN_REGIONS } from '../../model/japan-regions.ts';
import { UNKNOWN_REGION } from '../../model/resource.ts';
import type { CloudAsset } from './asset.ts';
import { at, type JsonObject, lastSegment, stringAt } from './json.ts';

/**
 * Where a Google Cloud resource keeps its data, in this order of precedence (the first that
 * the record carries wins):
 *
 * 1. the type's own data location (`storageLocations` of snapshots and backups, which are
 *    global resources whose data sits in a region or multi-region; older exports spell it
 *    `storageLocation`);
 * 2. the asset's `resource.location` (Cloud Asset Inventory's own field);
 * 3. the REST JSON's `location` (buckets `US-CENTRAL1`, datasets `US`, clusters `us-central1-c`);
 * 4. its `region` (a name, or a URL `…/regions/us-central1`);
 * 5. a zone: `zone` (a name or a URL on disks and instances), `gceZone` and
 *    `settings.locationPreference.zone` (Cloud SQL);
 * 6. the resource name: `locations/<l>` (`…/locations/us-central1/keyRings/…`,
 *    `locations/us` for a multi-region key ring), `regions/<r>` or `zones/<z>`, in the asset
 *    name or the REST JSON's `selfLink`.
 *
 * Zones are reported as their region (`europe-west1-b` → `europe-west1`); everything is
 * lower-cased (`ASIA-NORTHEAST1`, `US`). Multi-regions (`us`, `eu`, `asia`) and dual-regions
 * (`asia1`, `eur4`, `nam4`) keep their names: the location checks decide which are domestic.
 * When nothing names a location: `unnamed`, which is `global` for what has none by nature
 * (IAM-policy lines, networks, service accounts), and unknown for what keeps data somewhere (a
 * BigQuery table of a 2019 export, with neither `location` nor `resource.location`: its data is
 * in its dataset's location, which the record does not give).
 */
export function locationOf(
  asset: CloudAsset,
  data: JsonObject | undefined,
  typeLocation: ((data: JsonObject) => string | undefined) | undefined,
  unnamed: string,
): string {
  const own = data && typeLocation?.(data);
  // The type's own field says the location cannot be told (a Pub/Sub topic with no storage policy).
  if (own === UNKNOWN_REGION) return UNKNOWN_REGION;
  const found =
    own ??
    asset.resource?.location ??
    stringAt(data, 'location') ??
    stringAt(data, 'region') ??
    stringAt(data, 'zone') ??
    stringAt(data, 'gceZone') ??
    stringAt(data, 'settings.locationPreference.zone') ??
    locationInName(asset.name) ??
    locationInName(stringAt(data, 'selfLink'));
  return found ? regionOfZone(lastSegment(found).trim().toLowerCase()) : unnamed;
}

/**
 * Of the regions a resource may keep its data in, the one that says where it is for the
 * location checks: the first outside Japan (the data may be there), else the first. A list
 * with an entry that is no region name is nowhere known: that entry may be the one abroad.
 */
export function farthestRegion(listed: unknown): string | undefined {
  if (!Array.isArray(listed)) return undefined;
  if (!listed.every((region) => typeof region === 'string' && region !== '')) return UNKNOWN_REGION;
  const regions = listed as readonly string[];
  return regions.find((region) => !JAPAN_REGIONS.gcp.has(region.toLowerCase())) ?? regions[0];
}

/**
 * A bucket in a configurable dual-region names the multi-region it belongs to (`ASIA`, `EU`,
 * `US`) as its `location`, and the two regions that hold its data in
 * `customPlacementConfig.dataLocations`: those say where the data is.
 * https://cloud.google.com/storage/docs/locations#configurable
 */
export function bucketDataLocation(data: JsonObject): string | undefined {
  return farthestRegion(at(data, 'customPlacementConfig.dataLocations'));
}

/**
 * The data location of snapshots, machine images and images: the first of `storageLocations`.
 * They are global resources (`resource.location` `global`, `…/global/snapshots/…`): a record
 * without `storageLocations` (a search summary) does not say where their data is, which is
 * unknown, not `global`.
 */
export function storageLocation(data: JsonObject): string {
  for (const key of ['storageLocations', 'storageLocation']) {
    const value = at(data, key);
    if (typeof value === 'string' && value !== '') return value;
    if (Array.isArray(value) && typeof value[0] === 'string' && value[0] !== '') return value[0];
  }
  return UNKNOWN_REGION;
}

const NAMED_LOCATION = /\/(?:locations|regions|zones)\/([^/]+)(?:\/|$)/;

function locationInName(name: string | undefined): string | undefined {
  const location = name ? NAMED_LOCATION.exec(name)?.[1] : undefined;
  // `locations/-` is the wildcard of list calls, not a place.
  return location && location !== '-' ? location : undefined;
}

/** Zonal resources are reported by their region (`asia-northeast1-b` → `asia-northeast1`). */
const regionOfZone = memoized(
  (location: string) => /^([a-z]+-[a-z]+\d+)-[a-z]$/.exec(location)?.[1] ?? location,
);

/**
 * Where a Spanner instance keeps its data: its instance configuration (`config`, in Terraform
 * conversions `instance.config`), `…/instanceConfigs/regional-<region>`, a multi-region (`asia1`,
 * `nam3`, kept by name), or a dual-region, whose two read-write regions are in one country
 * (`dual-region-japan1`: Tokyo and Osaka), read as those regions. A user-managed configuration
 * (`custom-…`) lists its replicas in a record of its own, not the instance's: unknown.
 * https://cloud.google.com/spanner/docs/instance-configurations
 */
export function spannerRegion(data: JsonObject): string | undefined {
  const config = stringAt(data, 'config') ?? stringAt(data, 'instance.config');
  if (config === undefined) return undefined;
  const name = lastSegment(config).toLowerCase();
  if (name.startsWith('custom-')) return UNKNOWN_REGION;
  return farthestRegion(SPANNER_DUAL_REGIONS[name]) ?? name.replace(/^regional-/, '');
}

/** The read-write regions of Spanner's dual-region configurations. */
const SPANNER_DUAL_REGIONS: Readonly<Record<string, readonly string[]>> = {
  'dual-region-australia1': ['australia-southeast1', 'australia-southeast2'],
  'dual-region-germany1': ['europe-west3', 'europe-west10'],
  'dual-region-india1': ['asia-south1', 'asia-south2'],
  'dual-region-japan1': ['asia-northeast1', 'asia-northeast2'],
};
