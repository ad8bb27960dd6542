import { counted } from '../base/counted.ts';
import { CHECKS } from '../checks/index.ts';
import { coverage } from '../frameworks/coverage.ts';
import { FORCE_LABEL } from '../frameworks/force.ts';
import type { Framework } from '../frameworks/framework.ts';
import { listFrameworks, loadFramework } from '../frameworks/load.ts';
import type { Lang } from '../model/localized.ts';
import { PROVIDERS, type Provider } from '../model/resource.ts';
import { SEVERITY_LABEL } from '../report/terminal.ts';
import { displayWidth, padDisplay, terminalValue } from '../report/terminal-text.ts';

/** `kansa checks`: every check with its cloud, severity, titles and the requirement ids it serves. */
export async function listChecks(lang: Lang): Promise<string> {
  const frameworks = await Promise.all((await listFrameworks()).map(loadFramework));
  const t = LABELS[lang];
  const lines = CHECKS.map((check) => {
    const { meta } = check;
    const requirements = frameworks
      .map((f) => [f.id, f.requirements.filter((r) => r.checks.includes(meta.id)).map((r) => r.id)] as const)
      .filter(([, ids]) => ids.length > 0)
      .map(([framework, ids]) => `${framework}: ${ids.join(', ')}`);
    return [
      `${meta.id}  [${meta.provider === 'any' ? t.anyCloud : meta.provider}] ${SEVERITY_LABEL[lang][meta.severity]}`,
      `    ${meta.title.ja}`,
      `    ${meta.title.en}`,
      `    ${requirements.join(' · ') || t.unmapped}`,
    ].join('\n');
  });
  return `${lines.join('\n')}\n${t.checkCount(CHECKS.length)}\n`;
}

/** `kansa frameworks [name]`: the list, or one framework's requirements, clauses, checks and MANUAL items. */
export async function describeFramework(
  name: string | undefined,
  lang: Lang,
  showCoverage = false,
): Promise<string> {
  if (!name) {
    const frameworks = await Promise.all((await listFrameworks()).map(loadFramework));
    return `${frameworks.map((f) => `${f.id}  ${f.version}  ${f.title[lang]}`).join('\n')}\n`;
  }
  const framework = await loadFramework(name);
  if (showCoverage) return coverageText(framework, lang);
  const t = LABELS[lang];
  // A framework may be the user's own file: its texts are escaped like any other input.
  const value = valueIn(lang);
  const out = [
    t.frameworkTitle(value(framework.title[lang]), `${value(framework.id)} ${value(framework.version)}`),
    '',
  ];
  for (const r of framework.requirements) {
    out.push(`${value(r.id)}  ${value(r.title[lang])}`);
    out.push(`    ${t.clause}: ${value(r.clause)}`);
    out.push(`    ${t.force}: ${FORCE_LABEL[r.force][lang]}`);
    for (const parameter of r.orgParameters) {
      const setting = JSON.stringify(framework.parameters[parameter as keyof typeof framework.parameters]);
      out.push(`    ${t.orgParameter}: ${value(`${parameter} = ${setting}`)}`);
    }
    for (const check of r.checks) out.push(`    ${t.check}: ${value(check)}`);
    for (const [provider, text] of Object.entries(r.manual)) {
      const cloud = provider === 'all' ? t.allClouds : (CLOUD_NAMES[provider as Provider] ?? provider);
      out.push(`    ${t.manual(cloud)}: ${value(text[lang])}`);
    }
  }
  return `${out.join('\n')}\n`;
}

const LABELS = {
  ja: {
    clause: '根拠',
    force: '強さ',
    orgParameter: '組織のパラメータ',
    check: 'チェック',
    manual: (provider: string) => `要手動確認（${provider}）`,
    manualCell: '要手動確認',
    gap: 'なし（未対応）',
    allClouds: 'すべてのクラウド',
    /** A check that reads every cloud (data location), in the list of checks. */
    anyCloud: 'すべてのクラウド',
    unmapped: '（どの要件にも対応付けられていません）',
    checkCount: (n: number) => `チェック ${n} 件`,
    frameworkTitle: (title: string, version: string) => `${title}（${version}）`,
  },
  en: {
    clause: 'clause',
    force: 'force',
    orgParameter: "organisation's parameter",
    check: 'check',
    manual: (provider: string) => `MANUAL (${provider})`,
    manualCell: 'MANUAL',
    gap: 'none (a gap)',
    allClouds: 'all clouds',
    anyCloud: 'any',
    unmapped: '(mapped to no requirement)',
    checkCount: (n: number) => counted(n, 'check', 'checks'),
    frameworkTitle: (title: string, version: string) => `${title} (${version})`,
  },
} as const;

const CLOUD_NAMES: Record<Provider, string> = { aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud' };

/**
 * `kansa frameworks NAME --coverage` on a terminal: per requirement, each cloud's checks, MANUAL
 * or a gap, as plain lines (docs/coverage.md has the same as a Markdown table).
 */
function coverageText(framework: Framework, lang: Lang): string {
  const t = LABELS[lang];
  const value = valueIn(lang);
  const width = Math.max(...PROVIDERS.map((p) => displayWidth(CLOUD_NAMES[p])));
  const out: string[] = [];
  for (const { id, title, force, clause, cells } of coverage(framework)) {
    out.push(`${value(id)}  ${value(title[lang])}`);
    out.push(`    [${FORCE_LABEL[force][lang]}] ${value(clause)}`);
    for (const provider of PROVIDERS) {
      const { checks, manual } = cells[provider];
      const items = [...checks.map(value), ...(manual ? [t.manualCell] : [])];
      out.push(`    ${padDisplay(`${CLOUD_NAMES[provider]}:`, width + 1)}  ${items.join(', ') || t.gap}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * A value from a framework file, escaped and cut, for a terminal in the given language. Cut
 * far wider than a scan's values: these listings are where a MANUAL item is read in full (the
 * built-in frameworks' longest is some 1,200 columns in Japanese).
 */
function valueIn(lang: Lang): (text: string) => string {
  return (text) => terminalValue(text, FRAMEWORK_VALUE_COLUMNS, lang);
}

const FRAMEWORK_VALUE_COLUMNS = 2_000;
