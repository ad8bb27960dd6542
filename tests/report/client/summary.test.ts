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
import { PROVIDERS } from '../../../src/report/html/client/labels.js';
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
