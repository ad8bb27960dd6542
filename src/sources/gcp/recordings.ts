import path from 'node:path';
import type { DocumentFormat, InputFormat } from '../format.ts';
import { isObject, type JsonObject } from './json.ts';

/**
 * HTTP answers recorded by Cloud Custodian's Google Cloud tests (c7n_gcp `tests/recorder.py`,
 * `tools/c7n_gcp/tests/data/flights/*`): one file per call,
 * `{"headers": {"status": "200", …}, "body": {…}}`, where `body` is the API's JSON as gcloud or
 * the REST API returns it. The document formats read the body.
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

/**
 * A recorded answer no other format reads: an error, or a call whose answer holds no resource
 * kansa reads (discovery documents, operations). Skipped, said so, rather than rejected.
 */
export const gcpRecordedAnswer: DocumentFormat = {
  kind: 'document',
  id: 'gcp-recorded-answer',
  provider: 'gcp',
  description:
    'a Google Cloud API answer recorded by Cloud Custodian’s tests ({"headers": {"status"}, "body"}) that no other format reads: an error, or a call that returns no resource',
  matches(document) {
    return recording(document) !== undefined;
  },
  read(document, ctx) {
    const recorded = recording(document);
    const status = recorded?.status ?? 0;
    if (succeeded(status)) {
      const call = path.basename(ctx.file).replace(/_\d+\.json$/, '');
      ctx.skip(`a recorded answer of ${call} that kansa does not read: it holds no resource it checks`);
      return [];
    }
    const error =
      isObject(recorded?.body) && isObject(recorded.body.error) ? (recorded.body.error as JsonObject) : {};
    const code = typeof error.status === 'string' ? error.status : 'no error status';
    ctx.skip(`a recorded error answer (HTTP ${status}, ${code}): it holds no resource`);
    return [];
  },
};
