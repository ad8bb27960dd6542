import type { DocumentFormat } from '../format.ts';
import { answerResources, placeInPath } from './cli-answer.ts';
import { accountInArn, arnPart, asRecord } from './config-item.ts';
import { partialItem } from './resource-explorer.ts';

/**
 * `aws resourcegroupstaggingapi get-resources` (GetResources): `{"PaginationToken": "",
 * "ResourceTagMappingList": [{"ResourceARN", "Tags": [{Key, Value}], "ComplianceDetails"}]}`,
 * the tagged (or once tagged) resources of one account in one Region, each with all its tags and
 * none of its settings: the answer the notes of records without tags point to. Each entry is
 * read as a partial item of the Config type its ARN names (`service:type`, as Resource Explorer
 * writes it; a type no Config type maps meets no check), which merges by ARN with the resource's
 * other records and gives them its tags. A bucket's ARN names neither account nor Region: the
 * answer's other ARNs do (the call lists the resources located in one account's Region, buckets
 * too), else the dump's `<account>/<region>/` folders. A bucket placed in an account but in no
 * Region (an `<account>/` folder alone) is read with its Region unknown, which its own record
 * gives; one placed in no account is skipped.
 * https://docs.aws.amazon.com/resourcegroupstagging/latest/APIReference/API_GetResources.html
 */
export const awsTaggingApiFormat: DocumentFormat = {
  kind: 'document',
  id: 'aws-tagging-api',
  provider: 'aws',
  description:
    'aws resourcegroupstaggingapi get-resources output ({"ResourceTagMappingList": [{"ResourceARN", "Tags"}]}): resources and their tags',
  matches(document) {
    const mappings = asRecord(document)?.['ResourceTagMappingList'];
    return (
      Array.isArray(mappings) &&
      (mappings.length === 0 || typeof asRecord(mappings[0])?.['ResourceARN'] === 'string')
    );
  },
  *read(document, ctx) {
    const mappings = asRecord(document)?.['ResourceTagMappingList'] as unknown[];
    const arns = mappings.map((mapping) => String(asRecord(mapping)?.['ResourceARN'] ?? ''));
    const place = placeInPath(ctx.file);
    const account = arns.map(accountInArn).find(Boolean) ?? place.account;
    const region = arns.map((arn) => arnPart(arn, 3)).find(Boolean) ?? place.region;
    const items = mappings.map((mapping, i) => asItem(mapping, arns[i]!, account, region));
    yield* answerResources({ items, partial: true, regionUnknown: unplacedBuckets(items, region) }, ctx);
  },
};

/** Services whose ARNs name the resource alone, without its type. */
const TYPE_OF_BARE_ARN: Readonly<Record<string, string>> = { s3: 'bucket', sqs: 'queue', sns: 'topic' };

/** An entry as the partial item of its type: its ARN, account, Region and tags. */
function asItem(
  mapping: unknown,
  arn: string,
  fileAccount: string | undefined,
  fileRegion: string | undefined,
): Record<string, unknown> {
  const record = asRecord(mapping);
  if (!record || arn === '') return record ?? {};
  const service = arnPart(arn, 2) ?? '';
  const resource = arn.split(':').slice(5).join(':');
  const type = TYPE_OF_BARE_ARN[service] ?? resource.split(/[/:]/)[0];
  // `global` stands in for the Region of a bucket placed in an account alone until
  // unplacedBuckets marks it unknown; one placed in no account has none and is skipped.
  const bucketRegion = fileRegion ?? (fileAccount === undefined ? undefined : 'global');
  // Only a bucket's ARN leaves its Region out: a global resource's (IAM) names none either.
  const region = service === 's3' ? bucketRegion : undefined;
  return partialItem(`${service}:${type}`, arn, accountInArn(arn) ?? fileAccount, region, record['Tags']);
}

/** The buckets of an answer no ARN or folder places in a Region: their Region is unknown. */
function unplacedBuckets(items: readonly Record<string, unknown>[], region: string | undefined): Set<string> {
  if (region !== undefined) return new Set();
  return new Set(
    items.filter((item) => item['resourceType'] === 'AWS::S3::Bucket').map((item) => String(item['arn'])),
  );
}
