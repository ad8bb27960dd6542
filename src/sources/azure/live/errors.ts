import { isRestError } from '@azure/core-rest-pipeline';
import {
  type CallFailure,
  isTransientStatus,
  kindOfStatus,
  oneLine,
  parseRetryAfter,
} from '../../../base/calls/failure.ts';
import { parseTimeSpan } from './pacer.ts';

/**
 * Reads an error of an Azure SDK call into the toolkit's failure shape: the HTTP status, the
 * ARM error code and message, the server's wait (Retry-After, or Resource Graph's quota reset).
 * Socket errors and timeouts are read by the toolkit before this; a token that cannot be had
 * is named as such (no HTTP exchange with ARM happened).
 */
export function describeAzureFailure(error: unknown): CallFailure {
  const credentials = credentialsFailure(error);
  if (credentials) return credentials;
  if (isRestError(error) && error.statusCode !== undefined) {
    const status = error.statusCode;
    const headers = error.response?.headers;
    const retryAfterMs = headers
      ? (parseRetryAfter((name) => headers.get(name)) ??
        parseTimeSpan(headers.get('x-ms-user-quota-resets-after')))
      : undefined;
    const body = serviceError(error.response?.bodyAsText ?? undefined);
    const code = (typeof body?.code === 'string' ? body.code : undefined) ?? error.code;
    const text = oneLine(typeof body?.message === 'string' ? body.message : error.message);
    return {
      kind: kindOfStatus(status),
      transient: isTransientStatus(status),
      status,
      ...(code ? { code } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      message: [`HTTP ${status}`, code, text].filter(Boolean).join(' '),
    };
  }
  const named = error as { name?: string; code?: string; message?: string };
  const code = typeof named?.code === 'string' ? named.code : undefined;
  return {
    kind: 'client',
    transient: false,
    ...(code ? { code } : {}),
    message: oneLine([code, named?.message ?? String(error)].filter(Boolean).join(' ')),
  };
}

/**
 * `@azure/identity` errors: no credential found, a login that failed. With no network, MSAL
 * reports `network_error` inside a made-up HTTP 400; that is a network failure, said as one.
 */
function credentialsFailure(error: unknown): CallFailure | undefined {
  const e = error as { name?: string; message?: string };
  const name = e?.name ?? '';
  if (!/CredentialUnavailableError|AuthenticationError|AggregateAuthenticationError/.test(name))
    return undefined;
  const text = oneLine(e.message ?? '');
  if (/network_error|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|fetch failed/i.test(text)) {
    return {
      kind: 'network',
      transient: false,
      code: 'network_error',
      message:
        'could not reach the Microsoft Entra token endpoint (login.microsoftonline.com): no network, DNS, or a proxy (HTTPS_PROXY) is needed',
    };
  }
  return {
    kind: 'credentials',
    transient: false,
    code: name,
    message: `no Azure credential could get a token (${text}): sign in with az login, or set AZURE_CLIENT_ID/AZURE_TENANT_ID with a secret, certificate or workload identity`,
  };
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

/** The built-in role that grants every read kansa makes (Resource Graph and the ARM GETs). */
export const READER_ROLE = 'Reader';
