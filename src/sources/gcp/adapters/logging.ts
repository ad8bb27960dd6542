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
  // The `_Required` bucket's retention is fixed: unset or zero, it is still its 400 days.
  const retention =
    stringAt(data, 'name')?.endsWith('/buckets/_Required') === true
      ? { days: REQUIRED_DAYS, unsetNote: REQUIRED_NOTE, zeroNote: REQUIRED_NOTE }
      : { days: DEFAULT_DAYS, unsetNote: DEFAULT_NOTE, zeroNote: ZERO_NOTE };
  // Zero is the API's "not set" (a bucket created with 0 gets the default), and what the Go
  // client's int64 (Steampipe's `retention_days`) holds where the API leaves the field out.
  if (asNumber(data.retentionDays) === 0)
    return {
      retentionDays: cloudDefault(retention.days, factPath(dataPath, 'retentionDays'), retention.zeroNote),
    };
  return {
    retentionDays: fieldFact(data, dataPath, 'retentionDays', asNumber, {
      default: retention.days,
      note: retention.unsetNote,
    }),
  };
}

/** The `_Required` bucket keeps its logs 400 days, which cannot be changed. */
const REQUIRED_DAYS = 400;

const REQUIRED_NOTE = {
  ja: '_Required バケット: 保存期間は 400 日で変更できません',
  en: 'the _Required bucket: its retention is 400 days and cannot be changed',
};

const DEFAULT_DAYS = 30;

const DEFAULT_NOTE = {
  ja: '指定なし: 既定の保存期間 30 日',
  en: 'not set: the default retention of 30 days',
};

const ZERO_NOTE = {
  ja: '0（未設定）: 既定の保存期間 30 日',
  en: '0 (not set): the default retention of 30 days',
};
