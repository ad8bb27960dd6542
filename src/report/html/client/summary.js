// The top of the page: the header (view, scan, language) and the summary (failures per severity,
// the verdict per requirement, the changes and waivers, the charts).
import { topAccounts, topRegions } from './aggregate.js';
import { badge } from './badges.js';
import { barChart, chartBox, legend, trendChart } from './charts.js';
import { el, fill } from './dom.js';
import { forceText, formatTime, orgParametersText } from './format.js';
import { changesBlock, waiversBlock } from './history.js';
import { PROVIDER_LABEL, SEVERITIES, SEVERITY_LABEL, STATUS_LABEL, STATUSES, T } from './labels.js';
/** @import { Bar } from './charts.js' */
/** @import { Lang, Page, Status } from './types.js' */

/** @param {Page} page */
export function renderHeader(page) {
  const { state, root } = page;
  const D = page.report.data;
  const L = T[state.lang];
  document.documentElement.lang = state.lang;
  document.title = `kansa — ${D.view.title[state.lang]}`;
  const langs = el(
    'div',
    { class: 'lang', role: 'group', 'aria-label': 'language' },
    .../** @type {const} */ (['ja', 'en']).map((lang) => {
      const b = el(
        'button',
        { type: 'button', 'data-lang': lang, 'aria-pressed': String(lang === state.lang) },
        lang === 'ja' ? '日本語' : 'English',
      );
      b.addEventListener('click', () => page.setLang(lang));
      return b;
    }),
  );
  const view = `${D.view.title[state.lang]} (${D.view.id} ${D.view.version})`;
  const fw = D.scan.framework;
  fill(
    root.header,
    el('h1', {}, `kansa ${L.title} — ${view}`),
    el(
      'nav',
      {},
      el('a', { href: '#summary' }, L.navSummary),
      el('a', { href: '#findings' }, L.navFindings),
      el('a', { href: '#coverage' }, L.navCoverage),
    ),
    langs,
    el(
      'div',
      { class: 'meta' },
      L.scanned(formatTime(D.scan.finishedAt, state.lang), D.scan.tool.version),
      ` · ${L.inputs}: ${D.scan.inputs.join(', ')}`,
      fw.id !== D.view.id
        ? el('div', {}, L.viewOf(view, `${fw.title[state.lang]} (${fw.id} ${fw.version})`))
        : null,
    ),
  );
}

/** @param {Page} page */
export function renderSummary(page) {
  const lang = page.state.lang;
  const D = page.report.data;
  const L = T[lang];
  const counts = D.summary.byStatus;
  const cards = el(
    'div',
    { class: 'cards' },
    ...SEVERITIES.map((sev) =>
      el(
        'div',
        { class: `card ${sev}` },
        el('div', { class: 'n' }, D.summary.failedBySeverity[sev]),
        el('div', { class: 'l' }, L.failedSeverity(SEVERITY_LABEL[lang][sev])),
      ),
    ),
    el(
      'div',
      { class: 'card' },
      el('div', { class: 'n' }, D.summary.findings),
      el('div', { class: 'l' }, STATUSES.map((s) => `${STATUS_LABEL[lang][s]} ${counts[s]}`).join(' / ')),
    ),
  );
  const verdicts = el(
    'table',
    { id: 'verdicts' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, L.requirement),
        el('th', { scope: 'col' }, L.verdict),
        el('th', { scope: 'col', class: 'num' }, L.counts),
        el('th', { scope: 'col' }, L.clause),
      ),
    ),
    el(
      'tbody',
      {},
      ...D.requirements.map((r) => {
        const parameters = orgParametersText(r, L);
        return el(
          'tr',
          {},
          el(
            'td',
            {},
            el('strong', {}, r.id),
            ' ',
            r.title[lang],
            r.note ? el('div', { class: 'small' }, r.note[lang]) : '',
          ),
          el('td', {}, badge(r.status, lang)),
          el('td', { class: 'num mono' }, STATUSES.map((s) => r.counts[s]).join(' / ')),
          el(
            'td',
            { class: 'small' },
            forceText(r, L),
            ' ',
            r.clause,
            parameters ? el('div', {}, parameters) : '',
          ),
        );
      }),
    ),
  );
  /** @param {readonly Status[]} statuses */
  const statusLegend = (statuses) => legend(statuses.map((s) => [s, STATUS_LABEL[lang][s]]));
  const totals = page.tally.regionTotals;
  fill(
    page.root.summary,
    el('h2', {}, L.verdicts),
    D.scan.partial ? el('div', { class: 'warn' }, L.partial) : null,
    cards,
    changesBlock(page),
    waiversBlock(page),
    verdicts,
    el('h2', { class: 'charts-title' }, L.charts),
    el(
      'div',
      { class: 'charts' },
      chartBox(
        L.byRequirement,
        barChart(requirementBars(page), L.noneItems),
        statusLegend(['FAIL', 'UNKNOWN', 'PASS']),
      ),
      chartBox(L.byAccount, barChart(accountBars(page), L.noneItems), statusLegend(['FAIL', 'UNKNOWN'])),
      chartBox(
        L.byRegion,
        barChart(regionBars(page), L.noneItems),
        legend(
          /** @type {const} */ (['domestic', 'abroad', 'global']).map((k) => [k, L[k]]),
          el('div', {}, L.regionSummary(totals.domestic, totals.abroad)),
        ),
      ),
      chartBox(
        L.trend,
        trendChart(
          D.history,
          L.noTrend,
          (p, s) => `${formatTime(p.at, lang)}: ${STATUS_LABEL[lang][s]} ${p.byStatus[s]}`,
        ),
        statusLegend(['FAIL', 'UNKNOWN']),
      ),
    ),
  );
}

/** Per requirement that has findings, its FAIL, UNKNOWN and PASS; a click shows its findings. @param {Page} page @returns {Bar[]} */
export function requirementBars(page) {
  const lang = page.state.lang;
  return page.report.data.requirements
    .filter((r) => r.counts.FAIL + r.counts.UNKNOWN + r.counts.PASS > 0)
    .map((r) => ({
      label: r.id,
      title: `${r.id} ${r.title[lang]}: ${STATUSES.map((s) => `${STATUS_LABEL[lang][s]} ${r.counts[s]}`).join(', ')}`,
      segments: /** @type {const} */ (['FAIL', 'UNKNOWN', 'PASS']).map((s) => ({
        value: r.counts[s],
        cls: s,
      })),
      onClick: () => page.applyFilter({ requirement: r.id, status: '' }),
    }));
}

/** The 15 accounts with the most failures; a click shows their failures. @param {Page} page @returns {Bar[]} */
export function accountBars(page) {
  const words = STATUS_LABEL[page.state.lang];
  return topAccounts(page.tally, 15).map((a) => ({
    label: `${PROVIDER_LABEL[a.provider]} ${a.account}`,
    title: `${PROVIDER_LABEL[a.provider]} ${a.account}: ${words.FAIL} ${a.counts[0]}, ${words.UNKNOWN} ${a.counts[1]}`,
    segments: [
      { value: a.counts[0], cls: 'FAIL' },
      { value: a.counts[1], cls: 'UNKNOWN' },
    ],
    onClick: () => page.applyFilter({ provider: a.provider, account: a.account, status: 'FAIL' }),
  }));
}

/** The 20 regions with the most findings, each as Japan, abroad or global. @param {Page} page @returns {Bar[]} */
export function regionBars(page) {
  const L = T[page.state.lang];
  const fail = STATUS_LABEL[page.state.lang].FAIL;
  return topRegions(page.tally, 20).map((g) => ({
    label: `${PROVIDER_LABEL[g.provider]} ${g.region} (${L[g.cls]})`,
    title: `${PROVIDER_LABEL[g.provider]} ${g.region} (${L[g.cls]}): ${g.n} (${fail} ${g.fail})`,
    segments: [{ value: g.n, cls: g.cls }],
  }));
}
