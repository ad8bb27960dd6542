import { acceptingRecordings, type RecordedAnswer, recordedAnswerFormat } from '../recorded-answers.ts';
import { isObject } from './json.ts';

/**
 * HTTP answers recorded by Cloud Custodian's Google Cloud tests (c7n_gcp `tests/recorder.py`,
 * `tools/c7n_gcp/tests/data/flights/*`): one file per call,
 * `{"headers": {"status": "200", …}, "body": {…}}`, where `body` is the API's JSON as gcloud or
 * the REST API returns it. The document formats read the body.
 */
function recording(document: unknown): RecordedAnswer | undefined {
  if (!isObject(document) || !isObject(document.headers) || !('body' in document)) return undefined;
  if (Object.keys(document).some((key) => key !== 'headers' && key !== 'body')) return undefined;
  // Hand-written flights leave the headers empty: the replay (httplib2's Response) then answers 200.
  const status = document.headers.status === undefined ? 200 : Number(document.headers.status);
  return Number.isInteger(status) ? { status, body: document.body } : undefined;
}

/** A document format that also reads the bodies of recorded answers. */
export const acceptingFlightRecordings = acceptingRecordings(recording);

/**
 * A recorded answer no other format reads: an error, or a call whose answer holds no resource
 * kansa reads (discovery documents, operations). Skipped, said so, rather than rejected.
 */
export const gcpRecordedAnswer = recordedAnswerFormat({
  id: 'gcp-recorded-answer',
  provider: 'gcp',
  description:
    'a Google Cloud API answer recorded by Cloud Custodian’s tests ({"headers": {"status"}, "body"}) that no other format reads: an error, or a call that returns no resource',
  recording,
  errorCode: (body) => {
    const error = isObject(body) && isObject(body.error) ? body.error : {};
    return typeof error.status === 'string' ? error.status : 'no error status';
  },
});
