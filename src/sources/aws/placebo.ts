import type { DocumentFormat, InputFormat } from '../format.ts';
import { asRecord } from './config-item.ts';
import { noPolicy, passwordPolicyResource } from './password-policy.ts';

/**
 * SDK recordings made with placebo (garnaat/placebo; Cloud Custodian's `tests/data/placebo/*`
 * is the best-known collection) keep each answer as `{"status_code": 200, "data": {…}}`, where
 * `data` is what the CLI would print (`{"DBInstances": […], "ResponseMetadata": {…}}`). The
 * document formats read the answer inside; an error recorded the same way (`status_code` 4xx or
 * 5xx, `data.Error`) holds no resource and is skipped with the cloud's error code.
 */
function recording(document: unknown): { status: number; data: Record<string, unknown> } | undefined {
  const record = asRecord(document);
  if (!record || typeof record.status_code !== 'number') return undefined;
  const data = asRecord(record.data);
  if (!data || Object.keys(record).some((key) => key !== 'status_code' && key !== 'data')) return undefined;
  return { status: record.status_code, data };
}

/** The answer a successful recording holds, or the document itself. */
function answerOf(document: unknown): unknown {
  const recorded = recording(document);
  return recorded && recorded.status >= 200 && recorded.status < 300 ? recorded.data : document;
}

/** A document format that also reads the answers of placebo recordings. */
export function acceptingRecordings(format: InputFormat): InputFormat {
  if (format.kind !== 'document') return format;
  const recorded: DocumentFormat = {
    ...format,
    matches: (document) => format.matches(answerOf(document)),
    read: (document, ctx) => format.read(answerOf(document), ctx),
  };
  return recorded;
}

/**
 * A recorded error answer (`AccessDenied`, …) holds no resource and is skipped, said so. One is
 * a fact: IAM's NoSuchEntity for the password policy names the account
 * ("The Password Policy with domain name <account> cannot be found"), which has none.
 */
export const awsRecordedErrorFormat: DocumentFormat = {
  kind: 'document',
  id: 'aws-recorded-error',
  provider: 'aws',
  description: 'an AWS SDK error answer recorded by placebo ({"status_code": 4xx/5xx, "data": {"Error": …}})',
  matches(document) {
    const recorded = recording(document);
    return recorded !== undefined && (recorded.status < 200 || recorded.status >= 300);
  },
  read(document, ctx) {
    const recorded = recording(document);
    const error = asRecord(recorded?.data.Error);
    const code = typeof error?.Code === 'string' ? error.Code : 'no error code';
    const message = typeof error?.Message === 'string' ? error.Message : '';
    const account = /Password Policy with domain name (\d{12})\b/.exec(message)?.[1];
    if (code === 'NoSuchEntity' && account)
      return [passwordPolicyResource(account, noPolicy(), { file: ctx.file })];
    ctx.skip(`a recorded error answer (HTTP ${recorded?.status ?? '?'}, ${code}): it holds no resource`);
    return [];
  },
};
