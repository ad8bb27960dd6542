import { cloudDefault, factPath } from '../../../model/fact.ts';
import type { GcpLogBucketFacts } from '../../../model/gcp.ts';
import { type JsonObject, stringAt } from '../json.ts';
import { asNumber, fieldFact } from './fields.ts';

/**
 * logging.googleapis.com/LogBucket: unset (or zero) retention is the default of 30 days; the
 * `_Required` bucket keeps 400 days and cannot be changed.
 * https://cloud.google.com/logging/docs/reference/v2/rest/v2/billingAccounts.locations.buckets
 */
export function logBucketFacts(data: JsonObject, dataPath: string): GcpLogBucketFacts {
  const required = stringAt(data, 'name')?.endsWith('/buckets/_Required') === true;
  // Zero is the API's "not set" (a bucket created with 0 gets the default), and what the Go
  // client's int64 (Steampipe's `retention_days`) holds where the API leaves the field out.
  if (asNumber(data.retentionDays) === 0)
    return {
      retentionDays: required
        ? cloudDefault(REQUIRED_DAYS, factPath(dataPath, 'retentionDays'), REQUIRED_NOTE)
        : cloudDefault(DEFAULT_DAYS, factPath(dataPath, 'retentionDays'), ZERO_NOTE),
    };
  return {
    retentionDays: fieldFact(
      data,
      dataPath,
      'retentionDays',
      asNumber,
      required
        ? { default: REQUIRED_DAYS, note: REQUIRED_NOTE }
        : {
            default: DEFAULT_DAYS,
            note: { ja: '指定なし: 既定の保存期間 30 日', en: 'not set: the default retention of 30 days' },
          },
    ),
  };
}

/** The `_Required` bucket keeps its logs 400 days, which cannot be changed. */
const REQUIRED_DAYS = 400;

const REQUIRED_NOTE = {
  ja: '_Required バケット: 保存期間は 400 日で変更できません',
  en: 'the _Required bucket: its retention is 400 days and cannot be changed',
};

const DEFAULT_DAYS = 30;

const ZERO_NOTE = {
  ja: '0（未設定）: 既定の保存期間 30 日',
  en: '0 (not set): the default retention of 30 days',
};
