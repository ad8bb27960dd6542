import { InputError } from '../../base/input-error.ts';
import type { DocumentFormat } from '../format.ts';
import { assetFromSearchResult } from './asset.ts';
import { field, isObject } from './json.ts';
import { assetsToResources } from './to-resource.ts';

/**
 * `gcloud asset search-all-resources --format=json` (a JSON array of ResourceSearchResult)
 * and the SearchAllResources REST response (`{"results": [...], "nextPageToken"}`). Only
 * with `--read-mask='*'` does a result carry the full REST JSON (`versionedResources`);
 * otherwise kansa knows the type, location, labels and the Cloud KMS keys (`kmsKeys`: the CMEK
 * of the types whose data is under one key), and every other setting reads as unknown.
 */
export const gcpSearchAllResources: DocumentFormat = {
  id: 'gcp-search-all-resources',
  provider: 'gcp',
  kind: 'document',
  description: "gcloud asset search-all-resources --format=json (full settings only with --read-mask='*')",
  matches(document) {
    if (Array.isArray(document)) return document.length > 0 && isSearchResult(document[0]);
    return (
      isObject(document) &&
      Array.isArray(document.results) &&
      Object.keys(document).every((key) => key === 'results' || key === 'nextPageToken') &&
      (document.results.length === 0 || isSearchResult(document.results[0]))
    );
  },
  *read(document, ctx) {
    const results = Array.isArray(document) ? document : isObject(document) ? document.results : undefined;
    if (!Array.isArray(results)) throw new InputError(ctx.file, '`results` is not an array');
    yield* assetsToResources(results, ctx, assetFromSearchResult);
  },
};

/** A ResourceSearchResult: a full name, `assetType`, and `project` (`projects/N`) rather than `ancestors`. */
function isSearchResult(item: unknown): boolean {
  if (!isObject(item)) return false;
  const name = field(item, 'name');
  return (
    typeof name === 'string' &&
    name.startsWith('//') &&
    typeof field(item, 'assetType') === 'string' &&
    !('ancestors' in item) &&
    ('project' in item || 'versionedResources' in item || 'parentFullResourceName' in item)
  );
}
