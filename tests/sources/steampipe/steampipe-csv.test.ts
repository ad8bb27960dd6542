import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { readInputFile } from '../../../src/sources/read-inputs.ts';
import { steampipeCsv } from '../../../src/sources/steampipe-csv.ts';
import { writeCsv } from '../csv/write-csv.ts';
import { expectCsvParity } from './csv-parity.ts';

// `steampipe query --output csv` writes with Go's encoding/csv through pipe-fittings'
// querydisplay: a header of the column names, JSONB columns as JSON (json.Marshal), booleans
// `true` / `false`, null as an empty cell (turbot/steampipe v0.18.2 on; `<null>` before).
const DATA = path.resolve(import.meta.dirname, '../../corpus/data');
const STEAMPIPE_FILES = ['aws', 'azure', 'gcp'].flatMap((cloud) =>
  readdirSync(path.join(DATA, cloud, 'steampipe'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => path.join(cloud, 'steampipe', name)),
);

const rowsOf = (document: unknown): unknown[] =>
  Array.isArray(document) ? document : (document as { rows: unknown[] }).rows;

function readCsvText(text: string) {
  const skipped: { reason: string; line?: number }[] = [];
  const resources = [
    ...steampipeCsv.read(text, {
      file: 'rows.csv',
      skip: (reason, where) => skipped.push({ reason, ...where }),
    }),
  ];
  return { resources, skipped };
}
const withoutOrigin = (resources: readonly Resource[]) => resources.map(({ origin: _, ...rest }) => rest);

// The CSV parser is loaded by the scan before a text format is asked (read-inputs); here, first.
beforeAll(loadCsvParser);

describe('steampipe-csv', () => {
  it('is recognised by a header with akas and title, before the Resource Graph CSV', () => {
    const textFormatOf = (firstLine: string) =>
      INPUT_FORMATS.find((f) => f.kind === 'text' && f.matches(firstLine))?.id;
    expect(textFormatOf('name,arn,region,account_id,akas,title,tags')).toBe('steampipe-csv');
    expect(textFormatOf('id,name,type,resource_group,subscription_id,akas,title')).toBe('steampipe-csv');
    expect(textFormatOf('name,arn,region,account_id')).toBeUndefined();
  });

  it.each(STEAMPIPE_FILES)('reads the rows of %s, written as CSV, as the JSON output gives them', (file) => {
    expectCsvParity(rowsOf(JSON.parse(readFileSync(path.join(DATA, file), 'utf8'))));
  });

  const header =
    'name,arn,region,account_id,block_public_acls,block_public_policy,ignore_public_acls,restrict_public_buckets,policy,acl,server_side_encryption_configuration,logging,tags,title,akas';
  const bucket = (name: string, flags = 'true,true,true,true') =>
    `${name},arn:aws:s3:::${name},ap-northeast-1,111122223333,${flags},,"{""Grants"":[]}",,,,${name},"[""arn:aws:s3:::${name}""]"`;

  it('reads a null written as an empty cell, or as <null> by Steampipe before v0.18.2', () => {
    const old = `${header}\n${bucket('b1').replace(',,"{', ',<null>,"{')}\n`;
    const { resources, skipped } = readCsvText(old);
    expect(skipped).toEqual([]);
    expect(withoutOrigin(resources)).toEqual(
      withoutOrigin(readCsvText(`${header}\n${bucket('b1')}\n`).resources),
    );
    expect(resources[0]?.origin).toEqual({ file: 'rows.csv', line: 2 });
  });

  it('skips, on its line, a row of a table kansa does not read, and one without the columns it reads', () => {
    const plan =
      'name,id,title,akas\nasp1,/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/serverfarms/asp1,asp1,"[""/subscriptions/s/resourcegroups/rg/providers/microsoft.web/serverfarms/asp1""]"\n';
    expect(readCsvText(plan).skipped).toEqual([
      {
        line: 2,
        reason:
          "a Steampipe table row (`akas`, `title`): its columns are not the API's fields and are not read; export with `az graph query` or `az … list -o json`",
      },
    ]);
    const narrow = 'name,region,title,akas\nb1,ap-northeast-1,b1,"[""arn:aws:s3:::b1""]"\n';
    expect(readCsvText(narrow).skipped).toEqual([
      {
        line: 2,
        reason: expect.stringContaining(
          'a aws_s3_bucket row without the columns account_id, block_public_acls',
        ),
      },
    ]);
  });

  it('reads a number with thousands separators, as Steampipe v1.1.1 wrote its numbers, as the number', () => {
    const group = {
      name: '/corpus/archive',
      arn: 'arn:aws:logs:ap-northeast-1:696969696969:log-group:/corpus/archive:*',
      kms_key_id: null,
      retention_in_days: 3653,
      region: 'ap-northeast-1',
      account_id: '696969696969',
      title: '/corpus/archive',
      akas: ['arn:aws:logs:ap-northeast-1:696969696969:log-group:/corpus/archive:*'],
      tags: {},
    };
    const plain = writeCsv(Object.keys(group), [group]);
    const humanised = plain.replace(',3653,', ',"3,653",');
    expect(humanised).not.toBe(plain);
    const read = readCsvText(humanised);
    expect(read.skipped).toEqual([]);
    expect(withoutOrigin(read.resources)).toEqual(withoutOrigin(readCsvText(plain).resources));
    expect(() => readCsvText(plain.replace(',3653,', ',"36,53",'))).toThrow(
      'rows.csv:2: the retention_in_days column is "36,53", not a number',
    );
  });

  it('names the column and line of a cell that is not of its column’s type', () => {
    expect(() => readCsvText(`${header}\n${bucket('b1')}\n${bucket('b2', 'yes,true,true,true')}\n`)).toThrow(
      'rows.csv:3: the block_public_acls column is "yes", not true or false',
    );
    const badJson = `${header}\n${bucket('b1').replace('"{""Grants"":[]}"', '{Grants}')}\n`;
    expect(() => readCsvText(badJson)).toThrow(
      /^rows\.csv:2: the acl column is not JSON \(.+\): Steampipe writes its JSONB columns as JSON text$/,
    );
  });

  it('reads a file with a byte-order mark and CRLF line ends through the file reader', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kansa-steampipe-csv-'));
    const file = path.join(dir, 'buckets.csv');
    await writeFile(file, `\ufeff${header}\r\n${bucket('b1')}\r\n${bucket('b2')}\r\n`);
    const coverage = await readInputFile(file, () => {});
    expect(coverage).toMatchObject({ format: 'steampipe-csv', resources: 2, skipped: [] });
  });
});
