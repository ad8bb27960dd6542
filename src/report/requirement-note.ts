import type { Localized } from '../model/localized.ts';
import type { FileRequirement } from './findings-schema.ts';

/** What a note needs of a requirement's result: the scan's (summary.ts) or a findings file's. */
export type NotedRequirement = Pick<
  FileRequirement,
  'id' | 'status' | 'orgParameters' | 'force' | 'checks' | 'counts'
>;

/**
 * What the requirements table says beside a verdict that the requirement's counts do not explain,
 * so that the row is not misread: an empty result, or failures nobody judged.
 *
 * The change-monitoring requirement (OSK-8.1; the framework's `changeMonitoring.requirement`,
 * which its organisation parameters carry) is judged from the history store: how long since the
 * previous complete scan of the same scope, and how long failures stay open (store/monitoring.ts).
 * Without a store it stays MANUAL, and so in a report rendered by the scan itself (`kansa scan
 * --format html`), written before the scan is recorded; on the first recorded scan of a scope
 * there is nothing to compare, so it is UNKNOWN with no counts.
 *
 * A confirm (確認する) requirement is MANUAL whatever its checks found (docs/reports.md): its
 * findings are what the person confirming it reads, and a failure among them is judged under the
 * requirements that forbid what it shows (OSK-7.1's resources abroad fail LOC-1 and CLS-1). Its
 * row names them, so a MANUAL verdict beside failures is not read as "nothing failed" nor as a
 * failure left unjudged; a FAIL of its own would count the same failure twice.
 */
export function requirementNote(
  r: NotedRequirement,
  requirements: readonly NotedRequirement[],
): Localized | undefined {
  if (r.force === 'confirm' && r.counts.FAIL > 0) return failuresJudgedUnder(r, requirements);
  if (!judgesChangeMonitoring(r)) return undefined;
  switch (r.status) {
    case 'MANUAL':
      return {
        ja: 'スキャン履歴から判定（このレポートには履歴なし）',
        en: 'judged from the scan history: none in this report',
      };
    case 'UNKNOWN':
      return {
        ja: 'スキャン履歴から判定（比較する過去のスキャンがまだ記録されていません）',
        en: 'judged from the scan history: no earlier scan of this scope recorded yet',
      };
    default:
      return { ja: 'スキャン履歴から判定', en: 'judged from the scan history' };
  }
}

function judgesChangeMonitoring(r: NotedRequirement): boolean {
  const parameter = r.orgParameters?.find((p) => p.name === 'changeMonitoring')?.value;
  return (
    typeof parameter === 'object' &&
    parameter !== null &&
    (parameter as { requirement?: unknown }).requirement === r.id
  );
}

function failuresJudgedUnder(r: NotedRequirement, requirements: readonly NotedRequirement[]): Localized {
  const under = requirements
    .filter((o) => o.force !== 'confirm' && o.checks.some((c) => r.checks.includes(c)))
    .map((o) => o.id);
  if (under.length === 0) {
    return { ja: '不適合は確認のための情報', en: 'failures listed for the person confirming it' };
  }
  return { ja: `不適合は ${under.join('・')} で判定`, en: `failures judged under ${under.join(', ')}` };
}
