import type { DocumentFormat, InputFormat } from '../format.ts';
import { isObject, type JsonObject } from './json.ts';

/**
 * HTTP answers recorded by Cloud Custodian's Google Cloud tests (c7n_gcp `tests/recorder.py`,
 * `tools/c7n_gcp/tests/data/flights/*`): one file per call,
 * `{"headers": {"status": "200", …}, "body": {…}}`, where `body` is the API's JSON as gcloud or
 * the REST API returns it. The document formats read the body; an error recorded the same way
 * (status 4xx or 5xx) holds no resource and is skipped with the API's status.
 */
function recording(document: unknown): { status: number; body: unknown } | undefined {
  if (!isObject(document) || !isObject(document.headers) || !('body' in document)) return undefined;
  if (Object.keys(document).some((key) => key !== 'headers' && key !== 'body')) return undefined;
  const status = Number(document.headers.status);
  return Number.isInteger(status) ? { status, body: document.body } : undefined;
}

const succeeded = (status: number) => status >= 200 && status < 300;

function answerOf(document: unknown): unknown {
  const recorded = recording(document);
  return recorded && succeeded(recorded.status) ? recorded.body : document;
}

/** A document format that also reads the bodies of recorded answers. */
export function acceptingFlightRecordings(format: InputFormat): InputFormat {
  if (format.kind !== 'document') return format;
  const recorded: DocumentFormat = {
    ...format,
    matches: (document) => format.matches(answerOf(document)),
    read: (document, ctx) => format.read(answerOf(document), ctx),
  };
  return recorded;
}

export const gcpRecordedError: DocumentFormat = {
  kind: 'document',
  id: 'gcp-recorded-error',
  provider: 'gcp',
  description:
    'a Google Cloud API error answer recorded by Cloud Custodian’s tests ({"headers": {"status": "4xx"}, "body": {"error": …}})',
  matches(document) {
    const recorded = recording(document);
    return recorded !== undefined && !succeeded(recorded.status);
  },
  read(document, ctx) {
    const recorded = recording(document);
    const error =
      isObject(recorded?.body) && isObject(recorded.body.error) ? (recorded.body.error as JsonObject) : {};
    const code = typeof error.status === 'string' ? error.status : 'no error status';
    ctx.skip(`a recorded error answer (HTTP ${recorded?.status ?? '?'}, ${code}): it holds no resource`);
    return [];
  },
};
