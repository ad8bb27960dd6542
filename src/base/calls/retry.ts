import type { Clock } from './clock.ts';
import { CallError, type CallFailure, transportFailure } from './failure.ts';
import type { Pacer, Permit } from './pacer.ts';

/** How one call is bounded and retried. */
export interface RetryPolicy {
  /** Attempts per call, the first included. */
  readonly attempts: number;
  /** First backoff ceiling; doubled each retry, with full jitter. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** One attempt's connect-and-response timeout: past it the request is aborted (and retried). */
  readonly timeoutMs: number;
}

/** Six attempts over about a minute: enough for a per-minute quota window to reopen. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 6,
  baseDelayMs: 1_000,
  maxDelayMs: 32_000,
  timeoutMs: 60_000,
};

/** A server's Retry-After longer than this is not waited for: the call fails with it. */
const MAX_RETRY_AFTER_MS = 5 * 60_000;

export interface CallOptions {
  readonly policy: RetryPolicy;
  readonly clock: Clock;
  /** The cloud's reading of an error thrown by its SDK (network and timeouts are read here first). */
  readonly describe: (error: unknown) => CallFailure;
  /** The scope's deadline: once aborted, the attempt in flight is cancelled and no other is made. */
  readonly deadline?: AbortSignal;
  /** What is called, for messages: `Resource Graph query (resources, page 3)`. */
  readonly what: string;
  /** Paces each attempt (waiting for it does not count against the attempt's timeout). */
  readonly pacer?: Pacer;
  /** Bounds the attempts in flight (p-limit); waiting for a slot does not count either. */
  readonly limit?: <T>(run: () => Promise<T>) => Promise<T>;
  readonly onRetry?: (failure: CallFailure, attempt: number, delayMs: number) => void;
  /** A throttled answer's wait, so that a shared pacer holds every caller. */
  readonly onThrottled?: (ms: number) => void;
  readonly random?: () => number;
}

/**
 * Runs `attempt` with a fresh timeout signal each time (connect and response: the SDK aborts
 * the request with it, and the attempt is abandoned on it even if the SDK does not), retrying
 * transient failures with full-jitter exponential backoff, or after the server's Retry-After
 * plus a little jitter (so that callers told the same wait do not return together). Throws
 * CallError when the failure is permanent, the attempts are spent, or the deadline passed.
 */
export async function callWithRetry<T>(
  attempt: (signal: AbortSignal, permit: Permit | undefined) => Promise<T>,
  options: CallOptions,
): Promise<T> {
  const { policy, clock, deadline, pacer, random = Math.random } = options;
  const limit = options.limit ?? ((run) => run());
  for (let n = 1; ; n++) {
    if (deadline?.aborted) throw deadlineError(options, n - 1);
    let timeout: AbortSignal | undefined;
    let failure: CallFailure;
    try {
      // The permit is taken once a slot is free, just before sending: a pacer that learns the
      // quota from the answers must not have handed out permits to calls still queued.
      return await limit(async () => {
        const permit = await pacer?.acquire(deadline);
        try {
          timeout = clock.timeout(policy.timeoutMs);
          const signal = deadline ? AbortSignal.any([timeout, deadline]) : timeout;
          return await abandonOnAbort(attempt(signal, permit), signal);
        } finally {
          permit?.release();
        }
      });
    } catch (error) {
      if (deadline?.aborted) throw deadlineError(options, n);
      failure = timeout?.aborted
        ? {
            kind: 'timeout',
            transient: true,
            message: `no answer within ${seconds(policy.timeoutMs)} (connect and response timeout)`,
          }
        : (transportFailure(error) ?? options.describe(error));
    }
    if (!failure.transient) throw new CallError(failure, n);
    if (n >= policy.attempts)
      throw new CallError({ ...failure, message: `${failure.message} (gave up after ${n} attempts)` }, n);
    if (failure.retryAfterMs !== undefined && failure.retryAfterMs > MAX_RETRY_AFTER_MS)
      throw new CallError(
        {
          ...failure,
          message: `${failure.message} (the service asked to wait ${seconds(failure.retryAfterMs)}, longer than the ${seconds(MAX_RETRY_AFTER_MS)} kansa waits: try again later)`,
        },
        n,
      );
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
    const delay =
      failure.retryAfterMs !== undefined
        ? failure.retryAfterMs + random() * Math.min(policy.baseDelayMs, 1_000)
        : random() * ceiling;
    if (failure.kind === 'throttled') options.onThrottled?.(delay);
    options.onRetry?.(failure, n, delay);
    try {
      await clock.sleep(delay, deadline);
    } catch {
      throw deadlineError(options, n);
    }
  }
}

function deadlineError(options: CallOptions, attempts: number): CallError {
  return new CallError(
    {
      kind: 'deadline',
      transient: false,
      message: `the scope's deadline passed while waiting on ${options.what}`,
    },
    attempts,
  );
}

/** Rejects when `signal` aborts even if the SDK's promise never settles (it is left behind). */
export function abandonOnAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
