import type { Localized } from '../model/localized.ts';
import type { FileRequirement } from './findings-schema.ts';

/** What a note needs of a requirement's result: the scan's (summary.ts) or a findings file's. */
export type NotedRequirement = Pick<FileRequirement, 'id' | 'status' | 'orgParameters'>;

/**
 * What the requirements table says beside a verdict that is not the worst of the requirement's
 * findings, so that a row with no counts is not read as an empty result.
 *
 * The change-monitoring requirement (OSK-8.1; the framework's `changeMonitoring.requirement`,
 * which its organisation parameters carry) is judged from the history store: how long since the
 * previous complete scan of the same scope, and how long failures stay open (store/monitoring.ts).
 * Without a store it stays MANUAL, and so in a report rendered by the scan itself (`kansa scan
 * --format html`), written before the scan is recorded; on the first recorded scan of a scope
 * there is nothing to compare, so it is UNKNOWN with no counts.
 */
export function requirementNote(r: NotedRequirement): Localized | undefined {
  if (!judgesChangeMonitoring(r)) return undefined;
  switch (r.status) {
    case 'MANUAL':
      return {
        ja: 'スキャン履歴から判定（--store で記録したスキャンの判定は kansa report が表示）',
        en: 'judged from the scan history: of scans recorded with --store, kansa report shows the verdict',
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
