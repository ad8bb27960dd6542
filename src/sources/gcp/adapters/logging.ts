import type { GcpLogBucketFacts } from '../../../model/gcp.ts';
import type { JsonObject } from '../json.ts';
import { asNumber, fieldFact } from './fields.ts';

/**
 * logging.googleapis.com/LogBucket: unset (or zero) retention is the default of 30 days; the
 * `_Required` bucket keeps 400 days and cannot be changed.
 * https://cloud.google.com/logging/docs/reference/v2/rest/v2/billingAccounts.locations.buckets
 */
export function logBucketFacts(data: JsonObject, dataPath: string): GcpLogBucketFacts {
  return {
    retentionDays: fieldFact(
      data,
      dataPath,
      'retentionDays',
      (raw) => {
        const days = asNumber(raw);
        return days === 0 ? undefined : days;
      },
      {
        default: 30,
        note: { ja: '指定なし: 既定の保存期間 30 日', en: 'not set: the default retention of 30 days' },
      },
    ),
  };
}
