import path from 'node:path';
import type { DocumentFormat, InputFormat } from '../format.ts';
import { asRecord } from './config-item.ts';
import { noPolicy, passwordPolicyResource } from './password-policy.ts';

/**
 * SDK recordings made with placebo (garnaat/placebo; Cloud Custodian's `tests/data/placebo/*`
 * is the best-known collection) keep each answer as `{"status_code": 200, "data": {…}}`, where
 * `data` is what the CLI would print (`{"DBInstances": […], "ResponseMetadata": {…}}`). The
 * document formats read the answer inside.
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
 * A recorded answer no other format reads: an error (`AccessDenied`, …), or a call whose answer
 * holds no resource kansa reads (`sts.GetCallerIdentity`, `tagging.GetResources`). Skipped, said
 * so, rather than rejected as an unknown file. One error is a fact: IAM's NoSuchEntity for the
 * password policy names the account ("The Password Policy with domain name <account> cannot be
 * found"), which has none.
 */
export const awsRecordedAnswerFormat: DocumentFormat = {
  kind: 'document',
  id: 'aws-recorded-answer',
  provider: 'aws',
  description:
    'an AWS SDK answer recorded by placebo ({"status_code", "data"}) that no other format reads: an error, or a call that returns no resource',
  matches(document) {
    return recording(document) !== undefined;
  },
  read(document, ctx) {
    const recorded = recording(document);
    const status = recorded?.status ?? 0;
    const call = path.basename(ctx.file).replace(/_\d+\.json$/, '');
    if (status >= 200 && status < 300) {
      ctx.skip(`a recorded answer of ${call} that kansa does not read: it holds no resource it checks`);
      return [];
    }
    const error = asRecord(recorded?.data.Error);
    const code = typeof error?.Code === 'string' ? error.Code : 'no error code';
    const message = typeof error?.Message === 'string' ? error.Message : '';
    const account = /Password Policy with domain name (\d{12})\b/.exec(message)?.[1];
    if (code === 'NoSuchEntity' && account)
      return [passwordPolicyResource(account, noPolicy(), { file: ctx.file })];
    ctx.skip(`a recorded error answer (HTTP ${status}, ${code}): it holds no resource`);
    return [];
  },
};
