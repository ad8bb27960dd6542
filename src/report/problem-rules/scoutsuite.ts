import type { Rule } from './rule.ts';

/**
 * What the readers of NCC Group ScoutSuite's results run into (sources/scoutsuite.ts and the
 * clouds' scoutsuite*.ts, and the report's folder in sources/walk-inputs.ts): entries without
 * their name, services not read, the report's other files passed over.
 */
export const SCOUTSUITE_RULES: readonly Rule[] = [
  [
    /ScoutSuite's HTML report \(its page, scripts and styles\): kansa reads the results beside it, (\S+)/g,
    'ScoutSuite の HTML レポート（ページ、スクリプト、スタイル）です。隣の結果 $1 を読み込みます',
  ],
  [
    /a ScoutSuite (\S+) (\S+) entry without its name or ARN \(([^)]*)\)/g,
    'ScoutSuite の $1 の $2 の項目に名前または ARN がありません（$3）',
  ],
  [
    /a ScoutSuite (.+?) without its name or ARN \(([^)]*)\)/g,
    'ScoutSuite の $1 に名前または ARN がありません（$2）',
  ],
  [
    /a ScoutSuite (\S+) (\S+) entry without its name or location \(([^)]*)\)/g,
    'ScoutSuite の $1 の $2 の項目に名前またはロケーションがありません（$3）',
  ],
  [
    /a ScoutSuite (\S+) (\S+) entry without its name \(([^)]*)\)/g,
    'ScoutSuite の $1 の $2 の項目に名前がありません（$3）',
  ],
  [
    /a ScoutSuite iam service account key without its id or account's email \(([^)]*)\)/g,
    'ScoutSuite の iam のサービスアカウント キーに ID またはアカウントのメールアドレスがありません（$1）',
  ],
  [/a ScoutSuite S3 bucket without its name/g, 'ScoutSuite の S3 バケットに名前がありません'],
  [/a ScoutSuite RDS instance without its name/g, 'ScoutSuite の RDS インスタンスに名前がありません'],
  [/a ScoutSuite CloudTrail trail without its name/g, 'ScoutSuite の CloudTrail 証跡に名前がありません'],
  [
    /ScoutSuite securitycenter pricing: no name/g,
    'ScoutSuite の securitycenter の pricing の項目に名前がありません',
  ],
  [
    /ScoutSuite S3 bucket (\S+): no region \(GetBucketLocation failed in its run\)/g,
    'ScoutSuite の S3 バケット $1 にリージョンがありません（ScoutSuite の実行時に GetBucketLocation が失敗しました）',
  ],
  [/^ScoutSuite IAM credential report: /g, 'ScoutSuite の IAM 資格情報レポート: '],
  [/^ScoutSuite (\S+): /g, 'ScoutSuite の $1: '],
  [
    /ScoutSuite's exceptions file \(the findings its user accepted\), not inventory: kansa reads the resources of (\S+)/g,
    'ScoutSuite の例外ファイル（利用者が受け入れた検出結果）で、インベントリではありません。kansa は $1 のリソースを読み込みます',
  ],
  [
    /ScoutSuite's errors list \(the calls that failed during its run\), not inventory: what they left out is unknown in its results/g,
    'ScoutSuite のエラー一覧（実行中に失敗した呼び出し）で、インベントリではありません。失敗で欠けた項目は結果の中で不明として扱います',
  ],
  [
    /ScoutSuite results of provider "([^"]*)": kansa reads ScoutSuite's AWS, Azure and Google Cloud results \(provider_code "aws", "azure", "gcp"\) only/g,
    'プロバイダー「$1」の ScoutSuite の結果です。kansa が読み込むのは ScoutSuite の AWS、Azure、Google Cloud の結果（provider_code "aws"、"azure"、"gcp"）だけです',
  ],
  [
    /ScoutSuite results without the AWS account id \(account_id\)/g,
    'ScoutSuite の結果に AWS アカウント ID（account_id）がありません',
  ],
  [
    /a "scoutsuite_results =" file whose JSON is not ScoutSuite's results \(expected provider_code and services\)/g,
    '"scoutsuite_results =" で始まるファイルですが、JSON が ScoutSuite の結果ではありません（provider_code と services が必要です）',
  ],
  [
    /ScoutSuite aad user: no object id and sign-in name \(name\)/g,
    'ScoutSuite の aad のユーザにオブジェクト ID とサインイン名（name）がありません',
  ],
  [
    /ScoutSuite services kansa does not read: (.+) \(their resources are not scanned\)/g,
    'kansa が読み込まない ScoutSuite のサービス: $1（そのリソースはスキャンしません）',
  ],
];
