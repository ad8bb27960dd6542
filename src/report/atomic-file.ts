import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { access, constants, type FileHandle, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';

/**
 * An output file that cannot be written (a directory, a missing directory, a full disk, no
 * permission): one line naming the file and the cause. The CLI prints it and exits 2.
 */
export class OutputError extends Error {
  readonly file: string;

  constructor(file: string, cause: string) {
    super(`cannot write ${file}: ${cause}`);
    this.name = 'OutputError';
    this.file = file;
  }
}

/**
 * Checks, before any work is done, that `target` can be written: its directory exists and is
 * writable, and it is not a directory itself. A scan must not run for minutes and then fail to
 * save its result.
 */
export async function checkWritable(target: string): Promise<void> {
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new OutputError(target, 'it is a directory');
  if (existing && !existing.isFile()) {
    // A device or a pipe (/dev/stdout, /dev/null, a FIFO) is written in place.
    await access(target, constants.W_OK).catch((error) => {
      throw new OutputError(target, describe(error));
    });
    return;
  }
  const dir = path.dirname(target);
  const parent = await stat(dir).catch(() => undefined);
  if (!parent) throw new OutputError(target, `directory ${dir} does not exist`);
  if (!parent.isDirectory()) throw new OutputError(target, `${dir} is not a directory`);
  await access(dir, constants.W_OK).catch((error) => {
    throw new OutputError(target, `directory ${dir} is not writable (${describe(error)})`);
  });
}

/**
 * A file written in full or not at all. The data goes to a temporary file in the target's
 * directory; `commit()` flushes it to disk and renames it over the target, so a killed or
 * failing run leaves the previous file as it was. SIGINT and SIGTERM remove the temporary
 * file; after SIGKILL a `.<name>.<pid>.<random>.tmp` file may remain beside the target.
 *
 * A target that is a device or a pipe (/dev/stdout, /dev/null) is written in place.
 *
 * `stream` never emits 'error' and never stalls: after the first failed write it discards
 * what follows, and `commit()` throws that failure as an OutputError.
 */
export interface AtomicFile {
  readonly stream: Writable;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function openAtomic(
  target: string,
  options: { highWaterMark?: number } = {},
): Promise<AtomicFile> {
  await checkWritable(target);
  const existing = await stat(target).catch(() => undefined);
  const inPlace = existing !== undefined && !existing.isFile();
  const temp = inPlace
    ? undefined
    : path.join(
        path.dirname(target),
        `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
      );
  let handle: FileHandle;
  try {
    handle = await open(temp ?? target, inPlace ? 'w' : 'wx', existing ? existing.mode & 0o777 : 0o666);
  } catch (error) {
    throw new OutputError(target, describe(error));
  }
  if (temp) track(temp);
  const sink = new FileSink(handle, options.highWaterMark);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close().catch(() => undefined);
  };
  return {
    stream: sink,
    async commit() {
      try {
        if (!sink.writableEnded) sink.end();
        await sink.settled();
        if (sink.failure) throw sink.failure;
        if (temp) await handle.sync();
        await close();
        if (temp) {
          await rename(temp, target);
          untrack(temp);
        }
      } catch (error) {
        await close();
        if (temp) await discard(temp);
        throw error instanceof OutputError ? error : new OutputError(target, describe(error));
      }
    },
    async abort() {
      sink.destroy();
      await close();
      if (temp) await discard(temp);
    },
  };
}

/** Writes every chunk in full (a short write is continued); the first failure is kept, the rest discarded. */
class FileSink extends Writable {
  failure: Error | undefined;
  readonly #handle: FileHandle;
  #done: Promise<void>;
  #resolveDone!: () => void;

  constructor(handle: FileHandle, highWaterMark?: number) {
    super(highWaterMark === undefined ? {} : { highWaterMark });
    this.#handle = handle;
    this.#done = new Promise((resolve) => {
      this.#resolveDone = resolve;
    });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.#writeAll(chunk).then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.#resolveDone();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#resolveDone();
    callback(error);
  }

  /** Resolves when every chunk written so far has reached the file (or failed). */
  settled(): Promise<void> {
    return this.#done;
  }

  async #writeAll(chunk: Buffer): Promise<void> {
    if (this.failure) return;
    try {
      for (let offset = 0; offset < chunk.length; ) {
        const { bytesWritten } = await this.#handle.write(chunk, offset, chunk.length - offset);
        offset += bytesWritten;
      }
    } catch (error) {
      this.failure = error as Error;
    }
  }
}

async function discard(temp: string): Promise<void> {
  untrack(temp);
  await unlink(temp).catch(() => undefined);
}

/** Temporary files not yet renamed: removed when SIGINT or SIGTERM ends the process. */
const PENDING = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function track(temp: string): void {
  if (PENDING.size === 0) for (const signal of SIGNALS) process.on(signal, onSignal);
  PENDING.add(temp);
}

function untrack(temp: string): void {
  if (!PENDING.delete(temp) || PENDING.size > 0) return;
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
}

function onSignal(signal: NodeJS.Signals): void {
  for (const temp of PENDING) {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone.
    }
  }
  PENDING.clear();
  // Die of the same signal, so that the parent sees how the process ended (exit 130 / 143).
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

/** A file-system error as a few words and its code: `no space left on the device (ENOSPC)`. */
export function describe(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const text: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    EISDIR: 'it is a directory',
    ENOENT: 'no such file or directory',
    ENOTDIR: 'a part of the path is not a directory',
    EEXIST: 'a temporary file of that name exists',
  };
  return code
    ? `${text[code] ?? message.split('\n')[0]} (${code})`
    : (message.split('\n')[0] ?? 'write failed');
}
