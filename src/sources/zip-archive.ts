import { isUtf8 } from 'node:buffer';
import { crc32, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { decodeShiftJis } from '../base/shift-jis.ts';

/*
 * A ZIP archive's entries, for read-inputs to read as files. yauzl reads the central directory
 * (the archive's table of contents, at its end) and then each entry from the file at its offset,
 * one at a time: an archive of gigabytes is never held whole. It handles ZIP64 and data
 * descriptors and needs no native build. An entry is inflated to no more than the size its
 * directory record declares, so that a bound checked against that size holds. Loaded only when
 * an input is a ZIP archive (read-inputs imports this module when it meets one).
 */

/** One file in the archive. */
export interface ZipEntry {
  /**
   * Its name as the archive gives it, `/`-separated (`aws/111122223333/config.json`). Only a
   * label: nothing is ever extracted, so `../` or an absolute name reaches no path on disk.
   */
  readonly name: string;
  /** Its size once inflated, as the archive declares it (`read` inflates no more). */
  readonly size: number;
  readonly compressedSize: number;
  /** Why it cannot be read at all (encrypted, a compression method not supported). */
  readonly unreadable?: string;
  /** A symbolic link stored by a Unix archiver (`zip -y`): its data is the target's path. */
  readonly link?: true;
  readonly entry: yauzl.Entry;
}

export interface ZipArchive {
  /** The file entries (directories left out), in the archive's order. */
  readonly entries: readonly ZipEntry[];
  /** The entry's bytes, inflated; throws on a corrupt entry (a bad CRC-32, data cut short). */
  read(entry: ZipEntry): Promise<Buffer>;
  close(): void;
}

/** Opens an archive (a path, or the bytes of an archive inside another) and lists its entries. */
export async function openZipArchive(source: string | Buffer): Promise<ZipArchive> {
  // Names are decoded here (yauzl would take a name without the UTF-8 flag for CP437), and
  // are not checked for `../`: they are labels, never paths.
  const options = { lazyEntries: true, decodeStrings: false, autoClose: false, validateEntrySizes: true };
  const zip =
    typeof source === 'string'
      ? await yauzl.openPromise(source, options)
      : await yauzl.fromBufferPromise(source, options);
  const entries: ZipEntry[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const name = entryName(entry);
      if (name.endsWith('/')) continue;
      const unreadable = whyUnreadable(entry);
      entries.push({
        name,
        size: entry.uncompressedSize,
        compressedSize: entry.compressedSize,
        ...(unreadable && { unreadable }),
        ...(isSymbolicLink(entry) && { link: true as const }),
        entry,
      });
    }
  } catch (error) {
    zip.close();
    throw error;
  }
  return {
    entries,
    async read({ entry, size }) {
      // The stored bytes, inflated here in one call: a zlib stream per entry costs more than a
      // small entry's reading (2,000 small entries: 0.9–1.1 s with a stream each, 0.25–0.5 s so).
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry, { decodeFileData: false }))
        chunks.push(chunk as Buffer);
      const stored = Buffer.concat(chunks);
      const data = entry.compressionMethod === DEFLATE ? inflate(stored, size) : stored;
      if (data.length !== size)
        throw new Error(`the entry inflates to ${data.length} bytes where the archive declares ${size}`);
      // yauzl checks no checksum: a damaged stored entry would read as other bytes.
      if (crc32(data) !== entry.crc32) throw new Error("CRC-32 mismatch: the entry's data is damaged");
      return data;
    },
    close: () => zip.close(),
  };
}

const DEFLATE = 8;

/** Deflate data, inflated to at most the size the archive declares (a bomb's lie stops there). */
function inflate(stored: Buffer, size: number): Buffer {
  try {
    return inflateRawSync(stored, { maxOutputLength: Math.max(size, 1) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new Error(`the entry inflates to more than the ${size} bytes the archive declares`);
    throw error;
  }
}

/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_FLAG = 0x800;
/** Info-ZIP's Unicode Path extra field: a UTF-8 name beside a legacy one. */
const UNICODE_PATH_FIELD = 0x7075;

/**
 * An entry's name. Without the UTF-8 flag the ZIP specification says CP437, but archives made
 * on Japanese Windows (Explorer's "Send to compressed folder", older 7-Zip and Lhaplus) write
 * CP932 without it, and many tools write UTF-8 without it: UTF-8 when the bytes are valid UTF-8,
 * else Shift_JIS when they are that, else CP437. Backslashes (old Windows archivers) are
 * separators, turned after decoding since 0x5C is also a Shift_JIS trail byte (表, ソ).
 */
function entryName(entry: yauzl.Entry): string {
  return decodedName(entry).replaceAll('\\', '/');
}

function decodedName(entry: yauzl.Entry): string {
  const raw = entry.fileNameRaw;
  const declared =
    (entry.generalPurposeBitFlag & UTF8_FLAG) !== 0 ||
    entry.extraFields.some((field) => field.id === UNICODE_PATH_FIELD);
  if (!declared) {
    if (isUtf8(raw)) return raw.toString('utf8');
    // Shift_JIS before CP437: an office in Japan gets more of the one than of the other (a
    // Western name in CP437 that happens to be valid Shift_JIS reads as Shift_JIS).
    const japanese = decodeShiftJis(raw);
    if (japanese !== undefined) return japanese;
  }
  // The flag's UTF-8, Info-ZIP's UTF-8 field, or CP437, as yauzl reads them.
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
}

/** Made on Unix (the high byte of "version made by"): the external attributes hold st_mode. */
const MADE_ON_UNIX = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function isSymbolicLink(entry: yauzl.Entry): boolean {
  return (
    entry.versionMadeBy >> 8 === MADE_ON_UNIX && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK
  );
}

/** Compression methods by number (APPNOTE 4.4.5), for the reason an entry is not read. */
const METHODS: Record<number, string> = {
  9: 'Deflate64',
  12: 'bzip2',
  14: 'LZMA',
  93: 'Zstandard',
  95: 'XZ',
  98: 'PPMd',
};

function whyUnreadable(entry: yauzl.Entry): string | undefined {
  if (entry.isEncrypted())
    return 'an encrypted ZIP entry (a password-protected archive): kansa does not decrypt; extract it with its password and scan the folder';
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    const method = METHODS[entry.compressionMethod];
    return `a ZIP entry compressed with method ${entry.compressionMethod}${method ? ` (${method})` : ''}, which kansa cannot inflate (only stored and deflated entries): extract the archive with a tool that can and scan the folder`;
  }
  return undefined;
}

/**
 * The entries' names and the folders they are in, as a directory lists what is beside a file: an
 * archive need not store its folders as entries of their own (ScoutSuite's `scoutsuite-results/`
 * beside its report's page tells the page is no export).
 */
export function entryPaths(names: ReadonlySet<string>): Set<string> {
  const paths = new Set(names);
  for (const name of names)
    for (let slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1))
      paths.add(name.slice(0, slash));
  return paths;
}
