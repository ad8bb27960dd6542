import { describe, expect, it } from 'vitest';
import { unknownTagNote } from '../../src/model/resource.ts';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

const SECRET = 'common.classification.no-secret-data';
const CMK = 'common.classification.cmk-at-rest';

// A plan's resource whose tags are known only after apply (set from another resource's output):
// its class is not in the plan, never the default class.
describe('a plan’s tags known only after apply', () => {
  const table = (name: string, after: Json, afterUnknown: Json, expressions: Json = {}): Change => ({
    address: `aws_dynamodb_table.${name}`,
    after: { name, hash_key: 'id', billing_mode: 'PAY_PER_REQUEST', ...after },
    afterUnknown: { arn: true, id: true, tags_all: true, ...afterUnknown },
    expressions: { name: constant(name), ...expressions },
  });

  it('leaves the class unknown where `tags` is unknown, and reads it where `tags` is known or null', async () => {
    const scanned = await scanDocument(
      plan([
        {
          address: 'terraform_data.labels',
          after: { input: { 機密性: '3' } },
          afterUnknown: { id: true, output: true },
        },
        table(
          'from_output',
          {},
          { tags: true },
          { tags: ref('terraform_data.labels.output', 'terraform_data.labels') },
        ),
        table('tagged', { tags: { 機密性: '3' } }, {}),
        table('untagged', { tags: null }, {}),
      ]),
    );
    const unknownClass = findingOf(scanned, SECRET, 'aws_dynamodb_table.from_output');
    expect(unknownClass).toMatchObject({ status: 'UNKNOWN', messageId: 'classTagUnknown' });
    expect(unknownTagNote(resourceOf(scanned, 'aws_dynamodb_table.from_output').unknownTags!).en).toMatch(
      /only after apply/,
    );
    expect(findingOf(scanned, CMK, 'aws_dynamodb_table.from_output').status).toBe('UNKNOWN');
    expect(findingOf(scanned, SECRET, 'aws_dynamodb_table.tagged').status).toBe('FAIL');
    // `tags` null: the resource has none of its own (tags_all, unknown, adds the provider's default_tags).
    expect(findingOf(scanned, SECRET, 'aws_dynamodb_table.untagged').status).toBe('PASS');
  });
});
