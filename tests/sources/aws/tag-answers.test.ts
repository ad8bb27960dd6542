import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { Inventory } from '../../../src/scan/inventory.ts';
import { awsApiDescribeFormat } from '../../../src/sources/aws/api-describe.ts';
import { ACCOUNT } from './builders.ts';

// The tag answers as the AWS CLI prints them (awscli/examples/dynamodb/list-tags-of-resource.rst,
// kms/list-resource-tags.rst), saved under the <account>/<region>/ the CLI ran in.
function readAt(document: unknown, file: string) {
  const skipped: string[] = [];
  const ctx = { file, skip: (reason: string) => skipped.push(reason) };
  const resources = [...awsApiDescribeFormat.read(document, ctx)] as Resource<Record<string, unknown>>[];
  return { resources, skipped };
}
const TOKYO = `${ACCOUNT}/ap-northeast-1`;
const TABLE = `arn:aws:dynamodb:ap-northeast-1:${ACCOUNT}:table/juki-ledger`;
const describeTable = {
  Table: { TableName: 'juki-ledger', TableArn: TABLE, TableStatus: 'ACTIVE', ItemCount: 0 },
};
const secretTags = { Tags: [{ Key: 'confidentiality', Value: '3' }] };

function merged(...records: readonly Resource[]): Resource {
  const inventory = new Inventory();
  for (const record of records) inventory.add(record);
  return inventory.byId('aws', records[0]!.id)!;
}

describe('aws dynamodb list-tags-of-resource', () => {
  it('reads Tags as the table’s tags, the table named by the file, placed by its folders', () => {
    const { resources, skipped } = readAt(
      secretTags,
      `${TOKYO}/dynamodb-list-tags-of-resource_juki-ledger.json`,
    );
    expect(skipped).toEqual([]);
    expect(resources).toMatchObject([
      { id: TABLE, account: ACCOUNT, region: 'ap-northeast-1', tags: { confidentiality: '3' } },
    ]);
    expect(resources[0]?.unknownTags).toBeUndefined();
  });

  it('lifts describe-table’s untold tags when read beside it; an empty list is no tags', () => {
    const [described] = readAt(describeTable, `${TOKYO}/dynamodb-describe-table_juki-ledger.json`).resources;
    expect(described?.unknownTags).toMatchObject({
      en: expect.stringMatching(/list-tags-of-resource holds them/),
    });
    const [untagged] = readAt({ Tags: [] }, `${TOKYO}/list-tags-of-resource_juki-ledger.json`).resources;
    const table = merged(described!, untagged!);
    expect(table.unknownTags).toBeUndefined();
    expect(table.tags).toEqual({});
  });

  it.each([
    [`${TOKYO}/sns-list-tags-for-resource_alerts.json`, /names no resource/],
    [`${ACCOUNT}/dynamodb-list-tags-of-resource_juki-ledger.json`, /names no resource/],
  ])('skips %s, which the file does not place as a table’s', (file, reason) => {
    const { resources, skipped } = readAt(secretTags, file);
    expect(resources).toEqual([]);
    expect(skipped).toEqual([expect.stringMatching(reason)]);
  });

  it('does not read a page with more tags after it, which may hold the class', () => {
    const { resources, skipped } = readAt(
      { ...secretTags, NextToken: 'abc' },
      `${TOKYO}/dynamodb-list-tags-of-resource_juki-ledger.json`,
    );
    expect(resources).toEqual([]);
    expect(skipped).toEqual([expect.stringMatching(/one page of its tags/)]);
  });
});

describe('aws kms list-resource-tags', () => {
  const KEY = '1c2d3e4f-5a6b-4c7d-8e9f-1a2b3c4d5e6f';
  const file = `${TOKYO}/kms-list-resource-tags_${KEY}.json`;

  it('reads TagKey / TagValue as the key’s tags, the key named by the file', () => {
    const { resources, skipped } = readAt(
      { Tags: [{ TagKey: 'confidentiality', TagValue: '3' }], Truncated: false },
      file,
    );
    expect(skipped).toEqual([]);
    expect(resources).toMatchObject([
      { id: `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/${KEY}`, tags: { confidentiality: '3' } },
    ]);
    expect(resources[0]?.unknownTags).toBeUndefined();
  });

  it('skips a truncated page, and an answer no file name places', () => {
    const truncated = readAt({ Tags: [], Truncated: true, NextMarker: 'm' }, file);
    expect(truncated.skipped).toEqual([expect.stringMatching(/one page of its tags \(Truncated\)/)]);
    const unnamed = readAt({ Tags: [], Truncated: false }, `${TOKYO}/list-resource-tags.json`);
    expect(unnamed.skipped).toEqual([expect.stringMatching(/names no key/)]);
  });
});
