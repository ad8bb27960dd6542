// The findings table's rows: which findings the filter keeps, and in which order. Rows are
// finding indexes in a Uint32Array; nothing here touches the page.
import { PROVIDERS, SEVERITIES, STATUSES } from './labels.js';
/** @import { Report } from './data.js' */
/** @import { Filter, Lang, Sort, SortKey } from './types.js' */

/** The filter with nothing chosen. @returns {Filter} */
export function emptyFilter() {
  return { provider: '', account: '', requirement: '', severity: '', status: '', text: '' };
}

/**
 * The filter after a change: choosing another cloud clears the account (an account belongs to
 * one cloud) unless the change names the account too.
 * @param {Filter} filter @param {Partial<Filter>} change @returns {Filter}
 */
export function changeFilter(filter, change) {
  const next = { ...filter, ...change };
  if (change.provider !== undefined && change.account === undefined) next.account = '';
  return next;
}

/**
 * The text search: per finding, its ids, check, message, resource, account, region and
 * requirements in the page's language, lower-cased; built on the first search in a language.
 */
export class Search {
  /** @param {Report} report */
  constructor(report) {
    this.report = report;
    /** @type {string[] | null} */
    this.haystack = null;
    /** @type {Lang | ''} */
    this.lang = '';
  }

  /** @param {Lang} lang @returns {string[]} */
  haystackIn(lang) {
    if (this.haystack && this.lang === lang) return this.haystack;
    const report = this.report;
    const S = report.strings;
    const ja = lang === 'ja';
    const haystack = new Array(report.n);
    for (let i = 0; i < report.n; i++) {
      const f = report.finding(i);
      const r = report.resourceRow(report.resource[i]);
      const c = report.checkRow(report.check[i]);
      haystack[i] = [
        f[0],
        c[0],
        S[c[ja ? 1 : 2]],
        S[f[ja ? 5 : 6]],
        r[5],
        r[6] === 0 ? '' : r[6],
        S[r[1]],
        S[r[2]],
        c[5].join(' '),
      ]
        .join('\u0000')
        .toLowerCase();
    }
    this.haystack = haystack;
    this.lang = lang;
    return haystack;
  }
}

/**
 * The findings the filter keeps, sorted.
 * @param {Report} report @param {Search} search @param {Filter} f @param {Sort} sort @param {Lang} lang
 */
export function filterRows(report, search, f, sort, lang) {
  const provider = f.provider ? PROVIDERS.indexOf(f.provider) : -1;
  const status = f.status ? STATUSES.indexOf(f.status) : -1;
  const sev = f.severity ? SEVERITIES.indexOf(f.severity) : -1;
  const checks = report.data.checks;
  const checkOk = new Uint8Array(checks.length).fill(1);
  if (f.requirement) {
    for (let c = 0; c < checks.length; c++) checkOk[c] = checks[c][5].includes(f.requirement) ? 1 : 0;
  }
  const account = f.account ? report.strings.indexOf(f.account) : -1;
  const needle = f.text.trim().toLowerCase();
  const hay = needle ? search.haystackIn(lang) : null;
  const out = new Uint32Array(report.n);
  let n = 0;
  for (let i = 0; i < report.n; i++) {
    if (status >= 0 && report.status[i] !== status) continue;
    if (sev >= 0 && report.severity[i] !== sev) continue;
    if (!checkOk[report.check[i]]) continue;
    const r = report.resourceRow(report.resource[i]);
    if (provider >= 0 && r[0] !== provider) continue;
    if (f.account && r[1] !== account) continue;
    if (hay && !hay[i].includes(needle)) continue;
    out[n++] = i;
  }
  return sortRows(report, out.subarray(0, n), sort, lang);
}

/**
 * Rows in the table's order. The default, FAIL first and most severe first, is a bucket sort,
 * linear in the number of rows; a column's order is stable (ties keep the finding order).
 * @param {Report} report @param {Uint32Array} rows @param {Sort} sort @param {Lang} lang @returns {Uint32Array}
 */
export function sortRows(report, rows, { key, desc }, lang) {
  if (key === 'default') {
    /** @type {number[][]} */
    const buckets = Array.from({ length: STATUSES.length * SEVERITIES.length }, () => []);
    for (const i of rows) buckets[report.status[i] * SEVERITIES.length + report.severity[i]].push(i);
    return Uint32Array.from(buckets.flat());
  }
  const keyOf = sortKey(report, key, lang);
  /** @type {Map<number, string | number>} */
  const keys = new Map();
  for (const i of rows) keys.set(i, keyOf(i));
  const sorted = Array.from(rows).sort((a, b) => {
    const x = /** @type {string | number} */ (keys.get(a));
    const y = /** @type {string | number} */ (keys.get(b));
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : x < y ? -1 : x > y ? 1 : 0;
    return c || a - b;
  });
  if (desc) sorted.reverse();
  return Uint32Array.from(sorted);
}

/**
 * A column's sort key of a finding. Status sorts by severity within a status; severity, most
 * severe first when descending, by status within a severity.
 * @param {Report} report @param {Exclude<SortKey, 'default'>} key @param {Lang} lang
 * @returns {(i: number) => string | number}
 */
function sortKey(report, key, lang) {
  switch (key) {
    case 'status':
      return (i) => report.status[i] * 10 + report.severity[i];
    case 'severity':
      return (i) => (SEVERITIES.length - report.severity[i]) * 10 + (3 - report.status[i]);
    case 'requirement':
      return (i) => report.checkRow(report.check[i])[5].join(' ');
    case 'check':
      return (i) => report.checkTitle(report.check[i], lang);
    case 'resource':
      return (i) => report.resourceName(report.resource[i]);
    case 'account':
      return (i) => `${report.provider(report.resource[i])} ${report.account(report.resource[i])}`;
    case 'region':
      return (i) => report.region(report.resource[i]);
  }
}

/** A column's sort after a click on its heading: the same column turns over; severity starts most severe first. @param {Sort} sort @param {SortKey} key @returns {Sort} */
export function nextSort(sort, key) {
  return { key, desc: sort.key === key ? !sort.desc : key === 'severity' };
}
