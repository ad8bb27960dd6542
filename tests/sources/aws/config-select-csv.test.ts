import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { TAGS_NOT_CARRIED } from '../../../src/sources/aws/config-item.ts';
import { awsConfigSelectCsv } from '../../../src/sources/aws/config-select-csv.ts';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { readInputFile } from '../../../src/sources/read-inputs.ts';
import { ACCOUNT } from './builders.ts';

// The Config console's Advanced queries → Export as → CSV (tests/corpus/SOURCES.md names the
// public material modelled): a column per SELECTed property, headed by its name as the query
// wrote it, nested values as JSON text, Config's tag list in `tags`, account ids as numbers.
const HEADER =
  'accountId,awsRegion,resourceId,resourceName,resourceType,configuration.publiclyAccessible,configuration.storageEncrypted,tags\r\n';

function read(text: string) {
  const skipped: { reason: string; line?: number }[] = [];
  const resources = [
    ...awsConfigSelectCsv.read(text, {
      file: 'query-results.csv',
      skip: (reason, where) => skipped.push({ reason, ...where }),
    }),
  ] as Resource<Record<string, unknown>>[];
  return { resources, skipped };
}

const textFormatOf = (firstLine: string) =>
  INPUT_FORMATS.filter((f) => f.kind === 'text' && f.matches(firstLine)).map((f) => f.id);

beforeAll(loadCsvParser);

describe('aws-config-select-csv', () => {
  it('is recognised by a header of Config properties that names the resource', () => {
    expect(textFormatOf(HEADER.trim())).toEqual(['aws-config-select-csv']);
    expect(
      textFormatOf('resourceId,resourceType,supplementaryConfiguration.BucketVersioningConfiguration.status'),
    ).toEqual(['aws-config-select-csv']);
    expect(textFormatOf('"ACCOUNTID","RESOURCEID","RESOURCETYPE","TAGS"')).toEqual(['aws-config-select-csv']);
    // A COUNT(*) or GROUP BY answer names no resource; a column of tag values (the aws-samples
    // script's own CSV) is no Config property; a path into a field that has none is no property.
    expect(textFormatOf('configuration.complianceType,COUNT(*)')).toEqual([]);
    expect(textFormatOf('accountId,resourceId,resourceType,costcenter')).toEqual([]);
    expect(textFormatOf('resourceId,resourceType.x')).toEqual([]);
    expect(textFormatOf('awsRegion,configuration.instanceType')).toEqual([]);
  });

  it('reads each row as the partial SELECT row it flattens', () => {
    const { resources, skipped } = read(
      `${HEADER}818181818181,ap-northeast-1,db-CSVQUERY,csv-query-db,AWS::RDS::DBInstance,true,false,"[{""tag"":""機密性=2"",""key"":""機密性"",""value"":""2""}]"\r\n`,
    );
    expect(skipped).toEqual([]);
    expect(resources).toMatchObject([
      {
        // Without the arn SELECTed, the row is named by its type, account, region and id.
        id: 'AWS::RDS::DBInstance/818181818181/ap-northeast-1/db-CSVQUERY',
        account: '818181818181',
        region: 'ap-northeast-1',
        kansaType: 'database.instance',
        tags: { 機密性: '2' },
        origin: { file: 'query-results.csv', line: 2 },
        facts: {
          publiclyAccessible: { source: 'explicit', value: true, path: 'configuration.publiclyAccessible' },
          encrypted: { source: 'explicit', value: false },
          // Not SELECTed: unknown, not the default of no retention.
          backupRetentionPeriod: { source: 'unknown' },
        },
      },
    ]);
  });

  it('reads a whole nested property and a path into one, and an empty cell as not carried', () => {
    const header =
      'accountId,awsRegion,arn,resourceId,resourceType,supplementaryConfiguration.PublicAccessBlockConfiguration,supplementaryConfiguration.ServerSideEncryptionConfiguration.rules\r\n';
    const block = JSON.stringify({
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: false,
      restrictPublicBuckets: false,
    }).replaceAll('"', '""');
    const rules = JSON.stringify([
      { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' } },
    ]).replaceAll('"', '""');
    const { resources } = read(
      `${header}${ACCOUNT},ap-northeast-3,arn:aws:s3:::osaka-logs,osaka-logs,AWS::S3::Bucket,"${block}","${rules}"\r\n` +
        `${ACCOUNT},ap-northeast-3,arn:aws:s3:::osaka-empty,osaka-empty,AWS::S3::Bucket,,\r\n`,
    );
    expect(resources.map((r) => [r.id, r.facts.blockPublicPolicy, r.facts.sseAlgorithm])).toMatchObject([
      [
        'arn:aws:s3:::osaka-logs',
        { source: 'explicit', value: false },
        { source: 'explicit', value: 'aws:kms' },
      ],
      ['arn:aws:s3:::osaka-empty', { source: 'unknown' }, { source: 'unknown' }],
    ]);
  });

  it('puts back the leading zeros a spreadsheet drops, and skips an id it rounded', () => {
    const { resources, skipped } = read(
      `${HEADER}12345678901,ap-northeast-1,db-A,zero-lead,AWS::RDS::DBInstance,false,true,\r\n` +
        `8.18182E+11,ap-northeast-1,db-B,rounded,AWS::RDS::DBInstance,false,true,\r\n`,
    );
    expect(resources.map((r) => r.account)).toEqual(['012345678901']);
    expect(skipped).toEqual([
      {
        reason: expect.stringContaining('accountId "8.18182E+11" is the account id rounded by a spreadsheet'),
        line: 3,
      },
    ]);
  });

  it('notes tags.key / tags.value columns, whose halves it does not pair into tags', () => {
    const notes: string[] = [];
    const resources = [
      ...awsConfigSelectCsv.read(
        `accountId,awsRegion,resourceId,resourceType,tags.key\n${ACCOUNT},ap-northeast-1,vol-1,AWS::EC2::Volume,"[""env""]"\n`,
        { file: 'q.csv', skip: () => {}, note: (note) => notes.push(note) },
      ),
    ];
    expect(resources.map((r) => [r.tags, r.unknownTags])).toEqual([[{}, TAGS_NOT_CARRIED]]);
    expect(notes).toEqual([
      "tags.key: the tags' keys and values apart are not read as tags (SELECT tags for them)",
    ]);
  });

  // The tags a row holds are the resource's only where the query SELECTed them and the cell says.
  it('reads the tags of a row as unread without a tags column or with an empty cell', () => {
    const rows = (header: string, cells: string[]) =>
      read(
        `${header}\n${cells.map((cell) => `${ACCOUNT},ap-northeast-1,vol-${cell.length},AWS::EC2::Volume${cell}`).join('\n')}\n`,
      ).resources.map((r) => r.unknownTags);
    expect(rows('accountId,awsRegion,resourceId,resourceType', [''])).toEqual([TAGS_NOT_CARRIED]);
    expect(rows('accountId,awsRegion,resourceId,resourceType,tags', [',', ',[]'])).toEqual([
      TAGS_NOT_CARRIED,
      undefined,
    ]);
  });

  it('skips a row that names no account, saying what to SELECT', () => {
    const { resources, skipped } = read(
      'resourceId,resourceType,configuration.storageEncrypted\nvol-1,AWS::EC2::Volume,true\n',
    );
    expect(resources).toEqual([]);
    expect(skipped).toEqual([{ reason: expect.stringContaining('no account id'), line: 2 }]);
  });

  it('reads the rows before a malformed one, and names its line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kansa-config-csv-'));
    const file = path.join(dir, 'query-results.csv');
    await writeFile(
      file,
      `\uFEFF${HEADER}${ACCOUNT},ap-northeast-1,db-1,one,AWS::RDS::DBInstance,false,true,[]\r\n` +
        `${ACCOUNT},ap-northeast-1,db-2,two,AWS::RDS::DBInstance,false,true,"[{""key"": ""a""]"\r\n`,
    );
    const coverage = await readInputFile(file, () => {});
    expect(coverage).toMatchObject({ format: 'aws-config-select-csv', resources: 1 });
    expect(coverage.error).toMatch(
      new RegExp(
        `^${file.replaceAll('\\', '\\\\')}:3: the tags column is not JSON \\(.*\\): the console writes`,
      ),
    );
  });
});
