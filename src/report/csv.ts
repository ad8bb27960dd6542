import { FORCE_LABEL } from '../frameworks/force.ts';
import type { Lang } from '../model/localized.ts';
import type { FileEvidence, FileFinding, FindingsFile, FrameworkView } from './read-findings.ts';

/**
 * The CSV columns, in their order (docs/reports.md). The order is part of the format: a column
 * is only ever added at the end.
 */
export const CSV_COLUMNS = [
  'finding_id',
  'status',
  'severity',
  'framework',
  'requirement_ids',
  'clauses',
  'check_id',
  'title',
  'message',
  'provider',
  'account',
  'region',
  'resource_type',
  'native_type',
  'resource_id',
  'resource_name',
  'classification',
  'evidence',
  'remediation',
  'source_file',
  'source_position',
  'waiver_id',
  'waiver_approver',
  'waiver_expires',
  'history_state',
  'first_seen',
  'open_since',
  'forces',
] as const;

/** Excel and LibreOffice read a UTF-8 file as UTF-8 (not the ANSI code page) only with a BOM. */
const BOM = '\uFEFF';

/**
 * The findings as CSV for Excel: UTF-8 with a BOM, CRLF line ends (RFC 4180), one row per
 * finding, texts in `lang`. Yields the file in pieces of a few hundred rows.
 */
export function* renderCsv(file: FindingsFile, view: FrameworkView, lang: Lang): Generator<string> {
  yield `${BOM}${CSV_COLUMNS.join(',')}\r\n`;
  let chunk: string[] = [];
  for (const finding of file.findings) {
    chunk.push(csvRow(row(finding, view, lang)));
    if (chunk.length === 500) {
      yield chunk.join('');
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk.join('');
}

function row(f: FileFinding, view: FrameworkView, lang: Lang): Record<(typeof CSV_COLUMNS)[number], string> {
  const { requirements, clauses, forces } = view.requirementsOf(f);
  const { origin } = f.resource;
  return {
    finding_id: f.id,
    status: f.waiver ? 'WAIVED' : f.status,
    severity: f.severity,
    framework: `${view.id} ${view.version}`,
    requirement_ids: requirements.join(' '),
    clauses: clauses.join(' / '),
    check_id: f.checkId,
    title: f.title[lang],
    message: f.message[lang],
    provider: f.resource.provider,
    account: f.resource.account,
    region: f.resource.region,
    resource_type: f.resource.type,
    native_type: f.resource.nativeType,
    resource_id: f.resource.id,
    resource_name: f.resource.name,
    classification: String(f.resource.classification),
    evidence: f.evidence.map((e) => evidenceLine(e, lang)).join('\n'),
    remediation: f.remediation[lang],
    source_file: origin.file,
    source_position:
      origin.line !== undefined
        ? `line ${origin.line}`
        : origin.index !== undefined
          ? `index ${origin.index}`
          : '',
    waiver_id: f.waiver?.id ?? '',
    waiver_approver: f.waiver?.approver ?? '',
    waiver_expires: f.waiver?.expires ?? '',
    history_state: f.history?.state ?? '',
    first_seen: f.history?.firstSeen ?? '',
    open_since: f.history?.openedAt ?? '',
    forces: forces
      .map((force, i) => `${requirements[i]}:${force ? FORCE_LABEL[force][lang] : '?'}`)
      .join(' '),
  };
}

/**
 * `path = value (source: note) [resource]`, one line per deciding field; in Japanese the
 * provenance and its Japanese note in full-width brackets, `path = value（default: 指定なし: …）`.
 */
export function evidenceLine(e: FileEvidence, lang: Lang): string {
  const value = e.source === 'unknown' && e.value === undefined ? '?' : JSON.stringify(e.value ?? null);
  const note = e.note ? `: ${e.note[lang]}` : '';
  const on = e.resourceId ? ` [${e.resourceId}]` : '';
  const provenance = lang === 'ja' ? `（${e.source}${note}）` : ` (${e.source}${note})`;
  return `${e.path} = ${value}${provenance}${on}`;
}

function csvRow(record: Record<string, string>): string {
  return `${CSV_COLUMNS.map((c) => csvCell(record[c]!)).join(',')}\r\n`;
}

/**
 * One cell: neutralised against formula injection (a leading `=`, `+`, `-`, `@`, tab or CR
 * makes Excel evaluate the cell, so such a cell starts with `'`, which Excel shows as text),
 * then quoted when it holds a comma, quote or line break.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
