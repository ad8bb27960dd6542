import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type LoadedFindingsFile, loadAll, readFindings } from '../../src/report/read-findings.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'kansa-findings-text-'));
let count = 0;

/**
 * A findings file that a scan wrote to stdout (`--format json`), read the way `kansa report`
 * reads one (the reader streams files, so the text goes to a file first).
 */
export async function findingsFromText(text: string): Promise<LoadedFindingsFile> {
  const file = path.join(dir, `findings-${count++}.json`);
  writeFileSync(file, text);
  return loadAll(await readFindings(file));
}

/** A findings file on disk, with its findings read into memory. */
export async function findingsFromFile(file: string): Promise<LoadedFindingsFile> {
  return loadAll(await readFindings(file));
}
