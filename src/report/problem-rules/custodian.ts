import type { Rule } from './rule.ts';

/**
 * What the reader of Cloud Custodian's run output runs into (sources/custodian-metadata.ts,
 * custodian-run.ts, aws/custodian-resources.ts, and the run's other files in
 * sources/walk-inputs.ts): records it cannot place or does not read, the run's own files passed over.
 */
export const CUSTODIAN_RULES: readonly Rule[] = [
  [
    /Cloud Custodian's run metadata: kansa reads it with the resources\.json beside it \(its policy's resource type, account and Region\)/g,
    'Cloud Custodian の実行メタデータです。隣の resources.json と合わせて読み込みます（ポリシーのリソースの種類、アカウント、リージョン）',
  ],
  [
    /Cloud Custodian's run log: the resources it matched are in resources\.json beside it/g,
    'Cloud Custodian の実行ログです。一致したリソースは隣の resources.json にあります',
  ],
  [
    /^(\S+): a Cloud Custodian resource type kansa does not read$/g,
    '$1: kansa が読み込む Cloud Custodian のリソースの種類ではありません',
  ],
  [
    /^(\S+): metadata\.json names no account \(config\.account_id\)$/g,
    '$1: metadata.json がアカウントを示しません（config.account_id）',
  ],
  [/^(\S+): a record that is not an object$/g, '$1: オブジェクトではないレコードです'],
  [/^aws\.s3: a record without the bucket’s Name$/g, 'aws.s3: バケットの Name がないレコードです'],
  [
    /^an azure\.subscription record without its subscriptionId and \/subscriptions\/<id>$/g,
    'subscriptionId と /subscriptions/<id> のない azure.subscription のレコードです',
  ],
  [
    /^(\S+): records kansa's (\S+) readers do not read$/g,
    '$1: kansa の $2 の読み込み処理が読まないレコードです',
  ],
];
