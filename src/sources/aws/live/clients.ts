import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { ConfigServiceClient, type ConfigServiceClientConfig } from '@aws-sdk/client-config-service';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { STSClient } from '@aws-sdk/client-sts';
import { isThrottling } from './errors.ts';

/** Credentials as the SDK clients take them: fixed, or a provider that refreshes them. */
export type AwsCredentials = NonNullable<ConfigServiceClientConfig['credentials']>;

/**
 * How transient failures (throttling, 5xx, timeouts) are retried: by the SDK alone (its
 * adaptive mode rate-limits the client on throttling and honours the services' backoff), the
 * one retry layer of the AWS collector.
 */
export interface RetryTimings {
  /** Attempts per request inside the SDK (first try included). */
  readonly sdkAttempts: number;
  /**
   * Delay before SDK retry n (0-based); undefined uses the SDK's own adaptive retry mode
   * (client-side rate limiting, exponential backoff with jitter, up to 20 s).
   */
  readonly sdkDelayMs?: (retry: number) => number;
}

export const DEFAULT_RETRY: RetryTimings = { sdkAttempts: 8 };

/** What the clients are built from: one set per account (credentials) and region. */
export interface ClientSettings {
  readonly credentials: AwsCredentials;
  /** One endpoint for every service (a test double, a VPC endpoint proxy); absent: AWS's own. */
  readonly endpoint?: string;
  readonly retry: RetryTimings;
  readonly requestTimeoutMs: number;
  /** Called once per HTTP attempt (retries included), for the scope's request count. */
  readonly onRequest: () => void;
  /** Called for each throttled answer (for the progress line). */
  readonly onThrottled: () => void;
}

/**
 * The SDK clients of one account and region. Each has its own retry state (the SDK's retry
 * quota and adaptive rate limiter are per client), so a throttled region does not slow others.
 */
export class RegionClients {
  readonly #settings: ClientSettings;
  readonly region: string;
  #config?: ConfigServiceClient;
  #ec2?: EC2Client;
  #iam?: IAMClient;
  #sts?: STSClient;
  #kms?: KMSClient;
  #cloudtrail?: CloudTrailClient;
  #s3?: S3Client;
  #s3control?: S3ControlClient;
  #rds?: RDSClient;

  constructor(settings: ClientSettings, region: string) {
    this.#settings = settings;
    this.region = region;
  }

  get config(): ConfigServiceClient {
    this.#config ??= counted(
      new ConfigServiceClient(clientConfig(this.#settings, this.region)),
      this.#settings,
    );
    return this.#config;
  }

  get ec2(): EC2Client {
    this.#ec2 ??= counted(new EC2Client(clientConfig(this.#settings, this.region)), this.#settings);
    return this.#ec2;
  }

  get iam(): IAMClient {
    this.#iam ??= counted(new IAMClient(clientConfig(this.#settings, this.region)), this.#settings);
    return this.#iam;
  }

  get sts(): STSClient {
    this.#sts ??= counted(new STSClient(clientConfig(this.#settings, this.region)), this.#settings);
    return this.#sts;
  }

  get kms(): KMSClient {
    this.#kms ??= counted(new KMSClient(clientConfig(this.#settings, this.region)), this.#settings);
    return this.#kms;
  }

  get cloudtrail(): CloudTrailClient {
    this.#cloudtrail ??= counted(
      new CloudTrailClient(clientConfig(this.#settings, this.region)),
      this.#settings,
    );
    return this.#cloudtrail;
  }

  /** S3 of this region; path-style addressing against a single test endpoint (no bucket DNS). */
  get s3(): S3Client {
    this.#s3 ??= counted(
      new S3Client({
        ...clientConfig(this.#settings, this.region),
        // A bucket of another region answers 301: the SDK retries there (GetBucketLocation).
        followRegionRedirects: true,
        ...(this.#settings.endpoint ? { forcePathStyle: true } : {}),
      }),
      this.#settings,
    );
    return this.#s3;
  }

  /**
   * S3 Control (account-level Block Public Access). Its endpoint rules put the account id in
   * the host (`<account>.s3-control.<region>.amazonaws.com`); a single test endpoint is used as is.
   */
  get s3control(): S3ControlClient {
    const { endpoint } = this.#settings;
    this.#s3control ??= counted(
      new S3ControlClient({
        ...clientConfig(this.#settings, this.region),
        ...(endpoint ? { endpointProvider: () => ({ url: new URL(endpoint) }) } : {}),
      }),
      this.#settings,
    );
    return this.#s3control;
  }

  get rds(): RDSClient {
    this.#rds ??= counted(new RDSClient(clientConfig(this.#settings, this.region)), this.#settings);
    return this.#rds;
  }

  destroy(): void {
    for (const client of [
      this.#config,
      this.#ec2,
      this.#iam,
      this.#sts,
      this.#kms,
      this.#cloudtrail,
      this.#s3,
      this.#s3control,
      this.#rds,
    ])
      client?.destroy();
  }
}

/** The config every client shares. */
export function clientConfig(settings: ClientSettings, region: string) {
  const { retry } = settings;
  return {
    region,
    credentials: settings.credentials,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    maxAttempts: retry.sdkAttempts,
    ...(retry.sdkDelayMs
      ? { retryStrategy: fixedDelayRetryStrategy(retry.sdkAttempts, retry.sdkDelayMs) }
      : { retryMode: 'adaptive' }),
    // Without throwOnRequestTimeout the SDK only warns on a request timeout and waits on for ever.
    requestHandler: {
      requestTimeout: settings.requestTimeoutMs,
      connectionTimeout: settings.requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
  };
}

interface CountableClient {
  readonly middlewareStack: {
    add(
      middleware: (next: (args: unknown) => Promise<unknown>) => (args: unknown) => Promise<unknown>,
      options: { step: 'deserialize'; name: string },
    ): void;
  };
}

/** Counts every HTTP attempt and throttled answer: the deserialize step runs inside the SDK's retry loop. */
function counted<T>(client: T, settings: ClientSettings): T {
  (client as unknown as CountableClient).middlewareStack.add(
    (next) => async (args) => {
      settings.onRequest();
      try {
        return await next(args);
      } catch (error) {
        if (isThrottling(error)) settings.onThrottled();
        throw error;
      }
    },
    { step: 'deserialize', name: 'kansaRequestCounter' },
  );
  return client;
}

interface RetryToken {
  getRetryCount(): number;
  getRetryDelay(): number;
}

/**
 * The SDK's retry-strategy interface (RetryStrategyV2) with injected delays, for tests and
 * benchmarks that cannot wait for the adaptive mode's real backoff. Throttling, transient and
 * server errors are retried; client errors are not.
 */
export function fixedDelayRetryStrategy(maxAttempts: number, delayMs: (retry: number) => number) {
  const token = (count: number): RetryToken => ({
    getRetryCount: () => count,
    getRetryDelay: () => (count === 0 ? 0 : delayMs(count - 1)),
  });
  return {
    mode: 'standard',
    acquireInitialRetryToken: async (_scope: string) => token(0),
    refreshRetryTokenForRetry: async (previous: RetryToken, info: { errorType: string; error?: unknown }) => {
      const next = previous.getRetryCount() + 1;
      if (info.errorType === 'CLIENT_ERROR' || next >= maxAttempts) throw info.error ?? new Error('no retry');
      return token(next);
    },
    recordSuccess: (_token: RetryToken) => {},
  };
}
