import {
  type AnswerShape,
  arnInPlace,
  isRegionName,
  KMS_KEY_ID,
  only,
  type PathPlace,
} from './cli-answer.ts';
import { asRecord } from './config-item.ts';
import { CONFIG_TYPE } from './resource-explorer.ts';

/**
 * Answers that hold a resource's tags, which its describe answer does not carry (`dynamodb
 * describe-table`'s tags are list-tags-of-resource's): read as the resource's item with its tags
 * only (partial, its settings left to its other records), which merges with them by ARN, as
 * get-bucket-tagging's is read for a bucket.
 */
export const TAG_ANSWERS: readonly AnswerShape[] = [
  // `aws dynamodb list-tags-of-resource --resource-arn <table ARN>`: `{"Tags": [{Key, Value}]}`
  // (ListTagsOfResourceOutput; `NextToken` where more follow). The answer names no table: the
  // file name does (`list-tags-of-resource_<table>.json`, the command's own name, which no other
  // service's tag answer has), the dump's folders the account and Region. SNS's
  // list-tags-for-resource answers alike, and is told only by its name: not read.
  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTagsOfResource.html
  {
    matches: (record) => only(record, ['Tags', 'NextToken']) && isKeyValueList(record['Tags']),
    read(record, place, name) {
      const table = TABLE_IN_NAME.exec(name)?.[1];
      const arn = table ? arnInPlace('dynamodb', place, `table/${table}`) : undefined;
      if (!table || !arn)
        return {
          skip: 'a tag list ({"Tags": [{Key, Value}]}, as dynamodb list-tags-of-resource and sns list-tags-for-resource answer) names no resource: saved as <account>/<region>/dynamodb-list-tags-of-resource_<table>.json, it is read as the table\'s tags',
        };
      // A page with more after it does not hold every tag: the class may be on the next one.
      if (typeof record['NextToken'] === 'string' && record['NextToken'] !== '')
        return {
          skip: `aws dynamodb list-tags-of-resource of ${table} is one page of its tags (NextToken): the others may hold its class, so the page is not read`,
        };
      return {
        items: [
          {
            resourceType: 'AWS::DynamoDB::Table',
            resourceId: table,
            arn,
            accountId: place.account,
            awsRegion: place.region,
            configuration: {},
            tags: record['Tags'],
          },
        ],
        partial: true,
      };
    },
  },
  // `aws kms list-resource-tags --key-id <key>`: `{"Tags": [{TagKey, TagValue}], "Truncated"}`
  // (KMS alone spells its tags so). The answer names no key: the file name does
  // (`list-resource-tags_<key id>.json`), the dump's folders the account and Region.
  // https://docs.aws.amazon.com/kms/latest/APIReference/API_ListResourceTags.html
  {
    matches: (record) =>
      only(record, ['Tags', 'Truncated', 'NextMarker']) &&
      typeof record['Truncated'] === 'boolean' &&
      Array.isArray(record['Tags']) &&
      record['Tags'].every((tag) => typeof asRecord(tag)?.['TagKey'] === 'string'),
    read(record, place, name) {
      const key = KEY_IN_NAME.exec(name)?.[1];
      const arn = key ? arnInPlace('kms', place, `key/${key}`) : undefined;
      if (!key || !arn)
        return {
          skip: "aws kms list-resource-tags names no key: saved as <account>/<region>/kms-list-resource-tags_<key id>.json, it is read as the key's tags",
        };
      if (record['Truncated'] === true)
        return {
          skip: `aws kms list-resource-tags of ${key} is one page of its tags (Truncated): the others may hold its class, so the page is not read`,
        };
      const tags = (record['Tags'] as unknown[]).map((tag) => ({
        Key: asRecord(tag)?.['TagKey'],
        Value: asRecord(tag)?.['TagValue'] ?? '',
      }));
      return {
        items: [
          {
            resourceType: 'AWS::KMS::Key',
            resourceId: key,
            arn,
            accountId: place.account,
            awsRegion: place.region,
            configuration: {},
            tags,
          },
        ],
        partial: true,
      };
    },
  },
  // `aws resourcegroupstaggingapi get-resources`: `{"ResourceTagMappingList": [{ResourceARN,
  // Tags: [{Key, Value}]}], "PaginationToken"}`, every tag of each resource, by its ARN (a page
  // lists some resources, each with all its tags). Each of a type kansa checks is read as its
  // Config type's item with its tags; S3's ARN names neither account nor Region: the dump's
  // folders give the account, and the bucket's Region is left to its own record.
  // https://docs.aws.amazon.com/resourcegroupstagging/latest/APIReference/API_GetResources.html
  {
    matches: (record) =>
      Array.isArray(record['ResourceTagMappingList']) &&
      record['ResourceTagMappingList'].every((entry) => typeof asRecord(entry)?.['ResourceARN'] === 'string'),
    read(record, place) {
      const regionUnknown = new Set<string>();
      const items = (record['ResourceTagMappingList'] as unknown[]).flatMap((entry) => {
        const mapping = asRecord(entry)!;
        const tagged = taggedItem(String(mapping['ResourceARN']), mapping['Tags'] ?? [], place);
        if (tagged?.regionUnknown) regionUnknown.add(String(tagged.item.arn));
        return tagged ? [tagged.item] : [];
      });
      if (items.length === 0)
        return {
          skip: 'aws resourcegroupstaggingapi get-resources lists no resource of a type kansa checks that its ARN or the dump’s <account>/ folders place',
        };
      return { items, partial: true, regionUnknown };
    },
  },
];

/** `list-tags-of-resource_<table>`: a table's name, 3 to 255 letters, digits, `_`, `-` and `.`. */
const TABLE_IN_NAME = /(?:^|[-_.])list-tags-of-resource[-_]([A-Za-z0-9_.-]{3,255})$/;

/** `list-resource-tags_<key id>`. */
const KEY_IN_NAME = new RegExp(`(?:^|[-_.])list-resource-tags[-_](${KMS_KEY_ID})$`, 'i');

/** `arn:<partition>:<service>:<region>:<account>:<resource>`. */
const ARN = /^arn:[\w-]+:([\w-]+):([\w-]*):(\d{12})?:(.+)$/;

/**
 * The resource types whose ARN names no type before their name (`arn:aws:sqs:<region>:<account>:<queue>`):
 * Resource Explorer's type of the service's one resource.
 */
const TYPE_OF_UNTYPED_ARN: Readonly<Record<string, string>> = { s3: 'bucket', sqs: 'queue', sns: 'topic' };

/**
 * The partial item of the resource an ARN names, with its tags; undefined for a type kansa does
 * not check, or a resource neither its ARN nor the dump places in an account. Its Region is the
 * ARN's (`global` for IAM's); where the ARN names none (an S3 bucket), unknown (`global` stands
 * in for it until the answer's reader marks it so).
 */
function taggedItem(
  arn: string,
  tags: unknown,
  place: PathPlace,
): { readonly item: Record<string, unknown>; readonly regionUnknown: boolean } | undefined {
  const [, service = '', region = '', account, resource = ''] = ARN.exec(arn) ?? [];
  const typed = /^([\w-]+)[/:]/.exec(resource)?.[1];
  const resourceType = CONFIG_TYPE[`${service}:${typed ?? TYPE_OF_UNTYPED_ARN[service] ?? ''}`];
  const accountId = account ?? place.account;
  if (!resourceType || !accountId) return undefined;
  const named = isRegionName(region);
  return {
    item: {
      resourceType,
      resourceId: resource.split(/[/:]/).pop(),
      arn,
      accountId,
      awsRegion: named ? region : 'global',
      configuration: {},
      tags,
    },
    regionUnknown: !named && service !== 'iam',
  };
}

/** `[{Key, Value}]`, as most services list tags. */
function isKeyValueList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (tag) => typeof asRecord(tag)?.['Key'] === 'string' && typeof asRecord(tag)?.['Value'] === 'string',
    )
  );
}
