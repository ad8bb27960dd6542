import { acceptingRecordings, type RecordedAnswer, recordedAnswerFormat } from '../recorded-answers.ts';
import { asRecord } from './config-item.ts';
import { accountResource, noPolicy } from './password-policy.ts';

/**
 * SDK recordings made with placebo (garnaat/placebo; Cloud Custodian's `tests/data/placebo/*`
 * is the best-known collection) keep each answer as `{"status_code": 200, "data": {…}}`, where
 * `data` is what the CLI would print (`{"DBInstances": […], "ResponseMetadata": {…}}`). The
 * document formats read the answer inside.
 */
function recording(document: unknown): RecordedAnswer | undefined {
  const record = asRecord(document);
  if (!record || typeof record.status_code !== 'number') return undefined;
  const data = asRecord(record.data);
  if (!data || Object.keys(record).some((key) => key !== 'status_code' && key !== 'data')) return undefined;
  return { status: record.status_code, body: withIsoTimes(data) };
}

/**
 * placebo writes each datetime botocore parsed as `{"__class__": "datetime", "year": …,
 * "microsecond": …}` (UTC, its zone dropped), where the CLI prints an ISO 8601 string: put the
 * string back, so that a recorded answer's times (a Config item's `configurationItemCaptureTime`,
 * a key's `CreateDate`) read as the CLI's do.
 */
function withIsoTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withIsoTimes);
  const record = asRecord(value);
  if (!record) return value;
  if (record.__class__ === 'datetime') return isoTimeOf(record) ?? value;
  return Object.fromEntries(Object.entries(record).map(([key, member]) => [key, withIsoTimes(member)]));
}

const DATETIME_PARTS = ['year', 'month', 'day', 'hour', 'minute', 'second', 'microsecond'] as const;

function isoTimeOf(datetime: Record<string, unknown>): string | undefined {
  const parts = DATETIME_PARTS.map((part) => datetime[part] ?? 0);
  if (!parts.every((part) => Number.isInteger(part))) return undefined;
  const [year, month, day, hour, minute, second, microsecond] = parts as number[];
  const time = Date.UTC(
    year ?? 0,
    (month ?? 1) - 1,
    day,
    hour,
    minute,
    second,
    Math.floor((microsecond ?? 0) / 1000),
  );
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** A document format that also reads the answers of placebo recordings. */
export const acceptingPlaceboRecordings = acceptingRecordings(recording);

/** The `Error` of a recorded error answer. */
function errorOf(body: unknown): { code: string; message: string } {
  const error = asRecord(asRecord(body)?.Error);
  return {
    code: typeof error?.Code === 'string' ? error.Code : 'no error code',
    message: typeof error?.Message === 'string' ? error.Message : '',
  };
}

/**
 * A recorded answer no other format reads: an error (`AccessDenied`, …), or a call whose answer
 * holds no resource kansa reads (`ec2.DescribeRegions`). Skipped, said
 * so, rather than rejected as an unknown file. One error is a fact: IAM's NoSuchEntity for the
 * password policy names the account ("The Password Policy with domain name <account> cannot be
 * found"), which has none.
 */
export const awsRecordedAnswerFormat = recordedAnswerFormat({
  id: 'aws-recorded-answer',
  provider: 'aws',
  description:
    'an AWS SDK answer recorded by placebo ({"status_code", "data"}) that no other format reads: an error, or a call that returns no resource',
  recording,
  errorCode: (body) => errorOf(body).code,
  readError: (body, ctx) => {
    const { code, message } = errorOf(body);
    const account = /Password Policy with domain name (\d{12})\b/.exec(message)?.[1];
    return code === 'NoSuchEntity' && account
      ? [accountResource(account, noPolicy(), { file: ctx.file })]
      : undefined;
  },
});
