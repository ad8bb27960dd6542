import { type CallFailure, kindOfStatus, oneLine } from '../../../base/calls/failure.ts';

/**
 * What a failed Cloud Asset call means. Through the client's REST transport the errors arrive
 * as the HTTP client's errors (`status` 429, the Google error JSON as the message) or, once
 * decoded, as gax errors with a gRPC `code`; both are read here. Only the Google error's status
 * and message are kept: the HTTP client's error also carries the request, with its
 * Authorization header, and must never be logged. Socket errors and timeouts are read by the
 * toolkit before this.
 */
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
const RETRYABLE_STATUS = new Set([
  'RESOURCE_EXHAUSTED',
  'UNAVAILABLE',
  'INTERNAL',
  'DEADLINE_EXCEEDED',
  'ABORTED',
]);
const RETRYABLE_HTTP = new Set([408, 429, 500, 502, 503, 504]);

/** The role that grants what kansa lists (`cloudasset.assets.listResource`, `…listIamPolicy`). */
export const ASSET_VIEWER_ROLE = 'roles/cloudasset.viewer';

export function describeGcpFailure(error: unknown): CallFailure {
  const credentials = credentialsFailure(error);
  if (credentials) return credentials;
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
  const grpc = typeof e.code === 'number' ? GRPC_STATUS[e.code] : undefined;
  const status = body?.status ?? grpc ?? (httpStatus ? `HTTP ${httpStatus}` : 'ERROR');
  const message = oneLine(
    body?.message ?? firstLine(typeof e.message === 'string' ? e.message : String(error)),
  );
  const retryAfterMs = body?.retryAfterMs ?? retryAfterHeader(response.headers);
  const kind =
    status === 'PERMISSION_DENIED' || status === 'UNAUTHENTICATED'
      ? 'denied'
      : status === 'RESOURCE_EXHAUSTED'
        ? 'throttled'
        : status === 'DEADLINE_EXCEEDED'
          ? 'timeout'
          : httpStatus !== undefined
            ? kindOfStatus(httpStatus)
            : RETRYABLE_STATUS.has(status)
              ? 'server'
              : 'client';
  const advice = kind === 'denied' ? ` (grant ${ASSET_VIEWER_ROLE} on the scope to the identity)` : '';
  return {
    kind,
    transient: RETRYABLE_STATUS.has(status) || (httpStatus !== undefined && RETRYABLE_HTTP.has(httpStatus)),
    ...(httpStatus !== undefined && { status: httpStatus }),
    code: status,
    message: `${status}${httpStatus && !status.startsWith('HTTP') ? ` (HTTP ${httpStatus})` : ''}: ${message}${advice}`,
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  };
}

/**
 * Application Default Credentials that cannot be used: a corrupt or unreadable key file, no
 * credentials at all. Named with the file they came from, never with the key's content.
 */
export function credentialsFailure(error: unknown): CallFailure | undefined {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const text = typeof e.message === 'string' ? e.message : '';
  const code = typeof e.code === 'string' ? e.code : '';
  const file = process.env.GOOGLE_APPLICATION_CREDENTIALS;
  const where = file
    ? `the credentials file ${file} (GOOGLE_APPLICATION_CREDENTIALS)`
    : 'the Application Default Credentials';
  if (/DECODER routines|PEM|private key|ERR_OSSL/i.test(text) || code.startsWith('ERR_OSSL')) {
    return {
      kind: 'credentials',
      transient: false,
      code: code || 'INVALID_KEY',
      message: `the private key in ${where} cannot be read (${oneLine(firstLine(text))}): check that the file is an intact service account key`,
    };
  }
  if (/Could not load the default credentials/i.test(text)) {
    return {
      kind: 'credentials',
      transient: false,
      code: 'NO_CREDENTIALS',
      message:
        'no Application Default Credentials: run `gcloud auth application-default login`, or set GOOGLE_APPLICATION_CREDENTIALS to a key file, or run with an attached service account',
    };
  }
  if (
    /Unexpected token|JSON|must contain|client_email|private_key/i.test(text) &&
    /credential|key|json/i.test(text)
  ) {
    return {
      kind: 'credentials',
      transient: false,
      code: 'INVALID_CREDENTIALS_FILE',
      message: `${where} cannot be used (${oneLine(firstLine(text))})`,
    };
  }
  if (/invalid_grant|invalid_client|unauthorized_client/i.test(text)) {
    return {
      kind: 'credentials',
      transient: false,
      code: 'TOKEN_REFUSED',
      message: `the token service refused ${where} (${oneLine(firstLine(text))}): the key may be revoked or the account disabled`,
    };
  }
  return undefined;
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
