import { expect } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { steampipeCsv } from '../../../src/sources/steampipe-csv.ts';
import { steampipeRows } from '../../../src/sources/steampipe-tables.ts';
import { writeCsv } from '../csv/write-csv.ts';

type Row = Record<string, unknown>;

const withoutOrigin = (resources: readonly Resource[]) => resources.map(({ origin: _, ...rest }) => rest);

/**
 * Steampipe rows written as `steampipe query --output csv` writes them (Go's encoding/csv: a
 * header of the column names, JSONB columns as JSON, booleans `true` / `false`, null as an empty
 * cell) must read as the JSON output of the same rows does: the same resources, the same skips.
 * Rows with other columns are other queries, each its own CSV.
 */
export function expectCsvParity(rows: readonly unknown[]): void {
  const queries = new Map<string, Row[]>();
  for (const row of rows) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) continue;
    const key = Object.keys(row).join(',');
    queries.set(key, [...(queries.get(key) ?? []), row as Row]);
  }
  for (const query of queries.values()) {
    const jsonSkips: string[] = [];
    const fromJson = [
      ...steampipeRows.read(query, { file: 'rows.json', skip: (reason) => jsonSkips.push(reason) }),
    ];
    const csvSkips: string[] = [];
    const fromCsv = [
      ...steampipeCsv.read(writeCsv(Object.keys(query[0]!), query), {
        file: 'rows.csv',
        skip: (reason) => csvSkips.push(reason),
      }),
    ];
    expect(withoutOrigin(fromCsv)).toEqual(withoutOrigin(fromJson));
    expect(csvSkips).toEqual(jsonSkips);
  }
}
