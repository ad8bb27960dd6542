import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/frameworks/load.ts';
import { frameworkView, loadView, parseFindings, readFindings } from '../../src/report/read-findings.ts';
import { findingId } from '../../src/scan/finding.ts';
import { type FindingsFile, scanSample } from './helpers/findings.ts';

let sample: { path: string; file: FindingsFile; text: string };

beforeAll(async () => {
  const { path, file } = await scanSample();
  sample = { path, file, text: await readFile(path, 'utf8') };
});

describe('readFindings', () => {
  it('reads the findings file a scan wrote', async () => {
    const file = await readFindings(sample.path);
    expect(file.schemaVersion).toMatch(/^2\./);
    expect([...file.findings].length).toBe(file.summary.findings);
    expect(file.scan.framework.id).toBe('osaka');
  });

  it('gives each finding its check’s texts, its stable id and its message rendered', () => {
    const f = sample.file.findings.find((x) => x.status === 'FAIL')!;
    expect(f.id).toBe(findingId(f.checkId, f.resource.provider, f.resource.id));
    expect(f.title.en).not.toBe('');
    expect(f.remediation.ja).not.toBe('');
    expect(f.requirements.length).toBeGreaterThan(0);
    for (const x of sample.file.findings) expect(`${x.message.ja}${x.message.en}`).not.toMatch(/\{\{/);
  });

  it('reads a file with a byte-order mark (saved by an editor)', async () => {
    const bom = path.join(path.dirname(sample.path), 'bom.json');
    await writeFile(bom, `\uFEFF${sample.text}`);
    expect([...(await readFindings(bom)).findings].length).toBe(sample.file.findings.length);
  });

  it('reads version 1 files (one JSON document) as well', async () => {
    const v1 = path.join(path.dirname(sample.path), 'v1.json');
    const { scan, requirements, summary, coverage, findings } = sample.file;
    await writeFile(
      v1,
      JSON.stringify({ schemaVersion: '1.0.0', findings, scan, requirements, summary, coverage }),
    );
    const file = await readFindings(v1);
    expect(file.schemaVersion).toBe('1.0.0');
    expect([...file.findings]).toEqual(findings);
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
      '{"schemaVersion": "3.0.0"}',
      /schemaVersion "3\.0\.0" is not readable by this kansa \(reads 1\.x and 2\.x\)/,
    ],
    [
      'a missing section',
      '{"schemaVersion": "1.0.0", "findings": []}',
      /invalid findings file at \(top level\): missing property "scan"/,
    ],
  ])('rejects %s', (_, text, message) => {
    expect(() => parseFindings('f.json', text)).toThrow(message);
  });

  /** The sample's lines with one changed, written to a file of its own. */
  async function changed(change: (lines: string[]) => void): Promise<string> {
    const lines = sample.text.trimEnd().split('\n');
    change(lines);
    const file = path.join(path.dirname(sample.path), `changed-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, `${lines.join('\n')}\n`);
    return file;
  }
  const firstResource = (lines: string[]) => lines.findIndex((l) => l.startsWith('{"resource":'));

  it('names the line and the field a schema error is in', async () => {
    const file = await changed((lines) => {
      const i = firstResource(lines);
      lines[i] = lines[i]!.replace(/"provider":"\w+"/, '"provider":"oracle"');
    });
    const line = sample.text.split('\n').findIndex((l) => l.startsWith('{"resource":')) + 1;
    const findings = (await readFindings(file)).findings;
    expect(() => [...findings]).toThrow(
      `${file}:${line}: invalid findings file at resource.provider: must be one of "aws", "azure", "gcp"`,
    );
  });

  it('refuses a file cut short (no trailer), and a finding of a check the catalogue lacks', async () => {
    const cut = await changed((lines) => lines.pop());
    await expect(readFindings(cut)).rejects.toThrow(/no trailer.*cut/);
    const unknown = await changed((lines) => {
      const i = firstResource(lines);
      lines[i] = lines[i]!.replace(/"check":"[^"]+"/, '"check":"aws.nothing"');
    });
    const findings = (await readFindings(unknown)).findings;
    expect(() => [...findings]).toThrow(/finding of check aws\.nothing, which the catalogue does not list/);
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
