import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A ZIP archive built by hand (APPNOTE 6.3: local headers, central directory, end record), so a
 * test says exactly what the archive holds: a name's bytes with or without the UTF-8 flag (an
 * archive made on Japanese Windows: CP932, no flag), an encrypted or bzip2 entry, a declared
 * size. kansa itself only reads ZIPs, with yauzl.
 */
export interface ZipEntrySpec {
  /** The name; a Buffer is written as its bytes, without the UTF-8 flag. */
  readonly name: string | Buffer;
  readonly data: string | Buffer;
  /** Deflated (8, the default) or stored (0); another number is written as that method, the data as given. */
  readonly method?: number;
  /** Flag bit 0: the entry's data is encrypted (the data as given). */
  readonly encrypted?: boolean;
  /** A symbolic link as `zip -y` stores one on Unix: the data is the target's path. */
  readonly symlink?: boolean;
  /** The inflated size written in the headers, when it is to lie (a zip bomb's). */
  readonly declaredSize?: number;
}

const UTF8_FLAG = 0x800;

export function zipArchive(specs: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const spec of specs) {
    const name = typeof spec.name === 'string' ? Buffer.from(spec.name, 'utf8') : spec.name;
    const data = Buffer.from(spec.data);
    const method = spec.method ?? 8;
    const stored = method === 8 ? deflateRawSync(data) : data;
    const size = spec.declaredSize ?? data.length;
    const flags = (typeof spec.name === 'string' ? UTF8_FLAG : 0) | (spec.encrypted ? 1 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    // Version made by: Unix (3) for a link, whose mode sits in the external attributes.
    central.writeUInt16LE(spec.symlink ? (3 << 8) | 20 : 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    if (spec.symlink) central.writeUInt32LE((0o120777 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, stored);
    centrals.push(central, name);
    offset += local.length + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(specs.length, 8);
  end.writeUInt16LE(specs.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
