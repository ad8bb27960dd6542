// What the history store and the waivers add to the page (kansa scan with --store, --waivers):
// the changes since the previous scan, failures before and after waivers, and a finding's
// waiver and state.
import { waivedBySeverity } from './aggregate.js';
import { el } from './dom.js';
import { formatTime } from './format.js';
import { HISTORY, SEVERITIES, SEVERITY_LABEL } from './labels.js';

/** @import { Report } from './data.js' */
/** @import { Lang, Page, ReportData } from './types.js' */

/** The changes the summary lists, in this order; a state with no finding is left out. */
const CHANGES_SHOWN = ['new', 'reopened', 'resolved', 'changed-severity', 'changed-evidence', 'open'];

/** The counted changes to show: [state, count] in the order of CHANGES_SHOWN. @param {NonNullable<ReportData['changes']>} changes @returns {[string, number][]} */
export function changeCounts(changes) {
  return CHANGES_SHOWN.map((c) => /** @type {[string, number]} */ ([c, changes.counts[c] || 0])).filter(
    ([, n]) => n > 0,
  );
}

/** "3 new since 2026-11-30": what the history store saw change since the previous scan. @param {Page} page */
export function changesBlock(page) {
  const D = page.report.data;
  if (!D.changes) return null;
  const lang = page.state.lang;
  const H = HISTORY[lang];
  const items = changeCounts(D.changes).map(([c, n]) =>
    el('li', { 'data-change': c }, `${H.states[c]}: ${n}`),
  );
  return el(
    'div',
    { id: 'changes' },
    el('h3', {}, D.changes.previous ? H.since(formatTime(D.changes.previous.finishedAt, lang)) : H.first),
    items.length ? el('ul', {}, ...items) : null,
  );
}

/** Per severity, "failures before → after waivers". @param {Report} report @returns {string[]} */
export function beforeAfterWaivers(report) {
  const waived = waivedBySeverity(report);
  return SEVERITIES.map((sev) => {
    const before = report.data.summary.failedBySeverity[sev];
    return `${before} → ${before - (waived.get(sev) ?? 0)}`;
  });
}

/** Failures before and after waivers, side by side, and what became of each waiver. @param {Page} page */
export function waiversBlock(page) {
  const D = page.report.data;
  if (!D.waivers) return null;
  const lang = page.state.lang;
  const H = HISTORY[lang];
  /** @param {readonly string[]} cells @param {'th' | 'td'} tag */
  const row = (cells, tag) => el('tr', {}, ...cells.map((c) => el(tag, {}, c)));
  return el(
    'div',
    { id: 'waivers' },
    el('h3', {}, H.waivers),
    el(
      'table',
      { class: 'before-after' },
      el('caption', {}, H.beforeAfter),
      el(
        'thead',
        {},
        row(
          SEVERITIES.map((sev) => SEVERITY_LABEL[lang][sev]),
          'th',
        ),
      ),
      el('tbody', {}, row(beforeAfterWaivers(page.report), 'td')),
    ),
    el(
      'ul',
      {},
      ...D.waivers.map((w) =>
        el(
          'li',
          { 'data-waiver-state': w.state },
          el('strong', {}, w.id),
          ` ${H.waiverStates[w.state]} · ${H.matched} ${w.matched} · ${H.expires} ${w.expires} · `,
          el('code', {}, w.at),
        ),
      ),
    ),
  );
}

/** A history state in words; a state this page does not know shows as itself. @param {string} state @param {Lang} lang */
export function stateText(state, lang) {
  return HISTORY[lang].states[state] || state;
}

/** The finding's waiver, history state and since when it is open, for its dialog. @param {Report} report @param {number} i @param {Lang} lang @returns {[string, string][]} */
export function historyPairs(report, i, lang) {
  const H = HISTORY[lang];
  /** @type {[string, string][]} */
  const pairs = [];
  const waiver = report.waiver(i);
  if (waiver) {
    pairs.push([
      H.waiver,
      `${waiver.id}: ${waiver.reason} (${waiver.approver}, ${waiver.approved} → ${waiver.expires})`,
    ]);
  }
  const state = report.historyState(i);
  if (state) pairs.push([H.state, stateText(state, lang)]);
  const openedAt = report.finding(i)[10];
  if (openedAt) pairs.push([H.openSince, formatTime(openedAt, lang)]);
  return pairs;
}
