import type { RecordFormat } from '../format.ts';
import { parseAsset } from './asset.ts';
import { field, isObject } from './json.ts';
import { readAsset } from './to-resource.ts';

/**
 * `gcloud asset export --output-path=gs://…` (content types `resource` and `iam-policy`): one
 * google.cloud.asset.v1.Asset per line in proto JSON (`asset_type`, `iam_policy`,
 * `update_time`); per-type exports (`--output-path-prefix`) write one such file per type.
 * Files re-serialized with JSON names (`assetType`) are read the same way.
 */
export const gcpAssetExport: RecordFormat = {
  id: 'gcp-asset-export',
  provider: 'gcp',
  kind: 'ndjson',
  description: 'gcloud asset export --content-type=resource|iam-policy (NDJSON written to Cloud Storage)',
  matches: isAssetRecord,
  // A line is one resource at most: a list of it, not a generator (an object more per line).
  read(record, ctx, line) {
    const asset = parseAsset(record);
    if (!('skip' in asset)) return [readAsset(asset, ctx, { line })];
    ctx.skip(asset.skip, { line });
    return [];
  },
};

/** A Cloud Asset record: a full resource name (`//service.googleapis.com/…`) and an asset type. */
export function isAssetRecord(record: unknown): boolean {
  if (!isObject(record)) return false;
  const name = field(record, 'name');
  const assetType = field(record, 'asset_type', 'assetType');
  return typeof name === 'string' && name.startsWith('//') && typeof assetType === 'string';
}
