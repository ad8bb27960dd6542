// The status and severity marks of the tables and the dialog, coloured by their class.
import { el } from './dom.js';
import { SEVERITY_LABEL, STATUS_LABEL } from './labels.js';
/** @import { Lang, Severity, Status } from './types.js' */

/** A status badge (WAIVED for a waived finding, MANUAL for a requirement a person confirms). @param {Status | 'MANUAL' | 'WAIVED'} status @param {Lang} lang */
export function badge(status, lang) {
  return el('span', { class: `badge b-${status}` }, STATUS_LABEL[lang][status]);
}

/** A severity's word. @param {Severity} sev @param {Lang} lang */
export function severityLabel(sev, lang) {
  return el('span', { class: `sev sev-${sev}` }, SEVERITY_LABEL[lang][sev]);
}
