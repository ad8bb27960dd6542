import { InvalidArgumentError, Option } from 'commander';
import { type LiveCliOptions, lazyLiveSource } from '../../live.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `a,b` or repeated flags → a flat list of non-empty items. */
function list(validate?: (item: string) => void) {
  return (value: string, previous: string[] | undefined): string[] => {
    const items = value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    for (const item of items) validate?.(item);
    return [...(previous ?? []), ...items];
  };
}

const subscriptionId = (item: string) => {
  if (!GUID.test(item)) throw new InvalidArgumentError(`not a subscription id (a GUID): ${item}`);
};

/**
 * `kansa scan --azure [--subscriptions <ids>] [--management-group <mg>]`. Credentials come from
 * DefaultAzureCredential: environment (service principal), workload identity, managed identity
 * (scheduled runs), then the Azure CLI / PowerShell / azd login of a person.
 */
export const azureLiveOptions: LiveCliOptions = {
  options: [
    new Option('--azure', 'scan Azure live: every subscription the identity can read (Resource Graph + ARM)'),
    new Option(
      '--subscriptions <ids>',
      'with --azure: only these subscriptions (comma-separated GUIDs)',
    ).argParser(list(subscriptionId)),
    new Option(
      '--management-group <ids>',
      'with --azure: the subscriptions under these management groups (comma-separated ids)',
    ).argParser(list()),
  ],
  fromOptions(options) {
    const subscriptions = options.subscriptions as string[] | undefined;
    const managementGroups = options.managementGroup as string[] | undefined;
    if (!options.azure) {
      if (subscriptions || managementGroups) {
        throw new InvalidArgumentError('--subscriptions and --management-group need --azure');
      }
      return undefined;
    }
    return lazyLiveSource('azure', async () => {
      const [{ DefaultAzureCredential }, { createAzureLiveSource }] = await Promise.all([
        import('@azure/identity'),
        import('./index.ts'),
      ]);
      return createAzureLiveSource({
        credential: new DefaultAzureCredential(),
        ...(subscriptions ? { subscriptions } : {}),
        ...(managementGroups ? { managementGroups } : {}),
      });
    });
  },
};
