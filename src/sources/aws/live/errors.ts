import { oneLine, transportFailure } from '../../../base/calls/failure.ts';

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
const DENIED = /AccessDenied|UnauthorizedOperation|AuthorizationError|NotAuthorized/;
/** What AWS answers in a region the account has not enabled (opt-in regions). */
const REGION_DISABLED = /UnrecognizedClient|InvalidClientTokenId|AuthFailure|OptInRequired/;

export function isThrottling(error: unknown): boolean {
  return THROTTLING.has(((error ?? {}) as SdkErrorShape).name ?? '');
}

/** The AWS managed policies that grant every read kansa makes. */
export const READ_POLICIES = 'the SecurityAudit or ReadOnlyAccess managed policy';

/**
 * One line for the coverage section, naming the real cause: the denied action and what grants
 * it, a region not enabled, a timeout, a refused or unreachable endpoint. Messages of AWS
 * errors name ARNs, never credentials.
 */
export function describeError(error: unknown, action?: string): string {
  const e = (error ?? {}) as SdkErrorShape;
  const name = e.name ?? 'Error';
  const message = oneLine(e.message ?? String(error));
  if (DENIED.test(name))
    return `access denied${action ? ` to ${action}` : ''} (${name}): ${message} (${READ_POLICIES} grants it)`;
  if (TRANSIENT.has(name) || name === 'TimeoutError')
    return `${action ? `${action}: ` : ''}no answer within the request timeout (${name}), after the SDK's retries`;
  const transport = transportFailure(error);
  if (transport && !e.$metadata?.httpStatusCode) return `${action ? `${action}: ` : ''}${transport.message}`;
  if (REGION_DISABLED.test(name))
    return `region not enabled for this account (opt-in region), or the credentials are not valid there (${name})`;
  if (THROTTLING.has(name)) return `still throttled after retries (${name}): ${message}`;
  return `${name}: ${message}`;
}
