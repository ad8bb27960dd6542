import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsChecks } from '../../../src/checks/aws/index.ts';
import { appliesTo } from '../../../src/checks/check.ts';
import { DEFAULT_PARAMETERS } from '../../../src/model/parameters.ts';
import { checkContext, Inventory } from '../../../src/scan/inventory.ts';
import { readInputFile } from '../../../src/sources/read-inputs.ts';
import { listInputFiles } from '../../../src/sources/walk-inputs.ts';

const SAMPLE = path.resolve(import.meta.dirname, '../../../fixtures/sample-tenancy/aws');
/** The time the sample was exported (its Config snapshots' capture time): key ages are measured from it. */
const EXPORTED_AT = new Date('2026-11-01T00:00:00Z');

describe('the AWS sample tenancy', async () => {
  const inventory = new Inventory();
  for (const file of await listInputFiles([SAMPLE])) await readInputFile(file, (r) => inventory.add(r));
  const ctx = checkContext(inventory, DEFAULT_PARAMETERS, EXPORTED_AT);

  it.each(awsChecks.map((check) => [check.meta.id, check] as const))(
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
