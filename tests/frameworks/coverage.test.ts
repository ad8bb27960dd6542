import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverage } from '../../src/frameworks/coverage.ts';
import { renderCoverageDoc } from '../../src/frameworks/coverage-doc.ts';
import { loadFramework } from '../../src/frameworks/load.ts';

describe('coverage', () => {
  it('docs/coverage.md is up to date (regenerate with `npm run docs`)', async () => {
    const file = await readFile(path.resolve(import.meta.dirname, '../../docs/coverage.md'), 'utf8');
    expect(file).toBe(await renderCoverageDoc());
  });

  it('puts each check under its own cloud, cross-cloud checks under every cloud', async () => {
    const rows = coverage(await loadFramework('osaka'));
    const loc1 = rows.find((r) => r.id === 'LOC-1')!;
    for (const cloud of ['aws', 'azure', 'gcp'] as const) {
      expect(loc1.cells[cloud].checks).toContain('common.location.data-in-japan');
    }
    const osk31 = rows.find((r) => r.id === 'OSK-3.1')!;
    expect(osk31.cells.aws.checks).toContain('aws.s3.bucket-public-access');
    expect(osk31.cells.aws.checks).not.toContain('azure.storage.blob-public-access');
    expect(rows.find((r) => r.id === 'OSK-1.1')!.cells.gcp.manual).toBe(true);
  });
});
