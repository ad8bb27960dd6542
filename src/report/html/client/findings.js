// The findings table: its filters, sortable headings, a page of rows and the pager. The rows are
// chosen and ordered by filter.js; this module only draws them.
import { accountsOf, providersPresent } from './aggregate.js';
import { badge, severityLabel } from './badges.js';
import { el, fill } from './dom.js';
import { changeFilter, filterRows, nextSort } from './filter.js';
import { stateText } from './history.js';
import {
  PROVIDER_LABEL,
  PROVIDERS,
  SEVERITIES,
  SEVERITY_LABEL,
  STATUS_LABEL,
  STATUSES,
  T,
} from './labels.js';
/** @import { Filter, Lang, Page, Severity, SortKey } from './types.js' */

/** Rows per page: a page of 100 draws at once, whatever the number of findings. */
export const PAGE_SIZE = 100;

/** The filter's change applied: the table redrawn from its first page. @param {Page} page @param {Partial<Filter>} change */
export function applyFilter(page, change) {
  page.state.filter = changeFilter(page.state.filter, change);
  page.state.page = 0;
  renderFindingsSection(page);
  if (change.requirement !== undefined || change.account !== undefined) page.root.findings.scrollIntoView();
}

/** @param {Page} page */
export function renderFindingsSection(page) {
  const { state, tally } = page;
  const lang = state.lang;
  const L = T[lang];
  const f = state.filter;
  /** @param {keyof Filter} name @param {string} label @param {readonly [string, string][]} options */
  const select = (name, label, options) => {
    const s = el(
      'select',
      { name, 'data-filter': name },
      el('option', { value: '' }, L.all),
      ...options.map(([value, text]) => el('option', { value }, text)),
    );
    s.value = f[name];
    s.addEventListener('change', () => page.applyFilter({ [name]: s.value }));
    return el('label', {}, label, s);
  };
  const text = el('input', { type: 'search', name: 'text', placeholder: L.textPlaceholder });
  text.value = f.text;
  let timer = 0;
  text.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => page.applyFilter({ text: text.value }), 150);
  });
  /** @param {SortKey} key @param {string} label */
  const sortable = (key, label) => {
    const b = el('button', { type: 'button', 'data-sort': key, title: L.sort }, label);
    b.addEventListener('click', () => {
      state.sort = nextSort(state.sort, key);
      refresh(page);
    });
    return el('th', { scope: 'col' }, b);
  };
  fill(
    page.root.findings,
    el('h2', {}, L.findings),
    el(
      'div',
      { class: 'filters' },
      select(
        'provider',
        L.cloud,
        providersPresent(tally, PROVIDERS).map((p) => [p, PROVIDER_LABEL[p]]),
      ),
      select(
        'account',
        L.account,
        accountsOf(tally, f.provider).map((a) => [a.account, `${PROVIDER_LABEL[a.provider]} ${a.account}`]),
      ),
      select(
        'requirement',
        L.requirement,
        page.report.data.requirements.map((r) => [r.id, `${r.id} ${r.title[lang]}`]),
      ),
      select(
        'severity',
        L.severity,
        SEVERITIES.map((s) => [s, SEVERITY_LABEL[lang][s]]),
      ),
      select(
        'status',
        L.status,
        STATUSES.map((s) => [s, STATUS_LABEL[lang][s]]),
      ),
      el('label', {}, L.text, text),
    ),
    el('div', { id: 'count', class: 'small', 'aria-live': 'polite' }),
    el(
      'table',
      { id: 'table' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          sortable('status', L.status),
          sortable('severity', L.severity),
          sortable('requirement', L.requirement),
          sortable('check', L.check),
          sortable('resource', L.resource),
          sortable('account', L.account),
          sortable('region', L.region),
          el('th', { scope: 'col' }, L.message),
        ),
      ),
      el('tbody', { id: 'rows' }),
    ),
    el('div', { class: 'pager' }),
  );
  refresh(page);
}

/** The rows chosen again (filter or order changed), and the current page drawn. @param {Page} page */
function refresh(page) {
  const { state } = page;
  state.rows = filterRows(page.report, page.search, state.filter, state.sort, state.lang);
  renderPage(page);
}

/** One page of rows, the count and the pager. @param {Page} page */
function renderPage(page) {
  const { state, report } = page;
  const lang = state.lang;
  const L = T[lang];
  const rows = state.rows;
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  state.page = Math.min(state.page, pages - 1);
  const start = state.page * PAGE_SIZE;
  const body = /** @type {HTMLElement} */ (document.getElementById('rows'));
  const trs = [];
  for (let k = start; k < Math.min(rows.length, start + PAGE_SIZE); k++) {
    const i = rows[k];
    const c = report.check[i];
    const r = report.resource[i];
    const historyState = report.historyState(i);
    trs.push(
      el(
        'tr',
        { tabindex: '0', 'data-index': String(i), 'data-id': report.finding(i)[0] },
        el(
          'td',
          {},
          badge(report.isWaived(i) ? 'WAIVED' : STATUSES[report.status[i]], lang),
          historyState ? el('div', { class: 'small' }, stateText(historyState, lang)) : null,
        ),
        el('td', {}, severityLabel(SEVERITIES[report.severity[i]], lang)),
        el('td', { class: 'mono nowrap' }, report.checkRow(c)[5].join(' ')),
        el('td', {}, report.checkTitle(c, lang), el('div', { class: 'small' }, report.checkRow(c)[0])),
        el('td', {}, report.resourceName(r), el('div', { class: 'small' }, report.resourceId(r))),
        el(
          'td',
          {},
          `${PROVIDER_LABEL[report.provider(r)]} `,
          el('span', { class: 'small' }, report.account(r)),
        ),
        el('td', {}, report.region(r)),
        el('td', {}, report.message(i, lang)),
      ),
    );
  }
  body.replaceChildren(...trs);
  if (trs.length === 0) body.append(el('tr', {}, el('td', { colspan: '8' }, L.none)));
  /** @type {HTMLElement} */ (document.getElementById('count')).textContent = L.shown(rows.length, report.n);
  const prev = el('button', { type: 'button', 'data-page': 'prev' }, L.prev);
  const next = el('button', { type: 'button', 'data-page': 'next' }, L.next);
  prev.disabled = state.page === 0;
  next.disabled = state.page >= pages - 1;
  prev.addEventListener('click', () => {
    state.page--;
    renderPage(page);
  });
  next.addEventListener('click', () => {
    state.page++;
    renderPage(page);
  });
  /** @type {HTMLElement} */ (page.root.findings.querySelector('.pager')).replaceChildren(
    prev,
    el('span', {}, L.page(state.page + 1, pages)),
    next,
  );
}

/** One listener for every row: a click, or Enter on a focused row, opens the finding. @param {Page} page */
export function listenToRows(page) {
  /** @param {Event} e */
  const rowOf = (e) =>
    e.target instanceof Element
      ? /** @type {HTMLElement | null} */ (e.target.closest('#rows tr[data-index]'))
      : null;
  page.root.findings.addEventListener('click', (e) => {
    const tr = rowOf(e);
    if (tr) page.openFinding(Number(tr.dataset.index));
  });
  page.root.findings.addEventListener('keydown', (e) => {
    const tr = e.key === 'Enter' ? rowOf(e) : null;
    if (tr) page.openFinding(Number(tr.dataset.index));
  });
}
