import { counted } from '../base/counted.ts';
import type { Severity } from '../checks/check.ts';
import type { WaiverOutcome } from '../frameworks/waivers.ts';
import type { Lang } from '../model/localized.ts';
import type { FindingTally } from '../report/summary.ts';
import { SEVERITY_LABEL } from '../report/terminal.ts';
import { displayWidth, escapeControls, padDisplay, padDisplayStart } from '../report/terminal-text.ts';
import { DIFF_STATES, type DiffState, type ScanDiff } from '../store/diff.ts';
import type { RequirementPoint, ScanSummary } from '../store/history.ts';
import type { RecordedScan } from '../store/record.ts';

const STATE_LABEL: Record<Lang, Record<DiffState, string>> = {
  ja: {
    new: '新規',
    reopened: '再発',
    resolved: '解消',
    'changed-severity': '重大度変更',
    'changed-evidence': '根拠変更',
    open: '継続中',
    unverified: '未確認（範囲を読めず）',
  },
  en: {
    new: 'new',
    reopened: 'reopened',
    resolved: 'resolved',
    'changed-severity': 'severity changed',
    'changed-evidence': 'evidence changed',
    open: 'still open',
    unverified: 'unverified (scope not read)',
  },
};

const TEXT = {
  ja: {
    recorded: (seq: number, store: string) => `履歴ストアに記録しました: スキャン #${seq}（${store}）`,
    changes: '前回からの変化',
    waivers: '例外承認（--waivers）',
    beforeAfter: (before: string, after: string) => `不適合 — 例外承認前: ${before} / 承認後: ${after}`,
    waiverState: {
      active: '有効',
      expiring: 'まもなく期限切れ',
      expired: '期限切れ（適用せず）',
      stale: '該当なし（不要の可能性）',
    },
    expiry: (date: string, when: string) => `${date}（${when}）`,
    daysLeft: (n: number) => `残り ${n} 日`,
    lapsed: (days: number) => (days === 0 ? '本日期限切れ' : `${days} 日前に期限切れ`),
    matched: (n: number) => `${n} 件`,
    noScans: '記録されたスキャンはありません。',
    trend: (from: number, to: number) => `要件ごとの不適合件数の推移（#${from} … #${to}）`,
    scans: 'スキャン',
    failed: '不適合',
    waived: '例外承認',
    /** A MANUAL requirement in the trend table (four columns wide). */
    manual: '手動',
    partial: '（部分的）',
    diffTitle: (from: string, to: string) => `差分: ${from} → ${to}`,
    age: (n: number) => `${n} 日継続`,
    none: '変化はありません。',
  },
  en: {
    recorded: (seq: number, store: string) => `Recorded in the history store: scan #${seq} (${store})`,
    changes: 'Changes since the last scan',
    waivers: 'Waivers',
    beforeAfter: (before: string, after: string) =>
      `Failures — before waivers: ${before} / after waivers: ${after}`,
    waiverState: {
      active: 'active',
      expiring: 'expiring soon',
      expired: 'EXPIRED (not applied)',
      stale: 'stale (matches nothing)',
    },
    expiry: (date: string, when: string) => `${date} (${when})`,
    daysLeft: (n: number) => `${counted(n, 'day', 'days')} left`,
    lapsed: (days: number) => (days === 0 ? 'expired today' : `expired ${counted(days, 'day', 'days')} ago`),
    matched: (n: number) => `${n} matched`,
    noScans: 'No scans recorded.',
    trend: (from: number, to: number) => `Failures per requirement over time (#${from} … #${to})`,
    scans: 'Scans',
    failed: 'FAIL',
    waived: 'WAIVED',
    manual: 'M',
    partial: '(partial)',
    diffTitle: (from: string, to: string) => `Diff: ${from} → ${to}`,
    age: (n: number) => `open ${counted(n, 'day', 'days')}`,
    none: 'No changes.',
  },
} as const;

/**
 * Whole days since an expired waiver lapsed. It holds through its expiry date (Japan time) and
 * lapses as the next day begins, so the day after that date is day 0 ("expired today"), not 1:
 * `daysLeft` counts days to the date itself.
 */
function daysSinceLapse(daysLeft: number): number {
  return -daysLeft - 1;
}

const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** After a scan's summary: what was recorded and changed, and the waivers (before and after). */
export function renderScanHistory(args: {
  recorded?: RecordedScan;
  store?: string;
  waivers?: readonly WaiverOutcome[];
  tally: FindingTally;
  lang: Lang;
}): string {
  const { recorded, waivers, tally, lang } = args;
  const t = TEXT[lang];
  const out: string[] = [];
  if (recorded && args.store) {
    out.push('', t.recorded(recorded.seq, args.store));
    const shown = Object.entries(recorded.changes).filter(
      ([c, n]) => n > 0 && c !== 'passing' && c !== 'open',
    );
    if (shown.length > 0) {
      out.push(
        `  ${t.changes}: ${shown.map(([c, n]) => `${STATE_LABEL[lang][c as DiffState] ?? c} ${n}`).join(', ')}`,
      );
    }
  }
  if (waivers) {
    out.push('', t.waivers);
    const bySeverity = (waived: boolean) =>
      SEVERITIES.filter((s) => tally.failedBySeverity[s] > 0)
        .map(
          (s) =>
            `${SEVERITY_LABEL[lang][s]} ${tally.failedBySeverity[s] - (waived ? tally.waivedBySeverity[s] : 0)}`,
        )
        .join(', ') || '0';
    out.push(`  ${t.beforeAfter(bySeverity(false), bySeverity(true))}`);
    // One column each (in terminal columns: the Japanese states are wide), so that the states line up.
    const rows = waivers.map((w) => [
      escapeControls(w.id),
      t.waiverState[w.state],
      t.matched(w.matched),
      escapeControls(
        `${t.expiry(w.expires, w.daysLeft >= 0 ? t.daysLeft(w.daysLeft) : t.lapsed(daysSinceLapse(w.daysLeft)))}  ${w.at}`,
      ),
    ]);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => displayWidth(row[i]!))));
    for (const row of rows) {
      out.push(`  ${row.map((cell, i) => (i < 3 ? padDisplay(cell, widths[i]!) : cell)).join('  ')}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** `kansa history`: the scans, then failures per requirement over the last scans. */
export function renderHistory(
  scans: readonly ScanSummary[],
  trend: ReadonlyMap<string, readonly RequirementPoint[]>,
  lang: Lang,
): string {
  const t = TEXT[lang];
  if (scans.length === 0) return `${t.noScans}\n`;
  const out: string[] = [t.scans];
  for (const s of scans) {
    const changes = (['new', 'reopened', 'resolved'] as const)
      .map((c) => `${STATE_LABEL[lang][c]} ${s.changes[c] ?? 0}`)
      .join(' ');
    out.push(
      `  #${String(s.seq).padEnd(4)} ${s.id.slice(0, 8)}  ${s.finishedAt}  ${s.framework.id}  ${t.failed} ${String(s.counts.FAIL).padStart(4)}  ${t.waived} ${String(s.counts.WAIVED).padStart(3)}  ${changes}${s.partial ? `  ${t.partial}` : ''}`,
    );
  }
  const shown = scans.slice(-12);
  out.push('', t.trend(shown[0]!.seq, shown.at(-1)!.seq));
  // Cells are right-aligned in terminal columns and apart by at least one space: 手動 takes
  // four columns, a count may take more, and a national requirement id (GOV-3.3.1.4.1) is long.
  const idWidth = Math.max(0, ...[...trend.keys()].map((id) => id.length));
  for (const [requirement, points] of trend) {
    const byScan = new Map(points.map((p) => [p.scanId, p]));
    const cells = shown.map((s) => {
      const p = byScan.get(s.id);
      return padDisplayStart(p ? (p.status === 'MANUAL' ? t.manual : String(p.FAIL)) : '-', 5);
    });
    out.push(`  ${requirement.padEnd(idWidth)}${cells.join('')}`);
  }
  return `${out.join('\n')}\n`;
}

/** `kansa diff`: counts by state, then each finding with its state (and age when open). */
export function renderDiff(diff: ScanDiff, lang: Lang): string {
  const t = TEXT[lang];
  const label = STATE_LABEL[lang];
  const out = [
    t.diffTitle(`#${diff.from.seq} ${diff.from.finishedAt}`, `#${diff.to.seq} ${diff.to.finishedAt}`),
    `  ${DIFF_STATES.map((s) => `${label[s]} ${diff.counts[s]}`).join(' / ')}`,
  ];
  if (diff.entries.length === 0) out.push(`  ${t.none}`);
  for (const e of diff.entries) {
    const severity =
      e.previousSeverity !== undefined
        ? `${SEVERITY_LABEL[lang][e.previousSeverity as Severity]}→${SEVERITY_LABEL[lang][e.severity as Severity]}`
        : SEVERITY_LABEL[lang][e.severity as Severity];
    const age = e.ageDays !== undefined && e.state !== 'new' ? `  ${t.age(e.ageDays)}` : '';
    const waiver = e.waiver ? `  ${t.waived} ${e.waiver}` : '';
    // Resource ids come from the inventory: control and bidi characters are shown escaped, never run.
    out.push(
      `  [${label[e.state]}] [${severity}] ${e.checkId}  ${escapeControls(e.resourceId)}${age}${escapeControls(waiver)}`,
    );
  }
  return `${out.join('\n')}\n`;
}
