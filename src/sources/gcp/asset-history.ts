import type { Resource } from '../../model/resource.ts';
import type { DocumentFormat, ReadContext, RecordFormat } from '../format.ts';
import { parseAsset } from './asset.ts';
import { isAssetRecord } from './asset-export.ts';
import { field, isObject } from './json.ts';
import { readAsset } from './to-resource.ts';

/**
 * Versions of assets in time (google.cloud.asset.v1.TemporalAsset): `{"asset", "window":
 * {"startTime", "endTime"}, "deleted", "priorAssetState", "priorAsset"}`.
 * - `gcloud asset get-history --format=json`: a JSON array of them; the REST
 *   BatchGetAssetsHistory response: `{"assets": [...]}`;
 * - real-time feed messages (Pub/Sub), one per line when dumped: the same object.
 * Each version carries its start time: across all files of a scan the newest version of an
 * asset wins, and a version with `deleted: true` removes the asset (no finding).
 * https://cloud.google.com/asset-inventory/docs/reference/rest/v1/TopLevel/batchGetAssetsHistory
 */
export const gcpAssetHistory: DocumentFormat = {
  id: 'gcp-asset-history',
  provider: 'gcp',
  kind: 'document',
  description: 'gcloud asset get-history --format=json, a BatchGetAssetsHistory response, or a feed message',
  matches(document) {
    if (Array.isArray(document)) return document.length > 0 && isTemporalAsset(document[0]);
    if (
      isObject(document) &&
      Array.isArray(document.assets) &&
      Object.keys(document).every((k) => k === 'assets')
    )
      return document.assets.length === 0 || isTemporalAsset(document.assets[0]);
    return isTemporalAsset(document);
  },
  *read(document, ctx) {
    const versions = Array.isArray(document)
      ? document
      : isObject(document) && Array.isArray(document.assets)
        ? document.assets
        : [document];
    for (const [index, version] of versions.entries()) yield* readVersion(version, ctx, { index });
  },
};

/** Feed messages dumped one per line. */
export const gcpAssetFeed: RecordFormat = {
  id: 'gcp-asset-feed',
  provider: 'gcp',
  kind: 'ndjson',
  description: 'Cloud Asset real-time feed messages (TemporalAsset), one per line',
  matches: isTemporalAsset,
  read: (record, ctx, line) => readVersion(record, ctx, { line }),
};

function isTemporalAsset(value: unknown): boolean {
  return isObject(value) && isAssetRecord(value.asset) && ('window' in value || 'deleted' in value);
}

function* readVersion(
  version: unknown,
  ctx: ReadContext,
  where: { index?: number; line?: number },
): Generator<Resource> {
  if (!isObject(version)) return ctx.skip('not a JSON object', where);
  const asset = parseAsset(version.asset);
  if ('skip' in asset) return ctx.skip(asset.skip, where);
  const start = Date.parse(
    String(field(isObject(version.window) ? version.window : {}, 'startTime', 'start_time') ?? ''),
  );
  const resource = readAsset(asset, ctx, where);
  // A history is of one content type (get-history --content-type): a resource's versions and its
  // IAM policy's are dated apart, and the newest of each count together.
  const part = [asset.resource && 'resource', asset.iamPolicy && 'iamPolicy'].filter(Boolean).join('+');
  yield {
    ...resource,
    ...(Number.isNaN(start) ? {} : { observedAt: start }),
    ...(part !== '' && { observedPart: part }),
    ...(version.deleted === true && { deleted: true as const, facts: {} }),
  };
}
