import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFramework } from '../../../src/frameworks/load.ts';
import { evaluate } from '../../../src/scan/evaluate.ts';
import { LISTED_ONLY } from '../../../src/scan/finding.ts';
import { readInventory } from '../../../src/scan/read-inventory.ts';
import { awsTagEditorCsv } from '../../../src/sources/aws/tag-editor-csv.ts';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { readInputFile } from '../../../src/sources/read-inputs.ts';

/** The messages of the classification checks on a resource a listing shows with some tags at most. */
const LISTED_TAG_MESSAGES = ['markListedOnly', 'classListedOnly'];

// Resource Groups & Tag Editor → "Export resources to CSV" (tests/corpus/SOURCES.md names the
// public material modelled): Identifier, a `Tag: <key>` column per tag key shown, Service and
// Type (the CloudFormation type's parts), Region, Tags (a count), ARN; `(not tagged)` where a
// resource has no such tag.
const HEADER = 'Identifier,Tag: Name,Service,Type,Region,Tag: 機密性,Tags,ARN\r\n';
const ACCOUNT = '818181818181';
const NOW = new Date('2026-12-01T00:00:00Z');

function read(text: string) {
  const skipped: { reason: string; line?: number }[] = [];
  const resources = [
    ...awsTagEditorCsv.read(text, {
      file: 'resources.csv',
      skip: (reason, where) => skipped.push({ reason, ...where }),
    }),
  ];
  return { resources, skipped };
}

beforeAll(loadCsvParser);

describe('aws-tag-editor-csv', () => {
  it('is recognised by its header, with any tag columns and in any casing', () => {
    const textFormatOf = (firstLine: string) =>
      INPUT_FORMATS.filter((f) => f.kind === 'text' && f.matches(firstLine)).map((f) => f.id);
    expect(textFormatOf(HEADER.trim())).toEqual(['aws-tag-editor-csv']);
    expect(textFormatOf('Identifier,Tag: Name,Service,Type,Region,ARN')).toEqual(['aws-tag-editor-csv']);
    expect(textFormatOf('"IDENTIFIER","SERVICE","TYPE","REGION","TAGS","ARN"')).toEqual([
      'aws-tag-editor-csv',
    ]);
    // Without the ARN, a row names no resource: not this export.
    expect(textFormatOf('Identifier,Service,Type,Region,Tags')).toEqual([]);
  });

  it('reads each row as its Config type, region, account and tags', () => {
    const { resources, skipped } = read(
      `${HEADER}kansa-handover-tokyo,(not tagged),S3,Bucket,ap-northeast-1,2,1,arn:aws:s3:::kansa-handover-tokyo\r\n` +
        `i-0a1b2c3d4e5f60718,庁内-web,ec2,instance,ap-northeast-1,(not tagged),1,arn:aws:ec2:ap-northeast-1:${ACCOUNT}:instance/i-0a1b2c3d4e5f60718\r\n` +
        `abcd1234,(not tagged),Route53,HostedZone,global,(not tagged),0,arn:aws:route53:::hostedzone/abcd1234\r\n`,
    );
    expect(skipped).toEqual([]);
    expect(
      resources.map(
        ({ id, nativeType, kansaType, region, account, name, tags, facts, listedOnly, origin }) => ({
          id,
          nativeType,
          kansaType,
          region,
          account,
          name,
          tags,
          facts,
          listedOnly,
          line: origin.line,
        }),
      ),
    ).toEqual([
      {
        id: 'arn:aws:s3:::kansa-handover-tokyo',
        nativeType: 'AWS::S3::Bucket',
        kansaType: 'storage.bucket',
        region: 'ap-northeast-1',
        // A bucket's ARN names no account: the file's other rows do.
        account: ACCOUNT,
        name: 'kansa-handover-tokyo',
        tags: { 機密性: '2' },
        facts: {},
        listedOnly: true,
        line: 2,
      },
      {
        id: `arn:aws:ec2:ap-northeast-1:${ACCOUNT}:instance/i-0a1b2c3d4e5f60718`,
        nativeType: 'AWS::EC2::Instance',
        kansaType: 'compute.vm',
        region: 'ap-northeast-1',
        account: ACCOUNT,
        name: '庁内-web',
        tags: { Name: '庁内-web' },
        facts: {},
        listedOnly: true,
        line: 3,
      },
      {
        id: 'arn:aws:route53:::hostedzone/abcd1234',
        nativeType: 'AWS::Route53::HostedZone',
        kansaType: 'other',
        region: 'global',
        account: ACCOUNT,
        name: 'abcd1234',
        tags: {},
        facts: {},
        listedOnly: true,
        line: 4,
      },
    ]);
  });

  it('leaves the region of a row with an empty Region cell unknown for a type that keeps data, global otherwise', () => {
    const { resources } = read(
      `${HEADER}kansa-handover-x,(not tagged),S3,Bucket,,(not tagged),0,arn:aws:s3:::kansa-handover-x\r\n` +
        `abcd5678,(not tagged),Route53,HostedZone,,(not tagged),0,arn:aws:route53:::hostedzone/abcd5678\r\n` +
        `i-0a1b2c3d4e5f60719,(not tagged),EC2,Instance,ap-northeast-1,(not tagged),0,arn:aws:ec2:ap-northeast-1:${ACCOUNT}:instance/i-0a1b2c3d4e5f60719\r\n`,
    );
    // `global` says a bucket may keep its data anywhere (a LOC-1 failure); an empty cell says nothing.
    expect(resources.slice(0, 2).map(({ kansaType, region }) => ({ kansaType, region }))).toEqual([
      { kansaType: 'storage.bucket', region: '' },
      { kansaType: 'other', region: 'global' },
    ]);
  });

  it('skips, on their lines, rows without an ARN, a type, or any account', () => {
    expect(
      read(
        `${HEADER}x,(not tagged),S3,Bucket,us-east-1,(not tagged),0,\r\n` +
          `y,(not tagged),,,us-east-1,(not tagged),0,arn:aws:sqs:us-east-1:${ACCOUNT}:y\r\n`,
      ).skipped,
    ).toEqual([
      { reason: 'the ARN cell is not an ARN: ""', line: 2 },
      { reason: 'the Service or Type cell is empty: a row names its resource type', line: 3 },
    ]);
    expect(
      read(`${HEADER}b,(not tagged),S3,Bucket,us-east-1,(not tagged),0,arn:aws:s3:::b\r\n`).skipped,
    ).toEqual([
      {
        reason:
          'arn:aws:s3:::b names no account, and no other row of the file does: add a row of another resource',
        line: 2,
      },
    ]);
  });

  it('reads the rows before a malformed one, and names its line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kansa-tag-editor-'));
    const file = path.join(dir, 'resources.csv');
    await writeFile(
      file,
      `${HEADER}vol-1,(not tagged),EC2,Volume,ap-northeast-1,(not tagged),0,arn:aws:ec2:ap-northeast-1:${ACCOUNT}:volume/vol-1\r\n` +
        `vol-2,EC2,Volume,ap-northeast-1,0,arn:aws:ec2:ap-northeast-1:${ACCOUNT}:volume/vol-2\r\n`,
    );
    const coverage = await readInputFile(file, () => {});
    expect(coverage).toMatchObject({ format: 'aws-tag-editor-csv', resources: 1 });
    expect(coverage.error).toBe(
      `${file}:3: malformed CSV: the row's cells (6) do not match the header's columns (8)`,
    );
  });

  it('judges a listed resource’s location, and its marks as far as it shows tags: every other check is UNKNOWN', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kansa-tag-editor-'));
    await writeFile(
      path.join(dir, 'resources.csv'),
      `${HEADER}tokyo,(not tagged),S3,Bucket,ap-northeast-1,(not tagged),0,arn:aws:s3:::tokyo\r\n` +
        `virginia,(not tagged),S3,Bucket,us-east-1,(not tagged),0,arn:aws:s3:::virginia\r\n` +
        `vol-1,(not tagged),EC2,Volume,ap-northeast-1,(not tagged),0,arn:aws:ec2:ap-northeast-1:${ACCOUNT}:volume/vol-1\r\n`,
    );
    const { inventory } = await readInventory(
      { inputs: [dir], live: [], concurrency: 1 },
      pino({ level: 'silent' }),
    );
    const findings = [...evaluate(inventory, await loadFramework('osaka'), NOW)].filter(
      (f) => f.resource.type === 'storage.bucket',
    );
    expect(
      findings.filter((f) => f.status !== 'UNKNOWN').map((f) => [f.resource.name, f.checkId, f.status]),
    ).toEqual([
      ['tokyo', 'common.location.data-in-japan', 'PASS'],
      ['virginia', 'common.location.data-in-japan', 'FAIL'],
    ]);
    // The classification checks that read tags alone judge a listed resource too: no mark shown, UNKNOWN.
    for (const finding of findings.filter((f) => f.status === 'UNKNOWN'))
      expect([LISTED_ONLY, ...LISTED_TAG_MESSAGES]).toContain(finding.messageId);
  });
});
