import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Resource } from '../../../src/model/resource.ts';
import { steampipeRows } from '../../../src/sources/steampipe-tables.ts';
import { expectCsvParity } from './csv-parity.ts';
import { expectExportParity } from './export-parity.ts';

/** A fact as the tests look into it, whatever its source. */
type SeenFact = { value?: unknown; source?: string; path?: string };

/**
 * Steampipe's JSON output (bare rows, or `{columns, rows}`) read by `steampipe-rows`: its
 * resources and the reasons rows were skipped. The same rows written as `--output csv` must read
 * the same (csv-parity.ts), and so must the exporters' JSON and JSON lines and a query's snapshot
 * (export-parity.ts).
 */
export function readRows(document: unknown) {
  const skipped: string[] = [];
  const resources = [
    ...steampipeRows.read(document, { file: 'rows.json', skip: (reason) => skipped.push(reason) }),
  ] as Resource<Record<string, SeenFact>>[];
  const rows = Array.isArray(document) ? document : rowsOfResult(document);
  if (rows) {
    expectCsvParity(rows);
    expectExportParity(rows);
  }
  return { resources, skipped };
}

function rowsOfResult(document: unknown): unknown[] | undefined {
  const rows =
    typeof document === 'object' && document !== null ? (document as { rows?: unknown }).rows : undefined;
  return Array.isArray(rows) ? rows : undefined;
}

/** The rows of a corpus file (tests/corpus/data/<cloud>/steampipe/<file>). */
export function corpusRows(cloud: 'aws' | 'azure' | 'gcp', file: string): Record<string, unknown>[] {
  const corpus = path.resolve(import.meta.dirname, '../../corpus/data', cloud, 'steampipe');
  return JSON.parse(readFileSync(path.join(corpus, file), 'utf8')) as Record<string, unknown>[];
}
