import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { steampipeRows } from '../../../src/sources/steampipe-tables.ts';
import { expectCsvParity } from '../steampipe/csv-parity.ts';

/**
 * Steampipe's `aws_sqs_queue`, `aws_sns_topic` and `aws_secretsmanager_secret` rows (`select *`),
 * as turbot/steampipe-plugin-aws writes them; the fixtures are the corpus files
 * (tests/corpus/SOURCES.md).
 */
const CORPUS = path.resolve(import.meta.dirname, '../../corpus/data/aws/steampipe');
const rows = (file: string) =>
  JSON.parse(readFileSync(path.join(CORPUS, file), 'utf8')) as Record<string, unknown>[];

function read(document: unknown[]) {
  const skipped: string[] = [];
  const resources = [
    ...steampipeRows.read(document, { file: 'rows.json', skip: (reason) => skipped.push(reason) }),
  ] as Resource<Record<string, { value?: unknown; source?: string; path?: string }>>[];
  expectCsvParity(document);
  return { resources, skipped };
}

beforeAll(loadCsvParser);

describe('steampipe-rows: SQS queues, SNS topics and Secrets Manager secrets', () => {
  it('reads each as its Config item, placed by its ARN from akas where the table has no arn column', () => {
    const { resources, skipped } = read([
      ...rows('aws-sqs-queue.json').slice(0, 1),
      ...rows('aws-sns-topic.json').slice(0, 1),
      ...rows('aws-secretsmanager-secret.json').slice(0, 1),
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
    const [cmk, managed, plain] = read(rows('aws-sqs-queue.json')).resources;
    expect(cmk?.facts.customerManagedKey).toMatchObject({ source: 'unknown' });
    expect(managed?.facts.customerManagedKey).toMatchObject({
      value: false,
      path: 'configuration.SqsManagedSseEnabled',
    });
    expect(plain?.facts.customerManagedKey).toMatchObject({
      value: false,
      path: 'configuration.KmsMasterKeyId',
    });
    const [, secret] = read(rows('aws-secretsmanager-secret.json')).resources;
    expect(secret?.facts.customerManagedKey).toMatchObject({ value: false });
  });
});
