import { request } from 'node:https';
import { type CallFailure, statusFailure, unansweredFailure } from '../base/calls/failure.ts';

/** An answer that is not 2xx: `describe` turns it into a CallFailure with its Retry-After. */
export class HttpStatusError extends Error {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  constructor(status: number, headers: Record<string, string | string[] | undefined>, body: string) {
    super(`HTTP ${status}`);
    this.name = 'HttpStatusError';
    this.status = status;
    this.headers = headers;
    this.body = body;
  }
}

export interface PostOptions {
  readonly headers: Readonly<Record<string, string>>;
  readonly signal: AbortSignal;
  /** Extra CA certificates (PEM) to trust, beside the system's: a TLS-inspecting proxy, or a test. */
  readonly ca?: string;
}

/**
 * POSTs `body` over HTTPS only (tokens and signatures never travel in clear), within `signal`.
 * Resolves with the answer's body on 2xx; rejects with HttpStatusError otherwise.
 */
export function postHttps(url: URL, body: string | Buffer, options: PostOptions): Promise<string> {
  if (url.protocol !== 'https:')
    return Promise.reject(new Error(`${url.origin}: only https:// endpoints are used`));
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...options.headers, 'content-length': String(Buffer.byteLength(body)) },
        signal: options.signal,
        ...(options.ca ? { ca: options.ca } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(text);
          else reject(new HttpStatusError(status, res.headers, text));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** What a destination's failed POST means: transport, throttling with Retry-After, or the service's refusal. */
export function describeHttpFailure(
  error: unknown,
  service: string,
  endpoint: string,
  secrets: readonly string[] = [],
): CallFailure {
  const failure = describeUnredacted(error, service, endpoint);
  const message = secrets.reduce(
    (text, secret) => (secret ? text.split(secret).join('<redacted>') : text),
    failure.message,
  );
  return { ...failure, message };
}

function describeUnredacted(error: unknown, service: string, endpoint: string): CallFailure {
  if (error instanceof HttpStatusError) {
    const header = (name: string) => {
      const value = error.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    return statusFailure(
      error.status,
      header,
      `${service} (${endpoint}) answered HTTP ${error.status}: ${error.body || '(no body)'}`,
    );
  }
  return unansweredFailure(error, endpoint, `${service} (${endpoint})`);
}
