import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareText } from '../base/compare-text.ts';
import { openAtomic } from '../report/atomic-file.ts';
import type { DeliveryRecord } from './record.ts';

/** 256 MiB across all destinations: weeks of daily deltas for a large tenancy. */
export const DEFAULT_SPOOL_CAP_BYTES = 256 * 1024 * 1024;

/** A batch that could not be delivered, waiting on disk for the next run. */
export interface SpooledBatch {
  readonly file: string;
  readonly records: DeliveryRecord[];
}

/**
 * Nothing lost: a batch that fails after its retries is written here, one NDJSON file per batch
 * under a folder per destination, and the next run sends it before its own records, oldest
 * first. The spool has a size cap; past it the oldest batches are dropped and counted, never
 * silently.
 */
export class Spool {
  readonly dir: string;
  readonly capBytes: number;
  #sequence = 0;

  constructor(dir: string, capBytes = DEFAULT_SPOOL_CAP_BYTES) {
    this.dir = dir;
    this.capBytes = capBytes;
  }

  /** Spooled batches for one destination, oldest first. */
  async pending(destination: string): Promise<SpooledBatch[]> {
    const folder = path.join(this.dir, destination);
    const names = (await readdir(folder).catch(() => [] as string[])).filter((name) =>
      name.endsWith('.ndjson'),
    );
    const batches: SpooledBatch[] = [];
    for (const name of names.sort()) {
      const file = path.join(folder, name);
      const text = await readFile(file, 'utf8');
      const records = text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as DeliveryRecord);
      batches.push({ file, records });
    }
    return batches;
  }

  /**
   * Writes a batch for a later run; returns how many records older batches lost to the cap to
   * make room (0 when none).
   */
  async add(destination: string, records: readonly DeliveryRecord[], now = Date.now()): Promise<number> {
    const folder = path.join(this.dir, destination);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const body = records.map((record) => `${JSON.stringify(record)}\n`).join('');
    const dropped = await this.#makeRoom(Buffer.byteLength(body));
    // Zero-padded so that names sort by time, then by order within the run.
    const name = `${String(now).padStart(15, '0')}-${String(process.pid).padStart(7, '0')}-${String(this.#sequence++).padStart(6, '0')}.ndjson`;
    const file = await openAtomic(path.join(folder, name));
    file.stream.write(body);
    await file.commit();
    return dropped;
  }

  /** The batch was delivered: it leaves the spool. */
  async remove(batch: SpooledBatch): Promise<void> {
    await rm(batch.file, { force: true });
  }

  /** Drops the oldest batches (of any destination) until `incoming` more bytes fit under the cap. */
  async #makeRoom(incoming: number): Promise<number> {
    const files: { file: string; name: string; size: number }[] = [];
    for (const destination of await readdir(this.dir).catch(() => [] as string[])) {
      const folder = path.join(this.dir, destination);
      for (const name of await readdir(folder).catch(() => [] as string[])) {
        if (!name.endsWith('.ndjson')) continue;
        const file = path.join(folder, name);
        files.push({ file, name, size: (await stat(file)).size });
      }
    }
    let total = files.reduce((sum, entry) => sum + entry.size, 0);
    let dropped = 0;
    for (const entry of files.sort((a, b) => compareText(a.name, b.name))) {
      if (total + incoming <= this.capBytes) break;
      const text = await readFile(entry.file, 'utf8');
      dropped += text.split('\n').filter((line) => line.trim() !== '').length;
      await rm(entry.file, { force: true });
      total -= entry.size;
    }
    return dropped;
  }
}
