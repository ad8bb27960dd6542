import { expect } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { steampipeRecords, steampipeRows } from '../../../src/sources/steampipe-tables.ts';

type Row = Record<string, unknown>;

const withoutOrigin = (resources: readonly Resource[]) => resources.map(({ origin: _, ...rest }) => rest);

/**
 * A row as a plugin's exporter writes it (turbot/steampipe-export `displayJSONRow`: each JSONB
 * column the JSON text the plugin sent, `string(column.GetJsonValue())`; the other columns typed).
 */
export function exportedJsonRow(row: Row): Row {
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => [
      column,
      typeof value === 'object' && value !== null ? JSON.stringify(value) : value,
    ]),
  );
}

/**
 * The same rows as `steampipe_export_<plugin> <table> --output json` (an array) and `--output
 * jsonl` (a row a line) write them, inside a query's snapshot (`steampipe query --export sps`)
 * and as Steampipe v0.23 wrote `--output json` (`{"rows", "metadata"}`), must read as `steampipe
 * query --output json` gives them: the same resources and skips.
 */
export function expectExportParity(rows: readonly unknown[]): void {
  const read = (document: unknown) => {
    const skips: string[] = [];
    const resources = [...steampipeRows.read(document, { file: 'rows.json', skip: (r) => skips.push(r) })];
    return { resources: withoutOrigin(resources), skips };
  };
  const expected = read(rows);
  const exported = rows.map((row) =>
    typeof row === 'object' && row !== null && !Array.isArray(row) ? exportedJsonRow(row as Row) : row,
  );
  expect(read(exported)).toEqual(expected);
  const lineSkips: string[] = [];
  const fromLines = exported.flatMap((row, index) => [
    ...steampipeRecords.read(row, { file: 'rows.jsonl', skip: (r) => lineSkips.push(r) }, index + 1),
  ]);
  expect({ resources: withoutOrigin(fromLines), skips: lineSkips }).toEqual(expected);
  expect(read(snapshotOf(rows, 'select * from t'))).toEqual(expected);
  // Steampipe v0.23's JSON output: the rows under `rows`, no `columns` yet, `metadata` null without --timing.
  expect(read({ rows, metadata: null })).toEqual(expected);
}

/** A query's snapshot as Steampipe 1.x/2.x writes it (turbot/steampipe pkg/snapshot `QueryResultToSnapshot`). */
export function snapshotOf(rows: readonly unknown[], sql: string): unknown {
  const first = rows.find((row) => typeof row === 'object' && row !== null) ?? {};
  const columns = Object.keys(first).map((name) => ({ name, data_type: 'TEXT' }));
  return {
    schema_version: '20221222',
    panels: {
      'custom.dashboard.sql_0a1b2c3d': {
        dashboard: 'custom.dashboard.sql_0a1b2c3d',
        name: 'custom.dashboard.sql_0a1b2c3d',
        panel_type: 'dashboard',
        source_definition: '',
        status: 'complete',
        title: 'Custom query [0a1b2c3d]',
        data: { columns: null, rows: null },
      },
      'custom.table.results': {
        dashboard: 'custom.dashboard.sql_0a1b2c3d',
        name: 'custom.table.results',
        panel_type: 'table',
        source_definition: '',
        status: 'complete',
        sql,
        properties: { name: 'results' },
        data: { columns, rows },
      },
    },
    inputs: {},
    variables: {},
    search_path: ['public', 'aws', 'internal'],
    start_time: '2026-03-02T10:15:00.123456+09:00',
    end_time: '2026-03-02T10:15:04.654321+09:00',
    layout: {
      name: 'custom.dashboard.sql_0a1b2c3d',
      children: [{ name: 'custom.table.results', panel_type: 'table' }],
      panel_type: 'dashboard',
    },
  };
}
