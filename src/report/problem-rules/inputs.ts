import type { Rule } from './rule.ts';

const FILE_KIND: Record<string, string> = {
  'a FIFO': 'FIFO',
  'a socket': 'ソケット',
  'a device': 'デバイス',
  'not a file': 'ファイルではありません',
};

/** What reading the inputs and the framework, policy, waiver and findings files runs into. */
export const INPUT_RULES: readonly Rule[] = [
  // The input walk and the file reader (sources/walk-inputs.ts, read-inputs.ts, input-bytes.ts).
  [
    /not an export \(hidden, README, LICENSE or tool directory\)/g,
    'エクスポートではありません（隠しファイル、README、LICENSE、ツールのディレクトリ）',
  ],
  [
    /the file is neither UTF-8 nor Shift_JIS: its invalid bytes are read as replacement characters \(U\+FFFD\), so text in them \(tags, names\) is lost/g,
    'ファイルは UTF-8 でも Shift_JIS でもありません。不正なバイトは置換文字（U+FFFD）として読むため、その部分の文字（タグ、名前）は失われます',
  ],
  [
    /the file is in Shift_JIS \(CP932\), as Excel and Japanese Windows tools save it: read as such/g,
    'ファイルは Excel や日本語版 Windows のツールが保存する Shift_JIS（CP932）です。Shift_JIS として読みます',
  ],
  [
    /an empty JSON array \(a list command that found nothing\): no resource in it/g,
    '空の JSON 配列です（一覧表示のコマンドが何も見つけなかった出力）。リソースは含まれていません',
  ],
  [
    /an empty JSON array \(a list command that found nothing\): no resource in it/g,
    '空の JSON 配列です（一覧表示のコマンドが何も見つけなかった出力）。リソースは含まれていません',
  ],
  [
    /kansa's own findings file \(the output of kansa scan\), not a cloud export/g,
    'kansa 自身の検出結果ファイル（kansa scan の出力）で、クラウドのエクスポートではありません',
  ],
  [
    /kansa's own (framework|waivers|organisation policy) file \(scan (--[a-z-]+)\), not a cloud export/g,
    (_, kind, flag) =>
      `kansa 自身の${{ framework: 'フレームワーク', waivers: '例外承認', 'organisation policy': '組織のポリシー' }[kind] ?? kind}ファイル（scan ${flag}）で、クラウドのエクスポートではありません`,
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
  [
    /the file is neither JSON, YAML nor a known text export/g,
    'JSON でも YAML でも既知のテキスト形式でもありません',
  ],
  [
    /a CSV file whose header \((.*)\) is none of the CSV exports kansa reads/g,
    '見出し（$1）が kansa の読む CSV エクスポートのどれでもない CSV ファイルです',
  ],
  [
    /a saved Terraform plan \(terraform plan -out\), a ZIP archive: kansa reads its JSON; run terraform show -json <planfile> > plan\.json and scan plan\.json/g,
    '保存された Terraform の計画ファイル（terraform plan -out、ZIP 形式）です。kansa が読むのはその JSON です。terraform show -json <計画ファイル> > plan.json を実行し、plan.json をスキャンしてください',
  ],
  // CSV files (sources/csv.ts and the CSV formats).
  [
    /malformed CSV: a quoted cell that starts in the row on this line is never closed/g,
    'CSV として不正です: この行で始まる、引用符で囲まれたセルが閉じられていません',
  ],
  [
    /malformed CSV: a quote inside a cell of the row on this line \(quotes in a cell are doubled, and the cell quoted\)/g,
    'CSV として不正です: この行のセルの中に引用符があります（セル内の引用符は二重にし、セル全体を引用符で囲みます）',
  ],
  [
    /malformed CSV: the row's cells \((\d+)\) do not match the header's columns \((\d+)\)/g,
    'CSV として不正です: 見出しは $2 列ですが、この行のセルは $1 個です',
  ],
  // As findings files written before kansa counted its nouns word it.
  [
    /malformed CSV: a row of (\d+) cells under a header of (\d+) columns/g,
    'CSV として不正です: 見出しは $2 列ですが、この行のセルは $1 個です',
  ],
  [/malformed CSV \((.*)\)$/g, 'CSV として不正です（$1）'],
  [
    /the (\S+) column is not JSON \((.*)\): Resource Graph writes its dynamic columns as JSON text/g,
    '$1 列が JSON ではありません（$2）。Resource Graph は dynamic 型の列を JSON の文字列で出力します',
  ],
  [
    /the (\S+) column is not JSON \((.*)\): Steampipe writes its JSONB columns as JSON text/g,
    '$1 列が JSON ではありません（$2）。Steampipe は JSONB 型の列を JSON の文字列で出力します',
  ],
  [/the (\S+) column is "(.*)", not true or false/g, '$1 列が "$2" です。`true` か `false` のはずです'],
  [/the (\S+) column is "(.*)", not a number/g, '$1 列が "$2" です。数値のはずです'],
  [/no known format has records of this shape/g, 'この形のレコードを持つ既知の形式はありません'],
  [/no known format has this JSON shape/g, 'この形の JSON を持つ既知の形式はありません'],
  // YAML inputs (sources/yaml-documents.ts, sources/read-document.ts).
  [/no known format has this YAML shape/g, 'この形の YAML を持つ既知の形式はありません'],
  [
    /no known format has the shape of (YAML|JSON) (document|list item) (\d+)/g,
    (_, syntax, part, n) =>
      `${syntax} の${part === 'document' ? '文書' : 'リストの項目'} ${n} の形を持つ既知の形式はありません`,
  ],
  [
    /the file is neither JSON, a known text export nor valid YAML \((.*)\)/g,
    'JSON でも既知のテキスト形式でもなく、YAML としても不正です（$1）',
  ],
  [/an alias with a tag or anchor/g, 'タグまたはアンカーの付いたエイリアス'],
  [/an alias to an anchor not set before it/g, 'それより前に定義されていないアンカーへのエイリアス'],
  [/a tag that does not fit its collection/g, 'コレクションに合わないタグ'],
  [/a malformed directive/g, '不正なディレクティブ'],
  [/an invalid escape in a double-quoted string/g, '二重引用符の文字列の中の不正なエスケープ'],
  [/a line indented wrongly/g, 'インデントの誤った行'],
  [/a tag or anchor in the wrong place/g, '位置の誤ったタグまたはアンカー'],
  [/a plain value starting with a reserved character/g, '予約文字で始まる引用符なしの値'],
  [/a nested mapping where a key was expected/g, 'キーがあるべき位置の入れ子のマッピング'],
  [/a block collection inside brackets/g, '括弧の中のブロック形式のコレクション'],
  [/a key repeated in one mapping/g, '1 つのマッピングの中で重複したキー'],
  [/an unreadable construct/g, '読み取れない構文'],
  [/a key longer than 1024 characters/g, '1024 文字を超えるキー'],
  [
    /a missing character \(a colon, comma or closing quote or bracket\)/g,
    '欠けている文字（コロン、カンマ、閉じる引用符または括弧）',
  ],
  [
    /a key over several lines \(an unquoted text with a colon in it\?\)/g,
    '複数行にわたるキー（コロンを含む引用符なしの文字列ではありませんか）',
  ],
  [/two anchors on one value/g, '1 つの値に 2 つのアンカー'],
  [/a second document without a --- line/g, '--- の行のない 2 つ目の文書'],
  [/two tags on one value/g, '1 つの値に 2 つのタグ'],
  [/a key that is not a string/g, '文字列でないキー'],
  [/values nested too deeply to read/g, '読み込めないほど深い入れ子の値'],
  [/a tab used for indentation/g, 'インデントに使われたタブ'],
  [/a tagged value that does not fit its tag/g, 'タグに合わない値'],
  [/an unexpected character/g, '予期しない文字'],
  [
    /gzip file inflates to more than (\d+) MiB \((\d+) MiB compressed\): not read; raise the bound with --max-inflated-mib if the file is genuine/g,
    'gzip ファイルを展開すると $1 MiB を超えます（圧縮時 $2 MiB）。読み込みません。正しいファイルであれば --max-inflated-mib で上限を上げてください',
  ],
  [/corrupt gzip file \((.*)\)/g, '壊れた gzip ファイルです（$1）'],
  // ZIP archives read as folders (sources/read-inputs.ts, sources/zip-archive.ts).
  [
    /truncated or corrupt ZIP archive \((.*)\): none of its entries could be listed/g,
    '途中で切れているか壊れた ZIP アーカイブです（$1）。中のエントリを 1 つも列挙できません',
  ],
  [
    /End of central directory record signature not found\. Either not a zip file, or file is truncated\./g,
    '中央ディレクトリの終端レコードがありません。ZIP ファイルでないか、途中で切れています',
  ],
  [
    /empty ZIP archive: expected cloud inventory exports in it/g,
    '空の ZIP アーカイブです。中にクラウドのインベントリのエクスポートが必要です',
  ],
  [
    /ZIP entry inflates to more than (\d+) MiB \((\d+) MiB compressed\): not read; raise the bound with --max-inflated-mib if the file is genuine/g,
    'ZIP のエントリを展開すると $1 MiB を超えます（圧縮時 $2 MiB）。読み込みません。正しいファイルであれば --max-inflated-mib で上限を上げてください',
  ],
  [
    /a document in a ZIP container \(Office Open XML or OpenDocument: \.xlsx, \.docx, \.ods, …\), not an archive of exports: kansa reads none; save a sheet that holds an export as CSV/g,
    'ZIP 形式の文書です（Office Open XML か OpenDocument: .xlsx、.docx、.ods など）。エクスポートのアーカイブではなく、kansa は読みません。エクスポートを収めたシートは CSV で保存してください',
  ],
  [
    /a symbolic link stored in the archive: not followed \(its target, when in the archive, is read as its own entry\)/g,
    'アーカイブに格納されたシンボリック リンクです。たどりません（リンク先がアーカイブ内にあれば、それ自体のエントリとして読み込みます）',
  ],
  [/corrupt ZIP entry \((.*)\)/g, '壊れた ZIP のエントリです（$1）'],
  [
    /the entry inflates to more than the (\d+) bytes the archive declares/g,
    'エントリを展開するとアーカイブが宣言する $1 バイトを超えます',
  ],
  [
    /the entry inflates to (\d+) bytes where the archive declares (\d+)/g,
    'エントリを展開すると $1 バイトで、アーカイブが宣言する $2 バイトと合いません',
  ],
  [/CRC-32 mismatch: the entry's data is damaged/g, 'CRC-32 が一致しません。エントリのデータが壊れています'],
  [
    /a ZIP archive inside a ZIP archive inside another: kansa reads archives one level deep; extract the outer archive and scan the folder/g,
    'ZIP アーカイブの中の ZIP アーカイブのさらに中にある ZIP アーカイブです。kansa が読むのは 1 段階の入れ子までです。外側のアーカイブを展開してフォルダーをスキャンしてください',
  ],
  [
    /an encrypted ZIP entry \(a password-protected archive\): kansa does not decrypt; extract it with its password and scan the folder/g,
    '暗号化された ZIP のエントリです（パスワード付きアーカイブ）。kansa は復号しません。パスワードで展開してフォルダーをスキャンしてください',
  ],
  [
    /a ZIP entry compressed with method (\d+)( \([A-Za-z0-9]+\))?, which kansa cannot inflate \(only stored and deflated entries\): extract the archive with a tool that can and scan the folder/g,
    (_, method, name) =>
      `圧縮方式 ${method}${name ?? ''} で圧縮された ZIP のエントリで、kansa は展開できません（無圧縮と Deflate のエントリのみ）。展開できるツールでアーカイブを展開してフォルダーをスキャンしてください`,
  ],
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
    /invalid JSON on (?:line (\d+)|the last line): /g,
    (_match, line: string) => `${line ? `${line} 行目` : '最後の行'}が JSON として不正です: `,
  ],
  [
    /the file is UTF-16, as Windows PowerShell's > writes a command's output after decoding it with the console's code page, which garbles text that is not ASCII \(a quote may be lost with it\); write the file again from cmd\.exe \(cmd \/c "terraform show -json plan\.out > plan\.json", and alike for any command\), or after \[Console\]::OutputEncoding = \[Text\.Encoding\]::UTF8/g,
    'ファイルは UTF-16 です。Windows PowerShell の > はコマンドの出力をコンソールのコード ページで解釈してから書き込むため、ASCII 以外の文字が化け（引用符が一緒に失われることもあります）、JSON が壊れます。cmd.exe から書き直す（cmd /c "terraform show -json plan.out > plan.json"、ほかのコマンドも同様）か、[Console]::OutputEncoding = [Text.Encoding]::UTF8 を実行してから書き直してください',
  ],
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
    /the password policy does not name its account: name the file (.+?) \(as kansa scan --save-inventory does\)/g,
    'パスワードポリシーがどのアカウントのものか分かりません。ファイル名を $1 としてください（kansa scan --save-inventory と同じ名前です）',
  ],
  [/account_id ("[^"]*") is not an AWS account id/g, 'account_id $1 は AWS のアカウント ID ではありません'],
  [
    /(`[^`]*`) is neither a row array nor a \{columns, rows\} table/g,
    '$1 が行の配列でも {columns, rows} の表でもありません',
  ],
  [
    /this answer holds (\d+) of the query's (\d+) rows: the others are on its next pages \(`az graph query --first` \/ `--skip-token`, `Search-AzGraph -First` \/ `-SkipToken`\), read only where those are among the inputs/g,
    'この応答はクエリの $2 行のうち $1 行だけを含みます。残りは次のページにあり（`az graph query --first` / `--skip-token`、`Search-AzGraph -First` / `-SkipToken`）、それらが入力に含まれる場合にだけ読みます',
  ],
  [
    /this answer has a skip token: the query has more rows, on its next pages \(`az graph query --skip-token`, `Search-AzGraph -SkipToken`\), read only where those are among the inputs/g,
    'この応答にはスキップ トークンがあります。クエリの残りの行は次のページにあり（`az graph query --skip-token`、`Search-AzGraph -SkipToken`）、それらが入力に含まれる場合にだけ読みます',
  ],
  [
    /an Azure error answer: the call failed \(([^)]*)\): the file holds no resource; run the command again/g,
    'Azure のエラー応答です。呼び出しが失敗したため（$1）、ファイルにリソースは含まれていません。コマンドを実行し直してください',
  ],
  [/(`[^`]*`) has no name/g, '$1 に名前がありません'],
  [/(`[^`]*`) is not an array/g, '$1 が配列ではありません'],
  // Records skipped by the readers.
  [
    /(?:record|row|search result) is not a JSON object|^not a JSON object$/g,
    'JSON オブジェクトではありません',
  ],
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
    /storage#policy: no `resourceId` \(projects\/_\/buckets\/<bucket>\) to name its bucket/g,
    'storage#policy: バケットを示す `resourceId`（projects/_/buckets/<bucket>）がありません',
  ],
  [
    /storage#bucketAccessControls: no single `bucket` named by its entries/g,
    'storage#bucketAccessControls: エントリが一つのバケット（`bucket`）を示していません',
  ],
  [
    /not a resource: resourceType and resourceId are missing and the configuration names no ARN of its own \(SELECT resourceType, resourceId, accountId and awsRegion too\)/g,
    'リソースではありません: resourceType と resourceId がなく、configuration にもリソース自身の ARN がありません（resourceType、resourceId、accountId、awsRegion も SELECT してください）',
  ],
  [/ \(a sub-resource of ([^)\s]+)\)/g, '（$1 のサブリソース）'],
  [
    /aws s3api error (\w+) from (\w+): it says nothing of the bucket's setting/g,
    'aws s3api のエラー $1（$2）: バケットの設定の有無は分かりません',
  ],
  [
    /(\w+) from (\w+) in a file named after twelve digits: a bucket's, or s3control's for an account; saved as (\S+) for a bucket/g,
    '$1（$2）: ファイル名の12桁がバケット名か s3control のアカウント ID か判別できません（バケットのものは $3 として保存すると読み込まれます）',
  ],
  [
    /aws s3api ([\w-]+) names no bucket(?: \([^)]*\))?: saved as (\S+) or (\S+), it is read/g,
    'aws s3api $1 の応答はバケットを示していません: $2 または $3 として保存すると読み込まれます',
  ],
  [
    /not a configuration item \(not a JSON object, or a row that is not valid JSON\)/g,
    '設定項目ではありません（JSON オブジェクトでないか、JSON として不正な行）',
  ],
  [
    /not a resource: resourceType and resourceId are missing \(an aggregate or COUNT row\?\)/g,
    'リソースではありません: resourceType と resourceId がありません（集計や COUNT の行と思われます）',
  ],
  [/ResourceNotRecorded \(no configuration\)/g, 'ResourceNotRecorded（設定なし）'],
  [
    /no account id \(awsAccountId \/ accountId \/ ARN \/ file name\)/g,
    'アカウント ID がありません（awsAccountId / accountId / ARN / ファイル名）',
  ],
  [
    /an AWS managed resource \(([^)]+)\), in no account/g,
    'AWS が管理するリソース（$1）で、どのアカウントにも属しません',
  ],
  [
    /the rotation status names the key by its id only, and the file's folders or name give no account and region \(<account>\/<region>\/…\)/g,
    'ローテーションの状態がキーを ID だけで示しており、ファイルのフォルダーや名前からアカウントとリージョンが分かりません（<account>/<region>/…）',
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
  [/: read as listed only, its settings unknown$/g, ': 一覧のみとして読み込みました（設定は不明）'],
  // A Cloud Asset record without content (sources/gcp/to-resource.ts readAsset).
  [
    /: no content \(listed without --content-type\): read as listed only, its settings and labels unknown$/g,
    ': 内容がありません（--content-type を指定しない一覧）。一覧のみとして読み込みました（設定とラベルは不明）',
  ],
  [
    /^event (\d+): an event that is not a Config notification carries no configuration item$/g,
    'イベント $1: Config の通知ではないイベントで、設定項目を含みません',
  ],
  [/^event (\d+): (.+) carries no configuration item$/g, 'イベント $1: $2 は設定項目を含みません'],
  [
    /a Steampipe table row \(`akas`, `title`\): its columns are not the API's fields and are not read; export with (.+)/g,
    (_match, commands: string) =>
      `Steampipe のテーブルの行です（\`akas\`、\`title\`）。列が API のフィールドではないため読み込みません。${commands.replaceAll('` or `', '` または `')} で出力してください`,
  ],
  [/no `id` column: project `id` in the query/g, '`id` 列がありません。クエリで `id` を出力してください'],
  [/not an ARM resource id: /g, 'ARM のリソース ID ではありません: '],
  [
    /^(\S+): the subscription is not a GUID \(a placeholder\?\)$/g,
    '$1: サブスクリプションが GUID ではありません（仮の値かもしれません）',
  ],
  [/^(\S+): location (.+) names no region$/g, '$1: location $2 はリージョンを示していません'],
  [
    /^ConvertTo-Json cut values deeper than its -Depth \(2 by default\) into strings such as `System\.Object\[\]` or `@\{…\}`: the settings read from them are unknown\. Run the command again piped to `ConvertTo-Json -Depth 20`$/g,
    'ConvertTo-Json が -Depth（既定 2）より深い値を `System.Object[]` や `@{…}` のような文字列に切り詰めたため、そこから読む設定は分かりません。コマンドの出力を `ConvertTo-Json -Depth 20` に渡して実行し直してください',
  ],
  [
    /a resource provider's registration \((\S+)\): it holds no resource/g,
    'リソース プロバイダーの登録情報です（$1）。リソースを含みません',
  ],
  [/cannot tell the resource type of (.+)/g, '$1 のリソースの種類が分かりません'],
  [
    /^(\S+): a role assignment above the subscription, read as inherited by (\S+), whose list holds it$/g,
    '$1: サブスクリプションより上のロールの割り当てです。これを含む一覧のサブスクリプション $2 が継承するものとして読みます',
  ],
  [
    /^(\S+): a role assignment above the subscription, read as inherited by (\S+), whose exported resources hold it$/g,
    '$1: サブスクリプションより上のロールの割り当てです。エクスポートでこれをリソースに含むサブスクリプション $2 が継承するものとして読みます',
  ],
  [
    /a table printed for reading \(az … -o table, aws … --output table\): it holds the columns shown, not the settings kansa checks; save the same command with -o json \(aws: --output json\)/g,
    '読むために表示された表です（`az … -o table`、`aws … --output table`）。表示された列だけで、kansa が確認する設定は含まれません。同じコマンドを `-o json`（aws: `--output json`）で保存してください',
  ],
  [
    /not in a subscription \(tenant or management-group scope\): /g,
    'サブスクリプションに属しません（テナントまたは管理グループのスコープ）: ',
  ],
  [
    /: no project, folder or organization in ancestors, parent, name or self link, nor in another record of it/g,
    ': ancestors、parent、name、selfLink にも、このリソースの他のレコードにも、プロジェクト・フォルダ・組織がありません',
  ],
];
