import { CHECKS } from '../checks/index.ts';
import { coverageMarkdown } from '../frameworks/coverage.ts';
import { FORCE_LABEL } from '../frameworks/force.ts';
import { listFrameworks, loadFramework } from '../frameworks/load.ts';
import type { Lang } from '../model/localized.ts';
import { SEVERITY_LABEL } from '../report/terminal.ts';

/** `kansa checks`: every check with its cloud, severity, titles and the requirement ids it serves. */
export async function listChecks(lang: Lang): Promise<string> {
  const frameworks = await Promise.all((await listFrameworks()).map(loadFramework));
  const lines = CHECKS.map((check) => {
    const { meta } = check;
    const requirements = frameworks
      .map((f) => [f.id, f.requirements.filter((r) => r.checks.includes(meta.id)).map((r) => r.id)] as const)
      .filter(([, ids]) => ids.length > 0)
      .map(([framework, ids]) => `${framework}: ${ids.join(', ')}`);
    return [
      `${meta.id}  [${meta.provider}] ${SEVERITY_LABEL[lang][meta.severity]}`,
      `    ${meta.title.ja}`,
      `    ${meta.title.en}`,
      `    ${requirements.join(' · ') || (lang === 'ja' ? '（どの要件にも対応付けられていません）' : '(mapped to no requirement)')}`,
    ].join('\n');
  });
  return `${lines.join('\n')}\n${CHECKS.length} checks\n`;
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
  if (showCoverage) return `${coverageMarkdown(framework, lang)}\n`;
  const out = [`${framework.title[lang]} (${framework.id} ${framework.version})`, ''];
  for (const r of framework.requirements) {
    out.push(`${r.id}  ${r.title[lang]}`);
    out.push(`    ${lang === 'ja' ? '根拠' : 'clause'}: ${r.clause}`);
    out.push(`    ${lang === 'ja' ? '強さ' : 'force'}: ${FORCE_LABEL[r.force][lang]}`);
    for (const name of r.orgParameters) {
      const value = JSON.stringify(framework.parameters[name as keyof typeof framework.parameters]);
      out.push(`    ${lang === 'ja' ? '組織のパラメータ' : "organisation's parameter"}: ${name} = ${value}`);
    }
    for (const check of r.checks) out.push(`    check: ${check}`);
    for (const [provider, text] of Object.entries(r.manual))
      out.push(`    MANUAL (${provider}): ${text[lang]}`);
  }
  return `${out.join('\n')}\n`;
}
