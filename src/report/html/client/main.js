// The kansa HTML report's page script: src/report/html/index.ts joins these modules into one
// inline script (allowed by its hash in the page's Content-Security-Policy), and this module,
// the last, starts it. It reads the embedded data, lays out the page and draws it.
import { tally } from './aggregate.js';
import { renderCoverage } from './coverage.js';
import { decodeReport, joinParts } from './data.js';
import { el } from './dom.js';
import { emptyFilter, Search } from './filter.js';
import { renderFinding } from './finding.js';
import { applyFilter, listenToRows, renderFindingsSection } from './findings.js';
import { renderHeader, renderSummary } from './summary.js';

/** @import { Page, ReportData } from './types.js' */

const dataNode = /** @type {HTMLElement} */ (document.getElementById('kansa-data'));
/** @type {ReportData} */
const data = joinParts(JSON.parse(dataNode.textContent || ''));
const report = decodeReport(data);

const root = {
  header: el('header'),
  summary: el('section', { id: 'summary' }),
  findings: el('section', { id: 'findings' }),
  coverage: el('section', { id: 'coverage' }),
  dialog: el('dialog', { id: 'finding', 'aria-labelledby': 'finding-title' }),
};
document.body.append(root.header, el('main', {}, root.summary, root.findings, root.coverage), root.dialog);
root.dialog.addEventListener('click', (e) => {
  if (e.target === root.dialog) root.dialog.close();
});

/** @type {Page} */
const page = {
  report,
  tally: tally(report),
  search: new Search(report),
  state: {
    lang: data.lang === 'ja' ? 'ja' : 'en',
    filter: emptyFilter(),
    sort: { key: 'default', desc: false },
    page: 0,
    rows: new Uint32Array(0),
    openIndex: -1,
  },
  root,
  applyFilter: (change) => applyFilter(page, change),
  openFinding: (i) => {
    page.state.openIndex = i;
    renderFinding(page);
    if (!root.dialog.open) root.dialog.showModal();
  },
  setLang: (lang) => {
    page.state.lang = lang;
    renderAll();
  },
};

function renderAll() {
  renderHeader(page);
  renderSummary(page);
  renderFindingsSection(page);
  renderCoverage(page);
  if (root.dialog.open) renderFinding(page);
}

listenToRows(page);
renderAll();
document.body.dataset.ready = '1';
