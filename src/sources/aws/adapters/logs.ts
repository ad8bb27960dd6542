import type { AwsLogGroupFacts } from '../../../model/aws.ts';
import { cloudDefault, explicit, type Fact, unexpectedType } from '../../../model/fact.ts';
import type { ConfigItem } from '../config-item.ts';
import { absent, carries, field, toNumber } from './fields.ts';

/**
 * AWS::Logs::LogGroup (`LogGroupName`, `RetentionInDays`, …). A log group without a retention
 * policy keeps its events forever ("Never expire", the default for new log groups).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention
 */
export function logGroupFacts(item: ConfigItem): AwsLogGroupFacts {
  return { retentionInDays: retentionInDays(item) };
}

function retentionInDays(item: ConfigItem): Fact<number | null> {
  const path = 'configuration.RetentionInDays';
  const raw = field(item.configuration, 'RetentionInDays');
  const days = toNumber(raw);
  if (days !== undefined) return explicit(days, path);
  if (raw !== undefined && raw !== null) return unexpectedType(path);
  if (!carries(item, path)) return absent(item, path);
  return cloudDefault(null, path, {
    ja: '保存期間が設定されていません: CloudWatch Logs の既定は「失効しない」（無期限保存）です',
    en: 'no retention set: CloudWatch Logs keeps events forever by default ("Never expire")',
  });
}
