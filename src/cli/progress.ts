import type { WriteStream } from 'node:tty';
import { counted } from '../base/counted.ts';
import type { Lang } from '../model/localized.ts';
import type { ReadProgress } from '../scan/read-inventory.ts';

/**
 * A live scan also says how many calls it made and how many were throttled, so that a scan
 * waiting on a quota or a slow endpoint shows that it is alive, and on what.
 */
const LINE: Record<Lang, (p: ReadProgress) => string> = {
  ja: (p) =>
    `インベントリを読み込み中: ${p.done}/${p.total} ${UNIT_JA[p.unit] ?? p.unit}、リソース ${p.resources} 件` +
    `${p.requests !== undefined ? `、API 呼び出し ${p.requests} 回` : ''}${p.throttled ? `、スロットリング ${p.throttled} 回` : ''}`,
  en: (p) =>
    `reading inventory: ${p.done}/${p.total} ${p.unit}, ${counted(p.resources, 'resource', 'resources')}` +
    `${p.requests !== undefined ? `, ${counted(p.requests, 'call', 'calls')}` : ''}${p.throttled ? `, ${p.throttled} throttled` : ''}`,
};
const UNIT_JA: Readonly<Record<string, string>> = {
  files: 'ファイル',
  scopes: 'スコープ',
  subscriptions: 'サブスクリプション',
};

/**
 * One self-overwriting status line on stderr while the inventory is read, only when stderr is a
 * terminal (never in logs or CI output). Redrawn at most every 100 ms.
 */
export function progressReporter(stream: NodeJS.WriteStream | WriteStream, lang: Lang) {
  const active = stream.isTTY === true;
  let last = 0;
  let shown = false;
  return {
    update: (p: ReadProgress) => {
      const now = Date.now();
      if (!active || (now - last < 100 && p.done < p.total)) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[2K${LINE[lang](p)}`);
    },
    done: () => {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
