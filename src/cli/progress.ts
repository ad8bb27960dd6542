import type { WriteStream } from 'node:tty';
import type { ReadProgress } from '../scan/read-inventory.ts';

/**
 * One self-overwriting status line on stderr while the inventory is read, only when stderr is a
 * terminal (never in logs or CI output). Redrawn at most every 100 ms.
 */
export function progressReporter(stream: NodeJS.WriteStream | WriteStream) {
  const active = stream.isTTY === true;
  let last = 0;
  let shown = false;
  return {
    update: (p: ReadProgress) => {
      const now = Date.now();
      if (!active || (now - last < 100 && p.done < p.total)) return;
      last = now;
      shown = true;
      // A live scan also says how many calls it made and how many were throttled, so that a
      // scan waiting on a quota or a slow endpoint shows that it is alive, and on what.
      const calls = p.requests !== undefined ? `, ${p.requests} calls` : '';
      const throttled = p.throttled ? `, ${p.throttled} throttled` : '';
      stream.write(
        `\r\x1b[2Kreading inventory: ${p.done}/${p.total} ${p.unit}, ${p.resources} resources${calls}${throttled}`,
      );
    },
    done: () => {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
