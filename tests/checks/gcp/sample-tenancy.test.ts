import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appliesTo } from '../../../src/checks/check.ts';
import { gcpChecks } from '../../../src/checks/gcp/index.ts';
import type { FileCoverage } from '../../../src/model/coverage.ts';
import { DEFAULT_PARAMETERS } from '../../../src/model/parameters.ts';
import { checkContext, Inventory } from '../../../src/scan/inventory.ts';
import { readInputFile } from '../../../src/sources/read-inputs.ts';
import { listInputFiles } from '../../../src/sources/walk-inputs.ts';

const SAMPLE = path.resolve(import.meta.dirname, '../../../fixtures/sample-tenancy/gcp');
/** The service account key ages of the sample are measured against this day (see its README). */
const SCAN_TIME = new Date('2026-11-22T00:00:00Z');

describe('the Google Cloud sample tenancy', async () => {
  const inventory = new Inventory();
  const coverage: FileCoverage[] = [];
  for (const file of await listInputFiles([SAMPLE])) {
    coverage.push(await readInputFile(file, (resource) => inventory.add(resource)));
  }
  const ctx = checkContext(inventory, DEFAULT_PARAMETERS, SCAN_TIME);

  it('is read completely, in every Google Cloud format', () => {
    expect(coverage.flatMap((file) => file.skipped)).toEqual([]);
    expect(new Set(coverage.map((file) => file.format))).toEqual(
      new Set(['gcp-asset-export', 'gcp-asset-list', 'gcp-search-all-resources']),
    );
  });

  it.each(gcpChecks.map((check) => [check.meta.id, check] as const))(
    '%s has a PASS and a FAIL',
    (_id, check) => {
      const statuses = [...inventory.all()]
        .filter((resource) => appliesTo(check.meta, resource))
        .map((resource) => check.evaluate(resource, ctx).status);
      expect(statuses).toContain('PASS');
      expect(statuses).toContain('FAIL');
    },
  );
});
