import { isRestError } from '@azure/arm-resourcegraph';
import { parseTimeSpan, type Sleep } from './pacer.ts';

/** How transient failures are retried (the SDKs' own retries are switched off: we count and pace). */
export interface RetryOptions {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** First backoff; doubled each retry, with full jitter. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A request that has not answered after this long is aborted and retried. */
  readonly timeoutMs: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxRetries: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  timeoutMs: 60_000,
};

/** HTTP statuses worth another try: throttled, timed out, or a server-side failure. */
const TRANSIENT_STATUS = new Set([408, 429, 500, 502, 503, 504]);
/** Socket-level failures (a reset connection, a DNS hiccup). */
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'REQUEST_SEND_ERROR',
  'UND_ERR_SOCKET',
]);

/** What a failed call looked like, for retry decisions and the coverage message. */
export interface CallFailure {
  readonly transient: boolean;
  /** The server's Retry-After (or Resource Graph's quota reset), when it sent one. */
  readonly retryAfterMs?: number;
  /** One line, no secrets: status, error code and the service's message. */
  readonly message: string;
  readonly status?: number;
}

/** Classifies an error thrown by an Azure SDK call. */
export function describeFailure(error: unknown): CallFailure {
  if (isRestError(error)) {
    const status = error.statusCode;
    const headers = error.response?.headers;
    const retryAfterMs = retryAfter(headers);
    const body = error.response?.bodyAsText ?? undefined;
    const code = serviceErrorCode(body) ?? error.code;
    const transient =
      (status !== undefined && TRANSIENT_STATUS.has(status)) ||
      (status === undefined && (error.code === undefined || TRANSIENT_CODES.has(error.code)));
    const text = oneLine(serviceErrorMessage(body) ?? error.message);
    return {
      transient,
      status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      message: [status ? `HTTP ${status}` : undefined, code, text].filter(Boolean).join(' '),
    };
  }
  const named = error as { name?: string; code?: string; message?: string };
  if (named?.name === 'AbortError' || named?.name === 'TimeoutError') {
    return { transient: true, message: 'timed out' };
  }
  const code = typeof named?.code === 'string' ? named.code : undefined;
  return {
    transient: code !== undefined && TRANSIENT_CODES.has(code),
    message: oneLine([code, named?.message ?? String(error)].filter(Boolean).join(' ')),
  };
}

function retryAfter(headers: { get(name: string): string | undefined } | undefined): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get('retry-after-ms') ?? headers.get('x-ms-retry-after-ms'));
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (value !== undefined) {
    const seconds = Number(value);
    if (Number.isFinite(seconds)) return seconds * 1000;
    const date = Date.parse(value);
    if (Number.isFinite(date)) return Math.max(0, date - Date.now());
  }
  return parseTimeSpan(headers.get('x-ms-user-quota-resets-after'));
}

function serviceError(body: string | undefined): { code?: unknown; message?: unknown } | undefined {
  if (!body) return undefined;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    return parsed.error;
  } catch {
    return undefined;
  }
}

const serviceErrorCode = (body: string | undefined) => {
  const code = serviceError(body)?.code;
  return typeof code === 'string' ? code : undefined;
};
const serviceErrorMessage = (body: string | undefined) => {
  const message = serviceError(body)?.message;
  return typeof message === 'string' ? message : undefined;
};

/** Bearer tokens must never reach a log or a report, even inside an echoed request. */
const TOKEN = /(bearer\s+)[\w.~+/=-]+/gi;
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').replace(TOKEN, '$1<redacted>').slice(0, 300);
}

export interface RetryHooks {
  /** Called after a failed attempt that will be retried. */
  readonly onRetry?: (failure: CallFailure, attempt: number, delayMs: number) => void;
  /** Called with a 429's wait, so that a shared pacer stops every caller. */
  readonly onThrottled?: (ms: number) => void;
}

export class CallError extends Error {
  readonly failure: CallFailure;
  readonly attempts: number;
  constructor(failure: CallFailure, attempts: number) {
    super(failure.message);
    this.failure = failure;
    this.attempts = attempts;
  }
}

/**
 * Runs `call` (which sets its own timeout when it actually sends), retrying transient failures with exponential backoff
 * and full jitter, or the server's Retry-After when it sent one. Throws CallError when the
 * failure is permanent or the retries are spent.
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  options: RetryOptions,
  sleepFn: Sleep,
  hooks: RetryHooks = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const failure = describeFailure(error);
      if (!failure.transient || attempt >= options.maxRetries) throw new CallError(failure, attempt + 1);
      const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt) * Math.random();
      const delay = failure.retryAfterMs ?? backoff;
      if (failure.status === 429 && failure.retryAfterMs !== undefined) hooks.onThrottled?.(delay);
      hooks.onRetry?.(failure, attempt + 1, delay);
      await sleepFn(delay);
    }
  }
}
