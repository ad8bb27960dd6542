import { beforeAll, describe, expect, it } from 'vitest';
import { decodeReport, type Report } from '../../../src/report/html/client/data.js';
import {
  changeFilter,
  emptyFilter,
  filterRows,
  nextSort,
  Search,
  sortRows,
} from '../../../src/report/html/client/filter.js';
import { SEVERITIES, STATUSES } from '../../../src/report/html/client/labels.js';
import type { Filter, Sort } from '../../../src/report/html/client/types.js';
import type { FileFinding } from '../../../src/report/read-findings.ts';
import { type FindingsFile, scanSample } from '../helpers/findings.ts';
import { pageData, withFindings } from './page-data.ts';

let file: FindingsFile;
let report: Report;
let search: Search;

beforeAll(async () => {
  file = (await scanSample()).file;
  report = decodeReport(pageData(file));
  search = new Search(report);
});

const DEFAULT: Sort = { key: 'default', desc: false };
const rows = (filter: Partial<Filter>, sort: Sort = DEFAULT, lang: 'ja' | 'en' = 'en') =>
  [...filterRows(report, search, { ...emptyFilter(), ...filter }, sort, lang)].map((i) => file.findings[i]!);
const ids = (findings: readonly FileFinding[]) => new Set(findings.map((f) => f.id));

describe('page script: the findings table’s filter', () => {
  it('keeps every finding when nothing is chosen', () => {
    expect(ids(rows({}))).toEqual(ids(file.findings));
  });

  it('keeps exactly the findings of a status, severity, cloud, account or requirement, and of all of them at once', () => {
    const f = file.findings.find((x) => x.status === 'FAIL' && x.resource.provider === 'azure')!;
    const cases: [Partial<Filter>, (x: FileFinding) => boolean][] = [
      [{ status: 'UNKNOWN' }, (x) => x.status === 'UNKNOWN'],
      [{ severity: 'critical' }, (x) => x.severity === 'critical'],
      [{ provider: 'gcp' }, (x) => x.resource.provider === 'gcp'],
      [{ account: f.resource.account }, (x) => x.resource.account === f.resource.account],
      [{ requirement: f.requirements[0]! }, (x) => x.requirements.includes(f.requirements[0]!)],
      [
        { status: 'FAIL', provider: 'azure', account: f.resource.account, severity: f.severity },
        (x) =>
          x.status === 'FAIL' &&
          x.resource.provider === 'azure' &&
          x.resource.account === f.resource.account &&
          x.severity === f.severity,
      ],
    ];
    for (const [filter, keep] of cases) {
      const expected = file.findings.filter(keep);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(ids(rows(filter)), JSON.stringify(filter)).toEqual(ids(expected));
    }
  });

  it('searches ids, names, messages and requirements in the page’s language, ignoring case and spaces around', () => {
    const f = file.findings.find((x) => x.resource.name !== x.resource.id)!;
    expect(ids(rows({ text: `  ${f.resource.name.toUpperCase()} ` }))).toEqual(
      ids(
        file.findings.filter(
          (x) =>
            x.resource.name.toLowerCase().includes(f.resource.name.toLowerCase()) ||
            x.resource.id.toLowerCase().includes(f.resource.name.toLowerCase()) ||
            x.message.en.toLowerCase().includes(f.resource.name.toLowerCase()),
        ),
      ),
    );
    expect(rows({ text: f.id }).map((x) => x.id)).toEqual([f.id]);
    // A Japanese word of a message is found in Japanese, not in English.
    const ja = file.findings.find((x) => /[\u3040-\u30ff]{4,}/.test(x.message.ja))!;
    const word = /[\u3040-\u30ff\u4e00-\u9fff]{4,}/.exec(ja.message.ja)![0];
    expect(rows({ text: word }, DEFAULT, 'ja').map((x) => x.id)).toContain(ja.id);
    expect(rows({ text: word }, DEFAULT, 'en').map((x) => x.id)).not.toContain(ja.id);
    expect(rows({ text: 'no finding has this text' })).toEqual([]);
  });

  it('matches an account by its whole name, not a part of it', () => {
    const account = file.findings[0]!.resource.account;
    expect(rows({ account: account.slice(0, -1) })).toEqual([]);
  });
});

describe('page script: the findings table’s order', () => {
  it('puts FAIL first and the most severe first by default, keeping the file’s order within each', () => {
    const sorted = rows({});
    const rank = (x: FileFinding) =>
      STATUSES.indexOf(x.status) * SEVERITIES.length + SEVERITIES.indexOf(x.severity);
    const expected = file.findings
      .map((x, i) => ({ x, i }))
      .sort((a, b) => rank(a.x) - rank(b.x) || a.i - b.i)
      .map(({ x }) => x.id);
    expect(sorted.map((x) => x.id)).toEqual(expected);
  });

  it('sorts by a column, ties in the file’s order, and turns the order over on a second click', () => {
    const byResource = rows({}, { key: 'resource', desc: false });
    const names = byResource.map((x) => x.resource.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const ascending = rows({}, { key: 'region', desc: false }).map((x) => x.id);
    const descending = rows({}, { key: 'region', desc: true }).map((x) => x.id);
    expect(descending).toEqual([...ascending].reverse());
    expect(nextSort({ key: 'region', desc: false }, 'region')).toEqual({ key: 'region', desc: true });
    expect(nextSort({ key: 'region', desc: true }, 'check')).toEqual({ key: 'check', desc: false });
    // Severity starts with the most severe.
    const severity = nextSort(DEFAULT, 'severity');
    expect(severity.desc).toBe(true);
    expect(rows({}, severity)[0]!.severity).toBe('critical');
  });

  it('sorts the check column by the title in the page’s language', () => {
    const titles = (lang: 'ja' | 'en') =>
      rows({}, { key: 'check', desc: false }, lang).map((x) => x.title[lang]);
    for (const lang of ['ja', 'en'] as const) {
      const shown = titles(lang);
      expect(shown).toEqual([...shown].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  });

  it('sorts a subset of rows, not the whole file', () => {
    const subset = Uint32Array.from([5, 3, 1]);
    expect([...sortRows(report, subset, { key: 'resource', desc: false }, 'en')].sort()).toEqual([1, 3, 5]);
  });
});

describe('page script: filter changes', () => {
  it('clears the account when another cloud is chosen, unless the change names the account', () => {
    const chosen = { ...emptyFilter(), provider: 'aws', account: '111122223333' } as const;
    expect(changeFilter(chosen, { provider: 'gcp' })).toMatchObject({ provider: 'gcp', account: '' });
    expect(changeFilter(chosen, { provider: 'azure', account: 'sub' })).toMatchObject({
      provider: 'azure',
      account: 'sub',
    });
    expect(changeFilter(chosen, { status: 'FAIL' })).toMatchObject({
      account: '111122223333',
      status: 'FAIL',
    });
    expect(chosen.account).toBe('111122223333');
  });

  it('finds nothing in a file without findings', () => {
    const empty = decodeReport(pageData(withFindings(file, [])));
    expect([...filterRows(empty, new Search(empty), emptyFilter(), DEFAULT, 'en')]).toEqual([]);
  });
});
