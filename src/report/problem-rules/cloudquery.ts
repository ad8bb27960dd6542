import type { Rule } from './rule.ts';

/**
 * What the reader of CloudQuery's file destination runs into (sources/cloudquery.ts and the
 * tables under sources/{aws,azure,gcp}/cloudquery-*.ts). Before the export rules: the Steampipe
 * rule for a row without columns would otherwise take the CloudQuery one's words.
 */
export const CLOUDQUERY_RULES: readonly Rule[] = [
  [
    /a CloudQuery row in a file whose name names no table: keep the file destination path (\S+) or (\S+)/g,
    'CloudQuery の行ですが、ファイル名がテーブルを示していません。file 出力先の path を $1 または $2 のままにしてください',
  ],
  [
    /a CloudQuery (\w+) row: kansa does not read this table's columns/g,
    'CloudQuery の $1 の行です。このテーブルの列は読み込みません',
  ],
  [
    /a CloudQuery (\w+) row without the columns (.+?): their settings are unknown; sync the table without skip_columns/g,
    'CloudQuery の $1 の行に列 $2 がありません。設定が分かりません。skip_columns を使わずにテーブルを同期してください',
  ],
  [/an? (\w+) row without the columns that name it/g, '$1 の行に、リソースを特定する列がありません'],
  [
    /an aws_iam_password_policies row whose policy_exists is not true or false/g,
    'aws_iam_password_policies の行の policy_exists が true / false ではありません',
  ],
];
