import { CallError } from '../../../base/calls/failure.ts';
import type { LiveContext } from '../../live.ts';
import { parseAsset } from '../asset.ts';
import { assetToResource } from '../to-resource.ts';
import type { ListPage } from './clients.ts';
import { groupLabel, type StreamPlan } from './discover.ts';
import { ExportFileWriter } from './save.ts';
import type { ScopeState } from './scope.ts';
import { exportRecord, restAsset } from './wire.ts';

/**
 * One ListAssets stream, page after page, each asset through the offline reader. A page that
 * fails for good ends the stream: what was read before it is kept, and the error names the
 * stream and the page.
 */
export async function readStream(
  ctx: LiveContext,
  scope: ScopeState,
  plan: StreamPlan,
  listPage: (plan: StreamPlan, pageToken: string, page: number) => Promise<ListPage>,
  counted: () => void,
): Promise<void> {
  const origin = `cloudasset.googleapis.com/v1/${plan.parent}/assets?contentType=${plan.contentType}`;
  const writer = ctx.saveInventoryDir
    ? new ExportFileWriter(
        ctx.saveInventoryDir,
        plan.parent,
        `${plan.contentType === 'RESOURCE' ? 'resource' : 'iam-policy'}${plan.group ? `-${plan.group.n}of${plan.group.of}` : ''}`,
      )
    : undefined;
  let index = 0;
  let pageToken = '';
  let pages = 0;
  try {
    do {
      let page: ListPage;
      try {
        page = await listPage(plan, pageToken, pages + 1);
      } catch (error) {
        if (!(error instanceof CallError)) throw error;
        const where = `${plan.contentType}${groupLabel(plan)}`;
        scope.errors.push(
          pages === 0
            ? `${where}: ${error.message}`
            : `${where}: incomplete, page ${pages + 1} failed after ${pages} page(s) read: ${error.message}`,
        );
        return;
      }
      pages++;
      for (const decoded of page.assets) {
        const record = restAsset(decoded);
        await writer?.write(exportRecord(record));
        const asset = parseAsset(record);
        const resource = 'skip' in asset ? asset : assetToResource(asset, { file: origin, index });
        index++;
        if ('skip' in resource) {
          scope.skipped++;
          ctx.log.debug({ scope: plan.parent, reason: resource.skip }, 'asset skipped');
          continue;
        }
        ctx.emit(resource);
        scope.resources++;
        counted();
      }
      ctx.log.debug(
        { scope: plan.parent, contentType: plan.contentType, page: pages, assets: page.assets.length },
        'page read',
      );
      pageToken = page.nextPageToken;
    } while (pageToken);
  } finally {
    await writer?.close();
  }
}
