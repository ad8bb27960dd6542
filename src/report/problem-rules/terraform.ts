import type { Rule } from './rule.ts';

/** What reading Terraform's plans and states runs into (sources/terraform/, scan/read-inventory.ts). */
export const TERRAFORM_RULES: readonly Rule[] = [
  // What Terraform and OpenTofu write besides `show -json` (sources/terraform/other-outputs.ts).
  [
    /Terraform's machine-readable log \(terraform plan -json\): it names the changes without their values; run terraform plan -out plan\.out, then terraform show -json plan\.out > plan\.json and scan plan\.json/g,
    'Terraform の機械可読ログ（terraform plan -json）です。変更を挙げるだけで値を含みません。terraform plan -out plan.out の後に terraform show -json plan.out > plan.json を実行し、plan.json をスキャンしてください',
  ],
  [
    /the output of terraform validate -json: it says whether the configuration is valid, not what it deploys; run terraform plan -out plan\.out, then terraform show -json plan\.out > plan\.json and scan plan\.json/g,
    'terraform validate -json の出力です。構成が正しいかを示すだけで、何をデプロイするかは含みません。terraform plan -out plan.out の後に terraform show -json plan.out > plan.json を実行し、plan.json をスキャンしてください',
  ],
  [
    /the output of terraform providers schema -json: it describes the providers, not what is deployed; run terraform plan -out plan\.out, then terraform show -json plan\.out > plan\.json and scan plan\.json/g,
    '`terraform providers schema -json` の出力です。プロバイダーを説明するだけで、デプロイされるものは含みません。terraform plan -out plan.out の後に terraform show -json plan.out > plan.json を実行し、plan.json をスキャンしてください',
  ],
  [
    /several Terraform plans or states, one a line \(terragrunt run-all show -json\): each line is read as a plan of its own, its resources' ids prefixed with the line \(line2:aws_s3_bucket\.logs\), since the addresses of different modules repeat/g,
    'Terraform の計画または状態が 1 行に 1 つずつ並んでいます（`terragrunt run-all show -json`）。モジュールごとの計画はアドレスが重なるため、各行を別の計画として読み、リソースの ID の前に行番号を付けています（line2:aws_s3_bucket.logs）',
  ],
  [
    /several Terraform plans or states, one a line \(terragrunt run-all show -json\): each line is read as a plan of its own, its resources' ids prefixed with its terragrunt unit, cut to the last parts of its path that tell the units apart \(app:aws_s3_bucket\.logs\), since the addresses of different modules repeat/g,
    'Terraform の計画または状態が 1 行に 1 つずつ並んでいます（`terragrunt run-all show -json`）。モジュールごとの計画はアドレスが重なるため、各行を別の計画として読み、リソースの ID の前にその計画の terragrunt のユニット（ユニットどうしを区別できるだけのパスの末尾）を付けています（app:aws_s3_bucket.logs）',
  ],
  [
    /terragrunt's log of terraform show -json \(STDOUT log lines, 0\.67 on\): the plans are read from the lines that carry them, the other lines passed over/g,
    'terraform show -json を terragrunt がログとして出力したもの（STDOUT のログ行、0.67 以降）です。計画を含む行から計画を読み、ほかの行は読み飛ばしました',
  ],
  [
    /several Terraform plans or states, one after another \(terragrunt run-all show -json through jq, or plan files concatenated\): each is read as a plan of its own, its resources' ids prefixed with the line it starts on \(line2:aws_s3_bucket\.logs\), since the addresses of different modules repeat/g,
    'Terraform の計画または状態が複数、続けて書かれています（`terragrunt run-all show -json` を jq に通したもの、または計画ファイルをつなげたもの）。モジュールごとの計画はアドレスが重なるため、それぞれを別の計画として読み、リソースの ID の前にその計画が始まる行番号を付けています（line2:aws_s3_bucket.logs）',
  ],
  [
    /not a Terraform plan or state \(terraform show -json\), in a file of several, one after another \(terragrunt run-all show -json through jq, or plan files concatenated\)/g,
    '続けて書かれた複数の Terraform の計画（`terragrunt run-all show -json` を jq に通したもの、または計画ファイルをつなげたもの）の中にある、計画でも状態（terraform show -json）でもない文書です',
  ],
  [
    /not a Terraform plan or state \(terraform show -json\), in a file of one a line \(terragrunt run-all show -json\)/g,
    '1 行に 1 つずつ並んだ Terraform の計画（`terragrunt run-all show -json`）の中にある、計画でも状態（terraform show -json）でもない行です',
  ],
  // A plan that Terraform could not finish (sources/terraform/index.ts).
  [
    /an errored plan \(errored: true\): Terraform stopped planning at an error, so the plan holds only what it planned before; its resources were judged, the others are not in it\. Fix the error and plan again/g,
    'エラーで止まった計画です（errored: true）。Terraform が途中のエラーで計画を止めたため、計画にはそれまでに計画したものしかありません。そのリソースは判定しましたが、ほかのリソースは計画にありません。エラーを直して計画し直してください',
  ],
  // Terraform state files (sources/terraform/state-file.ts) and their backups.
  [
    /an OpenTofu (.+?) encrypted at rest \(encryption_version ([^)]*)\): kansa cannot read it; run (.+?) where its key is configured, and scan (\S+)/g,
    (_, what, version, command, shown) =>
      `保存時に暗号化された OpenTofu の${{ state: '状態ファイル', 'saved plan': '保存された計画ファイル' }[what] ?? what}です（encryption_version ${version}）。kansa は読めません。鍵を設定した環境で \`${command.replace('<planfile>', '<計画ファイル>')}\` を実行し、${shown} をスキャンしてください`,
  ],
  [
    /a Terraform state of format version (\d+) \(Terraform 0\.6 or older([^)]*)\): kansa reads versions 3 \(Terraform 0\.7 to 0\.11\) and 4 \(Terraform 0\.12 on\); run terraform show -json > state\.json with a current Terraform after terraform init, or scan terraform state pull after the state is upgraded \(terraform apply with a later Terraform\)/g,
    (_, version, writer) =>
      `形式バージョン ${version} の Terraform の状態ファイルです（Terraform 0.6 以前${writer.replace(/^, /, '、')}）。kansa が読むのはバージョン 3（Terraform 0.7〜0.11）と 4（Terraform 0.12 以降）です。\`terraform init\` の後に最新の Terraform で \`terraform show -json > state.json\` を実行するか、状態ファイルを更新して（より新しい Terraform で \`terraform apply\`）\`terraform state pull\` の出力をスキャンしてください`,
  ],
  [
    /a Terraform state of format version (\d+)(, terraform_version [^,]*)?, newer than kansa reads \(version 4\): run terraform show -json > state\.json and scan state\.json/g,
    (_, version, writer) =>
      `形式バージョン ${version} の Terraform の状態ファイルです${writer ? `（${writer.slice(2)}）` : ''}。kansa が読めるバージョン 4 より新しい形式です。\`terraform show -json > state.json\` を実行し、state.json をスキャンしてください`,
  ],
  [
    /a Spacelift plan policy input: its terraform\.resource_changes have no after_unknown \(values known only after apply look absent\) and hold sensitive values hashed, so kansa cannot judge the plan from it; add terraform show -json spacelift\.plan > plan\.json to an after_plan hook and scan plan\.json/g,
    'Spacelift のプラン ポリシーの入力です。terraform.resource_changes に after_unknown がなく（適用後に決まる値が未設定に見えます）、機密値はハッシュに置き換えられているため、kansa はこれで計画を判定できません。after_plan フックに `terraform show -json spacelift.plan > plan.json` を加え、plan.json をスキャンしてください',
  ],
  [
    /the backend settings terraform init keeps in \.terraform\/terraform\.tfstate, not a state: scan terraform state pull > terraform\.tfstate/g,
    '`terraform init` が .terraform/terraform.tfstate に保存するバックエンドの設定で、状態ファイルではありません。`terraform state pull > terraform.tfstate` の出力をスキャンしてください',
  ],
  [
    /^a Bicep parameters file, which kansa does not evaluate: az bicep build-params --file <name>\.bicepparam writes its JSON parameter file; name it <template>\.parameters\.json beside the template to apply it$/g,
    'Bicep のパラメーター ファイルで、kansa はこれを評価しません。`az bicep build-params --file <名前>.bicepparam` が JSON のパラメーター ファイルを書き出します。テンプレートの横に <テンプレート>.parameters.json の名前で置くと適用します',
  ],
  [
    /^a Bicep file, which kansa does not compile: scan the ARM template az bicep build --file <name>\.bicep writes \(a module is inside the template of the file that uses it\)$/g,
    'Bicep ファイルで、kansa はこれをコンパイルしません。`az bicep build --file <名前>.bicep` が書き出す ARM テンプレートを指定してください（モジュールはそれを使うファイルのテンプレートに含まれます）',
  ],
  [
    /the Terraform state before the last apply: (\S+) beside it is the current state, which is read/g,
    '直前の適用より前の Terraform の状態ファイルです。隣の $1 が現在の状態で、そちらを読み込みます',
  ],
  // A plan and the state beside it (scan/read-inventory.ts, sources/terraform/root-modules.ts).
  [
    /(\d+) resource\(s\) of this Terraform state are in the plan beside it, (\S+): they are judged as the plan leaves them \(one the plan deletes, not at all\)/g,
    'この Terraform の状態ファイルのリソース $1 件は隣の計画 $2 にもあります。計画が適用された後の姿で判定しました（計画が削除するものは判定しません）',
  ],
  // Copies of one root module in a folder (scan/read-inventory.ts, sources/terraform/root-modules.ts).
  [
    /a copy of the Terraform plan or state (\S+) \(the same root module: the same state lineage, or the same objects\), which is the newer or the fuller: only that one is judged, so that nothing is judged twice/g,
    'Terraform の計画または状態 $1 の写しです（同じルート モジュール: 状態の lineage が同じか、同じオブジェクトを持ちます）。$1 のほうが新しいか情報が多いため、二重に判定しないよう $1 だけを判定しました',
  ],
  [
    /deposed object (\S+) \(left by a create_before_destroy replacement, to be destroyed\): the address's current object is judged/g,
    '退避されたオブジェクト $1 です（create_before_destroy による置き換えで残り、削除される予定です）。同じアドレスの現在のオブジェクトを判定します',
  ],
  [
    /attributes in the flat form of Terraform 0\.11 \(a version 3 state, or attributes_flat of one upgraded and not refreshed since\): read back into nested values as Terraform 0\.12's upgrade does, their types guessed without the provider's schema \(true and false as booleans, whole numbers of up to nine digits as numbers\); Terraform 0\.11 marked no value sensitive/g,
    'Terraform 0.11 の平坦な形式の属性です（形式バージョン 3 の状態ファイル、または更新後に一度もリフレッシュされていない状態の attributes_flat）。Terraform 0.12 の更新と同じく入れ子の値に戻して読みましたが、プロバイダーのスキーマがないため型は推定です（true と false は真偽値、9 桁までの整数は数値）。Terraform 0.11 はどの値も機密として記録していません',
  ],
  [
    /not a module of the state: its path does not start at root/g,
    '状態ファイルのモジュールではありません（path が root から始まっていません）',
  ],
  [
    /not a resource of a version 3 state \(type\.name, type\.name\.N or data\.type\.name\)/g,
    '形式バージョン 3 の状態ファイルのリソースではありません（type.name、type.name.N、data.type.name のいずれでもありません）',
  ],
  [
    /sensitive_attributes is not a list of attribute paths: which values are secret cannot be told, so none is read/g,
    'sensitive_attributes が属性のパスの一覧ではありません。どの値が機密か分からないため、どの値も読みません',
  ],
  [
    /resource mode (\S+) is neither managed nor data/g,
    'リソースのモード $1 は managed でも data でもありません',
  ],
  [
    /attributes is not a JSON object: none of the values can be read/g,
    'attributes が JSON オブジェクトではないため、どの値も読めません',
  ],
  [/instances is not a list/g, 'instances が配列ではありません'],
  [/instance not a JSON object/g, 'インスタンスが JSON オブジェクトではありません'],
  // Types read only through the resources that refer to them (adapters' READ_THROUGH tables).
  [
    /: (\w+) is judged with the IAM users, roles and groups it is attached to$/g,
    ': $1 は、アタッチされた IAM ユーザ・ロール・グループとともに判定します',
  ],
  [
    /: (\w+) is read with the new EBS volumes of its provider block$/g,
    ': $1 は、同じプロバイダーブロックの新しい EBS ボリュームとともに読みます',
  ],
  [
    /: (\w+) is read with the stores that name their KMS key through it$/g,
    ': $1 は、これを通して KMS キーを指定する保存先のリソースとともに読みます',
  ],
  [
    /: (\w+) is read with the virtual network of the subnet it names$/g,
    ': $1 は、指定するサブネットの仮想ネットワークとともに読みます',
  ],
];
