/**
 * What a failed Cloud Asset call means. Through the client's REST transport the errors arrive
 * as the HTTP client's errors (`status` 429, the Google error JSON as the message) or, once
 * decoded, as gax errors with a gRPC `code`; both are read here. Only the Google error's status
 * and message are kept: the HTTP client's error also carries the request, with its
 * Authorization header, and must never be logged.
 */
export interface CallFailure {
  /** `RESOURCE_EXHAUSTED`, `PERMISSION_DENIED`, `UNAVAILABLE`, `TIMEOUT`, … */
  readonly status: string;
  readonly httpStatus?: number;
  readonly message: string;
  readonly retryable: boolean;
  /** The service's RetryInfo or Retry-After, when it sent one. */
  readonly retryAfterMs?: number;
}

export interface RetryTimings {
  /** Attempts per request, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A request taking longer than this is abandoned and retried. */
  readonly timeoutMs: number;
}

/** Six attempts over about a minute: enough for a per-minute quota window to reopen. */
export const DEFAULT_RETRY: RetryTimings = {
  attempts: 6,
  baseDelayMs: 1000,
  maxDelayMs: 32_000,
  timeoutMs: 120_000,
};

const RETRYABLE_STATUS = new Set([
  'RESOURCE_EXHAUSTED',
  'UNAVAILABLE',
  'INTERNAL',
  'DEADLINE_EXCEEDED',
  'ABORTED',
  'TIMEOUT',
]);
const RETRYABLE_HTTP = new Set([408, 429, 500, 502, 503, 504]);
const GRPC_STATUS: Readonly<Record<number, string>> = {
  1: 'CANCELLED',
  3: 'INVALID_ARGUMENT',
  4: 'DEADLINE_EXCEEDED',
  5: 'NOT_FOUND',
  7: 'PERMISSION_DENIED',
  8: 'RESOURCE_EXHAUSTED',
  10: 'ABORTED',
  13: 'INTERNAL',
  14: 'UNAVAILABLE',
  16: 'UNAUTHENTICATED',
};
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

export class CallTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

export function describeFailure(error: unknown): CallFailure {
  if (error instanceof CallTimeout) return { status: 'TIMEOUT', message: error.message, retryable: true };
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const response = (typeof e.response === 'object' && e.response !== null ? e.response : {}) as Record<
    string,
    unknown
  >;
  const httpStatus =
    typeof e.status === 'number'
      ? e.status
      : typeof response.status === 'number'
        ? response.status
        : undefined;
  const body = googleError(typeof e.message === 'string' ? e.message : '');
  const grpc = httpStatus === undefined && typeof e.code === 'number' ? GRPC_STATUS[e.code] : undefined;
  const networkCode = typeof e.code === 'string' && NETWORK_CODES.has(e.code) ? e.code : undefined;
  const status = body?.status ?? grpc ?? networkCode ?? (httpStatus ? `HTTP ${httpStatus}` : 'ERROR');
  const message = body?.message ?? firstLine(typeof e.message === 'string' ? e.message : String(error));
  const retryAfterMs = body?.retryAfterMs ?? retryAfterHeader(response.headers);
  return {
    status,
    ...(httpStatus !== undefined && { httpStatus }),
    message,
    retryable:
      RETRYABLE_STATUS.has(status) ||
      (httpStatus !== undefined && RETRYABLE_HTTP.has(httpStatus)) ||
      networkCode !== undefined,
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  };
}

/** The Google error JSON (`{error: {code, message, status, details}}`) in a message, if it is one. */
function googleError(text: string): { status?: string; message?: string; retryAfterMs?: number } | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(text) as { error?: Record<string, unknown> };
    const error = parsed.error;
    if (!error) return undefined;
    const details = Array.isArray(error.details) ? (error.details as Record<string, unknown>[]) : [];
    const retryInfo = details.find((d) => String(d['@type']).endsWith('google.rpc.RetryInfo'));
    const delay =
      typeof retryInfo?.retryDelay === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(retryInfo.retryDelay) : null;
    return {
      ...(typeof error.status === 'string' && { status: error.status }),
      ...(typeof error.message === 'string' && { message: error.message }),
      ...(delay && { retryAfterMs: Math.ceil(Number(delay[1]) * 1000) }),
    };
  } catch {
    return undefined;
  }
}

function retryAfterHeader(headers: unknown): number | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const raw =
    headers instanceof Headers
      ? headers.get('retry-after')
      : (headers as Record<string, unknown>)['retry-after'];
  const seconds = Number(raw);
  return raw !== null && raw !== undefined && Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!.slice(0, 300);
}

/**
 * Exponential backoff with jitter; after the service's own retry delay (RetryInfo, Retry-After;
 * up to a minute) when it sent one, so that callers told the same delay do not return together.
 */
export function backoffDelay(
  attempt: number,
  timings: RetryTimings,
  failure: CallFailure,
  random = Math.random,
): number {
  const ceiling = Math.min(timings.maxDelayMs, timings.baseDelayMs * 2 ** (attempt - 1));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  return Math.min(failure.retryAfterMs ?? 0, 60_000) + jittered;
}
