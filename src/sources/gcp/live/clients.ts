import { AssetServiceClient } from '@google-cloud/asset';
import { abandonOnAbort } from '../../../base/calls/retry.ts';
import type { ContentType } from './discover.ts';

/** Where the Cloud Asset client connects, and with what credentials (tests: the fake). */
export interface AssetClientSettings {
  /** A google-auth-library client (`OAuth2Client`, `GoogleAuth`, …); default: Application Default Credentials. */
  readonly authClient?: unknown;
  /** Service host (default `cloudasset.googleapis.com`), port and protocol, e.g. a fake on 127.0.0.1. */
  readonly apiEndpoint?: string;
  readonly port?: number;
  readonly protocol?: 'http' | 'https';
}

export interface ListRequest {
  readonly parent: string;
  readonly contentType: ContentType;
  readonly assetTypes: readonly string[];
  readonly pageSize: number;
  readonly pageToken?: string;
}

export interface ListPage {
  readonly assets: readonly unknown[];
  readonly nextPageToken: string;
}

type CancellableCall = Promise<[unknown[], unknown, { nextPageToken?: string | null } | undefined]> & {
  cancel?: () => void;
};

/**
 * `@google-cloud/asset` over its REST transport (`fallback: true`), with the client library's
 * retries off: the toolkit retries. Its transport has no deadline once retries are off, and its
 * public methods drop the call's `cancel`; so pages are fetched through the inner call, which
 * keeps it, and an aborted signal cancels the HTTP request itself. Nothing is then left
 * pending to keep the process alive after a timeout.
 */
export class AssetClient {
  readonly #client: AssetServiceClient;

  constructor(settings: AssetClientSettings) {
    this.#client = new AssetServiceClient({
      fallback: true,
      ...(settings.apiEndpoint && { apiEndpoint: settings.apiEndpoint }),
      ...(settings.port && { port: settings.port }),
      ...(settings.protocol && { protocol: settings.protocol }),
      ...(settings.authClient !== undefined && { authClient: settings.authClient }),
    } as ConstructorParameters<typeof AssetServiceClient>[0]);
  }

  /** An access token, once: credentials that cannot be used fail here, before any listing. */
  async checkCredentials(signal: AbortSignal): Promise<void> {
    const auth = this.#client.auth as unknown as {
      getClient(): Promise<{ getAccessToken(): Promise<unknown> }>;
    };
    await abandonOnAbort(
      auth.getClient().then((client) => client.getAccessToken()),
      signal,
    );
  }

  async listPage(request: ListRequest, signal: AbortSignal): Promise<ListPage> {
    await this.#client.initialize();
    const inner = this.#client.innerApiCalls as Record<
      string,
      (request: unknown, options: unknown) => CancellableCall
    >;
    const call = inner.listAssets!(
      { ...request, assetTypes: [...request.assetTypes] },
      { autoPaginate: false, maxRetries: 0 },
    );
    const cancel = () => call.cancel?.();
    signal.addEventListener('abort', cancel, { once: true });
    try {
      const [assets, , response] = await abandonOnAbort(call, signal);
      return { assets, nextPageToken: response?.nextPageToken ?? '' };
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  }

  close(): Promise<void> {
    return this.#client.close();
  }
}
