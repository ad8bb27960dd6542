import { MonitorClient } from '@azure/arm-monitor';
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { ResourceManagementClient } from '@azure/arm-resources';
import type { HttpClient } from '@azure/core-rest-pipeline';
import type { Permit } from '../../../base/calls/pacer.ts';

export type AzureCredential = ConstructorParameters<typeof ResourceGraphClient>[0];

export interface ClientSettings {
  readonly credential: AzureCredential;
  /** The Resource Manager endpoint (`https://management.azure.com` by default). */
  readonly endpoint?: string;
  /** CA certificates (PEM) the clients trust instead of the system's: tests only. */
  readonly tlsCa?: string;
  /** The HTTP client under the SDK pipelines: tests count requests in flight with it. */
  readonly httpClient?: HttpClient;
}

/** The header that carries a Resource Graph query's pacer permit (a GUID, as Azure expects). */
export const REQUEST_ID = 'x-ms-client-request-id';

/**
 * The SDK clients of one scan: Resource Graph, Monitor (diagnostic settings) and Resources
 * (GETs by id). The SDK retries are off: the toolkit retries, paces and counts.
 */
export class AzureClients {
  readonly graph: ResourceGraphClient;
  readonly monitor: MonitorClient;
  readonly resources: ResourceManagementClient;
  readonly endpoint: string;
  /** The Resource Graph queries' permits by id (set by the Resource Graph reader). */
  permits: ReadonlyMap<string, Permit> = new Map();

  constructor(settings: ClientSettings) {
    const options = {
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      ...(settings.tlsCa ? { tlsOptions: { ca: settings.tlsCa } } : {}),
      ...(settings.httpClient ? { httpClient: settings.httpClient } : {}),
      retryOptions: { maxRetries: 0 },
      userAgentOptions: { userAgentPrefix: 'kansa' },
    };
    this.graph = new ResourceGraphClient(settings.credential, options);
    this.monitor = new MonitorClient(settings.credential, options);
    this.resources = new ResourceManagementClient(settings.credential, options);
    this.endpoint = (settings.endpoint ?? 'https://management.azure.com').replace(/\/+$/, '');
    // Last before the wire (after the bearer token): the pacer learns when each query really left.
    this.graph.pipeline.addPolicy(
      {
        name: 'kansaGraphPacer',
        sendRequest: (request, next) => {
          const id = request.headers.get(REQUEST_ID);
          if (id) this.permits.get(id)?.sent();
          return next(request);
        },
      },
      { phase: 'Sign' },
    );
  }
}
