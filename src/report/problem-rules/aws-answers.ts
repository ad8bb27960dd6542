import type { Rule } from './rule.ts';

/**
 * What the AWS CLI's answers run into: those that name no resource (sources/aws/unnamed-answers.ts,
 * s3-bucket-answers.ts), and empty listings that cover no scope (sources/aws/empty-listing.ts).
 */
/** The nouns of the AWS CLI's answers that name no resource. */
const UNNAMED: Record<string, string> = {
  bucket: 'バケット',
  account: 'アカウント',
  Region: 'リージョン',
};

export const AWS_ANSWER_RULES: readonly Rule[] = [
  [
    /a tag list \(\{"Tags": \[\{Key, Value\}\]\}, as dynamodb list-tags-of-resource and sns list-tags-for-resource answer\) names no resource: saved as <account>\/<region>\/dynamodb-list-tags-of-resource_<table>\.json, it is read as the table's tags/g,
    'タグの一覧（{"Tags": [{Key, Value}]}。dynamodb list-tags-of-resource や sns list-tags-for-resource の応答）はリソースを示していません: <account>/<region>/dynamodb-list-tags-of-resource_<テーブル>.json として保存すると、そのテーブルのタグとして読み込まれます',
  ],
  [
    /aws dynamodb list-tags-of-resource of (\S+) is one page of its tags \(NextToken\): the others may hold its class, so the page is not read/g,
    'aws dynamodb list-tags-of-resource の $1 の応答はタグの途中のページ（NextToken）です: ほかのページに機密性のタグがあるかもしれないため、このページは読み込みません',
  ],
  [
    /aws kms list-resource-tags names no key: saved as <account>\/<region>\/kms-list-resource-tags_<key id>\.json, it is read as the key's tags/g,
    'aws kms list-resource-tags の応答はキーを示していません: <account>/<region>/kms-list-resource-tags_<キー ID>.json として保存すると、そのキーのタグとして読み込まれます',
  ],
  [
    /aws kms list-resource-tags of (\S+) is one page of its tags \(Truncated\): the others may hold its class, so the page is not read/g,
    'aws kms list-resource-tags の $1 の応答はタグの途中のページ（Truncated）です: ほかのページに機密性のタグがあるかもしれないため、このページは読み込みません',
  ],
  [
    /: owned by (\S+), not the account read: aws ([\w-]+ [\w-]+) lists others' public ones too \(--owner-ids self lists the account's own\)/g,
    ': 所有者は $1 で、読み取ったアカウントのものではありません: aws $2 はほかのアカウントの公開スナップショットも一覧にします（--owner-ids self で自アカウントのものだけになります）',
  ],
  [
    /aws s3api get-bucket-location answered LocationConstraint (.+), which is no Region/g,
    'aws s3api get-bucket-location の応答の LocationConstraint $1 はリージョンではありません',
  ],
  [
    /a bucket policy document of (\S+) \(get-bucket-policy --query Policy\) names no account: saved in <account>\/ folders, it is read/g,
    'バケット $1 のバケットポリシー文書（get-bucket-policy --query Policy）はアカウントを示していません: <account>/ フォルダーに保存すると読み込まれます',
  ],
  [
    /a policy document alone \(as --query Policy or --query PolicyVersion\.Document saves it\) names no resource kansa reads; a bucket's is read where every statement names a principal and the bucket/g,
    'ポリシー文書だけ（--query Policy や --query PolicyVersion.Document で保存したもの）では、読み込むリソースが分かりません。すべての文がプリンシパルとバケットを示すものはバケットポリシーとして読み込みます',
  ],
  [
    /aws s3control get-public-access-block names no account: saved in <account>\/ folders or as (\S+), it is read/g,
    'aws s3control get-public-access-block の応答はアカウントを示していません: <account>/ フォルダーに保存するか $1 として保存すると読み込まれます',
  ],
  [
    /aws s3api list-buckets names no account: saved in <account>\/ folders, its buckets \(([^)]*)\) are read/g,
    'aws s3api list-buckets の応答はアカウントを示していません: <account>/ フォルダーに保存すると、バケット（$1）が読み込まれます',
  ],
  [
    /aws ([\w-]+ [\w-]+) lists none on a page that has a next one \(NextToken\): not the whole listing, it is read as none listed, not as none there/g,
    'aws $1 の応答は次のページ（NextToken）がある途中のページで、一覧の全体ではありません: 何も一覧にないとは読みますが、存在しないとは読みません',
  ],
  [
    /aws ([\w-]+ [\w-]+) lists none, and the file's folders or name give no account( or Region)?: it covers no scope \(saved in (\S+) folders, it is read as their listing\)/g,
    (_match, command: string, region: string | undefined, folders: string) =>
      `aws ${command} の応答には何もありませんが、ファイルのフォルダーや名前がアカウント${region ? 'とリージョン' : ''}を示していないため、どの範囲の一覧ともみなしません（${folders} フォルダーに保存すると、その一覧として読み込まれます）`,
  ],
  [
    /aws ([\w-]+ [\w-]+) lists no (bucket)(?: in ([^:]+))?: no resource to read/g,
    (_match, command: string, noun: string, place: string) =>
      `aws ${command} の応答には${place ? ` ${place} の` : ''}${UNNAMED[noun] ?? noun}がありません: 読み込むリソースはありません`,
  ],
  [
    /aws iam get-account-summary names no account: saved as <account>_account-summary\.json or in <account>\/ folders, it is read/g,
    'aws iam get-account-summary の応答はアカウントを示していません: <account>_account-summary.json として保存するか <account>/ フォルダーに保存すると読み込まれます',
  ],
  [
    /aws guardduty get-detector names no detector: saved as <account>\/<region>\/get-detector-<detector id>\.json, it is read/g,
    'aws guardduty get-detector の応答はディテクターを示していません: <account>/<region>/get-detector-<ディテクター ID>.json として保存すると読み込まれます',
  ],
  [
    /aws guardduty list-detectors names no account or Region: saved in <account>\/<region>\/ folders, its detectors \(([^)]*)\) are read/g,
    'aws guardduty list-detectors の応答はアカウントもリージョンも示していません: <account>/<region>/ フォルダーに保存すると、ディテクター（$1）が読み込まれます',
  ],
  [
    /aws cloudtrail get-trail-status names no trail: saved as <account>\/<home region>\/get-trail-status_<trail>\.json, it is read/g,
    'aws cloudtrail get-trail-status の応答は証跡を示していません: <account>/<ホームリージョン>/get-trail-status_<証跡名>.json として保存すると読み込まれます',
  ],
  [
    /: no (\S+(?: and no \S+)?): aws ([\w-]+ [\w-]+) names \w+; saved as (\S+), it is read/g,
    (_match, lacks: string, command: string, file: string) =>
      `: ${lacks
        .split(' and no ')
        .map((noun) => UNNAMED[noun] ?? noun)
        .join(
          'と',
        )}が分かりません（aws ${command} の応答は示していません）: ${file} として保存すると読み込まれます`,
  ],
  [
    /aws kms get-key-policy names no key: read the key's Config item \(it carries the policy\)/g,
    'aws kms get-key-policy の応答はキーを示していません: キーの Config の設定項目を読み込んでください（ポリシーを含みます）',
  ],
  [
    /aws dynamodb describe-continuous-backups \(or update-continuous-backups\) names no table, and no check reads point-in-time recovery/g,
    'aws dynamodb describe-continuous-backups（または update-continuous-backups）の応答はテーブルを示していません。また、ポイントインタイムリカバリを読むチェックはありません',
  ],
  [
    /aws sqs list-message-move-tasks lists message move tasks \(a dead-letter queue redrive\), not a resource kansa checks/g,
    'aws sqs list-message-move-tasks の応答はメッセージ移動タスク（デッドレターキューの再処理）の一覧で、kansa が確認するリソースではありません',
  ],
  [
    /aws ec2 get-ebs-encryption-by-default is an account and Region setting no kansa check reads \(each volume says whether it is encrypted\)/g,
    'aws ec2 get-ebs-encryption-by-default はアカウントとリージョンの設定で、これを読むチェックはありません（暗号化されているかはボリュームごとに示されます）',
  ],
  [
    /aws ec2 get-ebs-default-kms-key-id is an account and Region setting no check reads/g,
    'aws ec2 get-ebs-default-kms-key-id はアカウントとリージョンの設定で、これを読むチェックはありません',
  ],
  [
    /aws s3api get-bucket-versioning names no bucket, and no check reads versioning/g,
    'aws s3api get-bucket-versioning の応答はバケットを示していません。また、バージョニングを読むチェックはありません',
  ],
  [
    /aws cloudtrail get-event-selectors names no trail ARN \((.+?)\)/g,
    'aws cloudtrail get-event-selectors の応答は証跡の ARN を示していません（$1）',
  ],
  [
    /aws configservice describe-configuration-recorders \(or -status\) describes the recorder, not a resource kansa checks/g,
    'aws configservice describe-configuration-recorders（または -status）の応答はレコーダーの説明で、kansa が確認するリソースではありません',
  ],
  [
    /aws sts get-caller-identity names who ran the commands, not a resource kansa checks/g,
    'aws sts get-caller-identity の応答はコマンドを実行した ID を示すもので、kansa が確認するリソースではありません',
  ],
  [
    /aws kms list-keys names each key by its id and ARN alone: aws kms describe-key and get-key-rotation-status give what the checks read/g,
    'aws kms list-keys はキーを ID と ARN だけで示します: チェックが読む設定は aws kms describe-key と get-key-rotation-status で出力してください',
  ],
  [
    /aws iam list-virtual-mfa-devices lists no device of the root user \(a hardware key is not listed\), and users' MFA is read from the credential report's mfa_active/g,
    'aws iam list-virtual-mfa-devices にルートユーザのデバイスがありません（ハードウェアキーは載りません）。ユーザの MFA は認証情報レポートの mfa_active で読みます',
  ],
  [
    /aws configservice list-discovered-resources names each resource by type and id alone \(no account, Region or setting\): batch-get-resource-config gives their configuration items/g,
    'aws configservice list-discovered-resources はリソースを種類と ID だけで示します（アカウント・リージョン・設定なし）: 設定項目は batch-get-resource-config で出力してください',
  ],
  [
    /aws iam list-access-keys names the user by name alone \(its ARN's path is not told\): the credential report \(aws iam get-credential-report\) gives each user's keys and when they were rotated/g,
    'aws iam list-access-keys はユーザを名前だけで示します（ARN のパスが分かりません）: 各ユーザのアクセスキーとそのローテーション日時は認証情報レポート（aws iam get-credential-report）で分かります',
  ],
  [
    /aws iam get-access-key-last-used names the user by name alone: the credential report gives each key's last use/g,
    'aws iam get-access-key-last-used はユーザを名前だけで示します: 各キーの最終使用は認証情報レポートで分かります',
  ],
  [
    /aws iam list-mfa-devices names the user by name alone, and an empty list not at all: the credential report's mfa_active says who has MFA/g,
    'aws iam list-mfa-devices はユーザを名前だけで示し、空の一覧ではユーザを示しません: MFA の有無は認証情報レポートの mfa_active で分かります',
  ],
  [
    /aws iam get-login-profile names the user by name alone: the credential report's password_enabled says who has a console password/g,
    'aws iam get-login-profile はユーザを名前だけで示します: コンソールのパスワードの有無は認証情報レポートの password_enabled で分かります',
  ],
  [
    /aws iam list-attached-user-policies \(or -role-, -group-\) names no principal: aws iam get-account-authorization-details gives each principal with its policies/g,
    'aws iam list-attached-user-policies（-role-、-group- も同じ）はプリンシパルを示しません: 各プリンシパルとそのポリシーは aws iam get-account-authorization-details で出力してください',
  ],
  [
    /aws iam list-user-policies \(or -role-, -group-\) names no principal nor what its inline policies allow: aws iam get-account-authorization-details gives them/g,
    'aws iam list-user-policies（-role-、-group- も同じ）はプリンシパルもインラインポリシーの内容も示しません: aws iam get-account-authorization-details で出力してください',
  ],
  [
    /aws iam generate-credential-report only starts the report: get-credential-report gives it/g,
    'aws iam generate-credential-report はレポートの作成を始めるだけです: レポートは get-credential-report で出力してください',
  ],
];
