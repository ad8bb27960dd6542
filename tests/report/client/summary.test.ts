import { beforeAll, describe, expect, it } from 'vitest';
import {
  accountsOf,
  providersPresent,
  tally,
  topAccounts,
  topRegions,
  waivedBySeverity,
} from '../../../src/report/html/client/aggregate.js';
import { decodeReport } from '../../../src/report/html/client/data.js';
import {
  beforeAfterWaivers,
  changeCounts,
  historyPairs,
  stateText,
} from '../../../src/report/html/client/history.js';
import { PROVIDER_LABEL, PROVIDERS } from '../../../src/report/html/client/labels.js';
import { accountBars, regionBars, requirementBars } from '../../../src/report/html/client/summary.js';
import type { Filter, Page } from '../../../src/report/html/client/types.js';
import { type FindingsFile, scanSample } from '../helpers/findings.ts';
import { pageData, withFindings } from './page-data.ts';

let file: FindingsFile;

beforeAll(async () => {
  file = (await scanSample()).file;
});

/** Counts of `key` over the file's findings (the oracle the page's tallies are held to). */
function countBy<K>(key: (f: FindingsFile['findings'][number]) => K) {
  const counts = new Map<K, number>();
  for (const f of file.findings) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
  return counts;
}

describe('page script: what the charts count', () => {
  it('counts every finding once per account and status, and per region', () => {
    const t = tally(decodeReport(pageData(file)));
    const accounts = countBy((f) => `${f.resource.provider} ${f.resource.account} ${f.status}`);
    for (const a of t.byAccount.values()) {
      expect(a.counts).toEqual(
        ['FAIL', 'UNKNOWN', 'PASS', 'NOT_APPLICABLE'].map(
          (s) => accounts.get(`${a.provider} ${a.account} ${s}`) ?? 0,
        ),
      );
    }
    const regions = countBy((f) => `${f.resource.provider} ${f.resource.region}`);
    const failures = countBy((f) => `${f.resource.provider} ${f.resource.region} ${f.status}`);
    expect(t.byRegion.size).toBe(regions.size);
    for (const g of t.byRegion.values()) {
      expect(g.n).toBe(regions.get(`${g.provider} ${g.region}`));
      expect(g.fail).toBe(failures.get(`${g.provider} ${g.region} FAIL`) ?? 0);
    }
    const totals = t.regionTotals;
    expect(totals.domestic + totals.abroad + totals.global).toBe(file.findings.length);
    const allowed = file.scan.parameters.allowedRegions;
    expect(totals.abroad).toBe(
      file.findings.filter(
        (f) =>
          f.resource.region !== 'global' &&
          f.resource.region !== '' &&
          !(allowed[f.resource.provider] ?? []).includes(f.resource.region),
      ).length,
    );
  });

  it('ranks accounts by failures, then unknowns, leaving out those with neither; regions by findings', () => {
    const t = tally(decodeReport(pageData(file)));
    const top = topAccounts(t, 15);
    expect(top.length).toBeGreaterThan(1);
    for (const a of top) expect(a.counts[0] + a.counts[1]).toBeGreaterThan(0);
    for (let k = 1; k < top.length; k++) {
      const [x, y] = [top[k - 1]!.counts, top[k]!.counts];
      expect(x[0] > y[0] || (x[0] === y[0] && x[1] >= y[1])).toBe(true);
    }
    expect(topAccounts(t, 2)).toEqual(top.slice(0, 2));
    const regions = topRegions(t, 20).map((g) => g.n);
    expect(regions).toEqual([...regions].sort((a, b) => b - a));
  });

  it('offers the clouds that have findings, in the page’s order, and the accounts of the chosen cloud', () => {
    const gcpOnly = withFindings(
      file,
      file.findings.filter((f) => f.resource.provider !== 'azure'),
    );
    const t = tally(decodeReport(pageData(gcpOnly)));
    expect(providersPresent(t, PROVIDERS)).toEqual(['aws', 'gcp']);
    const gcpAccounts = new Set(
      file.findings.filter((f) => f.resource.provider === 'gcp').map((f) => f.resource.account),
    );
    expect(new Set(accountsOf(t, 'gcp').map((a) => a.account))).toEqual(gcpAccounts);
    expect(accountsOf(t, '').length).toBe(t.byAccount.size);
  });
});

describe('page script: the charts’ bars', () => {
  /** The page as the bar builders read it: data, tallies, language, and the filter a click applies. */
  function pageOf(lang: 'ja' | 'en') {
    const report = decodeReport(pageData(file));
    const applied: Partial<Filter>[] = [];
    const page = {
      report,
      tally: tally(report),
      state: { lang },
      applyFilter: (change: Partial<Filter>) => applied.push(change),
    } as unknown as Page;
    return { page, applied };
  }

  it('shows each requirement with findings, and a click filters the table to it', () => {
    const { page, applied } = pageOf('en');
    const bars = requirementBars(page);
    const withFindings = file.requirements.filter(
      (r) => r.counts.FAIL + r.counts.UNKNOWN + r.counts.PASS > 0,
    );
    expect(bars.map((b) => b.label)).toEqual(withFindings.map((r) => r.id));
    expect(bars[0]!.segments).toEqual([
      { value: withFindings[0]!.counts.FAIL, cls: 'FAIL' },
      { value: withFindings[0]!.counts.UNKNOWN, cls: 'UNKNOWN' },
      { value: withFindings[0]!.counts.PASS, cls: 'PASS' },
    ]);
    bars[0]!.onClick!();
    expect(applied).toEqual([{ requirement: withFindings[0]!.id, status: '' }]);
  });

  it('names accounts with their cloud, and a click shows the account’s failures', () => {
    const { page, applied } = pageOf('ja');
    const [first] = accountBars(page);
    const top = topAccounts(page.tally, 1)[0]!;
    expect(first!.label).toBe(`${PROVIDER_LABEL[top.provider]} ${top.account}`);
    expect(first!.title).toContain(`不適合 ${top.counts[0]}`);
    first!.onClick!();
    expect(applied).toEqual([{ provider: top.provider, account: top.account, status: 'FAIL' }]);
  });

  it('marks each region as Japan, abroad or global, in the page’s language; regions are not links', () => {
    const en = regionBars(pageOf('en').page);
    const ja = regionBars(pageOf('ja').page);
    expect(en.some((b) => b.label === 'AWS us-east-1 (abroad)')).toBe(true);
    expect(en.some((b) => b.label === 'AWS ap-northeast-1 (Japan)')).toBe(true);
    expect(ja.some((b) => b.label === 'AWS us-east-1 (国外)')).toBe(true);
    expect(en.every((b) => b.onClick === undefined)).toBe(true);
  });
});

describe('page script: waivers and the history store', () => {
  const waiver = {
    id: 'W-7',
    reason: 'accepted',
    approver: 'CISO',
    approved: '2026-11-01',
    expires: '2027-01-31',
  };

  it('counts failures before and after waivers per severity', () => {
    let toWaive = 2;
    const findings = file.findings.map((f) =>
      f.status === 'FAIL' && f.severity === 'high' && toWaive-- > 0 ? { ...f, waiver } : f,
    );
    const report = decodeReport(pageData(withFindings(file, findings)));
    expect(Object.fromEntries(waivedBySeverity(report))).toEqual({
      critical: 0,
      high: 2,
      medium: 0,
      low: 0,
      info: 0,
    });
    const failed = withFindings(file, findings).summary.failedBySeverity;
    expect(beforeAfterWaivers(report)).toEqual([
      `${failed.critical} → ${failed.critical}`,
      `${failed.high} → ${failed.high - 2}`,
      `${failed.medium} → ${failed.medium}`,
      `${failed.low} → ${failed.low}`,
      `${failed.info} → ${failed.info}`,
    ]);
  });

  it('lists the changes since the previous scan in a fixed order, leaving out those that did not happen', () => {
    expect(
      changeCounts({ counts: { open: 4, new: 2, resolved: 0, reopened: 1, passing: 9 }, previous: null }),
    ).toEqual([
      ['new', 2],
      ['reopened', 1],
      ['open', 4],
    ]);
    expect(changeCounts({ counts: {}, previous: null })).toEqual([]);
  });

  it('gives a finding’s waiver, state and open-since in the page’s language; an unknown state as itself', () => {
    const [first, second] = file.findings;
    const history = { state: 'open', firstSeen: '2026-10-01T00:00:00.000Z', openedAt: 'not a time' } as const;
    const report = decodeReport(pageData(withFindings(file, [{ ...first!, waiver, history }, second!])));
    expect(historyPairs(report, 0, 'en')).toEqual([
      ['Waiver', 'W-7: accepted (CISO, 2026-11-01 → 2027-01-31)'],
      ['History', 'still open'],
      ['Open since', 'not a time'],
    ]);
    expect(historyPairs(report, 0, 'ja').map(([k]) => k)).toEqual(['例外承認', '状態', '継続開始']);
    expect(historyPairs(report, 1, 'en')).toEqual([]);
    expect(stateText('reopened', 'ja')).toBe('再発');
    expect(stateText('split-by-a-newer-kansa', 'en')).toBe('split-by-a-newer-kansa');
  });
});
