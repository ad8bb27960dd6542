import { isUtf8 } from 'node:buffer';
import type { ReadContext } from './format.ts';

/**
 * Exports made on Windows are often UTF-16 (Windows PowerShell 5.1's `>` and `Out-File` write
 * UTF-16LE with a byte-order mark), and in Japan Shift_JIS (CP932: a CSV saved again by Excel,
 * Windows PowerShell 5.1's `Set-Content` and `Export-Csv` on a Japanese system): re-encoded as
 * UTF-8, which everything else reads. Read as UTF-8, Shift_JIS would turn every Japanese tag and
 * name (a classification tag's `機密性2`) into replacement characters without a word.
 */
export function toUtf8(data: Buffer, ctx: ReadContext): Buffer {
  if (data[0] === 0xff && data[1] === 0xfe) return Buffer.from(data.subarray(2).toString('utf16le'), 'utf8');
  if (data[0] === 0xfe && data[1] === 0xff) {
    const swapped = Buffer.from(data.subarray(2, data.length - (data.length % 2)));
    return Buffer.from(swapped.swap16().toString('utf16le'), 'utf8');
  }
  if (isUtf8(data)) return data;
  try {
    // Made when a file needs it: ICU's converter is not loaded for UTF-8 exports.
    shiftJis ??= new TextDecoder('shift_jis', { fatal: true });
    const text = shiftJis.decode(data);
    ctx.note?.('the file is in Shift_JIS (CP932), as Excel and Japanese Windows tools save it: read as such');
    return Buffer.from(text, 'utf8');
  } catch {
    ctx.note?.(
      'the file is neither UTF-8 nor Shift_JIS: its invalid bytes are read as replacement characters (U+FFFD), so text in them (tags, names) is lost',
    );
    return data;
  }
}

let shiftJis: TextDecoder | undefined;
