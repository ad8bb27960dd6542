/** What the SDK puts on its errors (ServiceException and transport errors). */
interface SdkErrorShape {
  readonly name?: string;
  readonly message?: string;
  readonly code?: string;
  readonly $retryable?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'LimitExceededException',
]);
const TRANSIENT = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ServiceUnavailable',
]);
const NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);
const DENIED = /AccessDenied|UnauthorizedOperation|AuthorizationError|NotAuthorized/;
/** What AWS answers in a region the account has not enabled (opt-in regions). */
const REGION_DISABLED = /UnrecognizedClient|InvalidClientTokenId|AuthFailure|OptInRequired/;

/** Throttling, 5xx, timeouts and dropped connections: worth another try. */
export function isRetryable(error: unknown): boolean {
  const e = (error ?? {}) as SdkErrorShape;
  const status = e.$metadata?.httpStatusCode ?? 0;
  return (
    Boolean(e.$retryable) ||
    THROTTLING.has(e.name ?? '') ||
    TRANSIENT.has(e.name ?? '') ||
    NETWORK.has(e.code ?? '') ||
    status >= 500
  );
}

/** One line for the coverage section. Messages of AWS errors name ARNs, never credentials. */
export function describeError(error: unknown): string {
  const e = (error ?? {}) as SdkErrorShape;
  const name = e.name ?? 'Error';
  const message = oneLine(e.message ?? String(error));
  if (DENIED.test(name)) return `access denied (${name}): ${message}`;
  if (REGION_DISABLED.test(name))
    return `region not enabled for this account (opt-in region), or the credentials are not valid there (${name})`;
  if (THROTTLING.has(name)) return `still throttled after retries (${name}): ${message}`;
  return `${name}: ${message}`;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
