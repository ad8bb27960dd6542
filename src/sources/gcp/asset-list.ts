import { InputError } from '../../base/input-error.ts';
import type { DocumentFormat } from '../format.ts';
import { parseAsset } from './asset.ts';
import { isAssetRecord } from './asset-export.ts';
import { isObject } from './json.ts';
import { assetsToResources } from './to-resource.ts';

/**
 * `gcloud asset list --format=json` (a JSON array of assets, camelCase) and the ListAssets
 * REST response (`{"readTime", "assets": [...], "nextPageToken"}`), with `resource` or
 * `iamPolicy` content.
 */
export const gcpAssetList: DocumentFormat = {
  id: 'gcp-asset-list',
  provider: 'gcp',
  kind: 'document',
  description: 'gcloud asset list --format=json, or a Cloud Asset API ListAssets response page',
  matches(document) {
    if (Array.isArray(document)) return document.length > 0 && isListedAsset(document[0]);
    if (!isObject(document) || !('assets' in document || 'readTime' in document)) return false;
    const keys = Object.keys(document);
    return (
      keys.every((key) => LIST_RESPONSE_KEYS.has(key)) &&
      (document.assets === undefined || Array.isArray(document.assets))
    );
  },
  *read(document, ctx) {
    const assets = Array.isArray(document) ? document : isObject(document) ? document.assets : undefined;
    if (assets === undefined) return; // an empty ListAssets page has no `assets`
    if (!Array.isArray(assets)) throw new InputError(ctx.file, '`assets` is not an array');
    yield* assetsToResources(assets, ctx, parseAsset);
  },
};

const LIST_RESPONSE_KEYS = new Set(['assets', 'readTime', 'nextPageToken']);

/** An asset as ListAssets returns it; search results (which have `project`, no `ancestors`) are another format. */
function isListedAsset(item: unknown): boolean {
  return isAssetRecord(item) && isObject(item) && !('versionedResources' in item) && !('project' in item);
}
