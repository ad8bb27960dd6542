import { beforeAll, describe, expect, it } from 'vitest';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { corpusRows, readRows } from '../steampipe/read-rows.ts';

/**
 * Steampipe's `aws_sqs_queue`, `aws_sns_topic` and `aws_secretsmanager_secret` rows (`select *`),
 * as turbot/steampipe-plugin-aws writes them; the fixtures are the corpus files
 * (tests/corpus/SOURCES.md).
 */

beforeAll(loadCsvParser);

describe('steampipe-rows: SQS queues, SNS topics and Secrets Manager secrets', () => {
  it('reads each as its Config item, placed by its ARN from akas where the table has no arn column', () => {
    const { resources, skipped } = readRows([
      ...corpusRows('aws', 'aws-sqs-queue.json').slice(0, 1),
      ...corpusRows('aws', 'aws-sns-topic.json').slice(0, 1),
      ...corpusRows('aws', 'aws-secretsmanager-secret.json').slice(0, 1),
    ]);
    expect(skipped).toEqual([]);
    expect(resources.map((r) => [r.nativeType, r.id, r.region])).toEqual([
      ['AWS::SQS::Queue', 'arn:aws:sqs:ap-northeast-1:484848484848:orders-cmk', 'ap-northeast-1'],
      ['AWS::SNS::Topic', 'arn:aws:sns:ap-northeast-1:484848484848:alerts-cmk', 'ap-northeast-1'],
      [
        'AWS::SecretsManager::Secret',
        'arn:aws:secretsmanager:ap-northeast-1:484848484848:secret:prod/db-password-AbCdEf',
        'ap-northeast-1',
      ],
    ]);
  });

  it('reads a null key column as no KMS key: SQS-managed encryption, none, the AWS managed key', () => {
    const [cmk, managed, plain] = readRows(corpusRows('aws', 'aws-sqs-queue.json')).resources;
    expect(cmk?.facts.customerManagedKey).toMatchObject({ source: 'unknown' });
    expect(managed?.facts.customerManagedKey).toMatchObject({
      value: false,
      path: 'configuration.SqsManagedSseEnabled',
    });
    expect(plain?.facts.customerManagedKey).toMatchObject({
      value: false,
      path: 'configuration.KmsMasterKeyId',
    });
    const [, secret] = readRows(corpusRows('aws', 'aws-secretsmanager-secret.json')).resources;
    expect(secret?.facts.customerManagedKey).toMatchObject({ value: false });
  });
});

describe('a Steampipe row without its tags column', () => {
  it('records no tags (a query that did not select them), where a null column is no tags', () => {
    const rows = corpusRows('aws', 'aws-dynamodb-table-classification.json');
    const { tags: _unselected, ...first } = rows[0]!;
    const { resources } = readRows([first, { ...rows[1]!, tags: null }]);
    expect(resources[0]?.unknownTags).toMatchObject({
      en: expect.stringMatching(/row without its tags column/),
    });
    expect(resources[1]?.unknownTags).toBeUndefined();
  });
});
