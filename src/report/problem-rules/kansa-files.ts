import type { Rule } from './rule.ts';

/**
 * What kansa's own files run into: frameworks, organisation policies and waivers (frameworks/),
 * and findings files read back (report/read-findings.ts).
 */
export const KANSA_FILE_RULES: readonly Rule[] = [
  // Framework, organisation policy and waiver files (frameworks/).
  [
    /invalid YAML: aliases expand too far \(an alias bomb\); write the values out/g,
    'YAML として不正です: エイリアスの展開が大きすぎます（エイリアス爆弾）。値をそのまま書いてください',
  ],
  [/invalid YAML: /g, 'YAML として不正です: '],
  [/unknown key "([^"]*)"/g, '不明なキー "$1" です'],
  [/missing required key "([^"]*)"/g, '必須のキー "$1" がありません'],
  [/("[^"]*") does not match (\S+)/g, '$1 が $2 に一致しません'],
  [/framework not found \(built-in: (.*)\)/g, 'フレームワークが見つかりません（組み込み: $1）'],
  [/duplicate requirement id (\S+)/g, '要件 ID $1 が重複しています'],
  [/unknown check id "([^"]*)" \(see `([^`]*)`\)/g, '不明なチェック ID "$1" です（`$2` で一覧）'],
  [/unknown check id: "([^"]*)"/g, '不明なチェック ID "$1" です'],
  [/not a check of framework (\S+): "([^"]*)"/g, 'フレームワーク $1 のチェックではありません: "$2"'],
  [/ \(see `([^`]*)`\)/g, '（`$1` で一覧）'],
  [/organisation policy file not found/g, '組織のポリシー ファイルが見つかりません'],
  [/rule id "([^"]*)" is already a check id/g, 'ルール ID "$1" はすでにチェック ID として使われています'],
  [/framework (\S+) has no requirement (\S+)/g, 'フレームワーク $1 に要件 $2 はありません'],
  [/unknown resource type "([^"]*)" \(one of: (.*)\)/g, '不明なリソースの種類 "$1" です（次のいずれか: $2）'],
  [/invalid CEL in (\S+): /g, '$1 の CEL が不正です: '],
  [/cannot read the waivers file \(([^)]*)\)/g, '例外承認ファイルを読み込めません（$1）'],
  [/waivers file not found/g, '例外承認ファイルが見つかりません'],
  [/duplicate waiver id (\S+)/g, '例外承認 ID $1 が重複しています'],
  [
    /waiver (\S+) expires \(([^)]*)\) before it was approved \(([^)]*)\)/g,
    '例外承認 $1 の期限（$2）が承認日（$3）より前です',
  ],
  [/(\S+): not a date: (.*)/g, '$1: 日付ではありません: $2'],
  // Findings files read back (report/read-findings.ts).
  [/cannot read the findings file \(([^)]*)\)/g, '検出結果ファイルを読み込めません（$1）'],
  [
    /the findings file ends early: the scan did not finish, or the file was cut/g,
    '検出結果ファイルが途中で終わっています。スキャンが終わらなかったか、ファイルが切り詰められています',
  ],
  [
    /the findings file has no trailer \(\{"end": …\}\): the scan did not finish, or the file was cut/g,
    '検出結果ファイルに終端（{"end": …}）がありません。スキャンが終わらなかったか、ファイルが切り詰められています',
  ],
  [
    /the findings file has no trailer \(\{"end": …\}\): the file was cut/g,
    '検出結果ファイルに終端（{"end": …}）がありません。ファイルが切り詰められています',
  ],
  [
    /finding of check (\S+), which the catalogue does not list/g,
    'チェック $1 の検出結果ですが、カタログにそのチェックがありません',
  ],
  [/check (\S+) has no message "([^"]*)"/g, 'チェック $1 にメッセージ "$2" がありません'],
  [
    /evidence record (\d+) out of order: records are numbered in file order, and (\d+) comes next/g,
    '証跡レコード $1 の順序が不正です。レコードはファイル内の順に番号が振られ、次は $2 です',
  ],
  [
    /evidence ref (\d+) names no evidence record among the last ([\d,]+) before this line/g,
    '証跡参照 $1 に当たる証跡レコードが、この行より前の直近 $2 件にありません',
  ],
  [
    /not a kansa findings file \(no schemaVersion\): write one with /g,
    'kansa の検出結果ファイルではありません（schemaVersion がありません）。次のコマンドで作成してください: ',
  ],
  [
    /findings file schemaVersion (\S+) is not readable by this kansa \(reads (\S+)\)/g,
    '検出結果ファイルの schemaVersion $1 はこの kansa では読めません（読めるのは $2）',
  ],
];
