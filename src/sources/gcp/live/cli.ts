import { InvalidArgumentError, Option } from 'commander';
import { type LiveCliOptions, lazyLiveSource } from '../../live.ts';
import { LIST_ASSETS_QUOTA_PER_MINUTE, parentName } from './scope.ts';

/**
 * `kansa scan --gcp --organization O | --folder F | --projects a,b [--asset-types t,…]`:
 * Cloud Asset Inventory with Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS,
 * workload identity, `gcloud auth application-default login`, the metadata server).
 */
export const gcpLiveOptions: LiveCliOptions = {
  options: [
    new Option(
      '--gcp',
      'scan Google Cloud live from Cloud Asset Inventory (Application Default Credentials)',
    ),
    new Option('--organization <id>', 'Google Cloud: the organization to scan (every project in it)'),
    new Option('--folder <ids>', 'Google Cloud: folders to scan (comma-separated), every project below them'),
    new Option('--projects <ids>', 'Google Cloud: projects to scan (ids or numbers, comma-separated)'),
    new Option(
      '--asset-types <types>',
      'Google Cloud: asset types to list (comma-separated; default: all kansa reads)',
    ),
    new Option(
      '--gcp-requests-per-minute <n>',
      `Google Cloud: ListAssets calls per minute, the consumer project's quota (default ${LIST_ASSETS_QUOTA_PER_MINUTE})`,
    ).argParser(positiveInteger),
  ],
  fromOptions(options) {
    if (options.gcp !== true) return undefined;
    const parents = [
      ...list(options.organization).map((id) => parentName('organizations', id)),
      ...list(options.folder).map((id) => parentName('folders', id)),
      ...list(options.projects).map((id) => parentName('projects', id)),
    ];
    if (parents.length === 0)
      throw new InvalidArgumentError('--gcp needs the scope to read: --organization, --folder or --projects');
    const assetTypes = list(options.assetTypes);
    const requestsPerMinute = options.gcpRequestsPerMinute;
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
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}
