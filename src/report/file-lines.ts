import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const CHUNK = 1 << 20;

/**
 * The lines of a file, read a chunk at a time (synchronously: reports pull findings from a
 * generator while they write), with 1-based line numbers. Memory stays at one chunk plus the
 * longest line, whatever the file's size.
 */
export function* fileLines(path: string): Generator<{ readonly text: string; readonly line: number }> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK);
    let carry: Buffer | undefined;
    let line = 0;
    for (;;) {
      const n = readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      const data = carry ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
        yield { text: data.toString('utf8', start, nl), line: ++line };
        start = nl + 1;
      }
      // Copied: the chunk is read into again.
      carry = start < data.length ? Buffer.from(data.subarray(start)) : undefined;
    }
    if (carry) yield { text: carry.toString('utf8'), line: ++line };
  } finally {
    closeSync(fd);
  }
}

/** The lines of a text held in memory, numbered as fileLines numbers them. */
export function* textLines(text: string): Generator<{ readonly text: string; readonly line: number }> {
  let line = 0;
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    yield { text: text.slice(start, nl), line: ++line };
    start = nl + 1;
  }
  if (start < text.length) yield { text: text.slice(start), line: ++line };
}

/** The last non-empty line of a file, read from its end (the findings file's trailer). */
export function lastLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    let end = fstatSync(fd).size;
    const parts: Buffer[] = [];
    // Trailing line ends are not the line.
    let trailing = true;
    while (end > 0) {
      const start = Math.max(0, end - CHUNK);
      const part = Buffer.allocUnsafe(end - start);
      readSync(fd, part, 0, part.length, start);
      let to = part.length;
      if (trailing) {
        while (to > 0 && (part[to - 1] === 10 || part[to - 1] === 13)) to--;
        if (to > 0) trailing = false;
      }
      const nl = part.lastIndexOf(10, to - 1);
      if (nl !== -1 && !trailing) {
        parts.unshift(part.subarray(nl + 1, to));
        return Buffer.concat(parts).toString('utf8');
      }
      parts.unshift(part.subarray(0, to));
      end = start;
    }
    return Buffer.concat(parts).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
