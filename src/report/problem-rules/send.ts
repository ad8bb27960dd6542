import type { Rule } from './rule.ts';

/**
 * What delivery to the SOC runs into (send/, cli/send-command.ts): a destination's missing
 * setting, a service's refusal (its own message stays in its words), a record too large.
 */
export const SEND_RULES: readonly Rule[] = [
  // cli/send-command.ts: a destination's setting missing from the environment.
  [/^(.*: )?set ([A-Z][A-Z0-9_]*)$/g, '$1環境変数 $2 を設定してください'],
  [/: only https:\/\/ endpoints are used/g, ': https:// のエンドポイントだけを使います'],
  // send/https.ts, destinations/sentinel.ts and securityhub.ts: the service's answer, quoted.
  [/ \(([^()\s]+)\) answered HTTP (\d+)((?: [A-Za-z]\w*)?) ?:/g, '（$1）が HTTP $2$3 を返しました:'],
  [/: \(no body\)$/g, ': （本文なし）'],
  [
    /HEC answered without an ackId: is acknowledgement enabled on the token\?/g,
    'HEC が ackId なしで応答しました: トークンでインデクサー確認応答（acknowledgement）が有効になっていますか？',
  ],
  [
    /HEC did not acknowledge ackId (\S+) in time: the batch may not be indexed/g,
    'HEC が期限内に ackId $1 を確認応答しませんでした: このバッチはインデックスされていない可能性があります',
  ],
  [/Security Hub refused the finding: /g, 'Security Hub が検出結果を拒否しました: '],
  // send/deliver.ts: a record over the destination's size limit on its own.
  [
    /(\d+) bytes encoded, over (\S+)'s (\d+)-byte limit per call/g,
    'エンコード後 $1 バイトで、$2 の 1 回あたりの上限 $3 バイトを超えています',
  ],
];
