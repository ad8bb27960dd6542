import { type LiveFlags, LiveOptionError, lazyLiveSource, listFlag } from '../../live.ts';
import { GUID } from '../arm-record.ts';

const subscriptionId = (item: string) => {
  if (!GUID.test(item)) throw new LiveOptionError(`not a subscription id (a GUID): ${item}`);
};

/**
 * `kansa scan --azure [--subscriptions <ids>] [--management-group <mg>]`. Credentials come from
 * DefaultAzureCredential: environment (service principal), workload identity, managed identity
 * (scheduled runs), then the Azure CLI / PowerShell / azd login of a person.
 */
export const azureLiveFlags: LiveFlags = {
  flags: [
    {
      flags: '--azure',
      description: 'scan Azure live: every subscription the identity can read (Resource Graph + ARM)',
    },
    {
      flags: '--subscriptions <ids>',
      description: 'with --azure: only these subscriptions (comma-separated GUIDs)',
      parse: listFlag(subscriptionId),
    },
    {
      flags: '--management-group <ids>',
      description: 'with --azure: the subscriptions under these management groups (comma-separated ids)',
      parse: listFlag(),
    },
  ],
  fromOptions(options) {
    const subscriptions = options.subscriptions as string[] | undefined;
    const managementGroups = options.managementGroup as string[] | undefined;
    if (!options.azure) {
      if (subscriptions || managementGroups) {
        throw new LiveOptionError('--subscriptions and --management-group need --azure');
      }
      return undefined;
    }
    // The collector, and the SDKs behind it, are imported only when the scan runs.
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
