import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { readInputFile } from '../../../src/sources/read-inputs.ts';
import { steampipeCsv } from '../../../src/sources/steampipe-csv.ts';
import { steampipeRows } from '../../../src/sources/steampipe-tables.ts';
import { writeCsv } from '../csv/write-csv.ts';
import { expectExportParity, exportedJsonRow, snapshotOf } from './export-parity.ts';

// The plugins' exporters (turbot/steampipe-export, the "Steampipe Unbundled" binaries of 2024 on:
// `steampipe_export_aws aws_sqs_queue --output json|jsonl|csv`) write each JSONB column as the
// JSON text the plugin sent, their CSV's header in alphabetical order and a null as `<nil>` (Go's
// fmt of a nil interface). A query's snapshot (`steampipe query --export sps`) keeps the rows of
// `--output json` in its table panel's `data`.
const DATA = path.resolve(import.meta.dirname, '../../corpus/data');
const STEAMPIPE_FILES = ['aws', 'azure', 'gcp'].flatMap((cloud) =>
  readdirSync(path.join(DATA, cloud, 'steampipe'))
    .filter((name) => name.endsWith('.json') && !name.includes('export') && !name.includes('snapshot'))
    .map((name) => path.join(cloud, 'steampipe', name)),
);
const rowsOf = (document: unknown): unknown[] =>
  Array.isArray(document) ? document : (document as { rows: unknown[] }).rows;
const withoutOrigin = (resources: readonly Resource[]) => resources.map(({ origin: _, ...rest }) => rest);

const queue = (name: string, key: string | null) => ({
  akas: [`arn:aws:sqs:ap-northeast-1:484848484848:${name}`],
  account_id: '484848484848',
  kms_master_key_id: key,
  policy: null,
  queue_arn: `arn:aws:sqs:ap-northeast-1:484848484848:${name}`,
  queue_url: `https://sqs.ap-northeast-1.amazonaws.com/484848484848/${name}`,
  region: 'ap-northeast-1',
  sqs_managed_sse_enabled: key === null,
  tags: { confidentiality: '2' },
  title: name,
});
const KEY = 'arn:aws:kms:ap-northeast-1:484848484848:key/4c5d6e7f-0000-4000-8000-0000000000c1';

async function readFile(name: string, text: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'kansa-steampipe-export-'));
  const file = path.join(dir, name);
  await writeFile(file, text);
  const resources: Resource[] = [];
  const coverage = await readInputFile(file, (resource) => resources.push(resource));
  return { coverage, resources };
}

beforeAll(loadCsvParser);

describe('Steampipe exporters and snapshots', () => {
  it.each(STEAMPIPE_FILES)('reads the rows of %s as the exporters and a snapshot write them', (file) => {
    expectExportParity(rowsOf(JSON.parse(readFileSync(path.join(DATA, file), 'utf8'))));
  });

  it('takes an exporter’s JSON array, JSON lines and CSV (`<nil>` for null) for Steampipe rows', async () => {
    const rows = [queue('orders-cmk', KEY), queue('events-sse', null)];
    const exported = rows.map(exportedJsonRow);
    const expected = [...steampipeRows.read(rows, { file: 'rows.json', skip: () => {} })];
    const json = await readFile('aws_sqs_queue.json', `${JSON.stringify(exported)}\n`);
    expect(json.coverage).toMatchObject({ format: 'steampipe-rows', resources: 2, skipped: [] });
    expect(withoutOrigin(json.resources)).toEqual(withoutOrigin(expected));
    const lines = await readFile(
      'aws_sqs_queue.jsonl',
      exported.map((row) => JSON.stringify(row)).join('\n'),
    );
    expect(lines.coverage).toMatchObject({ format: 'steampipe-rows', resources: 2, skipped: [] });
    expect(withoutOrigin(lines.resources)).toEqual(withoutOrigin(expected));
    const columns = Object.keys(rows[0]!).sort();
    const csv = writeCsv(columns, rows).replaceAll(',,', ',<nil>,').replaceAll(',,', ',<nil>,');
    expect(csv).toContain('<nil>');
    const fromCsv = await readFile('aws_sqs_queue.csv', csv);
    expect(fromCsv.coverage).toMatchObject({ format: 'steampipe-csv', resources: 2, skipped: [] });
    expect(withoutOrigin(fromCsv.resources)).toEqual(withoutOrigin(expected));
  });

  it('reads a `<nil>` cell as null, not as a key named `<nil>`', () => {
    const columns = Object.keys(queue('q', null)).sort();
    const read = (text: string) => [...steampipeCsv.read(text, { file: 'q.csv', skip: () => {} })];
    const empty = writeCsv(columns, [queue('q', null)]);
    const nil = empty.replace(',,', ',<nil>,');
    expect(nil).not.toBe(empty);
    expect(withoutOrigin(read(nil))).toEqual(withoutOrigin(read(empty)));
  });

  it('reads a query’s snapshot, a query with a WHERE or LIMIT as a selection of its table', async () => {
    const rows = [queue('orders-cmk', KEY)];
    const whole = await readFile('q.sps', JSON.stringify(snapshotOf(rows, 'select * from aws_sqs_queue')));
    expect(whole.coverage).toMatchObject({ format: 'steampipe-rows', resources: 1 });
    expect(whole.resources[0]?.picked).toBeUndefined();
    const notes: string[] = [];
    const some = [
      ...steampipeRows.read(snapshotOf(rows, "select *\n  from aws_sqs_queue where title = 'orders-cmk'"), {
        file: 'q.sps',
        skip: () => {},
        note: (text) => notes.push(text),
      }),
    ];
    expect(some.map((resource) => resource.picked)).toEqual([true]);
    expect(notes).toEqual([
      "the snapshot's query has a WHERE or LIMIT (select * from aws_sqs_queue where title = 'orders-cmk'): its rows are a selection of their table, not the listing of their account or Region",
    ]);
  });

  it('does not take a dashboard’s snapshot, of several tables, for one table’s rows', () => {
    const snapshot = snapshotOf([queue('q', KEY)], 'select * from aws_sqs_queue') as {
      panels: Record<string, unknown>;
    };
    snapshot.panels['aws_insights.table.other'] = {
      ...(snapshot.panels['custom.table.results'] as object),
      name: 'aws_insights.table.other',
    };
    expect(steampipeRows.matches(snapshot)).toBe(false);
  });
});

describe('Steampipe and Powerpipe snapshots without a table’s rows', () => {
  it('passes over a benchmark’s snapshot, and a query’s of no row, saying so', async () => {
    const benchmark = {
      schema_version: '20221222',
      panels: {
        'aws_compliance.benchmark.cis_v300': {
          name: 'aws_compliance.benchmark.cis_v300',
          panel_type: 'benchmark',
          status: 'complete',
          summary: { status: { alarm: 3, ok: 40, info: 0, skip: 2, error: 0 } },
        },
        'aws_compliance.control.cis_v300_2_1_1': {
          name: 'aws_compliance.control.cis_v300_2_1_1',
          panel_type: 'control',
          data: { columns: [{ name: 'reason', data_type: 'TEXT' }], rows: [{ reason: 'ok' }] },
        },
      },
      layout: { name: 'aws_compliance.benchmark.cis_v300', panel_type: 'benchmark' },
    };
    for (const document of [benchmark, snapshotOf([], 'select * from aws_sqs_queue')]) {
      const { coverage, resources } = await readFile('run.sps', JSON.stringify(document));
      expect(resources).toEqual([]);
      expect(coverage.error).toBeUndefined();
      expect(coverage.ignored).toMatch(/^a Steampipe or Powerpipe snapshot of a dashboard or benchmark/);
    }
  });
});
