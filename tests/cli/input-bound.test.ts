import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { findingsFromText } from '../helpers/findings-file.ts';
import { kansaHere, SAMPLE } from './run-kansa.ts';

interface FindingsFile {
  scan: { partial: boolean };
  findings: { resource: { provider: string } }[];
  coverage: { files: { path: string; resources: number; error?: string }[] };
}

let tree: string;

/**
 * Sorted walk order: `a-azure/` (the Azure sample, ~100 KiB) fits the bound given below
 * (--max-input-mib 1); `b-large.ndjson.gz` (a genuine Cloud Asset export that inflates to
 * ~2 MiB, under --max-inflated-mib) does not; `c-gcp/` comes after the bound was reached.
 */
beforeAll(async () => {
  tree = path.join(await mkdtemp(path.join(tmpdir(), 'kansa-bound-')), 'inputs');
  await mkdir(tree);
  await cp(path.join(SAMPLE, 'azure'), path.join(tree, 'a-azure'), { recursive: true });
  const lines = (await readFile(path.join(SAMPLE, 'gcp/org-123456789012-export/resource.json'), 'utf8'))
    .trimEnd()
    .split('\n');
  const large = Array.from({ length: 60 }, () => lines.join('\n')).join('\n');
  expect(large.length).toBeGreaterThan(2 * 2 ** 20);
  await writeFile(path.join(tree, 'b-large.ndjson.gz'), gzipSync(large));
  await cp(path.join(SAMPLE, 'gcp/org-123456789012-export'), path.join(tree, 'c-gcp'), { recursive: true });
});

describe('the bound of all the input a scan reads (--max-input-mib)', { timeout: 60_000 }, () => {
  it('stops reading past it: the files read are scanned, the rest listed by name, exit 3', async () => {
    const run = await kansaHere([
      'scan',
      '--input',
      tree,
      '--format',
      'json',
      '--max-input-mib',
      '1',
      '--no-store',
    ]);
    expect(run.code, run.stderr).toBe(3);
    const report = (await findingsFromText(run.stdout)) as unknown as FindingsFile;
    expect(report.scan.partial).toBe(true);
    const file = (name: string) => report.coverage.files.find((f) => f.path === path.join(tree, name));
    expect(file('a-azure/resources.json')?.resources).toBeGreaterThan(0);
    expect(report.findings.some((f) => f.resource.provider === 'azure')).toBe(true);
    for (const name of ['b-large.ndjson.gz', 'c-gcp/iam_policy.json', 'c-gcp/resource.json']) {
      expect(file(name)?.error, name).toMatch(/bound of 1 MiB of input \(--max-input-mib 1\)/);
    }
    expect(report.findings.some((f) => f.resource.provider === 'gcp')).toBe(false);
  });

  it('reads everything under the default bound', async () => {
    const run = await kansaHere(['scan', '--input', tree, '--format', 'json', '--no-store']);
    expect(run.code, run.stderr).toBe(0);
    const report = (await findingsFromText(run.stdout)) as unknown as FindingsFile;
    expect(report.coverage.files.filter((f) => f.error)).toEqual([]);
  });

  it('is accepted as partial with --allow-partial, and the summary names it', async () => {
    const run = await kansaHere([
      'scan',
      '--input',
      tree,
      '--max-input-mib',
      '1',
      '--allow-partial',
      '--no-store',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/c-gcp\/resource\.json: not read: the scan reached its bound of 1 MiB/);
  });
});
