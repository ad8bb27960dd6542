// What the scan read and could not judge: requirements a person confirms, checks the export
// had no data for, the files and live scopes read, resources per type.
import { el, fill } from './dom.js';
import { skippedText } from './format.js';
import { PROVIDER_LABEL, T } from './labels.js';

/** @import { Children } from './dom.js' */
/** @import { Page } from './types.js' */

/**
 * A table; the columns whose index is in `numeric` align right.
 * @param {readonly string[]} head @param {readonly (readonly Children[])[]} rows @param {readonly number[]} [numeric]
 */
function table(head, rows, numeric = []) {
  return el(
    'table',
    {},
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...head.map((h, k) => el('th', { scope: 'col', class: numeric.includes(k) ? 'num' : null }, h)),
      ),
    ),
    el(
      'tbody',
      {},
      ...rows.map((cells) =>
        el('tr', {}, ...cells.map((v, k) => el('td', { class: numeric.includes(k) ? 'num' : null }, v))),
      ),
    ),
  );
}

/** @param {Page} page */
export function renderCoverage(page) {
  const lang = page.state.lang;
  const L = T[lang];
  const D = page.report.data;
  const cov = D.coverage;
  const files = table(
    [L.files, L.format, L.resources, L.skipped, L.error],
    cov.files.map((f) => [
      el('code', {}, f.path),
      f.format || '',
      String(f.resources),
      f.skippedCount === 0
        ? '0'
        : el(
            'details',
            {},
            el('summary', {}, String(f.skippedCount)),
            el('ul', {}, ...f.skipped.map((s) => el('li', { class: 'small' }, skippedText(s, lang)))),
          ),
      (lang === 'ja' ? f.errorJa : undefined) ?? f.error ?? '',
    ]),
    [2],
  );
  const manual = D.requirements.flatMap((r) =>
    r.manual.map((m) => [el('strong', {}, r.id), PROVIDER_LABEL[m.provider], m.text[lang]]),
  );
  fill(
    page.root.coverage,
    el('h2', {}, L.coverage),
    el('h3', {}, L.manual),
    manual.length ? table([L.requirement, L.cloud, ''], manual) : el('p', {}, L.noneItems),
    el('h3', {}, L.notEvaluated),
    cov.notEvaluated.length
      ? table(
          [L.check, L.resources],
          cov.notEvaluated.map((n) => [el('code', {}, n.checkId), String(n.resources)]),
          [1],
        )
      : el('p', {}, L.noneItems),
    el('h3', {}, L.files),
    files,
    cov.scopes.length
      ? [
          el('h3', {}, L.scopes),
          table(
            [L.cloud, L.scopes, L.resources, L.requests, L.error],
            cov.scopes.map((s) => [
              PROVIDER_LABEL[s.provider],
              (lang === 'ja' ? s.scopeJa : undefined) ?? s.scope,
              String(s.resources),
              String(s.requests),
              (lang === 'ja' ? s.errorJa : undefined) ?? s.error ?? '',
            ]),
            [2, 3],
          ),
        ]
      : null,
    el('h3', {}, L.byType),
    table(
      [L.cloud, L.type, L.nativeType, L.count],
      cov.resourcesByType.map((r) => [PROVIDER_LABEL[r.provider], r.type, r.nativeType, String(r.count)]),
      [3],
    ),
  );
}
