import { type LiveFlags, LiveOptionError, lazyLiveSource } from '../../live.ts';
import { parentName } from './discover.ts';
import { LIST_ASSETS_QUOTA_PER_MINUTE } from './pacer.ts';

/**
 * `kansa scan --gcp --organization O | --folder F | --projects a,b [--asset-types t,…]`:
 * Cloud Asset Inventory with Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS,
 * workload identity, `gcloud auth application-default login`, the metadata server).
 */
export const gcpLiveFlags: LiveFlags = {
  flags: [
    {
      flags: '--gcp',
      description: 'scan Google Cloud live from Cloud Asset Inventory (Application Default Credentials)',
    },
    {
      flags: '--organization <id>',
      description: 'Google Cloud: the organization to scan (every project in it)',
    },
    {
      flags: '--folder <ids>',
      description: 'Google Cloud: folders to scan (comma-separated), every project below them',
    },
    {
      flags: '--projects <ids>',
      description: 'Google Cloud: projects to scan (ids or numbers, comma-separated)',
    },
    {
      flags: '--asset-types <types>',
      description: 'Google Cloud: asset types to list (comma-separated; default: all kansa reads)',
    },
    {
      flags: '--gcp-requests-per-minute <n>',
      description: `Google Cloud: ListAssets calls per minute, the consumer project's quota (default ${LIST_ASSETS_QUOTA_PER_MINUTE})`,
      parse: positiveInteger,
    },
  ],
  fromOptions(options) {
    if (options.gcp !== true) return undefined;
    const parents = [
      ...list(options.organization).map((id) => parentName('organizations', id)),
      ...list(options.folder).map((id) => parentName('folders', id)),
      ...list(options.projects).map((id) => parentName('projects', id)),
    ];
    if (parents.length === 0)
      throw new LiveOptionError('--gcp needs the scope to read: --organization, --folder or --projects');
    const assetTypes = list(options.assetTypes);
    const requestsPerMinute = options.gcpRequestsPerMinute;
    // The collector, and the SDK behind it, is imported only when the scan runs.
    return lazyLiveSource('gcp', async () =>
      (await import('./index.ts')).createGcpLiveSource({
        parents: [...new Set(parents)],
        ...(assetTypes.length > 0 && { assetTypes }),
        ...(typeof requestsPerMinute === 'number' && { requestsPerMinute }),
      }),
    );
  },
};

function list(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new LiveOptionError('expected a positive integer');
  return n;
}
