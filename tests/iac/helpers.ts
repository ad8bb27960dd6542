import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadFramework } from '../../src/frameworks/load.ts';
import type { FileCoverage } from '../../src/model/coverage.ts';
import type { Resource } from '../../src/model/resource.ts';
import { addMissingAccounts, evaluate } from '../../src/scan/evaluate.ts';
import type { Finding } from '../../src/scan/finding.ts';
import { Inventory } from '../../src/scan/inventory.ts';
import { readInputFile } from '../../src/sources/read-inputs.ts';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');
/** The scan time: the fixtures' plans were made the day before. */
export const NOW = new Date('2026-12-01T00:00:00Z');

export interface Scanned {
  readonly resources: Resource[];
  readonly coverage: FileCoverage;
  readonly findings: Finding[];
}

/** Reads a file as the scan does (format detected by shape) and evaluates the Osaka framework on it. */
export async function scanFile(file: string): Promise<Scanned> {
  const resources: Resource[] = [];
  const coverage = await readInputFile(file, (resource) => resources.push(resource));
  const inventory = new Inventory();
  for (const resource of resources) inventory.add(resource);
  addMissingAccounts(inventory);
  const findings = [...evaluate(inventory, await loadFramework('osaka'), NOW)];
  return { resources, coverage, findings };
}

/** Writes a document to a temporary file and scans it. */
export async function scanDocument(document: unknown, name = 'input.json'): Promise<Scanned> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kansa-iac-'));
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(document));
  return scanFile(file);
}

/** The finding of a check on a resource (by id), or an error naming what there is. */
export function findingOf(scanned: Scanned, checkId: string, resourceId: string): Finding {
  const found = scanned.findings.find((f) => f.checkId === checkId && f.resource.id === resourceId);
  if (!found) {
    const ids = scanned.findings.filter((f) => f.checkId === checkId).map((f) => f.resource.id);
    throw new Error(`no ${checkId} finding for ${resourceId}; it has findings for: ${ids.join(', ')}`);
  }
  return found;
}

export function resourceOf(scanned: Scanned, id: string): Resource {
  const found = scanned.resources.find((r) => r.id === id);
  if (!found) throw new Error(`no resource ${id}; read: ${scanned.resources.map((r) => r.id).join(', ')}`);
  return found;
}
