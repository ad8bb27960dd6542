// The page's words in Japanese and English, and the orders the page lists statuses, severities
// and clouds in (the indexes the embedded data uses for them).
/** @import { Lang, Provider, Severity, Status, WaiverState } from './types.js' */

/** @type {readonly Status[]} */
export const STATUSES = ['FAIL', 'UNKNOWN', 'PASS', 'NOT_APPLICABLE'];
/** @type {readonly Severity[]} */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
/** @type {readonly Provider[]} */
export const PROVIDERS = ['aws', 'azure', 'gcp'];

/** @typedef {typeof ja} Labels */

const ja = {
  title: '監査レポート',
  navSummary: '概要',
  navFindings: '検出結果',
  navCoverage: '対象範囲',
  /** @param {string} at @param {string} version */
  scanned: (at, version) => `スキャン日時 ${at} ・ kansa ${version}`,
  inputs: '入力',
  /** @param {string} view @param {string} scan */
  viewOf: (view, scan) =>
    `表示: ${view}（スキャンは ${scan} で実施。判定は同じで要件の対応付けのみ異なります）`,
  partial: '一部の入力またはスコープを読み込めなかったため、結果は部分的です（対象範囲を参照）。',
  verdicts: '要件ごとの判定',
  requirement: '要件',
  clause: '根拠',
  force: { must: '必須', recommended: '推奨', desirable: '望ましい', confirm: '確認' },
  orgParameters: '組織のパラメータ（ガイドラインに数値の定めなし）',
  verdict: '判定',
  counts: '件数（不適合 / 判定不能 / 適合 / 対象外）',
  /** @param {string} sev */
  failedSeverity: (sev) => `不適合・${sev}`,
  totals: '全検出結果',
  charts: 'グラフ',
  byRequirement: '要件ごとの検出結果',
  byAccount: 'アカウント・サブスクリプション・プロジェクトごとの不適合（上位 15）',
  byRegion: 'リージョンごとの検出結果（国内・国外）',
  trend: '推移（不適合・判定不能）',
  noTrend: '過去のスキャン結果（kansa report --history）がないため推移は表示されません。',
  domestic: '国内',
  abroad: '国外',
  global: 'グローバル',
  /** @param {number} d @param {number} a */
  regionSummary: (d, a) => `国内リージョンの検出結果 ${d} 件 ・ 国外リージョンの検出結果 ${a} 件`,
  findings: '検出結果',
  cloud: 'クラウド',
  account: 'アカウント',
  severity: '重大度',
  status: '状態',
  text: '検索',
  textPlaceholder: 'ID・名前・メッセージ…',
  all: 'すべて',
  /** @param {number} n @param {number} total */
  shown: (n, total) => `${total} 件中 ${n} 件`,
  /** @param {number} p @param {number} pages */
  page: (p, pages) => `${p} / ${pages} ページ`,
  prev: '前へ',
  next: '次へ',
  check: 'チェック',
  resource: 'リソース',
  region: 'リージョン',
  message: 'メッセージ',
  none: '該当する検出結果はありません。',
  close: '閉じる',
  findingId: '検出結果 ID',
  checkId: 'チェック ID',
  requirements: '要件と根拠',
  provider: 'クラウド',
  type: '種別',
  nativeType: 'ネイティブ種別',
  resourceId: 'リソース ID',
  name: '名前',
  classification: '機密性区分',
  origin: '読み込み元',
  evidence: '証跡（判定に用いた設定）',
  path: '項目',
  value: '値',
  source: '出所',
  note: '補足',
  remediation: '対処方法',
  sources: { explicit: 'エクスポートに明記', default: 'クラウドの既定値', unknown: '判定不能' },
  coverage: '対象範囲',
  files: '読み込んだファイル',
  format: '形式',
  resources: 'リソース数',
  skipped: 'スキップ',
  error: 'エラー',
  scopes: 'ライブ取得したスコープ',
  requests: 'リクエスト',
  byType: '種別ごとのリソース数',
  notEvaluated: 'エクスポートに情報がなく判定できなかったチェック',
  manual: '人による確認が必要な項目（MANUAL）',
  noneItems: 'なし',
  count: '件数',
  sort: '並べ替え',
};

/** @type {Labels} */
const en = {
  title: 'Audit report',
  navSummary: 'Summary',
  navFindings: 'Findings',
  navCoverage: 'Coverage',
  scanned: (at, version) => `Scanned ${at} · kansa ${version}`,
  inputs: 'Inputs',
  viewOf: (view, scan) =>
    `Viewed as ${view} (scanned with ${scan}: the same verdicts, mapped to this framework's requirements)`,
  partial: 'Some inputs or scopes could not be read: the results are partial (see Coverage).',
  verdicts: 'Verdict per requirement',
  requirement: 'Requirement',
  clause: 'Clause',
  force: { must: 'must', recommended: 'recommended', desirable: 'desirable', confirm: 'confirm' },
  orgParameters: "Organisation's parameters (no guideline states the number)",
  verdict: 'Verdict',
  counts: 'Findings (FAIL / UNKNOWN / PASS / N/A)',
  failedSeverity: (sev) => `FAIL · ${sev}`,
  totals: 'All findings',
  charts: 'Charts',
  byRequirement: 'Findings by requirement',
  byAccount: 'Failures by account / subscription / project (top 15)',
  byRegion: 'Findings by region (Japan vs abroad)',
  trend: 'Trend (FAIL and UNKNOWN)',
  noTrend: 'No earlier scans given (kansa report --history): no trend to show.',
  domestic: 'Japan',
  abroad: 'abroad',
  global: 'global',
  regionSummary: (d, a) => `Findings in Japanese regions: ${d} · in regions abroad: ${a}`,
  findings: 'Findings',
  cloud: 'Cloud',
  account: 'Account',
  severity: 'Severity',
  status: 'Status',
  text: 'Search',
  textPlaceholder: 'id, name, message…',
  all: 'all',
  shown: (n, total) => `${n} of ${total}`,
  page: (p, pages) => `page ${p} of ${pages}`,
  prev: 'Previous',
  next: 'Next',
  check: 'Check',
  resource: 'Resource',
  region: 'Region',
  message: 'Message',
  none: 'No finding matches.',
  close: 'Close',
  findingId: 'Finding id',
  checkId: 'Check id',
  requirements: 'Requirements and clauses',
  provider: 'Cloud',
  type: 'Type',
  nativeType: 'Native type',
  resourceId: 'Resource id',
  name: 'Name',
  classification: 'Classification',
  origin: 'Read from',
  evidence: 'Evidence (the settings that decided)',
  path: 'Field',
  value: 'Value',
  source: 'Source',
  note: 'Note',
  remediation: 'Remediation',
  sources: { explicit: 'in the export', default: "the cloud's default", unknown: 'cannot be known' },
  coverage: 'Coverage',
  files: 'Files read',
  format: 'Format',
  resources: 'Resources',
  skipped: 'Skipped',
  error: 'Error',
  scopes: 'Live scopes read',
  requests: 'Requests',
  byType: 'Resources by type',
  notEvaluated: 'Checks the export had no data for',
  manual: 'Items a person must confirm (MANUAL)',
  noneItems: 'none',
  count: 'Count',
  sort: 'Sort',
};

/** The status words, and the two a row can carry besides its status (MANUAL requirements, WAIVED findings). */
/** @type {Readonly<Record<Lang, Readonly<Record<Status | 'MANUAL' | 'WAIVED', string>>>>} */
export const STATUS_LABEL = {
  ja: {
    FAIL: '不適合',
    UNKNOWN: '判定不能',
    PASS: '適合',
    NOT_APPLICABLE: '対象外',
    MANUAL: '要手動確認',
    WAIVED: '例外承認',
  },
  en: {
    FAIL: 'FAIL',
    UNKNOWN: 'UNKNOWN',
    PASS: 'PASS',
    NOT_APPLICABLE: 'N/A',
    MANUAL: 'MANUAL',
    WAIVED: 'WAIVED',
  },
};

/**
 * The history store's words: a finding's state (a string from the data, so any state a newer
 * kansa writes shows as itself) and a waiver's state (kansa scan with --store, --waivers).
 * @typedef {{
 *   states: Readonly<Record<string, string | undefined>>,
 *   since: (date: string) => string,
 *   first: string,
 *   waivers: string,
 *   beforeAfter: string,
 *   waiverStates: Readonly<Record<WaiverState, string>>,
 *   matched: string,
 *   expires: string,
 *   state: string,
 *   waiver: string,
 *   openSince: string,
 * }} HistoryLabels
 */
/** @type {Readonly<Record<Lang, HistoryLabels>>} */
export const HISTORY = {
  ja: {
    states: {
      new: '新規',
      reopened: '再発',
      'changed-severity': '重大度変更',
      'changed-evidence': '根拠変更',
      open: '継続中',
      unknown: '継続中（判定不能）',
      resolved: '解消',
      passing: '適合',
    },
    since: (date) => `前回のスキャン（${date}）からの変化`,
    first: '履歴ストアの最初のスキャンです。',
    waivers: '例外承認（--waivers）',
    beforeAfter: '不適合件数: 例外承認の前 → 後',
    waiverStates: {
      active: '有効',
      expiring: 'まもなく期限切れ',
      expired: '期限切れ（適用せず）',
      stale: '該当なし（不要の可能性）',
    },
    matched: '該当',
    expires: '期限',
    state: '状態',
    waiver: '例外承認',
    openSince: '継続開始',
  },
  en: {
    states: {
      new: 'new',
      reopened: 'reopened',
      'changed-severity': 'severity changed',
      'changed-evidence': 'evidence changed',
      open: 'still open',
      unknown: 'still open (UNKNOWN now)',
      resolved: 'resolved',
      passing: 'passing',
    },
    since: (date) => `Changes since the previous scan (${date})`,
    first: 'The first scan in the history store.',
    waivers: 'Waivers',
    beforeAfter: 'Failures: before → after waivers',
    waiverStates: {
      active: 'active',
      expiring: 'expiring soon',
      expired: 'EXPIRED (not applied)',
      stale: 'stale (matches nothing)',
    },
    matched: 'matched',
    expires: 'expires',
    state: 'History',
    waiver: 'Waiver',
    openSince: 'Open since',
  },
};

/** @type {Readonly<Record<Lang, Readonly<Record<Severity, string>>>>} */
export const SEVERITY_LABEL = {
  ja: { critical: '緊急', high: '高', medium: '中', low: '低', info: '情報' },
  en: { critical: 'critical', high: 'high', medium: 'medium', low: 'low', info: 'info' },
};
/** @type {Readonly<Record<Provider | 'all', string>>} */
export const PROVIDER_LABEL = { aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud', all: '—' };

/** @type {Readonly<Record<Lang, Labels>>} */
export const T = { ja, en };
