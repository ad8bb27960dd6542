import type { Argument, Command, Help, HelpConfiguration, Option } from 'commander';
import { SEVERITIES } from '../checks/check.ts';
import type { Lang, Localized } from '../model/localized.ts';
import { displayWidth } from '../report/terminal-text.ts';
import { LIST_ASSETS_QUOTA_PER_MINUTE } from '../sources/gcp/live/pacer.ts';
import { EXIT } from './exit-codes.ts';
import { DEFAULT_KEEP } from './history-command.ts';

/**
 * `kansa … --help` in the language of the command line: under `ja`, every command of the tree
 * shows its descriptions, commander's headings and the choices/default notes in Japanese.
 * English help is commander's own, untouched.
 */
export function localizeHelp(program: Command, lang: Lang): void {
  if (lang === 'en') return;
  for (const command of commandTree(program)) command.configureHelp(JAPANESE_HELP);
}

function* commandTree(command: Command): Generator<Command> {
  yield command;
  for (const sub of command.commands) yield* commandTree(sub);
}

/** The Japanese of an English help text; the English itself when the catalogue lacks it. */
function japaneseHelpText(english: string): string {
  return JAPANESE.get(english) ?? english;
}

const TITLES: Readonly<Record<string, string>> = {
  'Usage:': '使い方:',
  'Arguments:': '引数:',
  'Options:': 'オプション:',
  'Commands:': 'コマンド:',
};

const JAPANESE_HELP: HelpConfiguration = {
  styleTitle: (title) => TITLES[title] ?? title,
  commandDescription: (command) => japaneseHelpText(command.description()),
  subcommandDescription: (command) => japaneseHelpText(command.summary() || command.description()),
  optionDescription: (option) => withNotes(option.description, optionNotes(option)),
  argumentDescription: (argument) => withNotes(argument.description, argumentNotes(argument)),
  displayWidth,
  boxWrap(this: Help, text, width) {
    if (width < this.minWidthToWrap) return text;
    return text
      .split(/\r?\n/)
      .map((line) => wrapJapanese(line, width))
      .join('\n');
  },
};

/** Commander's "(choices: …, default: …)" notes, in Japanese, after the translated description. */
function withNotes(description: string, notes: readonly string[]): string {
  const text = japaneseHelpText(description);
  if (notes.length === 0) return text;
  return `${text}（${notes.join('、')}）`;
}

function optionNotes(option: Option): string[] {
  // Commander shows a default only for options that take a value (a boolean's is for programmers).
  const showDefault =
    option.defaultValue !== undefined &&
    (option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean'));
  return notes(option, showDefault);
}

function argumentNotes(argument: Argument): string[] {
  return notes(argument, argument.defaultValue !== undefined);
}

function notes(
  item: { argChoices?: string[]; defaultValue?: unknown; defaultValueDescription?: string },
  showDefault: boolean,
): string[] {
  const shown: string[] = [];
  if (item.argChoices) shown.push(`選択肢: ${item.argChoices.map((c) => JSON.stringify(c)).join('、')}`);
  if (showDefault) {
    const value = item.defaultValueDescription
      ? japaneseHelpText(item.defaultValueDescription)
      : JSON.stringify(item.defaultValue);
    shown.push(`既定値: ${value}`);
  }
  return shown;
}

// Japanese has no spaces between words. A line breaks where a phrase (文節) begins: a run of kanji
// or of katakana with the hiragana after it (ファイルを, 読み込まず); never before a closing mark
// (、。）」:) nor after an opening one (（「), the line-breaking rules (禁則処理).
const JAPANESE_CHARS = '\\u3000-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const PHRASE = '(?:[\\u3400-\\u9fff\\uf900-\\ufaff々]+|[ァ-ヺー]+)[ぁ-ゖー]*|[ぁ-ゖー]+';
const OPENING = '（「『【［〔';
const CLOSING = '、。，．・）」』】］〕：:;,.!?)';
const CHUNK = new RegExp(
  `\\s*[${OPENING}]*(?:[^\\s${JAPANESE_CHARS}]+|${PHRASE}|[${JAPANESE_CHARS}])[${CLOSING}]*`,
  'gu',
);

function wrapJapanese(line: string, width: number): string {
  const lines: string[] = [];
  let current = '';
  for (const chunk of line.match(CHUNK) ?? []) {
    if (current !== '' && displayWidth(current) + displayWidth(chunk) > width) {
      lines.push(current);
      current = chunk.trimStart();
    } else {
      current += chunk;
    }
  }
  lines.push(current);
  return lines.join('\n');
}

/**
 * Every description of `kansa --help`, in English as it is defined (in main.ts, the commands'
 * modules, the live clouds' flags, commander itself) and in Japanese. Keyed by the English so that
 * the places that define a flag keep one text each; tests/cli/help-ja.test.ts walks the whole
 * program and fails on a description missing here, and on an entry no description uses.
 */
export const HELP_TEXTS: readonly Localized[] = [
  // commander's own
  { en: 'display help for command', ja: 'コマンドのヘルプを表示する' },
  { en: 'output the version number', ja: 'バージョン番号を表示する' },
  // kansa
  {
    en: 'Cloud configuration audit against the Osaka City cloud guideline (and Kobe / national policies)',
    ja: 'クラウドの設定を大阪市クラウドサービス関連ガイドライン（および神戸市・政府の基本方針）に照らして監査する',
  },
  { en: 'print the stack of an internal error', ja: '内部エラーのスタックトレースを表示する' },
  { en: 'language of what a person reads', ja: '人が読むメッセージの言語' },
  { en: 'from the locale (LC_ALL, LC_MESSAGES, LANG)', ja: 'ロケールによる（LC_ALL、LC_MESSAGES、LANG）' },
  { en: 'output format', ja: '出力形式' },
  // scan
  {
    en: 'scan cloud inventory exports, or the clouds live, and report findings',
    ja: 'クラウドのインベントリ（エクスポートファイル、またはライブ）をスキャンし、検出結果を報告する',
  },
  {
    en: 'export files, Terraform plans and states (terraform show -json, terraform.tfstate), or directories (walked recursively)',
    ja: 'エクスポートファイル、Terraform の計画と状態（terraform show -json、terraform.tfstate）、またはディレクトリ（サブディレクトリもたどる）',
  },
  { en: 'framework to report against', ja: '評価・報告の基準とするフレームワーク' },
  {
    en: "the organisation's policy file: parameters, severities, checks off, CEL rules",
    ja: '組織のポリシーファイル: パラメータ、重大度、無効にするチェック、CEL ルール',
  },
  {
    en: 'text: the summary; json: the findings file; html, csv, ocsf, sarif: that report, straight from the scan',
    ja: 'text は概要、json は検出結果ファイル、html・csv・ocsf・sarif はそのレポートをスキャンから直接出力する',
  },
  {
    en: 'write the findings file (or the --format report) here; the summary still shows',
    ja: '検出結果ファイル（または --format のレポート）の書き込み先。概要は画面にも表示する',
  },
  {
    en: `exit 1 when a failure at or above this severity exists (${SEVERITIES.join('|')})`,
    ja: `この重大度以上の不適合があれば終了コード 1 で終了する（${SEVERITIES.join('|')}）`,
  },
  {
    en: 'largest size a .gz input may inflate to, in MiB (a larger one is a named error)',
    ja: '.gz 入力を展開したときの最大サイズ（MiB）。超えたファイルはその旨のエラーになる',
  },
  {
    en: "most input a scan reads, inflated, in MiB: past it the scan stops reading and is partial (default: half of Node's heap limit)",
    ja: '1 回のスキャンで読み込む入力の上限（展開後、MiB）。超えると読み込みを止め、部分的なスキャンになる（既定値: Node のヒープ上限の半分）',
  },
  {
    en: 'with --fail-on, Terraform plans: count only failures the plan brings in, not those it keeps',
    ja: '--fail-on と併用（Terraform プラン）: プランが新たに持ち込む不適合だけを数え、既存のまま残る不適合は数えない',
  },
  {
    en: 'exit 0/1 even when some inputs or scopes could not be read (else 3)',
    ja: '一部の入力・スコープを読めなかった場合も 0 または 1 で終了する（指定しなければ 3）',
  },
  {
    en: 'live scans: most API requests in flight at once',
    ja: 'ライブ スキャン: 同時に実行する API リクエストの最大数',
  },
  {
    en: "live scans: each call's connect-and-response timeout, and optionally each scope's deadline (CALL[,SCOPE], default 60,1800)",
    ja: 'ライブ スキャン: 各呼び出しの接続・応答のタイムアウト秒数と、任意で各スコープの期限秒数（CALL[,SCOPE]、既定値 60,1800）',
  },
  {
    en: 'live scans: also write what was pulled, as export files kansa reads back',
    ja: 'ライブ スキャン: 取得した内容を、kansa が読み直せるエクスポートファイルとしても書き出す',
  },
  { en: 'log level (logs on stderr)', ja: 'ログレベル（ログは標準エラー出力へ）' },
  {
    en: 'readable lines, or JSON lines for log shippers',
    ja: '人が読む行形式、またはログ転送ツール向けの JSON Lines',
  },
  {
    en: `when another run holds the store, wait this long for it (default: 0, exit at once with code ${EXIT.storeUnavailable})`,
    ja: `別の実行が履歴ストアを使用中のときに待つ秒数（既定値: 0。待たずに終了コード ${EXIT.storeUnavailable} で終了する）`,
  },
  {
    en: 'waivers (例外承認): accepted failures with approver and expiry (YAML)',
    ja: '例外承認ファイル（YAML）: 承認者と期限を付けて受け入れた不適合',
  },
  {
    en: 'warn about waivers expiring within N days',
    ja: 'N 日以内に期限が切れる例外承認を警告する',
  },
  {
    en: 'then deliver the findings file (--output) to the SOC',
    ja: 'スキャン後、検出結果ファイル（--output）を SOC に送信する',
  },
  // history store (scan, report, history, diff)
  {
    en: 'history store: a SQLite file, or postgres://… (default: KANSA_STORE_URL, else kansa/history.sqlite under the user data directory)',
    ja: '履歴ストア: SQLite ファイル、または postgres://…（既定値: KANSA_STORE_URL、なければユーザデータディレクトリの kansa/history.sqlite）',
  },
  { en: 'do not read or record scan history', ja: 'スキャン履歴を読み込まず、記録もしない' },
  {
    en: 'history store whose earlier scans the HTML report charts, and that --run reads: a SQLite file, or postgres://… (default: KANSA_STORE_URL; the store kansa scan records into by itself is not read)',
    ja: 'HTML レポートの推移グラフに過去のスキャンを使い、--run で読み込む履歴ストア: SQLite ファイル、または postgres://…（既定値: KANSA_STORE_URL。kansa scan が指定なしで記録する履歴ストアは読み込まない）',
  },
  {
    en: 'do not read scan history, not even KANSA_STORE_URL',
    ja: 'スキャン履歴を読み込まない（KANSA_STORE_URL も使わない）',
  },
  // delivery to the SOC (scan --send, send)
  {
    en: 'changes since the last scan (needs the history store), or all',
    ja: '前回のスキャンからの変化のみ（履歴ストアが必要）、またはすべて',
  },
  {
    en: 'where deliveries that fail wait for the next run (default: beside the store)',
    ja: '送信に失敗したレコードを次回の実行まで保存する場所（既定値: 履歴ストアと同じ場所）',
  },
  // live scans: Azure, AWS, Google Cloud (src/sources/*/live/flags.ts)
  {
    en: 'scan Azure live: every subscription the identity can read (Resource Graph + ARM)',
    ja: 'Azure をライブでスキャンする: 認証した ID が読み取れるすべてのサブスクリプション（Resource Graph + ARM）',
  },
  {
    en: 'with --azure: only these subscriptions (comma-separated GUIDs)',
    ja: '--azure と併用: これらのサブスクリプションのみ（GUID をカンマ区切りで）',
  },
  {
    en: 'with --azure: the subscriptions under these management groups (comma-separated ids)',
    ja: '--azure と併用: これらの管理グループ配下のサブスクリプション（ID をカンマ区切りで）',
  },
  {
    en: 'scan AWS live: AWS Config in every enabled region, plus the IAM credential report',
    ja: 'AWS をライブでスキャンする: 有効なすべてのリージョンの AWS Config と IAM 認証情報レポート',
  },
  {
    en: 'with --aws: only these regions (comma-separated)',
    ja: '--aws と併用: これらのリージョンのみ（カンマ区切りで）',
  },
  {
    en: 'with --aws: read every account and region through this Config aggregator',
    ja: '--aws と併用: この Config アグリゲータを通してすべてのアカウントとリージョンを読み取る',
  },
  {
    en: 'with --aggregator: the region the aggregator is in (default: AWS_REGION, else us-east-1)',
    ja: '--aggregator と併用: アグリゲータのあるリージョン（既定値: AWS_REGION、なければ us-east-1）',
  },
  {
    en: "with --aws: assume this role in each account; '{account}' stands for the account id",
    ja: "--aws と併用: 各アカウントでこのロールを引き受ける。'{account}' はアカウント ID に置き換わる",
  },
  {
    en: 'with --role-arn: the accounts to read (comma-separated 12-digit ids)',
    ja: '--role-arn と併用: 読み取るアカウント（12 桁の ID をカンマ区切りで）',
  },
  {
    en: "with --role-arn: the sts:ExternalId the role's trust policy requires",
    ja: '--role-arn と併用: ロールの信頼ポリシーが求める sts:ExternalId',
  },
  {
    en: 'scan Google Cloud live from Cloud Asset Inventory (Application Default Credentials)',
    ja: 'Google Cloud を Cloud Asset Inventory からライブでスキャンする（アプリケーションのデフォルト認証情報を使用）',
  },
  {
    en: 'Google Cloud: the organization to scan (every project in it)',
    ja: 'Google Cloud: スキャンする組織（その中のすべてのプロジェクト）',
  },
  {
    en: 'Google Cloud: folders to scan (comma-separated), every project below them',
    ja: 'Google Cloud: スキャンするフォルダ（カンマ区切りで）。その配下のすべてのプロジェクトを読む',
  },
  {
    en: 'Google Cloud: projects to scan (ids or numbers, comma-separated)',
    ja: 'Google Cloud: スキャンするプロジェクト（ID または番号をカンマ区切りで）',
  },
  {
    en: 'Google Cloud: asset types to list (comma-separated; default: all kansa reads)',
    ja: 'Google Cloud: 一覧を取得するアセットタイプ（カンマ区切りで。既定値: kansa が読むすべてのタイプ）',
  },
  {
    en: `Google Cloud: ListAssets calls per minute, the consumer project's quota (default ${LIST_ASSETS_QUOTA_PER_MINUTE})`,
    ja: `Google Cloud: 1 分あたりの ListAssets 呼び出し数。割り当てを消費するプロジェクトの上限に合わせる（既定値 ${LIST_ASSETS_QUOTA_PER_MINUTE}）`,
  },
  // one shard of an org-wide run (shard-options.ts)
  {
    en: 'scan shard I of N: the scopes (live) or accounts (--input) whose stable hash falls in it; auto/N reads JOB_COMPLETION_INDEX (Kubernetes Indexed Job)',
    ja: 'N 分割のうちシャード I をスキャンする: 安定したハッシュ値がこのシャードに入るスコープ（ライブ）またはアカウント（--input）。auto/N は JOB_COMPLETION_INDEX を読む（Kubernetes の Indexed Job）',
  },
  {
    en: 'the run the shards record into (default: KANSA_RUN_ID, JOB_NAME, or the Indexed Job pod name less its index)',
    ja: 'シャードが記録する実行の ID（既定値: KANSA_RUN_ID、JOB_NAME、または Indexed Job の Pod 名からインデックスを除いたもの）',
  },
  {
    en: 'live scans: N processes share this identity API quota: each paces at 1/N of the rate',
    ja: 'ライブ スキャン: この ID の API 割り当てを N 個のプロセスで共有する。各プロセスはレートの 1/N で呼び出す',
  },
  // checks, frameworks
  {
    en: 'list every check: id, cloud, severity, title (ja/en), requirement ids',
    ja: 'すべてのチェックを一覧表示する: ID、クラウド、重大度、タイトル（日本語・英語）、要件 ID',
  },
  {
    en: 'list frameworks, or show one: every requirement, its clause, the checks behind it',
    ja: 'フレームワークを一覧表示する。名前を指定すると、その全要件と根拠条項、各要件を判定するチェックを表示する',
  },
  {
    en: 'requirement × cloud: the checks behind each requirement, MANUAL, or a gap',
    ja: '要件 × クラウドの表: 各要件を判定するチェック、MANUAL（手作業での確認）、または未対応',
  },
  // report
  {
    en: 'render a findings file (kansa scan --output) as HTML, CSV, OCSF or SARIF, without rescanning',
    ja: '検出結果ファイル（kansa scan --output）を、再スキャンせずに HTML、CSV、OCSF または SARIF のレポートにする',
  },
  {
    en: 'the findings file (kansa scan --format json --output FILE)',
    ja: '検出結果ファイル（kansa scan --format json --output FILE）',
  },
  {
    en: 'instead of --input: the merged shards of this run (kansa scan --run-id) in --store',
    ja: '--input の代わりに、--store にあるこの実行（kansa scan --run-id）の全シャードをまとめた結果',
  },
  {
    en: 'write here (default: stdout); with several --framework-view, FILE.<framework>.csv each',
    ja: '書き込み先（既定値: 標準出力）。--framework-view を複数指定したときはそれぞれ FILE.<framework>.csv',
  },
  {
    en: 'language of the texts (HTML: the initial language)',
    ja: 'テキストの言語（HTML では最初に表示する言語）',
  },
  {
    en: 'report in these frameworks (osaka, kobe, gov or a file; default: the scanned one); several: CSV only',
    ja: 'これらのフレームワークで報告する（osaka、kobe、gov またはファイル。既定値: スキャンに使ったもの）。複数指定は CSV のみ',
  },
  {
    en: 'earlier findings files: the HTML report charts the trend',
    ja: '過去の検出結果ファイル: HTML レポートに推移のグラフを載せる',
  },
  // history, history prune, diff
  {
    en: 'list recorded scans, with failures per requirement over time (a trend)',
    ja: '記録したスキャンを、要件ごとの不適合件数の推移とともに一覧表示する',
  },
  { en: 'the last N scans', ja: '直近 N 回のスキャン' },
  {
    en: `delete scans older than --keep (default ${DEFAULT_KEEP}: at least a year); the latest scan is always kept`,
    ja: `--keep より古いスキャンを削除する（既定値 ${DEFAULT_KEEP}: 1 年以上は残す）。最新のスキャンは常に残す`,
  },
  {
    en: 'keep this much history: Nd (days), Nw, Nm (30 days), Ny (365 days)',
    ja: '残す履歴の期間: Nd（日）、Nw（週）、Nm（30 日）、Ny（365 日）',
  },
  {
    en: 'compare two recorded scans: new, resolved, reopened, changed, still open (with age)',
    ja: '記録した 2 回のスキャンを比較する: 新規、解消、再発、変更、継続中（継続日数つき）',
  },
  {
    en: 'the earlier scan: #N, or an id or its prefix (default: the complete scan before --to)',
    ja: '比較元（前）のスキャン: #N、ID またはその先頭部分（既定値: --to の前の完了したスキャン）',
  },
  {
    en: 'the later scan (default: the latest complete scan)',
    ja: '比較先（後）のスキャン（既定値: 最新の完了したスキャン）',
  },
  // send
  {
    en: 'deliver a findings file to Microsoft Sentinel, Splunk, AWS Security Hub or a webhook',
    ja: '検出結果ファイルを Microsoft Sentinel、Splunk、AWS Security Hub または Webhook に送信する',
  },
  {
    en: 'the findings file (kansa scan --output FILE)',
    ja: '検出結果ファイル（kansa scan --output FILE）',
  },
  { en: 'where to', ja: '送信先' },
  { en: 'language of the texts', ja: 'テキストの言語' },
];

const JAPANESE: ReadonlyMap<string, string> = new Map(HELP_TEXTS.map(({ en, ja }) => [en, ja]));
