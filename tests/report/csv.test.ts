import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, renderCsv } from '../../src/report/csv.ts';
import { loadView, scanView } from '../../src/report/read-findings.ts';
import { type FindingsFile, kansa, PLANTED, scanSample, withPlanted } from './helpers/findings.ts';

let sample: { dir: string; path: string; file: FindingsFile };

beforeAll(async () => {
  sample = await scanSample();
});

/** RFC 4180: quoted cells with doubled quotes and embedded CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

const render = (file: FindingsFile, lang: 'ja' | 'en' = 'ja') =>
  [...renderCsv(file, scanView(file), lang)].join('');

describe('CSV', () => {
  it('starts with a UTF-8 BOM and the documented columns, one row per finding', () => {
    const text = render(sample.file);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(sample.file.findings.length);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('carries each finding field in its column, texts in the chosen language', () => {
    const rows = parseCsv(render(sample.file, 'ja').slice(1)).slice(1);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    sample.file.findings.forEach((f, i) => {
      const row = rows[i]!;
      expect(row[col('finding_id')]).toBe(f.id);
      expect(row[col('status')]).toBe(f.status);
      expect(row[col('requirement_ids')]).toBe(f.requirements.join(' '));
      expect(row[col('title')]).toBe(f.title.ja);
      expect(row[col('resource_id')]).toBe(f.resource.id);
      expect(row[col('framework')]).toBe('osaka 2024-04');
      expect(row[col('evidence')]!.split('\n')).toHaveLength(f.evidence.length || 1);
    });
  });

  it('writes each evidence line as path = value, its provenance in （…） in Japanese and (…) in English', () => {
    const evidence = (lang: 'ja' | 'en') =>
      parseCsv(render(sample.file, lang).slice(1))
        .slice(1)
        .flatMap((row) => row[CSV_COLUMNS.indexOf('evidence')]!.split('\n'));
    const ja = evidence('ja');
    expect(ja).toContain(
      'resource.data.logConfig.enable = false（default: 指定なし: フローログは既定で無効）',
    );
    expect(ja.filter((line) => / \((?:explicit|default|unknown)\b/.test(line))).toEqual([]);
    expect(evidence('en')).toContain(
      'resource.data.logConfig.enable = false (default: not set: flow logs are off by default)',
    );
  });

  it("gives each requirement's force as its clause words it, and cites guidelines by title", () => {
    const rows = parseCsv(render(sample.file, 'ja').slice(1)).slice(1);
    const forces = new Set(rows.flatMap((row) => row[CSV_COLUMNS.indexOf('forces')]!.split(' ')));
    expect([...forces].some((f) => /^OSK-\d\.\d:必須$/.test(f))).toBe(true);
    expect(forces).toContain('OSK-5.1:推奨');
    for (const row of rows) expect(row[CSV_COLUMNS.indexOf('clauses')]).not.toMatch(/\d{3}_|\.txt/);
    const en = parseCsv(render(sample.file, 'en').slice(1)).slice(1);
    expect(en.some((row) => row[CSV_COLUMNS.indexOf('forces')]!.includes('OSK-1.3:desirable'))).toBe(true);
  });

  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['a=1', 'a=1'],
    ['plain, with comma', '"plain, with comma"'],
    ['line\nbreak', '"line\nbreak"'],
    ['東京リージョン', '東京リージョン'],
  ])('neutralises and quotes %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('neutralises formulas planted in resource names and evidence', () => {
    const file = withPlanted(sample.file);
    const hostile = structuredClone(file) as unknown as {
      findings: { resource: { name: string; account: string } }[];
    };
    hostile.findings[0]!.resource.name = '=cmd|"/c calc"!A1';
    hostile.findings[1]!.resource.name = '@SUM(1+1)*cmd|"/c calc"!A1';
    const rows = parseCsv(render(hostile as unknown as FindingsFile).slice(1)).slice(1);
    const name = CSV_COLUMNS.indexOf('resource_name');
    expect(rows[0]![name]).toBe('\'=cmd|"/c calc"!A1');
    expect(rows[1]![name]).toBe('\'@SUM(1+1)*cmd|"/c calc"!A1');
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[2]![name]).toBe(`planted-2${PLANTED[2]}`);
  });

  it('reports in another framework view', async () => {
    const view = await loadView(sample.file, 'kobe');
    const rows = parseCsv([...renderCsv(sample.file, view, 'en')].join('').slice(1)).slice(1);
    const framework = CSV_COLUMNS.indexOf('framework');
    const requirements = CSV_COLUMNS.indexOf('requirement_ids');
    expect(new Set(rows.map((r) => r[framework]))).toEqual(new Set(['kobe 2020-03']));
    expect(rows.some((r) => r[requirements]!.startsWith('KOBE-'))).toBe(true);
    expect(rows.some((r) => r[requirements]!.includes('OSK-'))).toBe(false);
  });

  it('writes one CSV per framework view on request', async () => {
    const output = path.join(sample.dir, 'findings.csv');
    const run = await kansa(
      'report',
      '--input',
      sample.path,
      '--format',
      'csv',
      '--output',
      output,
      '--framework-view',
      'osaka',
      'kobe',
      'gov',
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/reporting in kobe: the verdicts are the scan's \(osaka parameters\)/);
    for (const view of ['osaka', 'kobe', 'gov']) {
      const text = await readFile(path.join(sample.dir, `findings.${view}.csv`), 'utf8');
      const rows = parseCsv(text.slice(1));
      expect(rows).toHaveLength(sample.file.findings.length + 1);
      expect(rows[1]![CSV_COLUMNS.indexOf('framework')]).toMatch(new RegExp(`^${view} `));
    }
  });
});
