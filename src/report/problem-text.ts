import type { Lang } from '../model/localized.ts';

/**
 * kansa's problem texts in Japanese: input errors (file:line and what was expected), files
 * passed over and records skipped with the reason, the gaps of a partial scan (calls denied,
 * timed out, unreachable), output and usage errors, warnings. They are made in English where
 * they arise, deep in the readers and collectors, and kept so in the findings file (stable for
 * tools); what a person reads is put into the report language here, once, for the terminal,
 * stderr and the reports alike. Each rule turns one English phrase into Japanese and keeps what
 * it quotes (paths, ids, calls, codes); a text no rule knows stays as it is. Library details
 * quoted inside (a YAML parser's or a cloud SDK's message) stay in their own words.
 */
type Rule = readonly [RegExp, string | ((match: string, ...groups: string[]) => string)];

const FILE_KIND: Record<string, string> = {
  'a FIFO': 'FIFO',
  'a socket': 'ソケット',
  'a device': 'デバイス',
  'not a file': 'ファイルではありません',
};

const RULES: readonly Rule[] = [
  // The input walk and the file reader (sources/read-inputs.ts).
  [
    /not an export \(hidden, README, LICENSE or tool directory\)/g,
    'エクスポートではありません（隠しファイル、README、LICENSE、ツールのディレクトリ）',
  ],
  [
    /kansa's own findings file \(the output of kansa scan\), not a cloud export/g,
    'kansa 自身の検出結果ファイル（kansa scan の出力）で、クラウドのエクスポートではありません',
  ],
  [/already read as (.+?) \(symbolic link\)/g, '$1 として読み込み済みです（シンボリック リンク）'],
  [
    /not a regular file \((a FIFO|a socket|a device|not a file)\)/g,
    (_, kind) => `通常のファイルではありません（${FILE_KIND[kind] ?? kind}）`,
  ],
  [/broken symbolic link: its target does not exist/g, 'シンボリック リンクのリンク先がありません'],
  [/cannot read directory \(([^)]*)\)/g, 'ディレクトリを読み込めません（$1）'],
  [/cannot read file \(([^)]*)\)/g, 'ファイルを読み込めません（$1）'],
  [/no files found in the input/g, '入力にファイルがありません'],
  [/nothing could be read:/g, '何も読み込めませんでした:'],
  [
    /empty file: expected a cloud inventory export/g,
    '空のファイルです。クラウドのインベントリのエクスポートが必要です',
  ],
  [
    /nested too deeply to read \(a JSON value inside thousands of others\)/g,
    '入れ子が深すぎて読み込めません（数千の値の内側にある JSON の値）',
  ],
  [/ \(and (\d+) more malformed lines, skipped\)/g, '（ほかに不正な行が $1 行あり、読み飛ばしました）'],
  [/ \(line skipped\)/g, '（この行は読み飛ばしました）'],
  [
    /unknown export format: (.*?)\. Expected one of:/g,
    '不明なエクスポート形式です: $1。次のいずれかの形式が必要です（各形式の説明は README）:',
  ],
  // The formats an unknown file could have been, by id (README's table describes each).
  [/^( {2}- [a-z0-9-]+): .*$/g, '$1'],
  [/the file is neither JSON nor a known text export/g, 'JSON でも既知のテキスト形式でもありません'],
  [/no known format has records of this shape/g, 'この形のレコードを持つ既知の形式はありません'],
  [/no known format has this JSON shape/g, 'この形の JSON を持つ既知の形式はありません'],
  [
    /gzip file inflates to more than (\d+) MiB \((\d+) MiB compressed\): not read; raise the bound with --max-inflated-mib if the file is genuine/g,
    'gzip ファイルを展開すると $1 MiB を超えます（圧縮時 $2 MiB）。読み込みません。正しいファイルであれば --max-inflated-mib で上限を上げてください',
  ],
  [/corrupt gzip file \((.*)\)/g, '壊れた gzip ファイルです（$1）'],
  // zlib's own words for a broken gzip stream.
  [/unexpected end of file/g, 'ファイルが途中で終わっています'],
  [/incorrect header check/g, 'ヘッダーが不正です'],
  [/invalid (?:block type|distance too far back|stored block lengths)/g, 'データが壊れています'],
  [
    /file too large to read as one JSON document \((\d+) MiB\): split it into pages, as the cloud CLIs do, or export as NDJSON/g,
    '1 つの JSON ドキュメントとして読むには大きすぎます（$1 MiB）。クラウドの CLI のようにページに分けるか、NDJSON でエクスポートしてください',
  ],
  [
    /not read: the scan reached its bound of (\d+) MiB of input \(--max-input-mib \d+\) and stops reading; raise the bound \(and Node's heap, NODE_OPTIONS=--max-old-space-size\) or scan the inputs in parts/g,
    '読み込みません: スキャンが入力の上限 $1 MiB（--max-input-mib）に達したため、読み込みを止めました。上限（と Node のヒープ、NODE_OPTIONS=--max-old-space-size）を上げるか、入力を分けてスキャンしてください',
  ],
  // JSON syntax (base/json-position.ts).
  [/invalid JSON: /g, 'JSON として不正です: '],
  [
    /unexpected end of the file \(arrays or objects not closed\)/g,
    'ファイルが途中で終わっています（配列またはオブジェクトが閉じていません）',
  ],
  [/unexpected content after the end of the JSON document/g, 'JSON ドキュメントの終わりの後に内容があります'],
  [/expected a property name in double quotes/g, 'ダブルクォートで囲んだプロパティ名が必要です'],
  [
    /expected '([}\]])' \((?:object|array) not closed\)/g,
    (_, close) => `'${close}' が必要です（${close === '}' ? 'オブジェクト' : '配列'}が閉じていません）`,
  ],
  [/expected '([:,])'/g, "'$1' が必要です"],
  [/expected a value/g, '値が必要です'],
  [/unexpected character/g, '予期しない文字があります'],
  [
    /unterminated (comment|string|number)/g,
    (_, what) => `${{ comment: 'コメント', string: '文字列', number: '数値' }[what]}が閉じていません`,
  ],
  [/comments are not allowed in JSON/g, 'JSON にはコメントを書けません'],
  [/invalid character in string/g, '文字列に不正な文字があります'],
  [/invalid unicode escape/g, '不正な Unicode エスケープです'],
  [/invalid escape character/g, '不正なエスケープ文字です'],
  [/malformed number/g, '数値の形式が不正です'],
  // Documents whose shape a reader cannot take.
  [
    /"Results" must be an array of JSON strings \(select-resource-config output\)/g,
    '"Results" は JSON 文字列の配列でなければなりません（select-resource-config の出力）',
  ],
  [
    /"([^"]*)" must be an array of configuration items, found (.+)/g,
    '"$1" は設定項目の配列でなければなりませんが、$2 です',
  ],
  [
    /Content is not a base64-encoded credential report CSV \(expected a "user,arn,…" header\)/g,
    'Content が base64 でエンコードされた認証情報レポートの CSV ではありません（"user,arn,…" のヘッダーが必要です）',
  ],
  [/credential report without column\(s\): /g, '認証情報レポートに列がありません: '],
  [
    /`data` is neither a row array nor a \{columns, rows\} table/g,
    '`data` が行の配列でも {columns, rows} の表でもありません',
  ],
  [/(`[^`]*`) has no name/g, '$1 に名前がありません'],
  [/(`[^`]*`) is not an array/g, '$1 が配列ではありません'],
  // Records skipped by the readers.
  [/(?:record|search result) is not a JSON object|^not a JSON object$/g, 'JSON オブジェクトではありません'],
  [/no full resource name \(`name`\)/g, '完全なリソース名（`name`）がありません'],
  [/: no asset type/g, ': アセットの種類がありません'],
  [
    /resource\.data is neither a JSON object nor a JSON string/g,
    'resource.data が JSON オブジェクトでも JSON 文字列でもありません',
  ],
  [
    /versionedResources\[0\]\.resource is not a JSON object/g,
    'versionedResources[0].resource が JSON オブジェクトではありません',
  ],
  [
    /not a Google Cloud REST resource with a known `kind`/g,
    '既知の `kind` を持つ Google Cloud の REST リソースではありません',
  ],
  [/: no self link or reference to name it by/g, ': 名前の元になる selfLink や参照がありません'],
  [
    /not a configuration item \(not a JSON object, or a row that is not valid JSON\)/g,
    '設定項目ではありません（JSON オブジェクトでないか、JSON として不正な行）',
  ],
  [
    /not a resource: resourceType and resourceId are missing \(an aggregate or COUNT row\?\)/g,
    'リソースではありません: resourceType と resourceId がありません（集計や COUNT の行?）',
  ],
  [/ResourceNotRecorded \(no configuration\)/g, 'ResourceNotRecorded（設定なし）'],
  [
    /no account id \(awsAccountId \/ accountId \/ ARN \/ file name\)/g,
    'アカウント ID がありません（awsAccountId / accountId / ARN / ファイル名）',
  ],
  [
    /no region \(awsRegion, ARN, availability zone and file name name none\)/g,
    'リージョンがありません（awsRegion、ARN、アベイラビリティーゾーン、ファイル名のいずれにもありません）',
  ],
  [
    /configuration is null \(resource not recorded\)/g,
    'configuration が null です（リソースは記録されていません）',
  ],
  [/configuration is not a JSON object/g, 'configuration が JSON オブジェクトではありません'],
  [/the item has no configuration/g, '項目に configuration がありません'],
  [/^event (\d+): (.+) carries no configuration item$/g, 'イベント $1: $2 は設定項目を含みません'],
  [/no `id` column: project `id` in the query/g, '`id` 列がありません。クエリで `id` を出力してください'],
  [/not an ARM resource id: /g, 'ARM のリソース ID ではありません: '],
  [/cannot tell the resource type of (.+)/g, '$1 のリソースの種類が分かりません'],
  [
    /not in a subscription \(tenant or management-group scope\): /g,
    'サブスクリプションに属しません（テナントまたは管理グループのスコープ）: ',
  ],
  [
    /: no project, folder or organization in ancestors, parent, name or self link, nor in another record of it/g,
    ': ancestors、parent、name、selfLink にも、このリソースの他のレコードにも、プロジェクト・フォルダ・組織がありません',
  ],
  // The gaps of a live scan (base/calls, sources/*/live/errors.ts, the collectors).
  [/^subscription (\S+)/g, 'サブスクリプション $1'],
  [/^resource graph$/g, 'Resource Graph'],
  [
    /^(?:project|organization|folder) /g,
    (scope) =>
      ({ 'project ': 'プロジェクト ', 'organization ': '組織 ', 'folder ': 'フォルダ ' })[scope] ?? scope,
  ],
  [/diagnostic settings of (\S+): /g, '$1 の診断設定: '],
  [/SQL auditing settings of (\S+): /g, '$1 の SQL 監査設定: '],
  [/Key Vault keys of (\S+): /g, '$1 の Key Vault のキー: '],
  [/budgets of (\S+): /g, '$1 の予算: '],
  [
    /incomplete, page (\d+) failed after (\d+) page\(s\) read: /g,
    '不完全です。$2 ページを読んだ後、ページ $1 が失敗しました: ',
  ],
  [
    / \(the Reader role on the subscription grants this read\)/g,
    '（サブスクリプションの閲覧者 (Reader) ロールでこの読み取りが許可されます）',
  ],
  [
    /incomplete: (.+?) page (\d+) failed after (\d+) page\(s\) \((\d+) resources\) read: /g,
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
    'このリージョンの AWS Config は $1 です（OSK-5.1: 一元管理されていません）。代わりに直接読み取りました: $2。読み取っていないもの: $3',
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
    '見つからないか、この ID では読めません（サブスクリプションの閲覧者 (Reader) ロールが必要です）',
  ],
  [
    / \(Resource Graph reads what the Reader role grants: Microsoft\.ResourceGraph\/resources\/read and \*\/read on the subscription\)/g,
    '（Resource Graph は閲覧者 (Reader) ロールが許す範囲を読みます: サブスクリプションの Microsoft.ResourceGraph/resources/read と */read）',
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
    '証明書チェーンに自己署名証明書があります（TLS を検査するプロキシ? NODE_EXTRA_CA_CERTS を設定してください）',
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
    /this command reads the history store: drop --no-store/g,
    'このコマンドは履歴ストアを読みます。--no-store を外してください',
  ],
  [
    /--keep (\S+): expected a number and d, w, m or y \(e\.g\. (\S+)\)/g,
    '--keep $1: 数値と d、w、m、y のいずれかが必要です（例: $2）',
  ],
  [/--keep (\S+): keep at least one day/g, '--keep $1: 1 日以上を指定してください'],
  [/cannot open the store (\S+): /g, 'ストア $1 を開けません: '],
  [/cannot connect to the store (\S+): /g, 'ストア $1 に接続できません: '],
  [
    /the store (\S+) is in use by another kansa run \(process (\S+) on (\S+), since (\S+)\); this run did not scan\. Wait for it, or run with --store-wait SECONDS; a dead run's lock lapses at (\S+)/g,
    'ストア $1 は別の kansa の実行（$3 のプロセス $2、$4 から）が使用中です。この実行はスキャンしていません。終わるのを待つか、--store-wait SECONDS で実行してください。停止した実行のロックは $5 に切れます',
  ],
  // Usage errors: commander's and kansa's own (cli/main.ts).
  [/^error: /g, 'エラー: '],
  [/unknown option '([^']*)'/g, "不明なオプションです: '$1'"],
  [/unknown command '([^']*)'/g, "不明なコマンドです: '$1'"],
  [/\(Did you mean (.+)\?\)/g, '（$1 のことですか?）'],
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
    /internal error: (.*?)(?: \(run with --debug for the stack\))?$/g,
    (_, what) => `内部エラー: ${what}（--debug でスタックを表示します）`,
  ],
];

/** A problem text (an input error, a skip reason, a gap, a usage error) in the report language. */
export function localizeProblem(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return text
    .split('\n')
    .map((line) => {
      let out = line;
      for (const [pattern, replacement] of RULES) {
        pattern.lastIndex = 0;
        out =
          typeof replacement === 'string'
            ? out.replace(pattern, replacement)
            : out.replace(pattern, (match, ...rest: unknown[]) => {
                // The captured groups come before the match's offset (a number).
                const groups = rest.slice(
                  0,
                  rest.findIndex((arg) => typeof arg === 'number'),
                );
                return replacement(match, ...groups.map((group) => (typeof group === 'string' ? group : '')));
              });
      }
      return out;
    })
    .join('\n');
}

/** Every Japanese text of the rules (for the test of one form of each word). */
export const PROBLEM_TEXTS_JA: readonly string[] = RULES.flatMap(([, replacement]) =>
  typeof replacement === 'string' ? [replacement] : [],
);
