/**
 * The one shape of a failed call to a cloud, whatever the SDK: what kind of failure it was,
 * whether another try may help, the server's wait, and one line a person can act on.
 */
export type FailureKind =
  /** 429, or a service's throttling error. */
  | 'throttled'
  /** 401/403, AccessDenied, PERMISSION_DENIED: a role or permission is missing. */
  | 'denied'
  /** No answer within the call's timeout. */
  | 'timeout'
  /** The scope's deadline passed: no further call is made. */
  | 'deadline'
  /** No HTTP exchange happened: refused, unreachable, DNS, reset. */
  | 'network'
  /** The credentials could not be had (no login, a corrupt key file, no token endpoint). */
  | 'credentials'
  /** 5xx and other server-side failures. */
  | 'server'
  /** Anything else the service refused (4xx): another try would fail the same way. */
  | 'client';

export interface CallFailure {
  readonly kind: FailureKind;
  readonly transient: boolean;
  /** The HTTP status, when an HTTP exchange happened. */
  readonly status?: number;
  /** The service's error code (`AuthorizationFailed`, `PERMISSION_DENIED`, `AccessDeniedException`). */
  readonly code?: string;
  /** The server's Retry-After (or RetryInfo, or a quota reset), in ms. */
  readonly retryAfterMs?: number;
  /** One line, no secrets: what failed and, where it helps, what to check. */
  readonly message: string;
}

/** A call that failed for good: permanent, out of retries, or past its scope's deadline. */
export class CallError extends Error {
  readonly failure: CallFailure;
  readonly attempts: number;
  constructor(failure: CallFailure, attempts: number) {
    super(failure.message);
    this.name = 'CallError';
    this.failure = failure;
    this.attempts = attempts;
  }
}

/** Socket-level error codes, each with what it means for the person running the scan. */
const NETWORK_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused: is the endpoint right, or is a proxy needed?',
  ENOTFOUND: 'host name not found: no network, or DNS does not resolve it',
  EAI_AGAIN: 'host name lookup failed: no network, or DNS is unreachable',
  ENETUNREACH: 'network unreachable: no network connection',
  EHOSTUNREACH: 'host unreachable: no route to it',
  ECONNRESET: 'connection reset by the other end',
  EPIPE: 'connection closed while sending',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed unexpectedly',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  ECONNABORTED: 'connection aborted',
  EPROTO: 'TLS handshake failed',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server certificate cannot be verified',
  SELF_SIGNED_CERT_IN_CHAIN:
    'a self-signed certificate is in the chain (a TLS-inspecting proxy? set NODE_EXTRA_CA_CERTS)',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server certificate is self-signed',
};

/** Not worth retrying at once: the same network state gives the same answer. */
const PERMANENT_NETWORK = new Set([
  'ENOTFOUND',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

interface ErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
  readonly errors?: unknown;
  readonly address?: unknown;
  readonly port?: unknown;
  readonly hostname?: unknown;
}

/**
 * The socket-level cause of an error, searched through `cause` chains and aggregated errors
 * (fetch wraps it as `TypeError: fetch failed`, the SDKs in their own errors).
 */
export function networkCause(error: unknown, depth = 0): { code: string; where?: string } | undefined {
  if (typeof error !== 'object' || error === null || depth > 6) return undefined;
  const e = error as ErrorLike;
  if (typeof e.code === 'string' && e.code in NETWORK_CODES) {
    const host = typeof e.hostname === 'string' ? e.hostname : typeof e.address === 'string' ? e.address : '';
    const where = host ? `${host}${typeof e.port === 'number' ? `:${e.port}` : ''}` : undefined;
    return { code: e.code, ...(where ? { where } : {}) };
  }
  for (const inner of [e.cause, ...(Array.isArray(e.errors) ? e.errors : [])]) {
    const found = networkCause(inner, depth + 1);
    if (found) return found;
  }
  if (typeof e.message === 'string') {
    const code = Object.keys(NETWORK_CODES).find(
      (c) => e.message === c || (e.message as string).includes(` ${c}`),
    );
    if (code) return { code };
  }
  return undefined;
}

/** A timeout or an abort, whatever the SDK wrapped it in. */
export function isTimeout(error: unknown): boolean {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  return e.name === 'TimeoutError' || (e.name === 'AbortError' && isTimeout(e.cause));
}

/**
 * The failure of an error that carries no HTTP answer: a socket error, a timeout. Undefined
 * when the error is not one of those (the cloud's own describer then reads it).
 */
export function transportFailure(error: unknown, endpoint?: string): CallFailure | undefined {
  if (isTimeout(error)) return { kind: 'timeout', transient: true, message: 'no answer within the timeout' };
  const cause = networkCause(error);
  if (!cause) return undefined;
  const where = cause.where ?? endpoint;
  return {
    kind: 'network',
    transient: !PERMANENT_NETWORK.has(cause.code),
    code: cause.code,
    message: `${cause.code}${where ? ` (${where})` : ''}: ${NETWORK_CODES[cause.code]}`,
  };
}

/**
 * The failure of a call a service answered with a status that is not 2xx: its kind, whether
 * another try may help (a throttling error code counts as throttled whatever the status), the
 * Retry-After it asked for, and the message.
 */
export function statusFailure(
  status: number,
  header: (name: string) => string | null | undefined,
  message: string,
  options: { readonly code?: string; readonly throttled?: boolean } = {},
): CallFailure {
  const retryAfterMs = parseRetryAfter(header);
  return {
    kind: options.throttled ? 'throttled' : kindOfStatus(status),
    transient: options.throttled === true || isTransientStatus(status),
    status,
    ...(options.code !== undefined ? { code: options.code } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    message: oneLine(message),
  };
}

/**
 * The failure of a call with no answer to read: the transport's (socket error, timeout), or
 * else a client error that quotes the error as `what: message`.
 */
export function unansweredFailure(error: unknown, endpoint: string, what: string): CallFailure {
  return (
    transportFailure(error, endpoint) ?? {
      kind: 'client',
      transient: false,
      message: oneLine(`${what}: ${error instanceof Error ? error.message : String(error)}`),
    }
  );
}

/** The status classes the three clouds share. */
export function kindOfStatus(status: number): FailureKind {
  if (status === 429) return 'throttled';
  if (status === 401 || status === 403) return 'denied';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  return 'client';
}

/** HTTP statuses worth another try. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * `Retry-After` as seconds or an HTTP date, or the millisecond variants some services send
 * (`retry-after-ms`, `x-ms-retry-after-ms`); undefined when none is usable.
 */
export function parseRetryAfter(
  header: (name: string) => string | null | undefined,
  nowEpochMs: number = Date.now(),
): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const raw = header(name);
    const ms = raw === null || raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
    if (Number.isFinite(ms) && ms >= 0) return ms;
  }
  const value = header('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - nowEpochMs) : undefined;
}

/** Bearer tokens, keys and signatures must never reach a log or a report, even echoed back. */
const SECRETS = [
  /(bearer\s+)[\w.~+/=-]+/gi,
  /((?:access_token|client_secret|private_key|signature|x-amz-signature|sig)["'=:\s]+)[^\s"'&,]+/gi,
];

/** One line, at most 300 characters, secrets redacted. */
export function oneLine(text: string): string {
  let line = text.replace(/\s+/g, ' ').trim();
  for (const secret of SECRETS) line = line.replace(secret, '$1<redacted>');
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
