import type { Rule } from './rule.ts';

/**
 * What the readers of IAM-policy documents, Cloud Run records and Steampipe tables run into
 * (sources/gcp/iam-policies.ts, effective-iam-policies.ts, cloud-run.ts, sources/steampipe-*.ts
 * and the tables under sources/{aws,azure,gcp}/steampipe-*.ts).
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
  // Az PowerShell listings without settings (sources/azure/powershell.ts).
  [
    /^(.+?): a listing that names the resource without its settings; export each with (.+) \| ConvertTo-Json -Depth 20$/g,
    '$1: 名前だけの一覧で、設定を含みません。$2 | ConvertTo-Json -Depth 20 で1件ずつ出力してください',
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
  [
    /^a template parameters file \(deploymentParameters\.json\): kansa reads each template with its parameters’ defaultValue$/g,
    'テンプレートのパラメーター ファイル（deploymentParameters.json）です。kansa は各テンプレートをそのパラメーターの defaultValue で読みます',
  ],
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
    /^(.+?): a nested deployment of a linked template: the resources of its template are not read$/g,
    '$1: リンクされたテンプレートの入れ子のデプロイです。そのテンプレートのリソースは読みません',
  ],
  [
    /^(.+?): a nested deployment to another resource group or subscription: its resources are not read$/g,
    '$1: 別のリソース グループまたはサブスクリプションへの入れ子のデプロイです。そのリソースは読みません',
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
  [/: deleted by the plan: not evaluated$/g, ': 計画で削除されます。判定しません'],
  [/: (\w+) is not a resource type kansa reads$/g, ': $1 は kansa が読むリソースの種類ではありません'],
  [
    /^a plan without resource changes \(terraform plan -refresh-only\): the prior state it refreshed is judged, as a state$/g,
    '変更のない計画です（terraform plan -refresh-only）。計画が更新した直前の状態を、状態として判定します',
  ],
  [
    /^an incomplete plan \(complete: false, made with -target or with changes deferred to a later plan\): the resources it leaves out are not judged$/g,
    '不完全な計画です（complete: false。-target を指定したか、後の計画に延期された変更があります）。計画に含まれないリソースは判定しません',
  ],
];
