import type { AwsEncryptedStoreFacts } from '../../../model/aws.ts';
import { cloudDefault, explicit } from '../../../model/fact.ts';
import { JAPAN_REGIONS } from '../../../model/japan-regions.ts';
import { UNKNOWN_REGION } from '../../../model/resource.ts';
import { asRecord, type ConfigItem } from '../config-item.ts';
import { absent, carries, fieldAnyCase, toStringValue } from './fields.ts';
import { customerManagedKeyOf } from './kms.ts';

const SSE_PATH = 'configuration.SSEDescription';
const KEY_PATH = `${SSE_PATH}.KMSMasterKeyArn`;

/**
 * AWS::DynamoDB::Table: DynamoDB encrypts every table at rest. Without an `SSEDescription`
 * (or with its status DISABLED) the key is an AWS owned key; `SSEType: KMS` names a KMS key,
 * the AWS managed `aws/dynamodb` or a customer managed one, by ARN. Config records the
 * structure as `ssedescription.{status, ssetype, kmsmasterKeyArn}`; DescribeTable as
 * `SSEDescription.{Status, SSEType, KMSMasterKeyArn}`.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_SSEDescription.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html
 */
export function dynamoDbTableFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  const raw = fieldAnyCase(item.configuration, 'SSEDescription');
  if (raw === undefined && !carries(item, SSE_PATH)) {
    return {
      encrypted: absent(item, SSE_PATH),
      kmsKeyId: absent(item, KEY_PATH),
      customerManagedKey: absent(item, SSE_PATH),
    };
  }
  const sse = asRecord(raw);
  const status = toStringValue(fieldAnyCase(sse, 'Status'))?.toUpperCase();
  const type = toStringValue(fieldAnyCase(sse, 'SSEType'))?.toUpperCase();
  const key = toStringValue(fieldAnyCase(sse, 'KMSMasterKeyArn'));
  const always = cloudDefault(true, SSE_PATH, {
    ja: 'DynamoDB はすべてのテーブルを保存時に暗号化します',
    en: 'DynamoDB encrypts every table at rest',
  });
  if (sse && status !== 'DISABLED' && (type === 'KMS' || key !== undefined)) {
    return {
      encrypted: always,
      ...(key
        ? { kmsKeyId: explicit(key, KEY_PATH), customerManagedKey: customerManagedKeyOf(key, KEY_PATH) }
        : { customerManagedKey: absent(item, KEY_PATH) }),
    };
  }
  return {
    encrypted: always,
    customerManagedKey: cloudDefault(false, SSE_PATH, OWNED_KEY),
  };
}

const OWNED_KEY = {
  ja: 'KMS キーの指定がありません: DynamoDB は AWS 所有キーで暗号化します（利用者管理の鍵ではありません）',
  en: 'no KMS key: DynamoDB encrypts with an AWS owned key (not a customer managed key)',
};

/**
 * Where a global table's data is: each replica (`Replicas[].RegionName`, Config's
 * `replicas[].regionName`) is a full copy that takes writes (multi-active), so none is the
 * primary and the table is as far out as its farthest replica (the first outside Japan); one
 * whose Region is not named may be that one. A replica whose creation failed holds nothing. A
 * record naming the table's `GlobalTableVersion` but not its replicas leaves the place unknown.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ReplicaDescription.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html
 */
export function dynamoDbTableRegion(item: ConfigItem): string | undefined {
  const replicas = fieldAnyCase(item.configuration, 'Replicas');
  // A global table's version without its replicas (an older Steampipe plugin's row, which has no
  // replicas column; a 2017.11.29 global table): it has replicas, in Regions the record does not name.
  if (!Array.isArray(replicas))
    return toStringValue(fieldAnyCase(item.configuration, 'GlobalTableVersion')) ? UNKNOWN_REGION : undefined;
  for (const replica of replicas) {
    const entry = asRecord(replica);
    if (toStringValue(fieldAnyCase(entry, 'ReplicaStatus'))?.toUpperCase() === 'CREATION_FAILED') continue;
    const region = toStringValue(fieldAnyCase(entry, 'RegionName'))?.toLowerCase();
    if (!region) return UNKNOWN_REGION;
    if (!JAPAN_REGIONS.aws.has(region)) return region;
  }
  return undefined;
}
