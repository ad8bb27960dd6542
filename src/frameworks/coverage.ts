import { CHECKS_BY_ID } from '../checks/index.ts';
import type { Lang } from '../model/localized.ts';
import { PROVIDERS, type Provider } from '../model/resource.ts';
import { FORCE_LABEL, type Force } from './force.ts';
import type { Framework } from './framework.ts';

/** What shows one requirement on one cloud: the checks, and whether a person must confirm something. */
export interface CoverageCell {
  readonly checks: readonly string[];
  readonly manual: boolean;
}

/** Requirement × cloud: the checks that show it there, or MANUAL, or nothing (a gap). */
export function coverage(framework: Framework): {
  id: string;
  title: Framework['title'];
  force: Force;
  clause: string;
  cells: Record<Provider, CoverageCell>;
}[] {
  return framework.requirements.map((requirement) => {
    const cellOf = (provider: Provider): CoverageCell => ({
      checks: requirement.checks.filter((id) => {
        const check = CHECKS_BY_ID.get(id) ?? framework.customChecks.find((c) => c.meta.id === id);
        return check?.meta.provider === provider || check?.meta.provider === 'any';
      }),
      manual: requirement.manual[provider] !== undefined || requirement.manual.all !== undefined,
    });
    const cells = { aws: cellOf('aws'), azure: cellOf('azure'), gcp: cellOf('gcp') };
    const { id, title, force, clause } = requirement;
    return { id, title, force, clause, cells };
  });
}

const CLOUD_NAMES: Record<Provider, string> = { aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud' };

/** The coverage of a framework as a Markdown table (`kansa frameworks NAME --coverage`, docs/coverage.md). */
export function coverageMarkdown(framework: Framework, lang: Lang): string {
  const names = lang === 'ja' ? ['要件', '強さ', '根拠'] : ['requirement', 'force', 'clause'];
  const header = `| ${[...names, ...PROVIDERS.map((p) => CLOUD_NAMES[p])].join(' | ')} |`;
  const rows = coverage(framework).map(({ id, title, force, clause, cells }) => {
    const cell = ({ checks, manual }: CoverageCell) =>
      [...checks.map((c) => `\`${c}\``), ...(manual ? ['MANUAL'] : [])].join('<br>') || '—';
    const described = [`**${id}** ${escapeCell(title[lang])}`, FORCE_LABEL[force][lang], escapeCell(clause)];
    return `| ${[...described, ...PROVIDERS.map((p) => cell(cells[p]))].join(' | ')} |`;
  });
  return [header, `|${'---|'.repeat(names.length + PROVIDERS.length)}`, ...rows].join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
