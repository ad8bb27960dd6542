import { CHECKS_BY_ID } from '../checks/index.ts';
import type { Lang } from '../model/localized.ts';
import { PROVIDERS, type Provider } from '../model/resource.ts';
import type { Framework } from './framework.ts';

/** What shows one requirement on one cloud: the checks, and whether a person must confirm something. */
export interface CoverageCell {
  readonly checks: readonly string[];
  readonly manual: boolean;
}

/** Requirement × cloud: the checks that show it there, or MANUAL, or nothing (a gap). */
export function coverage(
  framework: Framework,
): { id: string; title: Framework['title']; cells: Record<Provider, CoverageCell> }[] {
  return framework.requirements.map((requirement) => {
    const cellOf = (provider: Provider): CoverageCell => ({
      checks: requirement.checks.filter((id) => {
        const check = CHECKS_BY_ID.get(id) ?? framework.customChecks.find((c) => c.meta.id === id);
        return check?.meta.provider === provider || check?.meta.provider === 'any';
      }),
      manual: requirement.manual[provider] !== undefined || requirement.manual.all !== undefined,
    });
    const cells = { aws: cellOf('aws'), azure: cellOf('azure'), gcp: cellOf('gcp') };
    return { id: requirement.id, title: requirement.title, cells };
  });
}

const CLOUD_NAMES: Record<Provider, string> = { aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud' };

/** The coverage of a framework as a Markdown table (`kansa frameworks NAME --coverage`, docs/coverage.md). */
export function coverageMarkdown(framework: Framework, lang: Lang): string {
  const header = `| ${lang === 'ja' ? '要件' : 'requirement'} | ${PROVIDERS.map((p) => CLOUD_NAMES[p]).join(' | ')} |`;
  const rows = coverage(framework).map(({ id, title, cells }) => {
    const cell = ({ checks, manual }: CoverageCell) =>
      [...checks.map((c) => `\`${c}\``), ...(manual ? ['MANUAL'] : [])].join('<br>') || '—';
    return `| **${id}** ${escapeCell(title[lang])} | ${PROVIDERS.map((p) => cell(cells[p])).join(' | ')} |`;
  });
  return [header, `|---|${PROVIDERS.map(() => '---|').join('')}`, ...rows].join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
