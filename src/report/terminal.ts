import { styleText } from 'node:util';
import type { Severity } from '../checks/check.ts';
import { FORCE_LABEL } from '../frameworks/force.ts';
import type { Framework } from '../frameworks/framework.ts';
import type { Lang } from '../model/localized.ts';
import type { Provider } from '../model/resource.ts';
import type { Coverage } from './json.ts';
import type { FindingTally, RequirementResult, RequirementStatus } from './summary.ts';

const TEXT = {
  ja: {
    inputs: (files: number, scopes: number, resources: number) =>
      `入力: ${files} ファイル${scopes > 0 ? ` / ライブ取得 ${scopes} スコープ` : ''} / リソース ${resources} 件`,
    requirements: '要件ごとの結果',
    worst: (n: number) => `重大度の高い不適合（上位 ${n} 件）`,
    noFailures: '不適合はありません。',
    manual: (n: number, framework: string) =>
      `人による確認が必要な項目: ${n} 件（kansa frameworks ${framework} で一覧）`,
    unreadable: '読み込めなかった入力・スコープ（結果は部分的です）:',
    skipped: (n: number) => `スキップしたレコード: ${n} 件（理由は JSON レポートの coverage.files）`,
    notEvaluated: 'エクスポートに情報がなく判定できなかったチェック:',
    totals: '合計',
    orgParameters: '組織のパラメータ（ガイドラインに数値の定めなし）',
    fix: '対処',
  },
  en: {
    inputs: (files: number, scopes: number, resources: number) =>
      `Inputs: ${files} files${scopes > 0 ? `, ${scopes} live scopes` : ''}, ${resources} resources`,
    requirements: 'Results by requirement',
    worst: (n: number) => `Most severe failures (top ${n})`,
    noFailures: 'No failures.',
    manual: (n: number, framework: string) =>
      `Items a person must confirm: ${n} (listed by kansa frameworks ${framework})`,
    unreadable: 'Inputs and scopes that could not be read (results are partial):',
    skipped: (n: number) => `Records skipped: ${n} (reasons in the JSON report's coverage.files)`,
    notEvaluated: 'Checks the export had no data for:',
    totals: 'Total',
    orgParameters: "organisation's parameters (no guideline states the number)",
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

  out.push(paint('bold', `kansa — ${framework.title[lang]} (${framework.id} ${framework.version})`));
  out.push(t.inputs(coverage.files.length, coverage.scopes.length, args.resources));
  out.push('');
  out.push(paint('bold', t.requirements));
  const label = STATUS_LABEL[lang];
  const width = Math.max(...Object.values(label).map(displayWidth));
  for (const r of requirements) {
    const status = paint(STATUS_STYLE[r.status], padDisplay(label[r.status], width));
    const counts = (['FAIL', 'UNKNOWN', 'PASS'] as const)
      .map((s) => `${label[s]} ${String(r.counts[s]).padStart(4)}`)
      .join('  ');
    out.push(`  ${r.id.padEnd(8)} ${status}  ${counts}  [${FORCE_LABEL[r.force][lang]}] ${r.title[lang]}`);
    if (r.orgParameters.length > 0) {
      const values = r.orgParameters.map((p) => `${p.name} = ${JSON.stringify(p.value)}`).join(', ');
      out.push(`  ${' '.repeat(8)} ${t.orgParameters}: ${values}`);
    }
  }
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
    out.push(`  [${severity}] ${f.requirements.join(', ')}  ${f.checkId}`);
    out.push(
      `      ${providerName(f.resource.provider)} ${f.resource.account} ${f.resource.region}  ${f.resource.id}`,
    );
    out.push(`      ${f.message[lang]}`);
    out.push(`      ${t.fix}: ${firstSentence(f.remediation[lang])}`);
  }

  const manual = requirements.reduce((n, r) => n + r.manual.length, 0);
  out.push('');
  out.push(t.manual(manual, framework.id));
  if (tally.unknownByCheck.size > 0) {
    out.push(t.notEvaluated);
    for (const [checkId, n] of tally.unknownByCheck) out.push(`  ${checkId}: ${n}`);
  }
  const skipped = coverage.files.reduce((n, f) => n + f.skipped.length, 0);
  if (skipped > 0) out.push(t.skipped(skipped));
  const unreadable = [
    ...coverage.files.flatMap((f) => (f.error ? [f.error] : [])),
    ...coverage.scopes.flatMap((s) =>
      s.error ? [`${providerName(s.provider)} ${s.scope}: ${s.error}`] : [],
    ),
  ];
  if (unreadable.length > 0) {
    out.push(paint('red', t.unreadable));
    for (const problem of unreadable) out.push(`  ${problem}`);
  }
  return `${out.join('\n')}\n`;
}

function providerName(provider: Provider): string {
  return { aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud' }[provider];
}

/** The first sentence: up to '。' or a '. ' (a '.' inside a command or host name does not end one). */
function firstSentence(text: string): string {
  const end = text.search(/。|\.\s/);
  return end === -1 ? text : text.slice(0, end + 1);
}

/** Terminal columns: East Asian wide characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
