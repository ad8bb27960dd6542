import type { Logger } from 'pino';
import { InputError } from '../sources/input-error.ts';
import { type FileCoverage, listInputFiles, readInputFile } from '../sources/read-inputs.ts';
import { addMissingAccounts } from './evaluate.ts';
import { Inventory } from './inventory.ts';

export interface InventoryRead {
  readonly inventory: Inventory;
  readonly files: readonly FileCoverage[];
}

export interface ReadProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly resources: number;
}

/**
 * Reads every input file into one inventory. A file that cannot be read is recorded in its
 * coverage entry and the others are still read: the report marks the scan partial. Only when
 * no file at all could be read does this throw (the CLI exits 2).
 */
export async function readInventory(
  inputs: readonly string[],
  log: Logger,
  onProgress?: (progress: ReadProgress) => void,
): Promise<InventoryRead> {
  const paths = await listInputFiles(inputs);
  if (paths.length === 0) throw new InputError(inputs.join(', '), 'no files found in the input');
  const inventory = new Inventory();
  const files: FileCoverage[] = [];
  let resources = 0;
  for (const [i, path] of paths.entries()) {
    try {
      const coverage = await readInputFile(path, (resource) => {
        inventory.add(resource);
        resources++;
      });
      if (coverage.error) log.warn({ file: path }, coverage.error);
      log.debug({ file: path, format: coverage.format, resources: coverage.resources }, 'read input');
      if (coverage.skipped.length > 0)
        log.info({ file: path, skipped: coverage.skipped.length }, 'records skipped');
      files.push(coverage);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      log.warn({ file: path }, error.message);
      files.push({ path, sha256: '', bytes: 0, resources: 0, skipped: [], error: error.message });
    }
    onProgress?.({ filesDone: i + 1, filesTotal: paths.length, resources });
  }
  const readable = files.filter((f) => !f.error);
  if (readable.length === 0) {
    throw new InputError(
      inputs.join(', '),
      `no input could be read:\n${files.map((f) => `  ${f.error}`).join('\n')}`,
    );
  }
  addMissingAccounts(inventory);
  return { inventory, files };
}
