import type { Resource } from '../../model/resource.ts';
import type { ReadContext } from '../format.ts';
import { configItemToResource } from './adapters/index.ts';
import { type ConfigItem, readConfigItem } from './config-item.ts';

/**
 * Turns a list of configuration items into resources. A history (several items of one
 * resource) keeps the newest item by capture time; older ones are skipped with a reason.
 */
export function* configItemsToResources(
  rawItems: readonly unknown[],
  ctx: ReadContext,
  partial: boolean,
): Generator<Resource> {
  const items: (ConfigItem | undefined)[] = rawItems.map((raw, index) => {
    const read = readConfigItem(raw, partial);
    if ('skip' in read) {
      ctx.skip(read.skip, { index });
      return undefined;
    }
    return read.item;
  });
  const newest = newestIndexByResource(items);
  for (const [index, item] of items.entries()) {
    if (!item) continue;
    const keep = newest.get(resourceKey(item));
    if (keep !== index) {
      ctx.skip(`${item.resourceType} ${item.resourceId}: older configuration item (item ${keep} is newer)`, {
        index,
      });
      continue;
    }
    yield configItemToResource(item, { file: ctx.file, index });
  }
}

function resourceKey(item: ConfigItem): string {
  return `${item.accountId}\0${item.region}\0${item.resourceType}\0${item.resourceId}`;
}

/** For each resource, the index of its newest item (the first one when capture times are absent or equal). */
function newestIndexByResource(items: readonly (ConfigItem | undefined)[]): Map<string, number> {
  const newest = new Map<string, number>();
  for (const [index, item] of items.entries()) {
    if (!item) continue;
    const key = resourceKey(item);
    const current = newest.get(key);
    const currentTime = current === undefined ? undefined : items[current]?.captureTime;
    if (current === undefined || (item.captureTime ?? -1) > (currentTime ?? -1)) newest.set(key, index);
  }
  return newest;
}
