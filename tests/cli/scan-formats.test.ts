import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kansaHere, SAMPLE } from './run-kansa.ts';

let dir: string;
let findings: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kansa-formats-'));
  findings = path.join(dir, 'findings.json');
  const scan = await kansaHere([
    'scan',
    '--input',
    SAMPLE,
    '--output',
    findings,
    '--allow-partial',
    '--lang',
    'en',
  ]);
  expect(scan.code).toBe(0);
});

/** The same report, rendered from the findings file by `kansa report`. */
async function reported(format: string): Promise<string> {
  const result = await kansaHere(['report', '--input', findings, '--format', format, '--lang', 'en']);
  expect(result.stderr).toBe('');
  return result.stdout;
}

describe('kansa scan --format csv|sarif|ocsf|html: the report straight from the scan', () => {
  it('CSV to stdout, the same rows as kansa report gives from the findings file', async () => {
    const direct = await kansaHere([
      'scan',
      '--input',
      SAMPLE,
      '--format',
      'csv',
      '--allow-partial',
      '--lang',
      'en',
    ]);
    expect(direct.code).toBe(0);
    expect(direct.stdout).toBe(await reported('csv'));
  });

  it('SARIF to --output, with the same results, and the terminal summary still shown', async () => {
    const output = path.join(dir, 'scan.sarif');
    const direct = await kansaHere([
      'scan',
      '--input',
      SAMPLE,
      '--format',
      'sarif',
      '--output',
      output,
      '--allow-partial',
    ]);
    expect(direct.code).toBe(0);
    expect(direct.stdout).toMatch(/FAIL/);
    const log = JSON.parse(await readFile(output, 'utf8'));
    const fromFile = JSON.parse(await reported('sarif'));
    expect(log.runs[0].results).toEqual(fromFile.runs[0].results);
    expect(log.runs[0].tool.driver.rules).toEqual(fromFile.runs[0].tool.driver.rules);
  });

  it('OCSF and HTML: one event per finding, and a page carrying every finding', async () => {
    const ocsf = await kansaHere(['scan', '--input', SAMPLE, '--format', 'ocsf', '--allow-partial']);
    const events = ocsf.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const fromFile = (await reported('ocsf'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.map((e) => e.finding_info.uid)).toEqual(fromFile.map((e) => e.finding_info.uid));
    const html = await kansaHere(['scan', '--input', SAMPLE, '--format', 'html', '--allow-partial']);
    const data = /<script type="application\/json" id="kansa-data">(.*?)<\/script>/s.exec(html.stdout)![1]!;
    const parts = (JSON.parse(data) as { parts: { findings: unknown[] }[] }).parts;
    expect(parts.reduce((n, p) => n + p.findings.length, 0)).toBe(events.length);
  });
});
