// Texts the page composes from the data: times, a requirement's force and parameters, positions
// in an input file, evidence values, chart labels. Strings only; the page puts them in text nodes.
/** @import { Labels } from './labels.js' */
/** @import { Lang, Requirement, SkippedRecord } from './types.js' */

/** A time in the reader's locale for the page's language; the text as given when it is not a time. @param {string} iso @param {Lang} lang */
export function formatTime(iso, lang) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB');
}

/** The requirement's force as the clause words it ([必須], [望ましい] …); '' for files written before requirements carried it. @param {Requirement} r @param {Labels} L */
export function forceText(r, L) {
  return r.force ? `[${L.force[r.force]}]` : '';
}

/** The organisation's parameters of a requirement ("name = value, …"); '' when it has none. @param {Requirement} r @param {Labels} L */
export function orgParametersText(r, L) {
  return r.orgParameters && r.orgParameters.length > 0
    ? `${L.orgParameters}: ${r.orgParameters.map((p) => `${p.name} = ${JSON.stringify(p.value)}`).join(', ')}`
    : '';
}

/** A skipped record and why: its line (`L12`) or record index (`#3`) in the input, then the reason (in the page's language). @param {SkippedRecord} s @param {Lang} [lang] */
export function skippedText(s, lang = 'en') {
  const at = s.line !== undefined ? `L${s.line}` : s.index !== undefined ? `#${s.index}` : '';
  return `${at} ${lang === 'ja' ? (s.reasonJa ?? s.reason) : s.reason}`;
}

/** An evidence value as JSON; '—' when the export has none. @param {unknown} value */
export function evidenceValue(value) {
  return value === undefined ? '—' : JSON.stringify(value);
}

/** A chart label cut to fit beside its bar (the whole label stays in the tooltip). @param {string} label */
export function chartLabel(label) {
  return label.length > 34 ? `${label.slice(0, 33)}…` : label;
}
