import type { AwsLogGroupFacts } from '../../../model/aws.ts';
import { cloudDefault, explicit, type Fact, unexpectedType } from '../../../model/fact.ts';
import type { ConfigItem } from '../config-item.ts';
import { absent, carries, field, toNumber, toStringValue } from './fields.ts';

/**
 * AWS::Logs::LogGroup (`LogGroupName`, `RetentionInDays`, …). A log group without a retention
 * policy keeps its events forever ("Never expire", the default for new log groups).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention
 */
export function logGroupFacts(item: ConfigItem): AwsLogGroupFacts {
  return { retentionInDays: retentionInDays(item), logGroupClass: logGroupClass(item) };
}

/**
 * `LogGroupClass` (DescribeLogGroups' `logGroupClass`). A log group without it is `STANDARD`:
 * the API's default, and what every log group made before the classes (November 2023) is, whose
 * records cannot carry it.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CloudWatch_Logs_Log_Classes.html
 */
function logGroupClass(item: ConfigItem): Fact<string> {
  const path = 'configuration.LogGroupClass';
  const raw = field(item.configuration, 'LogGroupClass');
  const value = toStringValue(raw);
  if (value !== undefined) return explicit(value.toUpperCase(), path);
  if (raw !== undefined && raw !== null) return unexpectedType(path);
  if (!carries(item, path)) return absent(item, path);
  return cloudDefault('STANDARD', path, {
    ja: 'ロググループクラスの指定がありません: 既定はスタンダードクラスです',
    en: 'no log group class: the Standard class is the default',
  });
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
