// What the charts and the account filter count, counted once over the findings.
import { SEVERITIES } from './labels.js';
/** @import { Report } from './data.js' */
/** @import { Provider, RegionClass, Severity } from './types.js' */

/**
 * @typedef {{ provider: Provider, account: string, counts: [number, number, number, number] }} AccountCount
 *   counts per status, in the order of STATUSES
 * @typedef {{ provider: Provider, region: string, cls: RegionClass, n: number, fail: number }} RegionCount
 * @typedef {{
 *   byAccount: Map<string, AccountCount>,
 *   byRegion: Map<string, RegionCount>,
 *   regionTotals: Record<RegionClass, number>,
 * }} Tally
 */

/** Findings per account and per region (keyed by cloud and name), and per class of region. @param {Report} report @returns {Tally} */
export function tally(report) {
  /** @type {Map<string, AccountCount>} */
  const byAccount = new Map();
  /** @type {Map<string, RegionCount>} */
  const byRegion = new Map();
  const regionTotals = { domestic: 0, abroad: 0, global: 0 };
  for (let i = 0; i < report.n; i++) {
    const r = report.resource[i];
    const provider = report.provider(r);
    const account = report.account(r);
    const aKey = `${provider}\u0000${account}`;
    let a = byAccount.get(aKey);
    if (!a) {
      a = { provider, account, counts: [0, 0, 0, 0] };
      byAccount.set(aKey, a);
    }
    a.counts[report.status[i]]++;
    const region = report.region(r);
    const gKey = `${provider}\u0000${region}`;
    let g = byRegion.get(gKey);
    if (!g) {
      g = { provider, region, cls: report.regionClass(provider, region), n: 0, fail: 0 };
      byRegion.set(gKey, g);
    }
    g.n++;
    if (report.status[i] === 0) g.fail++;
    regionTotals[g.cls]++;
  }
  return { byAccount, byRegion, regionTotals };
}

/** The accounts with failures or unknowns, most failures first, then most unknowns. @param {Tally} t @param {number} limit */
export function topAccounts(t, limit) {
  return [...t.byAccount.values()]
    .filter((a) => a.counts[0] + a.counts[1] > 0)
    .sort((x, y) => y.counts[0] - x.counts[0] || y.counts[1] - x.counts[1])
    .slice(0, limit);
}

/** The regions with the most findings first. @param {Tally} t @param {number} limit */
export function topRegions(t, limit) {
  return [...t.byRegion.values()].sort((x, y) => y.n - x.n).slice(0, limit);
}

/** The clouds that have findings, in the order of `order`. @param {Tally} t @param {readonly Provider[]} order */
export function providersPresent(t, order) {
  const present = new Set([...t.byAccount.values()].map((a) => a.provider));
  return order.filter((p) => present.has(p));
}

/** The accounts to offer in the filter: those of one cloud, or of all when `provider` is ''. @param {Tally} t @param {Provider | ''} provider */
export function accountsOf(t, provider) {
  return [...t.byAccount.values()].filter((a) => !provider || a.provider === provider);
}

/** Waived findings per severity: failures before waivers minus these is after. @param {Report} report @returns {Map<Severity, number>} */
export function waivedBySeverity(report) {
  const waived = new Map(SEVERITIES.map((sev) => [sev, 0]));
  for (let i = 0; i < report.n; i++) {
    if (report.isWaived(i)) {
      const sev = SEVERITIES[report.severity[i]];
      waived.set(sev, (waived.get(sev) ?? 0) + 1);
    }
  }
  return waived;
}
