import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CheckStatus, Severity } from '../../checks/check.ts';
import type { Lang } from '../../model/localized.ts';
import { PROVIDERS } from '../../model/resource.ts';
import { localizeProblem } from '../problem-text.ts';
import type { FindingsFile, FrameworkView } from '../read-findings.ts';
import { requirementNote } from '../requirement-note.ts';
import type { CheckRow, FindingRow, ReportData, ResourceRow } from './client/types.js';
import { clientScript } from './client-script.ts';

/** One earlier scan for the trend chart (`kansa report --history old.json …`). */
export interface HistoryPoint {
  readonly finishedAt: string;
  readonly byStatus: Readonly<Record<CheckStatus, number>>;
  readonly failedBySeverity: Readonly<Record<Severity, number>>;
}

export const STATUSES: readonly CheckStatus[] = ['FAIL', 'UNKNOWN', 'PASS', 'NOT_APPLICABLE'];
export const SEVERITIES_DESC: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Skipped-record reasons kept per input file: the coverage section shows the first few and the count. */
const SKIPPED_SHOWN = 20;

// The page's script and style, read once; both are static and allowed by their hashes in the CSP.
const CLIENT = clientScript(new URL('./client/', import.meta.url));
const STYLE = readFileSync(new URL('./style.css', import.meta.url), 'utf8');

/**
 * The HTML report: one self-contained file (no network: a strict Content-Security-Policy
 * allows only its own script and style, by hash) that opens from a file share or an e-mail.
 * The findings travel as compact JSON inside `<script type="application/json">` (every `<`
 * escaped, so no `</script>` in a resource name can end it) and the page renders them with
 * textContent only: names, tags and evidence are attacker-controlled strings. The page is
 * written as the findings are read, so the report of a large file is never held whole.
 */
export function* renderHtml(args: {
  file: FindingsFile;
  view: FrameworkView;
  lang: Lang;
  history?: readonly HistoryPoint[];
}): Generator<string> {
  const csp = [
    "default-src 'none'",
    `script-src '${sha256(CLIENT)}'`,
    `style-src '${sha256(STYLE)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  yield [
    `<!DOCTYPE html>\n<html lang="${args.lang}">\n<head>\n<meta charset="utf-8">\n`,
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    '<meta name="referrer" content="no-referrer">\n',
    `<title>kansa</title>\n<style>${STYLE}</style>\n</head>\n<body>\n`,
    '<noscript>This report needs JavaScript (no network access is made). / このレポートの表示には JavaScript が必要です（通信は行いません）。</noscript>\n',
    '<script type="application/json" id="kansa-data">',
  ].join('');
  yield* compactData(args.file, args.view, args.lang, args.history ?? []);
  yield `</script>\n<script>${CLIENT}</script>\n</body>\n</html>\n`;
}

/** The CSP source for an inline element: its SHA-256, base64. */
function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/**
 * JSON safe inside a script element: `<` (so neither `</script>` nor `<!--` occurs), `>`, `&`
 * and the two JavaScript line terminators are written as \u escapes, which JSON.parse reads back.
 */
export function embedJson(value: unknown): string {
  return escapeForScript(JSON.stringify(value));
}

function escapeForScript(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `"name":[…]` with the items serialized a chunk at a time. */
function* jsonArray(name: string, items: readonly unknown[]): Generator<string> {
  yield `,${JSON.stringify(name)}:[`;
  for (let i = 0; i < items.length; i += CHUNK) {
    const part = JSON.stringify(items.slice(i, i + CHUNK)).slice(1, -1);
    yield escapeForScript(i === 0 ? part : `,${part}`);
  }
  yield ']';
}

const CHUNK = 2000;
/** Most strings and resources whose indexes the writer remembers (see compactData). */
const MAX_REMEMBERED = 100_000;

/**
 * The findings in the page's compact form, so 100,000 findings stay a few tens of MB instead
 * of hundreds: what repeats (check texts, messages, evidence, accounts, regions, files) is
 * kept once in a string table and referred to by index; a finding is a flat tuple
 * `[id, check, status, severity, resource, messageJa, messageEn, evidence, waiver, historyState,
 * openedAt]` (waiver and state as string indexes, -1 when absent). The findings are written in
 * parts, each with the strings and resources first referred to in it (the page joins the parts
 * into one table of each), so nothing grows with the file but the checks table: the report of
 * a million-resource scan is written in bounded memory. Then come the checks and the scan's
 * outcome (a view's verdicts are counted as the findings are read).
 */
function* compactData(
  file: FindingsFile,
  view: FrameworkView,
  lang: Lang,
  history: readonly HistoryPoint[],
): Generator<string> {
  // Indexes of the strings and resources written so far. Bounded: past MAX_REMEMBERED, they
  // are forgotten, and a string seen again is written again under a new index (a resource's
  // findings come together, and most strings that repeat are seen again soon).
  let stringIndex = new Map<string, number>();
  let stringCount = 0;
  let newStrings: string[] = [];
  const str = (s: string): number => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      if (stringIndex.size >= MAX_REMEMBERED) stringIndex = new Map();
      i = stringCount++;
      newStrings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };

  const checks: CheckRow[] = [];
  const checkIndex = new Map<string, number>();
  let resourceIndex = new Map<string, number>();
  let resourceCount = 0;
  let newResources: ResourceRow[] = [];

  yield `{"v":2,"lang":${JSON.stringify(lang)},"parts":[`;
  let rows: string[] = [];
  let parts = 0;
  const part = () => {
    const text = `${parts++ === 0 ? '' : ','}{"strings":${JSON.stringify(newStrings)},"resources":${JSON.stringify(newResources)},"findings":[${rows.join(',')}]}`;
    newStrings = [];
    newResources = [];
    rows = [];
    return escapeForScript(text);
  };
  for (const f of file.findings) {
    const { requirements, clauses } = view.requirementsOf(f);
    const checkKey = `${f.checkId}\0${requirements.join(' ')}\0${f.title.en}`;
    let c = checkIndex.get(checkKey);
    if (c === undefined) {
      c = checks.length;
      checks.push([
        f.checkId,
        str(f.title.ja),
        str(f.title.en),
        str(f.remediation.ja),
        str(f.remediation.en),
        requirements,
        clauses,
      ]);
      checkIndex.set(checkKey, c);
    }
    const r = f.resource;
    const resourceKey = `${r.provider}\0${r.id}`;
    let ri = resourceIndex.get(resourceKey);
    if (ri === undefined) {
      if (resourceIndex.size >= MAX_REMEMBERED) resourceIndex = new Map();
      ri = resourceCount++;
      const position = r.origin.line !== undefined ? `L${r.origin.line}` : (r.origin.index ?? '');
      newResources.push([
        PROVIDERS.indexOf(r.provider),
        str(r.account),
        str(r.region),
        str(r.type),
        str(r.nativeType),
        r.id,
        r.name === r.id ? 0 : r.name,
        r.classification,
        str(r.origin.file),
        position,
      ]);
      resourceIndex.set(resourceKey, ri);
    }
    const tuple: FindingRow = [
      f.id,
      c,
      STATUSES.indexOf(f.status),
      SEVERITIES_DESC.indexOf(f.severity),
      ri,
      str(f.message.ja),
      str(f.message.en),
      f.evidence.length === 0 ? -1 : str(JSON.stringify(f.evidence)),
      f.waiver ? str(JSON.stringify(f.waiver)) : -1,
      f.history ? str(f.history.state) : -1,
      f.history?.openedAt ?? 0,
    ];
    rows.push(JSON.stringify(tuple));
    if (rows.length === CHUNK) yield part();
  }
  if (rows.length > 0 || parts === 0) yield part();
  yield ']';
  yield* jsonArray('checks', checks);

  // The page script's reading of these is typed by the same shapes (src/report/html/client/types.d.ts).
  const rest: Omit<ReportData, 'v' | 'lang' | 'findings' | 'strings' | 'checks' | 'resources'> = {
    view: { id: view.id, version: view.version, title: view.title },
    scan: {
      tool: file.scan.tool,
      startedAt: file.scan.startedAt,
      finishedAt: file.scan.finishedAt,
      inputs: file.scan.inputs,
      framework: file.scan.framework,
      partial: file.scan.partial,
      allowedRegions: file.scan.parameters.allowedRegions,
    },
    requirements: view.requirements.map((r, _, all) => {
      const note = requirementNote(r, all);
      return note ? { ...r, note } : r;
    }),
    summary: file.summary,
    changes: file.history ? { counts: file.history.changes, previous: file.history.previous ?? null } : null,
    waivers: file.waivers ?? null,
    // Problems are kept in English in the findings file; the page shows them in Japanese too.
    coverage: {
      ...file.coverage,
      files: file.coverage.files.map((f) => ({
        ...f,
        ...(f.error !== undefined && { errorJa: localizeProblem(f.error, 'ja') }),
        skipped: f.skipped
          .slice(0, SKIPPED_SHOWN)
          .map((s) => ({ ...s, reasonJa: localizeProblem(s.reason, 'ja') })),
        skippedCount: f.skipped.length,
      })),
      scopes: file.coverage.scopes.map((s) => ({
        ...s,
        scopeJa: localizeProblem(s.scope, 'ja'),
        ...(s.error !== undefined && { errorJa: localizeProblem(s.error, 'ja') }),
      })),
    },
    history: [...history, { finishedAt: file.scan.finishedAt, ...file.summary }].map((h) => ({
      at: h.finishedAt,
      byStatus: h.byStatus,
      failedBySeverity: h.failedBySeverity,
    })),
  };
  yield `,${embedJson(rest).slice(1)}`;
}
