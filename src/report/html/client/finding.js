// One finding in a dialog: its check, requirements and clauses, resource, evidence and
// remediation, and its waiver and history state.
import { badge, severityLabel } from './badges.js';
import { el, fill } from './dom.js';
import { evidenceValue, forceText } from './format.js';
import { historyPairs } from './history.js';
import { PROVIDER_LABEL, SEVERITIES, STATUSES, T } from './labels.js';
/** @import { Children } from './dom.js' */
/** @import { Page } from './types.js' */

/** The open finding drawn again (it is opened, or the language changed); nothing when none is open. @param {Page} page */
export function renderFinding(page) {
  const i = page.state.openIndex;
  if (i < 0) return;
  const { report, root } = page;
  const lang = page.state.lang;
  const L = T[lang];
  const f = report.finding(i);
  const c = report.check[i];
  const r = report.resource[i];
  const resource = report.resourceRow(r);
  const close = el('button', { type: 'button', class: 'close' }, L.close);
  close.addEventListener('click', () => root.dialog.close());
  /** @param {readonly [string, Children][]} pairs */
  const dl = (pairs) => el('dl', {}, ...pairs.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  const requirements = report.checkRow(c)[5].map((id) => {
    const requirement = report.requirementById.get(id);
    return el(
      'div',
      {},
      el('strong', {}, id),
      ' ',
      requirement ? requirement.title[lang] : '',
      el('div', { class: 'small' }, requirement ? `${forceText(requirement, L)} ${requirement.clause}` : ''),
    );
  });
  const provider = report.provider(r);
  const region = report.region(r);
  fill(
    root.dialog,
    el(
      'div',
      { class: 'head' },
      el(
        'div',
        {},
        el('h2', { id: 'finding-title' }, report.checkTitle(c, lang)),
        badge(STATUSES[report.status[i]], lang),
        ' ',
        severityLabel(SEVERITIES[report.severity[i]], lang),
      ),
      close,
    ),
    el(
      'div',
      { class: 'body' },
      el('p', { class: 'message' }, report.message(i, lang)),
      dl([
        [L.requirements, el('div', {}, ...requirements)],
        [L.checkId, el('code', {}, report.checkRow(c)[0])],
        [L.findingId, el('code', {}, f[0])],
        [L.provider, PROVIDER_LABEL[provider]],
        [L.account, report.account(r)],
        [L.region, `${region} (${L[report.regionClass(provider, region)]})`],
        [L.type, `${report.strings[resource[3]]} · ${report.strings[resource[4]]}`],
        [L.name, report.resourceName(r)],
        [L.resourceId, el('code', {}, report.resourceId(r))],
        [L.classification, String(resource[7])],
        [L.origin, el('code', {}, report.origin(r))],
        ...historyPairs(report, i, lang),
      ]),
      el('h3', {}, L.evidence),
      el(
        'table',
        { class: 'evidence' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', {}, L.path),
            el('th', {}, L.value),
            el('th', {}, L.source),
            el('th', {}, L.note),
          ),
        ),
        el(
          'tbody',
          {},
          ...report
            .evidence(i)
            .map((e) =>
              el(
                'tr',
                {},
                el('td', { class: 'mono' }, e.path),
                el('td', { class: 'mono' }, evidenceValue(e.value)),
                el('td', {}, L.sources[e.source] || e.source),
                el(
                  'td',
                  {},
                  e.note ? e.note[lang] : '',
                  e.resourceId ? el('div', { class: 'small' }, e.resourceId) : null,
                ),
              ),
            ),
        ),
      ),
      el('h3', {}, L.remediation),
      el('div', { class: 'remediation' }, report.remediation(c, lang)),
    ),
  );
}
