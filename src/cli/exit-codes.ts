import type { Lang, Localized } from '../model/localized.ts';

/**
 * Every exit code kansa returns, in one place: `--help`, the README table and the code paths
 * all read this list. A new code (e.g. for a delivery failure) is added here, nowhere else.
 * No path may fail open: anything unexpected ends in `internalError`, never in 0 or 1.
 */
export const EXIT = {
  /** Nothing at or above `--fail-on` (always 0 without `--fail-on`), and the scan is complete. */
  ok: 0,
  /** A failure at or above `--fail-on` (also in a partial scan: what was read already fails). */
  failOn: 1,
  /** Usage error, bad framework or policy file, no input could be read, output cannot be written. */
  usage: 2,
  /** The scan is partial (inputs or scopes could not be read) and `--allow-partial` was not given. */
  partial: 3,
  /** An internal error (a kansa bug): a one-line message; `--debug` prints the stack. */
  internalError: 4,
  /** The history store cannot be opened or written, or another run holds its lock: nothing was scanned. */
  storeUnavailable: 5,
  /** Delivery to the SOC did not complete: records were spooled for the next run or refused. */
  delivery: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** One line per code, for `--help` (in either language) and the README (in English). */
export const EXIT_CODE_MEANINGS: readonly { readonly code: ExitCode; readonly meaning: Localized }[] = [
  {
    code: EXIT.ok,
    meaning: {
      en: 'no failure at or above --fail-on (always 0 without it), scan complete',
      ja: '--fail-on 以上の不適合なし（--fail-on なしでは常に 0）、スキャン完了',
    },
  },
  {
    code: EXIT.failOn,
    meaning: {
      en: 'a failure at or above --fail-on (also when the scan is partial)',
      ja: '--fail-on 以上の不適合あり（スキャンが部分的な場合も）',
    },
  },
  {
    code: EXIT.usage,
    meaning: {
      en: 'usage error, bad framework/policy file, no input readable, output not writable',
      ja: '使い方の誤り、フレームワーク・ポリシーの誤り、入力を読めず、出力を書けず',
    },
  },
  {
    code: EXIT.partial,
    meaning: {
      en: 'partial scan: some inputs or scopes unreadable (see --allow-partial)',
      ja: '部分的なスキャン: 一部の入力・スコープを読めず（--allow-partial 参照）',
    },
  },
  {
    code: EXIT.internalError,
    meaning: {
      en: 'internal error (a kansa bug): rerun with --debug for the stack',
      ja: '内部エラー（kansa の不具合）: --debug を付けて再実行するとスタックを表示',
    },
  },
  {
    code: EXIT.storeUnavailable,
    meaning: {
      en: 'history store unavailable, or in use by another run (see --store-wait); nothing scanned',
      ja: '履歴ストアが使えないか別の実行が使用中（--store-wait 参照）、スキャンせず',
    },
  },
  {
    code: EXIT.delivery,
    meaning: {
      en: 'SOC delivery incomplete: records spooled for the next run, or refused',
      ja: 'SOC への送信が未完了: 次回の実行に向けてスプールに保存、または拒否された',
    },
  },
];

const EXIT_CODES_TITLE: Localized = { en: 'Exit codes:', ja: '終了コード:' };

/** The "Exit codes:" block appended to `--help`, in the language of the command line. */
export function exitCodeHelp(lang: Lang): string {
  const lines = EXIT_CODE_MEANINGS.map(({ code, meaning }) => `  ${code}  ${meaning[lang]}`);
  return `\n${EXIT_CODES_TITLE[lang]}\n${lines.join('\n')}\n`;
}
