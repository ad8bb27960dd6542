import type { Rule } from './rule.ts';

/** What a run runs into: live calls and their gaps, output files, the history store, usage errors. */
/** Why AWS Config records nothing in a Region (sources/aws/live/config.ts; the last, as older findings files word it). */
const CONFIG_STATES: Record<string, string> = {
  'has no configuration recorder': 'にはレコーダーがありません',
  'recorder is stopped': 'のレコーダーは停止しています',
  'not recording': 'は記録していません',
};

export const RUN_RULES: readonly Rule[] = [
  // The gaps of a live scan (base/calls, sources/*/live/errors.ts, the collectors).
  [/^subscription (\S+)/g, 'サブスクリプション $1'],
  [/^resource graph$/g, 'Resource Graph'],
  // What a Resource Graph query that failed was asked over (sources/azure/live/graph.ts).
  [/^tenant \(every readable subscription\): /g, 'テナント（読み取れるすべてのサブスクリプション）: '],
  [/^management group (.+?): /g, '管理グループ $1: '],
  [
    /^(?:project|organization|folder) /g,
    (scope) =>
      ({ 'project ': 'プロジェクト ', 'organization ': '組織 ', 'folder ': 'フォルダ ' })[scope] ?? scope,
  ],
  [/diagnostic settings of (\S+): /g, '$1 の診断設定: '],
  [/SQL auditing settings of (\S+): /g, '$1 の SQL 監査設定: '],
  [/Key Vault keys of (\S+): /g, '$1 の Key Vault のキー: '],
  [/budgets of (\S+): /g, '$1 の予算: '],
  // The role assignments above a subscription, whose query failed (sources/azure/live/role-assignments.ts).
  [
    /^role assignments inherited from management groups and the root \(\/\): /g,
    '管理グループとルート（/）から継承するロールの割り当て: ',
  ],
  [
    / \(the Reader role on the management groups above the subscription \(or the Tenant Root Group\) grants this read\)/g,
    '（上位の管理グループ（またはテナント ルート グループ）の閲覧者（Reader）ロールでこの読み取りが許可されます）',
  ],
  [
    /incomplete, page (\d+) failed after (\d+) page\(s\) read: /g,
    '不完全です。$2 ページを読んだ後、ページ $1 が失敗しました: ',
  ],
  [
    / \(the Reader role on the subscription grants this read\)/g,
    '（サブスクリプションの閲覧者（Reader）ロールでこの読み取りが許可されます）',
  ],
  [
    /incomplete: (.+?) page (\d+) failed after (\d+) page\(s\) \((\d+) resources?(?:\(s\))?\) read: /g,
    '不完全です: $1 は $3 ページ（リソース $4 件）を読んだ後、ページ $2 が失敗しました: ',
  ],
  [
    /: whether the recorder is on is unknown; the inventory was read as if it were/g,
    ': レコーダーが動作しているか分かりません。動作しているものとしてインベントリを読みました',
  ],
  [
    /: whether the recorder records every resource type is unknown/g,
    ': レコーダーがすべてのリソースの種類を記録しているか分かりません',
  ],
  [
    /AWS Config (.+?) in this region \(OSK-5\.1: not centrally managed\); read directly instead: (.+); not read: (.+)$/g,
    (_match, state: string, covers: string, misses: string) =>
      `このリージョンの AWS Config ${CONFIG_STATES[state] ?? `は ${state} です`}（OSK-5.1: 一元管理されていません）。代わりに直接読み取りました: ${covers}。読み取っていないもの: ${misses}`,
  ],
  [
    /the AWS Config recorder "([^"]*)" records only some resource types \(recordingGroup\.allSupported false\): resources of other types are not seen/g,
    'AWS Config レコーダー "$1" は一部のリソースの種類だけを記録しています（recordingGroup.allSupported が false）。ほかの種類のリソースは見えません',
  ],
  [
    /S3 buckets and the account Block Public Access, IAM users, groups and roles, RDS DB instances, EC2 security groups and volumes, KMS keys, CloudTrail trails/g,
    'S3 バケットとアカウントのブロック パブリック アクセス、IAM ユーザ・グループ・ロール、RDS DB インスタンス、EC2 セキュリティ グループとボリューム、KMS キー、CloudTrail の証跡',
  ],
  [
    /EKS clusters, Lambda functions, CloudWatch Logs log groups, VPCs and flow logs, GuardDuty detectors, RDS clusters and every other type/g,
    'EKS クラスター、Lambda 関数、CloudWatch Logs のロググループ、VPC とフローログ、GuardDuty ディテクター、RDS クラスター、その他すべての種類',
  ],
  [/(\d+) resource\(s\) stayed unprocessed by (\S+)/g, '$1 件のリソースが $2 で未処理のまま残りました'],
  [/^aggregator source /g, 'アグリゲーターのソース '],
  [
    /credential report not read \((.*)\): root MFA and root access keys from iam:GetAccountSummary; per-user console password, MFA and access-key age unknown/g,
    '認証情報レポートを読めませんでした（$1）。ルートの MFA とアクセスキーは iam:GetAccountSummary から読みました。ユーザごとのコンソール パスワード、MFA、アクセスキーの経過日数は分かりません',
  ],
  [/ \(whether it is logging stays unknown\)/g, '（ログを記録しているかは分からないままです）'],
  [/; the password policy stays unknown/g, '。パスワードポリシーは分からないままです'],
  [
    /cloudtrail:GetTrailStatus not called for (\d+) trail\(s\) of accounts without credentials \(give --role-arn and --accounts\): whether they are logging stays unknown/g,
    '認証情報のないアカウントの証跡 $1 件には cloudtrail:GetTrailStatus を呼んでいません（--role-arn と --accounts を指定してください）。ログを記録しているかは分からないままです',
  ],
  [/^not read directly: /g, '直接読み取れませんでした: '],
  [/S3 bucket (\S+) not read: /g, 'S3 バケット $1 を読めませんでした: '],
  [
    /the scope's deadline \(([^()]+)\) passed(?:: what was read before it is kept)?/g,
    'スコープの期限（$1）が過ぎました。それまでに読んだものは残しています',
  ],
  [
    /not the caller's account \(([^)]*)\): give --role-arn to read it/g,
    '呼び出し元のアカウント（$1）ではありません。読むには --role-arn を指定してください',
  ],
  [
    /not found, or not readable by this identity \(it needs the Reader role on the subscription\)/g,
    '見つからないか、この ID では読めません（サブスクリプションの閲覧者（Reader）ロールが必要です）',
  ],
  [
    / \(Resource Graph reads what the Reader role grants: Microsoft\.ResourceGraph\/resources\/read and \*\/read on the subscription\)/g,
    '（Resource Graph は閲覧者（Reader）ロールが許す範囲を読みます: サブスクリプションの Microsoft.ResourceGraph/resources/read と */read）',
  ],
  [/access denied to (\S+)/g, '$1 へのアクセスが拒否されました'],
  [/access denied/g, 'アクセスが拒否されました'],
  [/the SecurityAudit or ReadOnlyAccess managed policy/g, 'SecurityAudit または ReadOnlyAccess 管理ポリシー'],
  [/ \(([^()]+) grants it\)/g, (_, grant) => `（${grant}${/[ -~]$/.test(grant) ? ' ' : ''}で許可されます）`],
  [
    /no answer within the request timeout \(([^)]*)\), after the SDK's retries/g,
    'SDK の再試行の後も、要求のタイムアウト内に応答がありません（$1）',
  ],
  [
    /region not enabled for this account \(opt-in region\), or the credentials are not valid there/g,
    'このアカウントで有効でないリージョン（オプトイン リージョン）か、認証情報がそこで有効ではありません',
  ],
  [/still throttled after retries/g, '再試行後もスロットリングされています'],
  [/no answer within the timeout/g, 'タイムアウト内に応答がありません'],
  [
    /no answer within ([^()]+?) \(connect and response timeout\)/g,
    '$1 以内に応答がありません（接続と応答のタイムアウト）',
  ],
  [/ \(gave up after (\d+) attempts\)/g, '（$1 回試みて中止しました）'],
  [
    / \(the service asked to wait ([^,()]+), longer than the ([^,()]+) kansa waits: try again later\)/g,
    '（サービスが $1 の待機を求めました。kansa が待つ上限 $2 を超えるため中止しました。時間をおいて再実行してください）',
  ],
  [/the scope's deadline passed while waiting on (.+)/g, '$1 を待つ間にスコープの期限が過ぎました'],
  [
    /connection refused: is the endpoint right, or is a proxy needed\?/g,
    '接続が拒否されました: エンドポイントが正しいか、プロキシが必要でないか確認してください',
  ],
  [
    /host name not found: no network, or DNS does not resolve it/g,
    'ホスト名が見つかりません: ネットワークがないか、DNS で解決できません',
  ],
  [
    /host name lookup failed: no network, or DNS is unreachable/g,
    'ホスト名の解決に失敗しました: ネットワークがないか、DNS に到達できません',
  ],
  [
    /network unreachable: no network connection/g,
    'ネットワークに到達できません: ネットワーク接続がありません',
  ],
  [/host unreachable: no route to it/g, 'ホストに到達できません: 経路がありません'],
  [/connection reset by the other end/g, '接続が相手側からリセットされました'],
  [/connection closed while sending/g, '送信中に接続が閉じられました'],
  [/connection closed unexpectedly/g, '接続が予期せず閉じられました'],
  [/connection timed out/g, '接続がタイムアウトしました'],
  [/connection aborted/g, '接続が中断されました'],
  [/TLS handshake failed/g, 'TLS ハンドシェイクに失敗しました'],
  [/the server certificate has expired/g, 'サーバー証明書の有効期限が切れています'],
  [/the server certificate cannot be verified/g, 'サーバー証明書を検証できません'],
  [
    /a self-signed certificate is in the chain \(a TLS-inspecting proxy\? set NODE_EXTRA_CA_CERTS\)/g,
    '証明書チェーンに自己署名証明書があります（TLS を検査するプロキシがあると思われます。NODE_EXTRA_CA_CERTS を設定してください）',
  ],
  [/the server certificate is self-signed/g, 'サーバー証明書が自己署名です'],
  [
    /could not reach the Microsoft Entra token endpoint \(login\.microsoftonline\.com\): no network, DNS, or a proxy \(HTTPS_PROXY\) is needed/g,
    'Microsoft Entra のトークン エンドポイント（login.microsoftonline.com）に到達できません: ネットワークがないか、DNS の問題か、プロキシ（HTTPS_PROXY）が必要です',
  ],
  [
    /no Azure credential could get a token \((.*)\): sign in with az login, or set AZURE_CLIENT_ID\/AZURE_TENANT_ID with a secret, certificate or workload identity/g,
    'どの Azure の認証情報でもトークンを取得できませんでした（$1）。az login でサインインするか、AZURE_CLIENT_ID/AZURE_TENANT_ID とシークレット・証明書・ワークロード ID を設定してください',
  ],
  [/ \(grant (\S+) on the scope to the identity\)/g, '（スコープでその ID に $1 を付与してください）'],
  [
    /the credentials file (\S+) \(GOOGLE_APPLICATION_CREDENTIALS\)/g,
    '認証情報ファイル $1（GOOGLE_APPLICATION_CREDENTIALS）',
  ],
  [/the Application Default Credentials/g, 'アプリケーションのデフォルト認証情報'],
  [
    /the private key in (.+) cannot be read \((.*)\): check that the file is an intact service account key/g,
    '$1 の秘密鍵を読み込めません（$2）。ファイルが壊れていないサービスアカウント キーか確認してください',
  ],
  [
    /no Application Default Credentials: run `gcloud auth application-default login`, or set GOOGLE_APPLICATION_CREDENTIALS to a key file, or run with an attached service account/g,
    'アプリケーションのデフォルト認証情報がありません。`gcloud auth application-default login` を実行するか、GOOGLE_APPLICATION_CREDENTIALS にキー ファイルを設定するか、サービスアカウントを関連付けて実行してください',
  ],
  [/ cannot be used \((.*)\)$/g, ' は使えません（$1）'],
  [
    /the token service refused (.+) \((.*)\): the key may be revoked or the account disabled/g,
    'トークン サービスが $1 を拒否しました（$2）。キーが失効しているか、アカウントが無効になっている可能性があります',
  ],
  [/azure: Resource Graph truncated the result/g, 'azure: Resource Graph が結果を切り詰めました'],
  [/Cloud Asset call failed; retrying/g, 'Cloud Asset の呼び出しが失敗しました。再試行します'],
  // Output files (report/atomic-file.ts).
  [/cannot write standard output: /g, '標準出力に書き込めません: '],
  [/cannot write (.+?): /g, '$1 に書き込めません: '],
  [/no space left on the device/g, 'デバイスに空きがありません'],
  [/disk quota exceeded/g, 'ディスク クォータを超えました'],
  [/permission denied/g, 'アクセス権がありません'],
  [/operation not permitted/g, '許可されていない操作です'],
  [/read-only file system/g, '読み取り専用のファイル システムです'],
  [/it is a directory/g, 'ディレクトリです'],
  [/no such file or directory/g, 'ファイルまたはディレクトリがありません'],
  [/a part of the path is not a directory/g, 'パスの一部がディレクトリではありません'],
  [/directory (.+) does not exist/g, 'ディレクトリ $1 がありません'],
  [/directory (.+) is not writable/g, 'ディレクトリ $1 に書き込めません'],
  [/(.+) is not a directory/g, '$1 はディレクトリではありません'],
  // Report, send and shard options (cli/).
  [
    /kansa report: several --framework-view values need --format csv \(one file each\)/g,
    'kansa report: --framework-view を複数指定するには --format csv が必要です（フレームワークごとに 1 ファイル）',
  ],
  [
    /kansa report: several --framework-view values need --output \(one file per framework\)/g,
    'kansa report: --framework-view を複数指定するには --output が必要です（フレームワークごとに 1 ファイル）',
  ],
  [
    /kansa report --run needs the store: --store URL or KANSA_STORE_URL/g,
    'kansa report --run には履歴ストアが必要です: --store URL または KANSA_STORE_URL',
  ],
  [
    /the scan kept no history, so what changed is not known: send it with --send-mode all, or scan with the history store/g,
    'スキャンが履歴を記録していないため、変化が分かりません。--send-mode all で送るか、履歴ストアを使ってスキャンしてください',
  ],
  [
    /--shard (\S+) needs a run id shared by all the shards: give --run-id ID \(or KANSA_RUN_ID\)/g,
    '--shard $1 には全シャードで共有する実行 ID が必要です: --run-id ID（または KANSA_RUN_ID）を指定してください',
  ],
  // The history store (cli/history-command.ts, store/).
  [
    /no history store at (.+): record scans with kansa scan \(or give --store\)/g,
    '履歴ストア $1 がありません。kansa scan でスキャンを記録してください（または --store を指定）',
  ],
  [/no scan (\S+) in (.+) \(see kansa history\)/g, '$2 にスキャン $1 はありません（kansa history で一覧）'],
  [/no run (\S+) in (.+) \(see kansa history\)/g, '$2 に実行 $1 はありません（kansa history で一覧）'],
  [/no complete scan recorded in (.+) yet/g, '$1 には完了したスキャンがまだ記録されていません'],
  [
    /no complete scan of the same scope before (#\d+) in (.+): give --from/g,
    '$2 には $1 より前に同じ範囲の完了したスキャンがありません。--from を指定してください',
  ],
  [
    /this command reads the history store, and KANSA_STORE_URL=none names none: give --store PATH\|URL/g,
    'このコマンドは履歴ストアを読みますが、KANSA_STORE_URL=none はストアを指定しません。--store PATH|URL を指定してください',
  ],
  [
    /--keep (\S+): expected a number and d, w, m or y \(e\.g\. (\S+)\)/g,
    '--keep $1: 数値と d、w、m、y のいずれかが必要です（例: $2）',
  ],
  [/--keep (\S+): keep at least one day/g, '--keep $1: 1 日以上を指定してください'],
  [
    /run (\S+) was split into (\S+) shards, not (\S+): rerun its shards with --shard I\/(\S+), or give a new --run-id/g,
    '実行 $1 は $3 ではなく $2 のシャードに分けられています。--shard I/$4 でそのシャードを実行し直すか、新しい --run-id を指定してください',
  ],
  // A sharded run not complete (store/runs.ts describeIncompleteRun).
  [
    /run (\S+): shards (.+) have not reported: their scopes are missing \(rerun them with --run-id (\S+) --shard I\/(\d+)\)/g,
    '実行 $1: シャード $2 が報告していません。その範囲は欠けています（--run-id $3 --shard I/$4 で実行し直してください）',
  ],
  [
    /run (\S+): missing scopes \((\d+)\): (.*?)(?:, and (\d+) more)?$/g,
    (_match, run, count, list, more) =>
      `実行 ${run}: 欠けている範囲（${count} 件）: ${list}${more ? `、ほか ${more} 件` : ''}`,
  ],
  [/run (\S+): shard (\d+): (.+) not read: /g, '実行 $1: シャード $2: $3 を読めませんでした: '],
  [/run (\S+): shard (\d+) is partial/g, '実行 $1: シャード $2 は部分的です'],
  [/cannot open the store (\S+): /g, 'ストア $1 を開けません: '],
  [/cannot connect to the store (.+?): /g, 'ストア $1 に接続できません: '],
  [
    /the store (\S+) is in use by another kansa run \(process (\S+) on (\S+), since (\S+)\); this run did not scan\. Wait for it, or run with --store-wait SECONDS; a dead run's lock lapses at (\S+)/g,
    'ストア $1 は別の kansa の実行（$3 のプロセス $2、$4 から）が使用中です。この実行はスキャンしていません。終わるのを待つか、--store-wait SECONDS で実行してください。停止した実行のロックは $5 に切れます',
  ],
  // Usage errors: commander's and kansa's own (cli/main.ts).
  [/^error: /g, 'エラー: '],
  [/unknown option '([^']*)'/g, "不明なオプションです: '$1'"],
  [/unknown command '([^']*)'/g, "不明なコマンドです: '$1'"],
  [/\(Did you mean (.+)\?\)/g, '（$1 のことですか？）'],
  [
    /too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./g,
    '引数が多すぎます。$2 個のところ $3 個あります。',
  ],
  [/missing required argument '([^']*)'/g, "必須の引数 '$1' がありません"],
  [/required option '([^']*)' not specified/g, "必須のオプション '$1' が指定されていません"],
  [/option '([^']*)' argument missing/g, "オプション '$1' の引数がありません"],
  [
    /option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.+)\./g,
    "オプション '$1' の引数 '$2' は不正です。選べる値: $3",
  ],
  [/option '([^']*)' argument '([^']*)' is invalid\. /g, "オプション '$1' の引数 '$2' は不正です: "],
  [/expected a whole number, 0 or more/g, '0 以上の整数が必要です'],
  [/expected a whole number of MiB/g, 'MiB 単位の整数が必要です'],
  [/expected one of /g, '次のいずれかが必要です: '],
  [
    /give --input FILES, or a live scan: --azure, --aws or --gcp/g,
    '--input でファイルを指定するか、ライブ スキャン（--azure、--aws、--gcp）を指定してください',
  ],
  [
    /--send delivers the findings file: give --output FILE too/g,
    '--send は検出結果ファイルを送ります。--output FILE も指定してください',
  ],
  [
    /--store and --no-store contradict each other: give one/g,
    '--store と --no-store は矛盾します。どちらか一方を指定してください',
  ],
  [
    /--only-new narrows --fail-on: give --fail-on SEVERITY too/g,
    '--only-new は --fail-on の対象を絞り込みます。--fail-on SEVERITY も指定してください',
  ],
  [
    /internal error: (.*?)(?: \(run with --debug for the stack\))?$/g,
    (_, what) => `内部エラー: ${what}（--debug でスタックを表示します）`,
  ],
];
