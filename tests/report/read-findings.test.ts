import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/frameworks/load.ts';
import {
  type FindingsFile,
  frameworkView,
  loadView,
  parseFindings,
  readFindings,
} from '../../src/report/read-findings.ts';
import { scanSample } from './helpers/findings.ts';

let sample: { path: string; file: FindingsFile; text: string };

beforeAll(async () => {
  const { path, file } = await scanSample();
  sample = { path, file, text: await readFile(path, 'utf8') };
});

describe('readFindings', () => {
  it('reads the findings file a scan wrote', async () => {
    const file = await readFindings(sample.path);
    expect(file.findings.length).toBe(file.summary.findings);
    expect(file.scan.framework.id).toBe('osaka');
  });

  it('reads a file with a byte-order mark (saved by an editor)', () => {
    expect(parseFindings('f.json', `\uFEFF${sample.text}`).findings.length).toBe(sample.file.findings.length);
  });

  it.each([
    [
      'a JSON syntax error, with its line',
      '{\n "schemaVersion": "1.0.0",\n "findings": [,]\n}',
      /^f\.json:3:\d+: invalid JSON/,
    ],
    ['a file that is not a findings file', '{"Items": []}', /f\.json: not a kansa findings file/],
    [
      'a newer major version',
      '{"schemaVersion": "2.0.0"}',
      /schemaVersion "2\.0\.0" is not readable by this kansa \(reads 1\.x\)/,
    ],
    [
      'a missing section',
      '{"schemaVersion": "1.0.0", "findings": []}',
      /invalid findings file at \(top level\): missing property "scan"/,
    ],
  ])('rejects %s', (_, text, message) => {
    expect(() => parseFindings('f.json', text)).toThrow(message);
  });

  it('names the finding and the field a schema error is in', () => {
    const file = structuredClone(sample.file) as unknown as {
      findings: { id: string; resource: { provider: string } }[];
    };
    file.findings[7]!.resource.provider = 'oracle';
    expect(() => parseFindings('f.json', JSON.stringify(file))).toThrow(
      `f.json: invalid findings file at findings[7].resource.provider (finding ${file.findings[7]!.id}): must be one of "aws", "azure", "gcp"`,
    );
  });

  it('names a file that cannot be read', async () => {
    await expect(readFindings('/nonexistent/findings.json')).rejects.toThrow(
      '/nonexistent/findings.json: cannot read the findings file (ENOENT)',
    );
  });
});

describe('framework views', () => {
  it('keeps the scan view as written', async () => {
    const view = await loadView(sample.file, 'osaka');
    expect(view.requirements).toBe(sample.file.requirements);
    const f = sample.file.findings[0]!;
    expect(view.requirementsOf(f).requirements).toBe(f.requirements);
  });

  it("maps the same verdicts to another framework's requirements by check id", async () => {
    const kobe = await loadFramework('kobe');
    const view = frameworkView(sample.file, kobe);
    expect(view.id).toBe('kobe');
    expect(view.requirements.map((r) => r.id)).toEqual(kobe.requirements.map((r) => r.id));
    for (const f of sample.file.findings) {
      const expected = kobe.requirements.filter((r) => r.checks.includes(f.checkId)).map((r) => r.id);
      expect(view.requirementsOf(f).requirements).toEqual(expected);
    }
    // Every finding counted under each requirement its check serves.
    for (const r of view.requirements) {
      const counted = sample.file.findings.filter((f) => r.checks.includes(f.checkId));
      expect(r.counts.FAIL).toBe(counted.filter((f) => f.status === 'FAIL').length);
      if (r.counts.FAIL > 0) expect(r.status).toBe('FAIL');
    }
  });
});
