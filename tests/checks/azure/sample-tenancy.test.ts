import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { azureChecks } from '../../../src/checks/azure/index.ts';
import { appliesTo } from '../../../src/checks/check.ts';
import type { FileCoverage } from '../../../src/model/coverage.ts';
import { DEFAULT_PARAMETERS } from '../../../src/model/parameters.ts';
import { checkContext, Inventory } from '../../../src/scan/inventory.ts';
import { readInputFile } from '../../../src/sources/read-inputs.ts';
import { listInputFiles } from '../../../src/sources/walk-inputs.ts';

const SAMPLE = path.resolve(import.meta.dirname, '../../../fixtures/sample-tenancy/azure');

describe('the Azure sample tenancy', async () => {
  const inventory = new Inventory();
  const coverage: FileCoverage[] = [];
  for (const file of await listInputFiles([SAMPLE])) {
    coverage.push(await readInputFile(file, (resource) => inventory.add(resource)));
  }
  const ctx = checkContext(inventory, DEFAULT_PARAMETERS, new Date());

  it('is read completely, in every Azure format', () => {
    expect(coverage.every((file) => file.skipped.length === 0)).toBe(true);
    expect(new Set(coverage.map((file) => file.format))).toEqual(
      new Set(['azure-graph-cli', 'azure-graph-rest', 'azure-arm']),
    );
    expect(inventory.size).toBeGreaterThanOrEqual(20);
  });

  it.each(azureChecks.map((check) => [check.meta.id, check] as const))(
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
