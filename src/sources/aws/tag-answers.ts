import { type AnswerShape, arnInPlace, KMS_KEY_ID, only } from './cli-answer.ts';
import { asRecord } from './config-item.ts';
import { partialItem } from './resource-explorer.ts';

/**
 * Answers that hold a resource's tags, which its describe answer does not carry (`dynamodb
 * describe-table`'s tags are list-tags-of-resource's): read as the resource's item with its tags
 * only (partial, its settings left to its other records), which merges with them by ARN, as
 * get-bucket-tagging's is read for a bucket, and as `aws resourcegroupstaggingapi get-resources`
 * (the aws-tagging-api format, tagging-api.ts) gives every tagged resource its tags.
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
        items: [partialItem('dynamodb:table', arn, place.account, place.region, record['Tags'])],
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
      return { items: [partialItem('kms:key', arn, place.account, place.region, tags)], partial: true };
    },
  },
];

/** `list-tags-of-resource_<table>`: a table's name, 3 to 255 letters, digits, `_`, `-` and `.`. */
const TABLE_IN_NAME = /(?:^|[-_.])list-tags-of-resource[-_]([A-Za-z0-9_.-]{3,255})$/;

/** `list-resource-tags_<key id>`. */
const KEY_IN_NAME = new RegExp(`(?:^|[-_.])list-resource-tags[-_](${KMS_KEY_ID})$`, 'i');

/** `[{Key, Value}]`, as most services list tags. */
function isKeyValueList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (tag) => typeof asRecord(tag)?.['Key'] === 'string' && typeof asRecord(tag)?.['Value'] === 'string',
    )
  );
}
