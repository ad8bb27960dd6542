import { styleText } from 'node:util';
import { counted } from '../base/counted.ts';
import type { Severity } from '../checks/check.ts';
import { FORCE_LABEL } from '../frameworks/force.ts';
import type { Framework } from '../frameworks/framework.ts';
import type { Lang, Localized } from '../model/localized.ts';
import type { Provider } from '../model/resource.ts';
import type { Coverage } from './json.ts';
import { localizeProblem } from './problem-text.ts';
import { requirementNote } from './requirement-note.ts';
import type { FindingTally, RequirementResult, RequirementStatus } from './summary.ts';
import { displayWidth, escapeMessage, padDisplay, padDisplayStart, terminalValue } from './terminal-text.ts';

const TEXT = {
  ja: {
    title: (title: string, version: string) => `kansa — ${title}（${version}）`,
    inputs: (files: number, scopes: number, resources: number) =>
      `入力: ${files} ファイル${scopes > 0 ? ` / ライブ取得 ${scopes} スコープ` : ''} / リソース ${resources} 件`,
    requirements: '要件ごとの結果',
    header: {
      id: '要件',
      verdict: '判定',
      failed: '不適合数',
      unknown: '判定不能数',
      passed: '適合数',
      force: '強さ',
      title: '要件名',
    },
    orgParameters: '組織のパラメータ（ガイドラインに数値の定めなし）',
    worst: (n: number) => `重大度の高い不適合（上位 ${n} 件）`,
    noFailures: '不適合はありません。',
    manual: (n: number, framework: string) =>
      `人による確認が必要な項目: ${n} 件（kansa frameworks ${framework} で一覧）`,
    unreadable: '読み込めなかった入力・スコープ（結果は部分的です）:',
    skipped: (n: number) => `スキップしたレコード: ${n} 件`,
    passedOver: (n: number) => `読み込み対象外としたファイル: ${n} 件`,
    more: (n: number) => `ほか ${n} 件（理由は JSON レポートの coverage.files）`,
    deleted: (n: number) => `削除の記録: ${n} 件（最新の記録が削除であるリソースは評価しません）`,
    notEvaluated: 'エクスポートに情報がなく判定できなかったチェック:',
    totals: '合計',
    fix: '対処',
  },
  en: {
    title: (title: string, version: string) => `kansa — ${title} (${version})`,
    inputs: (files: number, scopes: number, resources: number) =>
      `Inputs: ${counted(files, 'file', 'files')}${scopes > 0 ? `, ${counted(scopes, 'live scope', 'live scopes')}` : ''}, ${counted(resources, 'resource', 'resources')}`,
    requirements: 'Results by requirement',
    header: {
      id: 'Requirement',
      verdict: 'Verdict',
      failed: 'Failed',
      unknown: 'Unknown',
      passed: 'Passed',
      force: 'Force',
      title: 'Title',
    },
    orgParameters: "Organisation's parameters (no guideline states the number)",
    worst: (n: number) => `Most severe failures (top ${n})`,
    noFailures: 'No failures.',
    manual: (n: number, framework: string) =>
      `Items a person must confirm: ${n} (listed by kansa frameworks ${framework})`,
    unreadable: 'Inputs and scopes that could not be read (results are partial):',
    skipped: (n: number) => `Records skipped: ${n}`,
    passedOver: (n: number) => `Files passed over (not exports): ${n}`,
    more: (n: number) => `and ${n} more (reasons in the JSON report's coverage.files)`,
    deleted: (n: number) =>
      `Deletion records read: ${n} (a resource whose newest record is a deletion is not evaluated)`,
    notEvaluated: 'Checks the export had no data for:',
    totals: 'Total',
    fix: 'Fix',
  },
} as const;

const STATUS_LABEL: Record<Lang, Record<RequirementStatus, string>> = {
  ja: { FAIL: '不適合', UNKNOWN: '判定不能', PASS: '適合', NOT_APPLICABLE: '対象外', MANUAL: '要手動確認' },
  en: { FAIL: 'FAIL', UNKNOWN: 'UNKNOWN', PASS: 'PASS', NOT_APPLICABLE: 'N/A', MANUAL: 'MANUAL' },
};

export const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  ja: { critical: '緊急', high: '高', medium: '中', low: '低', info: '情報' },
  en: { critical: 'critical', high: 'high', medium: 'medium', low: 'low', info: 'info' },
};

const STATUS_STYLE: Record<RequirementStatus, Parameters<typeof styleText>[0]> = {
  FAIL: 'red',
  UNKNOWN: 'yellow',
  PASS: 'green',
  NOT_APPLICABLE: 'gray',
  MANUAL: 'cyan',
};

const WORST_SHOWN = 10;
/** Skipped records and passed-over files printed with their reasons before "and N more". */
const REASONS_SHOWN = 5;
/** Widest a value from the inventory (id, name, message) is printed, in terminal columns. */
const VALUE_COLUMNS = 300;

/** The terminal summary: per requirement, counts by status, then the worst findings and the coverage gaps. */
export function renderSummary(args: {
  framework: Framework;
  requirements: readonly RequirementResult[];
  tally: FindingTally;
  coverage: Coverage;
  resources: number;
  lang: Lang;
  color: boolean;
}): string {
  const { framework, requirements, tally, coverage, lang } = args;
  const t = TEXT[lang];
  const paint = (style: Parameters<typeof styleText>[0], text: string) =>
    args.color ? styleText(style, text, { validateStream: false }) : text;
  const out: string[] = [];

  const value = (text: string) => terminalValue(text, VALUE_COLUMNS, lang);
  out.push(
    paint(
      'bold',
      t.title(value(framework.title[lang]), `${value(framework.id)} ${value(framework.version)}`),
    ),
  );
  const read = coverage.files.filter((f) => !f.ignored);
  out.push(t.inputs(read.length, coverage.scopes.length, args.resources));
  out.push('');
  out.push(paint('bold', t.requirements));
  out.push(...requirementsTable(requirements, lang, paint));
  const withParameters = requirements.filter((r) => r.orgParameters.length > 0);
  if (withParameters.length > 0) {
    out.push(`  ${t.orgParameters}:`);
    for (const r of withParameters) {
      const values = r.orgParameters.flatMap((p) => parameterLines(p.name, p.value, r.id)).join(', ');
      out.push(`    ${value(r.id)}: ${value(values)}`);
    }
  }
  const label = STATUS_LABEL[lang];
  const totals = (['FAIL', 'UNKNOWN', 'PASS', 'NOT_APPLICABLE'] as const)
    .map((s) => `${label[s]} ${tally.byStatus[s]}`)
    .join(' / ');
  out.push(`  ${t.totals}: ${totals}`);

  out.push('');
  const shown = tally.worst.slice(0, WORST_SHOWN);
  out.push(paint('bold', t.worst(shown.length)));
  if (shown.length === 0) out.push(`  ${t.noFailures}`);
  for (const f of shown) {
    const severity = paint(
      f.severity === 'critical' || f.severity === 'high' ? 'red' : 'yellow',
      SEVERITY_LABEL[lang][f.severity],
    );
    out.push(`  [${severity}] ${f.requirements.map(value).join(', ')}  ${value(f.checkId)}`);
    out.push(
      `      ${providerName(f.resource.provider)} ${value(f.resource.account)} ${value(f.resource.region)}  ${value(f.resource.id)}${nameUnlessInId(f.resource, value)}`,
    );
    out.push(`      ${value(f.message[lang])}`);
    out.push(`      ${t.fix}: ${value(firstSentence(f.remediation[lang]))}`);
  }

  const manual = requirements.reduce((n, r) => n + r.manual.length, 0);
  out.push('');
  out.push(t.manual(manual, framework.id));
  if (tally.unknownByCheck.size > 0) {
    out.push(t.notEvaluated);
    for (const [checkId, n] of tally.unknownByCheck) out.push(`  ${value(checkId)}: ${n}`);
  }
  // Problems are made in English where they arise (and kept so in the findings file): shown in the report language.
  const problem = (text: string) => localizeProblem(text, lang);
  // In file order, then line or index order, so that an auditor reads down each file: files
  // are listed as they were read, and a resource found unplaced after the reading is skipped last.
  const skipped = coverage.files
    .flatMap((f) => f.skipped.map((s) => ({ path: f.path, ...s })))
    .sort(
      (a, b) =>
        (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
        (a.line ?? -1) - (b.line ?? -1) ||
        (a.index ?? -1) - (b.index ?? -1),
    )
    .map(
      (s) =>
        `${s.path}${s.line ? `:${s.line}` : s.index !== undefined ? ` [${s.index}]` : ''}: ${problem(s.reason)}`,
    );
  // A skip should stand out: an auditor may be missing a finding there.
  if (skipped.length > 0) {
    out.push(paint('yellow', t.skipped(skipped.length)), ...firstFew(skipped, t.more, value));
  }
  const deleted = coverage.files.reduce((n, f) => n + (f.deleted ?? 0), 0);
  if (deleted > 0) out.push(t.deleted(deleted));
  const passedOver = coverage.files.flatMap((f) => (f.ignored ? [`${f.path}: ${problem(f.ignored)}`] : []));
  if (passedOver.length > 0)
    out.push(t.passedOver(passedOver.length), ...firstFew(passedOver, t.more, value));
  const unreadable = [
    ...coverage.files.flatMap((f) => (f.error ? [problem(f.error)] : [])),
    ...coverage.scopes.flatMap((s) =>
      s.error ? [`${providerName(s.provider)} ${problem(s.scope)}: ${problem(s.error)}`] : [],
    ),
  ];
  if (unreadable.length > 0) {
    out.push(paint('red', t.unreadable));
    for (const problem of unreadable) out.push(`  ${escapeMessage(problem)}`);
  }
  return `${out.join('\n')}\n`;
}

type Paint = (style: Parameters<typeof styleText>[0], text: string) => string;

/**
 * One row per requirement under a header: id, verdict, then the counts under their own column
 * names, then the title. Columns are as wide as their widest cell, in terminal columns (an
 * East Asian character takes two), so long ids (GOV-3.3.1.4.1) keep the table aligned.
 */
function requirementsTable(requirements: readonly RequirementResult[], lang: Lang, paint: Paint): string[] {
  const h = TEXT[lang].header;
  const label = STATUS_LABEL[lang];
  const rows = requirements.map((r) => [
    terminalValue(r.id, 40, lang),
    label[r.status],
    String(r.counts.FAIL),
    String(r.counts.UNKNOWN),
    String(r.counts.PASS),
    FORCE_LABEL[r.force][lang],
    terminalValue(r.title[lang], VALUE_COLUMNS, lang) + noteText(requirementNote(r, requirements), lang),
  ]);
  const header = [h.id, h.verdict, h.failed, h.unknown, h.passed, h.force, h.title];
  const widths = header.map((cell, i) =>
    Math.max(displayWidth(cell), ...rows.map((row) => displayWidth(row[i]!))),
  );
  const line = (cells: readonly string[], status?: RequirementStatus) =>
    `  ${cells
      .map((cell, i) => {
        if (i === cells.length - 1) return cell;
        const padded = i >= 2 && i <= 4 ? padDisplayStart(cell, widths[i]!) : padDisplay(cell, widths[i]!);
        return i === 1 && status ? paint(STATUS_STYLE[status], padded) : padded;
      })
      .join('  ')}`;
  return [paint('dim', line(header)), ...rows.map((row, i) => line(row, requirements[i]!.status))];
}

/** A requirement's note after its title: ［…］ in Japanese, [...] in English. */
function noteText(note: Localized | undefined, lang: Lang): string {
  if (!note) return '';
  return lang === 'ja' ? `［${note.ja}］` : `  [${note.en}]`;
}

/** The first few lines, then "and N more". */
function firstFew(
  lines: readonly string[],
  more: (n: number) => string,
  value: (text: string) => string,
): string[] {
  const shown = lines.slice(0, REASONS_SHOWN).map((line) => `  ${value(line)}`);
  return lines.length > REASONS_SHOWN ? [...shown, `  ${more(lines.length - REASONS_SHOWN)}`] : shown;
}

/** The resource's name, when its id does not end in it (names are where an attacker writes). */
function nameUnlessInId(resource: { id: string; name: string }, value: (text: string) => string): string {
  const tail = resource.id.slice(resource.id.lastIndexOf('/') + 1).toLowerCase();
  return resource.name && resource.name.toLowerCase() !== tail ? `  (${value(resource.name)})` : '';
}

function providerName(provider: Provider): string {
  return { aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud' }[provider];
}

/** The first sentence: up to '。' or a '. ' (a '.' inside a command or host name does not end one). */
function firstSentence(text: string): string {
  const end = text.search(/。|\.\s/);
  return end === -1 ? text : text.slice(0, end + 1);
}

/**
 * An organisation parameter as a person reads it: nested settings flattened to dotted names
 * (`changeMonitoring.maxOpenDays.critical = 14`), not JSON; a setting that only names the
 * requirement the line is already about is left out.
 */
function parameterLines(name: string, value: unknown, requirementId: string): string[] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, inner]) =>
      inner === requirementId ? [] : parameterLines(`${name}.${key}`, inner, requirementId),
    );
  }
  const shown = Array.isArray(value)
    ? value.join(' ')
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);
  return [`${name} = ${shown}`];
}
