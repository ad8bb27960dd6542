import type { Rule } from './rule.ts';

/**
 * What the readers of IAM-policy documents, Cloud Run records and Steampipe tables run into
 * (sources/gcp/iam-policies.ts, effective-iam-policies.ts, cloud-run.ts, sources/steampipe-*.ts
 * and the tables under sources/{aws,azure,gcp}/steampipe-*.ts), and the consoles' list exports
 * (sources/azure/portal-csv.ts, sources/aws/tag-editor-csv.ts). The AWS CLI's answers are in
 * aws-answers.ts.
 */
export const EXPORT_RULES: readonly Rule[] = [
  [
    /a bare IAM policy \(get-iam-policy\) names no resource: name the file of a project’s policy projects-<project id>-iam-policy\.json \(or \.yaml; folders-<n>-…, organizations-<n>-… for those\), as kansa scan --save-inventory does; export other resources’ policies with gcloud asset export --content-type=iam-policy or gcloud asset search-all-iam-policies/g,
    'IAM ポリシーだけの文書（get-iam-policy の出力）で、どのリソースのポリシーか書かれていません。プロジェクトのポリシーはファイル名を projects-<プロジェクト ID>-iam-policy.json または .yaml（フォルダは folders-<番号>-…、組織は organizations-<番号>-…）にしてください（`kansa scan --save-inventory` と同じ名前）。他のリソースのポリシーは `gcloud asset export --content-type=iam-policy` または `gcloud asset search-all-iam-policies` で出力してください',
  ],
  [
    /not an IAM policy search result \(`resource`, `policy`\)/g,
    'IAM ポリシーの検索結果ではありません（`resource`、`policy`）',
  ],
  [
    /(\S+): the search result has no assetType and its name does not tell the type \(search with --asset-types or a newer gcloud\)/g,
    '$1: 検索結果に assetType がなく、名前からもリソースの種類が分かりません（`--asset-types` を指定するか、新しい gcloud で検索してください）',
  ],
  [
    /an effective policy without its attachedResource or policy/g,
    '有効な IAM ポリシーに attachedResource または policy がありません',
  ],
  [/a policy result that is not an object/g, 'policyResults の要素がオブジェクトではありません'],
  // Steampipe's answer with its timing (sources/steampipe-tables.ts).
  [
    /the answer's scans were asked by (.+?) \(its timing metadata\): its rows are a selection of their table, not the listing of their account or Region/g,
    '応答のスキャンは $1 で絞り込まれています（タイミングのメタデータ）: その行は表の一部を選んだもので、アカウントまたはリージョンの一覧ではありません',
  ],
  [
    /the snapshot's query has a WHERE or LIMIT \((.+?)\): its rows are a selection of their table, not the listing of their account or Region/g,
    'スナップショットのクエリに WHERE または LIMIT があります（$1）: その行は表の一部を選んだもので、アカウントまたはリージョンの一覧ではありません',
  ],
  [
    /a Steampipe or Powerpipe snapshot of a dashboard or benchmark, or of a query whose rows carry no akas and title \(or none\): no table row to read; snapshot a query of one table, (.+)$/g,
    'Steampipe または Powerpipe のダッシュボードやベンチマークのスナップショット、または行に akas と title のない（または行のない）クエリのスナップショットです。読めるテーブルの行がありません。1 つのテーブルのクエリのスナップショットを取ってください（$1）',
  ],
  [/an effective policy that is not an object/g, '有効な IAM ポリシーがオブジェクトではありません'],
  // AWS describe answers (sources/aws/api-describe.ts).
  [
    /^(\S+): an entry that is not an object \(expected (\S+)\)$/g,
    '$1: オブジェクトではない要素です（$2 を想定）',
  ],
  [
    /^(.+?): configurationItemCaptureTime is not a time$/g,
    '$1: configurationItemCaptureTime が日時ではありません',
  ],
  [/^(\S+): not a list \(expected a list of its entries\)$/g, '$1: 配列ではありません（要素の配列を想定）'],
  [/(\S+): its type cannot be told from its name/g, '$1: 名前からリソースの種類が分かりません'],
  [
    /Cloud Run service (\S*): no metadata\.name, metadata\.namespace \(the project\) or label cloud\.googleapis\.com\/location \(the region\) to name it by/g,
    'Cloud Run サービス $1: 名前を決める metadata.name、metadata.namespace（プロジェクト）、ラベル cloud.googleapis.com/location（リージョン）のいずれかがありません',
  ],
  [
    /a Steampipe azuread table row \(`tenant_id`, `title`\) of a table no check reads: of the directory, kansa reads azuread_user \(who a role assignment's principal is\)/g,
    'Steampipe の azuread のテーブルの行です（`tenant_id`、`title`）。このテーブルを読むチェックはありません（ディレクトリのうち kansa が読むのは、ロールの割り当てのプリンシパルが誰かを示す azuread_user です）',
  ],
  [/an azuread_user row without its object id/g, 'オブジェクト ID のない azuread_user の行です'],
  [
    /an aws_iam_user_access_keys row whose create_date is no time or status neither Active nor Inactive/g,
    'create_date が日時でないか、status が Active でも Inactive でもない aws_iam_user_access_keys の行です',
  ],
  [
    /a Download users row without its objectId and userPrincipalName/g,
    'objectId と userPrincipalName のない「ユーザのダウンロード」の行です',
  ],
  [
    /not a Steampipe row \(no `akas` and `title` columns\)/g,
    'Steampipe の行ではありません（`akas` と `title` の列がありません）',
  ],
  [
    /an? (\w+) row without the columns (.+?): the query did not select them, so their settings are unknown; query select \* from (\w+)/g,
    '$1 の行に列 $2 がありません。クエリがこれらの列を選んでいないため設定が分かりません。`select * from $3` で問い合わせてください',
  ],
  [
    /an? (\w+) row without its ([\w, ]+?)(?:, | or )(\w+) or (\w+)$/g,
    '$1 の行に $2・$3・$4 のいずれかがありません',
  ],
  [/an? (\w+) row without its (\w+) or (\w+)$/g, '$1 の行に $2 または $3 がありません'],
  [/an? (\w+) row without a (\w+)$/g, '$1 の行に $2 がありません'],
  [
    /an AWS managed policy \((\S+)\): the checks know the ones that grant everything by their ARN/g,
    'AWS 管理ポリシー（$1）: すべてを許可するものは ARN でチェックが判別します',
  ],
  [/an? (\w+) row without its (\w+)$/g, '$1 の行に $2 がありません'],
  // google/gcp_scanner output (sources/gcp/gcp-scanner.ts).
  [
    /no `project_info` \(a gcp_scanner project result\)/g,
    '`project_info` がありません（gcp_scanner のプロジェクトの結果ではありません）',
  ],
  [
    /^(.+?): gcp_scanner's (\w+) keeps the name only, not the settings \(add the output of (.+)\)$/g,
    '$1: gcp_scanner の $2 には名前だけがあり、設定がありません（$3 の出力を追加してください）',
  ],
  // vcrpy cassettes of Azure Resource Manager calls (sources/azure/cassette.ts).
  [
    /^interaction (\d+): (.+): not an Azure Resource Manager call$/g,
    'やり取り $1: $2: Azure Resource Manager の呼び出しではありません',
  ],
  [/^interaction (\d+): (.+): answered HTTP (\d+)$/g, 'やり取り $1: $2: HTTP $3 の応答です'],
  [
    /^interaction (\d+): (.+): the answer is not a resource or a list of resources$/g,
    'やり取り $1: $2: 応答がリソースでもリソースの一覧でもありません',
  ],
  [
    /^interaction (\d+): (.+): a deletion, not the state of a resource$/g,
    'やり取り $1: $2: 削除の呼び出しで、リソースの状態ではありません',
  ],
  [
    /^interaction (\d+): (.+): an earlier answer of (.+), which a later interaction answers again$/g,
    'やり取り $1: $2: $3 の前の応答です（後のやり取りが改めて返しています）',
  ],
  // A subscription's listing named for it (sources/azure/arm.ts).
  [
    /a page of the subscription's listing that has a next one \(nextLink\): not the whole listing, it is not read as all there is/g,
    'サブスクリプションの一覧の、次のページ（nextLink）がある途中のページです: 一覧の全体ではないため、これがすべてだとはみなしません',
  ],
  // Az PowerShell listings without settings (sources/azure/powershell.ts).
  [
    /^(.+?): a listing that names the resource without its settings; export each with (.+) \| ConvertTo-Json -Depth 20$/g,
    '$1: 名前だけの一覧で、設定を含みません。$2 | ConvertTo-Json -Depth 20 で1件ずつ出力してください',
  ],
  [/^(.+?): (.+?) do not tell its (\S+)$/g, '$1: $2 からは $3 を判定できないため読み込みません'],
  [
    /^(.+?): the object does not name its subscription: read under placeholder ids$/g,
    '$1: オブジェクトはサブスクリプションを示していません。仮の ID で読み込みます',
  ],
  // REST API example files that hold no resource (sources/azure/rest-example.ts).
  [
    /^a REST API example of (.+?): its answer is not a resource or a list of resources$/g,
    'REST API の例 $1: 応答がリソースでもリソースの一覧でもありません',
  ],
  [
    /^a REST API example of (.+?): its answer \(HTTP ([^)]+)\) has no body$/g,
    'REST API の例 $1: 応答（HTTP $2）に本文がありません',
  ],
  [
    /^a REST API example of (.+?): it shows only an error answer \(([^)]+)\)$/g,
    'REST API の例 $1: エラーの応答だけを示しています（$2）',
  ],
  // ARM templates (sources/azure/template.ts).
  // Key Vault's data plane (sources/azure/keyvault-data-plane.ts).
  [
    /^not a Key Vault object of the data plane \(no kid or id on a vault host, or no attributes\)$/g,
    'Key Vault のデータ プレーンのオブジェクトではありません（コンテナのホストの kid または id、あるいは attributes がありません）',
  ],
  [
    /^(\S+): the Key Vault data plane names a key's vault by its host, not the vault's subscription or resource group: read under placeholder ids$/g,
    '$1: Key Vault のデータ プレーンはキーのコンテナをホスト名で示し、コンテナのサブスクリプションやリソース グループは示しません。仮の ID で読み込みます',
  ],
  [
    /^read as the whole listing of its vaults' keys \(az keyvault key list\): one printed with --maxresults or cut by --query cannot be told from it$/g,
    'コンテナのキーの一覧全体として読み込みます（`az keyvault key list`）。`--maxresults` で出力した一覧や `--query` で切り詰めた一覧とは区別できません',
  ],
  [
    /^a Key Vault (\S+) \((\S+)\): kansa checks keys$/g,
    (_match, kind: string, uri: string) =>
      `Key Vault の${KEY_VAULT_OBJECTS[kind] ?? kind}です（${uri}）。kansa が確認するのはキーです`,
  ],
  [
    /^a deleted key \((\S+)\): kansa checks the keys in use$/g,
    '削除されたキーです（$1）。kansa が確認するのは使用中のキーです',
  ],
  [
    /^an older version of a key listed with its newer ones \((\S+)\): the current version is read$/g,
    '新しいバージョンと共に一覧されたキーの古いバージョンです（$1）。現在のバージョンを読み込みます',
  ],
  // Template parameter files (sources/azure/template-parameters.ts), passed over.
  [
    /^the \$schema of a template parameter file without its parameters: nothing to scan$/g,
    'テンプレートのパラメーター ファイルの $schema を持ちますが parameters がありません。確認するものはありません',
  ],
  [
    /^an Azure Quickstart Templates metadata\.json \(the sample’s entry in the samples’ index\): nothing to scan$/g,
    'Azure Quickstart Templates の metadata.json（サンプル一覧に載せる説明）です。確認するものはありません',
  ],
  [
    /^a template parameter file: nothing to scan in itself; applied to (.+) beside it$/g,
    'テンプレートのパラメーター ファイルです。それ自体に確認するものはありません。横にある $1 に適用しました',
  ],
  [
    /^a template parameter file: nothing to scan in itself, and applied to no template: in a ZIP archive kansa reads nothing beside an entry; extract the archive and scan the folder$/g,
    'テンプレートのパラメーター ファイルです。それ自体に確認するものはなく、どのテンプレートにも適用していません。ZIP アーカイブの中では kansa はエントリの横のファイルを読みません。アーカイブを展開してフォルダを指定してください',
  ],
  [
    /^a template parameter file: nothing to scan in itself, and applied to no template: (.+)$/g,
    (_match, why: string) =>
      `テンプレートのパラメーター ファイルです。それ自体に確認するものはなく、どのテンプレートにも適用していません: ${parameterFileWhy(why)}`,
  ],
  [
    /^parameter (\S+): the template declares no such parameter \(a deployment with this file is refused\): not applied$/g,
    'パラメーター $1: テンプレートにこのパラメーターの宣言がありません（このファイルでのデプロイは拒否されます）。適用しません',
  ],
  [
    /^parameter (\S+): neither a value nor a Key Vault reference: read as unknown$/g,
    'パラメーター $1: value も Key Vault の参照もありません。不明として読みます',
  ],
  [
    /^parameter (\S+): an? (\w+) where the template declares (\S+) \(a deployment with this file is refused\): read as unknown$/g,
    'パラメーター $1: 値が $2 ですが、テンプレートの宣言は $3 です（このファイルでのデプロイは拒否されます）。不明として読みます',
  ],
  [
    /^parameter (\S+): its value is not one of the template's allowedValues \(a deployment with this file is refused\): read as unknown$/g,
    'パラメーター $1: 値がテンプレートの allowedValues のどれでもありません（このファイルでのデプロイは拒否されます）。不明として読みます',
  ],
  [
    /^a template deployed to a management group or the tenant \((.+)\): kansa reads resource-group and subscription templates$/g,
    '管理グループまたはテナントにデプロイするテンプレートです（$1）。kansa が読むのはリソース グループとサブスクリプションのテンプレートです',
  ],
  // As findings files written before kansa read subscription templates word it.
  [
    /^a template deployed above a resource group \((.+)\): kansa reads resource-group templates$/g,
    'リソース グループより上の範囲にデプロイするテンプレートです（$1）。kansa が読むのはリソース グループのテンプレートです',
  ],
  [
    /^a resource of the template is not a JSON object$/g,
    'テンプレートのリソースが JSON オブジェクトではありません',
  ],
  [
    /^a resource of the template without a type or name: (.*)$/g,
    'テンプレートのリソースに type または name がありません: $1',
  ],
  [
    /^(.+?): copy loop (\S*): its count (.+) is not known from the template$/g,
    '$1: copy ループ $2 の回数 $3 がテンプレートからは分かりません',
  ],
  [
    /^(.+?): an existing resource the template refers to, not one it deploys$/g,
    '$1: テンプレートが参照する既存のリソースで、デプロイするものではありません',
  ],
  [
    /^(.+?): the name's segments \((\d+)\) do not match the type's \((\d+) needed\)$/g,
    '$1: 名前の区切りが $2 個ですが、種類には $3 個必要です',
  ],
  // As findings files written before kansa counted its nouns word it.
  [
    /^(.+?): the name has (\d+) segments where the type needs (\d+)$/g,
    '$1: 名前の区切りが $2 個ですが、種類には $3 個必要です',
  ],
  [/^(.+?): its properties are not an object$/g, '$1: properties がオブジェクトではありません'],
  [/^(.+?): its child resources are not a list$/g, '$1: 子リソース（resources）が配列ではありません'],
  [/^(.+?): its condition (.+) is false: not deployed$/g, '$1: 条件 $2 が false のため、デプロイされません'],
  [
    /^(.+?): its condition (.+) is not known from the template: read as deployed$/g,
    '$1: 条件 $2 の値がテンプレートからは分かりません。デプロイされるものとして読みます',
  ],
  [/^(.+?): its name (.+) is not known from the template$/g, '$1: 名前 $2 がテンプレートからは分かりません'],
  [
    /^(.+?): its tags (.+) are not known from the template: read without them$/g,
    '$1: タグ $2 がテンプレートからは分かりません。タグなしで読みます',
  ],
  [/^its parameters take the values of (.+) beside it$/g, 'パラメーターには隣にある $1 の値を使います'],
  // What an Azure portal export says of itself: its own words are kept.
  [/^the export reported: /g, 'エクスポートが報告したエラー: '],
  [
    /^(.+?): a nested deployment of a linked template: the resources of its template are not read$/g,
    '$1: リンクされたテンプレートの入れ子のデプロイです。そのテンプレートのリソースは読みません',
  ],
  [
    /^(.+?): a nested deployment to another subscription or scope: its resources are not read$/g,
    '$1: 別のサブスクリプションまたはスコープへの入れ子のデプロイです。そのリソースは読みません',
  ],
  [
    /^(.+?): a nested deployment to the resource group (.+), not known from the template: its resources are not read$/g,
    '$1: テンプレートからは分からないリソース グループ $2 への入れ子のデプロイです。そのリソースは読みません',
  ],
  [
    /^(.+?): a nested deployment to the resource group (.+) with the outer scope's expressions: its resources are not read$/g,
    '$1: リソース グループ $2 への入れ子のデプロイで、式が外側のスコープで評価されます。そのリソースは読みません',
  ],
  // As findings files written before kansa read deployments into a named resource group word it.
  [
    /^(.+?): a nested deployment to another resource group or subscription: its resources are not read$/g,
    '$1: 別のリソース グループまたはサブスクリプションへの入れ子のデプロイです。そのリソースは読みません',
  ],
  // darkbitio/aws-recon's output (sources/aws/aws-recon.ts).
  [
    /an aws-recon entry without its account or resource \(expected \{account, service, region, resource\}\)/g,
    'aws-recon の項目に `account` または `resource` がありません（`{account, service, region, resource}` の形が必要です）',
  ],
  [
    /aws-recon IAM\.credential_report: no content \(expected the report rows\)/g,
    'aws-recon の IAM.credential_report に `content` がありません（レポートの行が必要です）',
  ],
  [/^aws-recon IAM\.credential_report: /g, 'aws-recon の IAM.credential_report: '],
  [
    /aws-recon (\S+): a resource type kansa does not read/g,
    'aws-recon の $1 は kansa が読み込むリソースの種類ではありません',
  ],
  // CLI answers no check reads (sources/unread-answers.ts).
  [/(\S[^:]*): no kansa check reads its output/g, '$1: kansa のチェックはこの出力を読みません'],
  [
    /(\S.*?) names no resource: kansa reads these settings from (.+)$/g,
    '$1 はリソースを示しません。kansa はこれらの設定を $2 から読みます',
  ],
  // Placebo recordings of AWS SDK answers (sources/aws/placebo.ts).
  [
    /a recorded answer of (\S+) that kansa does not read: it holds no resource it checks/g,
    '記録された $1 の応答は kansa が読み込む対象ではありません（確認するリソースを含みません）',
  ],
  [
    /a recorded error answer \(HTTP ([^,]+), ([^)]+)\): it holds no resource/g,
    '記録されたエラー応答です（HTTP $1、$2）。リソースを含みません',
  ],
  // Records of Terraform plans and states that are not judged (sources/terraform/document.ts,
  // linker.ts, index.ts).
  [/: data source: it reads, it does not deploy$/g, ': データ ソースです。読み取るだけでデプロイしません'],
  [
    /: ephemeral resource: opened for the run, never deployed nor kept in the state$/g,
    ': 一時リソース（ephemeral）です。実行の間だけ開かれ、デプロイも状態への保存もされません',
  ],
  [
    /: not a managed resource \(mode ([^)]*)\): only resources are judged$/g,
    ': 管理対象のリソースではありません（mode $1）。判定するのはリソースだけです',
  ],
  [
    /: change deferred to a later plan \((\w+)\): not judged until a plan makes it$/g,
    ': 変更は後の計画に延期されています（$1）。計画に含まれるまで判定しません',
  ],
  [
    /: deposed object (\w+) \(replaced before it is destroyed\): the address's current object is judged$/g,
    ': 置き換え後に破棄される旧オブジェクト $1（deposed）です。同じアドレスの現在のオブジェクトを判定します',
  ],
  [
    /: removed from the state without being destroyed \(forget\)$/g,
    ': 破棄せずに状態から外されます（forget）',
  ],
  [/: unrecognised change actions \[([^\]]*)\]$/g, ': 認識できない変更の種類です（[$1]）'],
  [
    /: not a resource: address or type is missing$/g,
    ': リソースではありません。address または type がありません',
  ],
  [
    /: not a resource: no name, and the address does not end in (\w+)\.<name>$/g,
    ': リソースではありません。name がなく、address も $1.<名前> で終わっていません',
  ],
  [/: deleted by the plan: not evaluated$/g, ': 計画で削除されます。判定しません'],
  [/: (\w+) is not a resource type kansa reads$/g, ': $1 は kansa が読むリソースの種類ではありません'],
  [
    /: names the (.+?) it configures \((.*)\) only after apply, through what the configuration does not trace: each of the plan’s may be it$/g,
    ': 設定の対象の $1（$2）は適用後に決まり、構成からたどれません。計画のどの $1 も対象になりえます',
  ],
  [
    /: the (.+?) it configures \((.*)\) is not in this plan$/g,
    ': 設定の対象の $1（$2）がこの計画にありません',
  ],
  [
    /: not a resource: mode, type or name is missing$/g,
    ': リソースではありません。mode、type または name がありません',
  ],
  [
    /^a plan without resource changes \(terraform plan -refresh-only\): the prior state it refreshed is judged, as a state$/g,
    '変更のない計画です（terraform plan -refresh-only）。計画が更新した直前の状態を、状態として判定します',
  ],
  [
    /^resource_changes is empty while planned_values holds resources \(a plan written by hand\): the planned values are judged, as resources the plan creates$/g,
    'planned_values にリソースがあるのに resource_changes が空です（手で書かれた計画）。planned_values を、計画が作成するリソースとして判定します',
  ],
  [
    /^an incomplete plan \(complete: false, made with -target or with changes deferred to a later plan\): the resources it leaves out of its changes are judged as its prior state holds them \(the plan leaves them as they are\); those not in its prior state either are not judged$/g,
    '不完全な計画です（complete: false。-target を指定したか、後の計画に延期された変更があります）。計画の変更に含まれないリソースは、計画が変えないため直前の状態のとおりに判定します。直前の状態にもないリソースは判定しません',
  ],
  [
    /not the Azure portal's "Export to CSV" header/g,
    'Azure ポータルの「CSV にエクスポート」の見出し行ではありません',
  ],
  [
    /not the Tag Editor's "Export resources to CSV" header/g,
    'タグエディタの「リソースを CSV にエクスポート」の見出し行ではありません',
  ],
  // The Config console's advanced-query CSV (sources/aws/config-select-csv.ts).
  [
    /not the header of a Config advanced query exported as CSV/g,
    'Config の高度なクエリを CSV でエクスポートした見出し行ではありません',
  ],
  [
    /(.+): the tags' keys and values apart are not read as tags \(SELECT tags for them\)/g,
    '$1: タグのキーと値を別々に持つ列はタグとして読み取りません（タグは SELECT tags で取得してください）',
  ],
  [
    /accountId "(.*)" is the account id rounded by a spreadsheet that saved the file again, not the id: export the query again and scan the file as the console gave it/g,
    'accountId "$1" はファイルを保存し直した表計算ソフトが丸めた値で、アカウント ID ではありません。クエリをもう一度エクスポートし、コンソールが出力したままのファイルをスキャンしてください',
  ],
  [
    /the (\S+) column is not JSON \((.*)\): the console writes a nested property as JSON text/g,
    '$1 列が JSON ではありません（$2）。コンソールは入れ子のプロパティを JSON の文字列で出力します',
  ],
  [
    /the (\S+) cell is empty: a row names its resource$/g,
    '$1 のセルが空です。行ごとにリソースの名前があるはずです',
  ],
  [
    /the subscription cell is empty: a row names its subscription/g,
    'サブスクリプションのセルが空です。行ごとにサブスクリプションがあるはずです',
  ],
  [
    /the type "(.*)" is not one kansa reads from the portal's display names: its location is not judged \(add the "Resource ID" column to the view before exporting\)/g,
    '種類 "$1" は kansa がポータルの表示名から読み取れる種類ではないため、場所を判断しません（エクスポートの前にビューに「リソース ID」列を加えてください）',
  ],
  [
    /the export names each subscription, not its id: its resources are named by the subscription name and do not merge with ARM or Resource Graph records of the same resources \(add the "Subscription ID" column to the view before exporting\)/g,
    'エクスポートはサブスクリプションを ID ではなく名前で示しています。リソースはサブスクリプション名で識別され、同じリソースの ARM や Resource Graph のレコードとは統合されません（エクスポートの前にビューに「サブスクリプション ID」列を加えてください）',
  ],
  [
    /(\S+): location "(.*)" is not one kansa reads as a region/g,
    '$1: 場所 "$2" は kansa がリージョンとして読み取れる場所ではありません',
  ],
  [/the (\S+) cell is not an ARN: (.*)/g, '$1 のセルが ARN ではありません: $2'],
  [
    /(\S+) names no account, and no other row of the file does: add a row of another resource/g,
    '$1 はアカウントを示さず、ファイルのほかの行も示していません。ほかのリソースの行を加えてください',
  ],
  [
    /the (\S+) or (\S+) cell is empty: a row names its resource type/g,
    '$1 または $2 のセルが空です。行ごとにリソースの種類があるはずです',
  ],
];

/** Why a template parameter file was applied to no template (sources/azure/template-parameters.ts). */
function parameterFileWhy(why: string): string {
  if (why === 'no template beside it') return '横にテンプレートがありません';
  const bicep =
    /^it goes with (.+), which kansa does not read: scan the template az bicep build writes from it, with this file beside it named <template>\.parameters\.json$/.exec(
      why,
    );
  if (bicep)
    return `${bicep[1]} 用のファイルですが、kansa はこれを読みません。\`az bicep build\` が書き出すテンプレートを、このファイルを <テンプレート>.parameters.json の名前で横に置いて指定してください`;
  const same =
    /^another parameter file beside it names the same template, (.+), in its metadata\.template$/.exec(why);
  if (same)
    return `横にある別のパラメーター ファイルも metadata.template で同じテンプレート ${same[1]} を指しています`;
  const link = /^its metadata\.template names (.+), which is no template beside it$/.exec(why);
  if (link) return `metadata.template が指す ${link[1]} は横にあるテンプレートではありません`;
  const own = /^the templates beside it have their own \((.+)\)$/.exec(why);
  if (own) return `横にあるテンプレートにはそれぞれのパラメーター ファイルがあります（${own[1]}）`;
  const unclear =
    /^which template beside it it goes with is not clear \(templates (.+); parameter files (.+)\): name it <template>\.parameters\.json$/.exec(
      why,
    );
  if (unclear)
    return `横にあるどのテンプレートのものか分かりません（テンプレート ${unclear[1]}、パラメーター ファイル ${unclear[2]}）。<テンプレート>.parameters.json の名前にしてください`;
  return why;
}

/** The Key Vault objects other than keys that the data plane lists. */
const KEY_VAULT_OBJECTS: Readonly<Record<string, string>> = { secret: 'シークレット', certificate: '証明書' };
