import { close, fstatSync, openSync, read } from 'node:fs';
import { gunzip } from 'node:zlib';
import { isGzip } from './input-bytes.ts';

/**
 * A file's bytes read ahead of its turn, off the main thread: the file as read, inflated when
 * it is gzip, and its SHA-256 when the coverage names files by it. What could not be done ahead
 * (a read or an inflation that failed, a file too large for the window) is absent, and is done
 * at the file's turn as for any file, with its errors.
 */
export interface ReadAhead {
  readonly raw: Buffer;
  readonly inflated?: Buffer;
  readonly sha256?: string;
}

export interface ReadAheadWindow {
  /** Files read ahead of the one being read, at most. */
  readonly files: number;
  /** Bytes held by the files read ahead (as read and inflated), at most. */
  readonly bytes: number;
  /** Whether each file's SHA-256 is worked out ahead too. */
  readonly digest: boolean;
}

/** The window of an offline scan: a few files, a few tens of megabytes beside what is being read. */
export const READ_AHEAD_WINDOW = { files: 4, bytes: 32 * 2 ** 20 } as const;

/**
 * Reads the next few input files on libuv's thread pool, and inflates those that are gzip there,
 * while the main thread parses and normalizes the current one: the reads and the inflation, a
 * fifth of the offline scan's floor, run on the second core. The files are still handed over one
 * at a time, in their order; `take` must be called for 0, 1, 2, … in turn.
 *
 * The main thread's work on a file never returns to the event loop, so a read that finished only
 * hands on to its inflation when `take` yields to it: once per file. Each file needs few such
 * steps (open and size on the main thread, one read, one inflation, one digest).
 */
export class InputReadAhead {
  readonly #paths: readonly string[];
  readonly #window: ReadAheadWindow;
  readonly #pending = new Map<number, Promise<Ahead | undefined>>();
  /** The next file to start reading ahead. */
  #next = 0;
  /** Bytes held or reserved by the files started and not yet taken. */
  #held = 0;

  constructor(paths: readonly string[], window: ReadAheadWindow) {
    this.#paths = paths;
    this.#window = window;
  }

  /** The file `index` as read ahead, or undefined when it is to be read at its turn. Never throws. */
  async take(index: number): Promise<ReadAhead | undefined> {
    this.#fill(index);
    await new Promise<void>((resolve) => setImmediate(resolve));
    const pending = this.#pending.get(index);
    this.#pending.delete(index);
    const ahead = pending && (await pending);
    if (ahead) this.#held -= ahead.held;
    this.#fill(index + 1);
    return ahead?.read;
  }

  /** Starts the files from `current` on that the window has room for, in order. */
  #fill(current: number): void {
    const { files, bytes } = this.#window;
    this.#next = Math.max(this.#next, current);
    while (this.#next < this.#paths.length && this.#next < current + files) {
      const index = this.#next;
      const opened = openFile(this.#paths[index]!);
      if (opened && opened.size > bytes - this.#held) {
        // A file larger than the whole window is read at its turn; one that fits once the files
        // before it are taken waits for them.
        close(opened.fd, ignore);
        if (opened.size <= bytes) return;
      } else if (opened) {
        this.#held += opened.size;
        this.#pending.set(index, this.#start(opened));
      }
      this.#next++;
    }
  }

  async #start({ fd, size }: { fd: number; size: number }): Promise<Ahead | undefined> {
    let raw: Buffer<ArrayBuffer>;
    try {
      raw = await readWhole(fd, size);
    } catch {
      this.#held -= size;
      return undefined;
    } finally {
      close(fd, ignore);
    }
    const digest = this.#window.digest ? sha256(raw) : undefined;
    let inflated: Buffer | undefined;
    // The size the gzip trailer gives is reserved, and bounds the inflation: one that does not
    // fit the window's room, or inflates to more (several gzip members), is done at its turn.
    const expected = isGzip(raw) && raw.length >= 4 ? raw.readUInt32LE(raw.length - 4) : 0;
    if (expected > 0 && expected <= this.#window.bytes - this.#held) {
      this.#held += expected;
      inflated = await inflate(raw, expected);
      this.#held -= expected - (inflated?.length ?? 0);
    }
    const sha = await digest;
    return {
      read: { raw, ...(inflated && { inflated }), ...(sha !== undefined && { sha256: sha }) },
      held: size + (inflated?.length ?? 0),
    };
  }
}

interface Ahead {
  readonly read: ReadAhead;
  /** The bytes it holds in the window. */
  readonly held: number;
}

function ignore(): void {}

/** A regular file opened, and its size; undefined when it cannot be (its turn then says why). */
function openFile(file: string): { fd: number; size: number } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const info = fstatSync(fd);
    if (info.isFile()) return { fd, size: info.size };
  } catch {}
  if (fd !== undefined) close(fd, ignore);
  return undefined;
}

/** The file's `size` bytes, in as few reads as the system gives them (one, for a regular file). */
async function readWhole(fd: number, size: number): Promise<Buffer<ArrayBuffer>> {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const got = await new Promise<number>((resolve, reject) =>
      read(fd, buffer, filled, size - filled, filled, (error, bytesRead) =>
        error ? reject(error) : resolve(bytesRead),
      ),
    );
    if (got === 0) break;
    filled += got;
  }
  return filled === size ? buffer : buffer.subarray(0, filled);
}

/**
 * The gzip data inflated, or undefined when it is corrupt or inflates past `size`. The output
 * buffer is one byte larger than `size`, so that zlib inflates in one step on the thread pool
 * rather than coming back to the main thread for every 16 KiB it makes.
 */
function inflate(raw: Buffer, size: number): Promise<Buffer | undefined> {
  return new Promise((resolve) =>
    gunzip(raw, { chunkSize: Math.max(size + 1, 64), maxOutputLength: size }, (error, inflated) =>
      resolve(error ? undefined : inflated),
    ),
  );
}

/** The SHA-256 of the bytes, worked out on the thread pool (Web Crypto); undefined if it fails. */
async function sha256(bytes: Buffer<ArrayBuffer>): Promise<string | undefined> {
  try {
    return Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
  } catch {
    return undefined;
  }
}
