import type { Origin, Resource } from '../../model/resource.ts';
import type { CloudAsset } from './asset.ts';
import type { JsonObject } from './json.ts';
import { assetToResource } from './to-resource.ts';

/**
 * A Steampipe or CloudQuery row read as the Cloud Asset whose fields its columns flatten:
 * `data`, the API's fields put back from the columns, with `row` as its evidence path. No
 * ancestors unless given: the tables name a resource's project, not the folders above it.
 */
export function rowAsset(
  origin: Origin,
  {
    data,
    location,
    ancestors = [],
    ...asset
  }: Omit<CloudAsset, 'ancestors' | 'resource'> & {
    readonly data?: JsonObject;
    readonly location?: string;
    readonly ancestors?: readonly string[];
  },
): Resource {
  return assetToResource(
    {
      ...asset,
      ancestors,
      ...(data && { resource: { data, dataPath: 'row', ...(location !== undefined && { location }) } }),
    },
    origin,
  );
}
