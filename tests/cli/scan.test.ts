import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/frameworks/load.ts';
import schema from '../../src/report/findings-schema.json' with { type: 'json' };
import {
  type LoadedFindingsFile as FindingsFile,
  loadAll,
  readFindings,
} from '../../src/report/read-findings.ts';
import { listInputFiles } from '../../src/sources/walk-inputs.ts';
import { kansaHere, SAMPLE } from './run-kansa.ts';

/** The command line in this worker: every test here reads what a command prints and its exit code. */
const kansa = (...args: string[]) => kansaHere(args);

const validate = addFormats.default(new Ajv({ allErrors: true })).compile(schema);
let sampleText: string;

/** A findings file written to stdout (`--format json`), read the way `kansa report` reads one. */
async function fromStdout(text: string): Promise<FindingsFile> {
  const file = path.join(dir, `stdout-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, text);
  return loadAll(await readFindings(file));
}
let dir: string;
let sample: FindingsFile;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kansa-cli-'));
  const output = path.join(dir, 'findings.json');
  const result = await kansa('scan', '--input', SAMPLE, '--format', 'json', '--output', output);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  sampleText = await readFile(output, 'utf8');
  sample = loadAll(await readFindings(output));
});

describe('kansa scan on the sample tenancy', () => {
  it('writes a findings file whose every line validates against the findings schema', () => {
    const lines = sampleText.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const [i, line] of lines.entries()) {
      expect(
        validate(JSON.parse(line)),
        `line ${i + 1}: ${JSON.stringify(validate.errors?.slice(0, 3))}`,
      ).toBe(true);
    }
  });

  it('reads every file of the sample tenancy, in a recognised format', async () => {
    const files = await listInputFiles([SAMPLE]);
    const read = sample.coverage.files.filter((f) => !f.ignored);
    expect(read.map((f) => f.path).sort()).toEqual(files.sort());
    // The READMEs beside the exports are passed over, with the reason, not silently.
    expect(sample.coverage.files.filter((f) => f.ignored).map((f) => path.basename(f.path))).toContain(
      'README.md',
    );
    for (const file of read) {
      expect(file.error, file.path).toBeUndefined();
      expect(file.format, file.path).toBeDefined();
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(sample.scan.partial).toBe(false);
  });

  it('has passing and failing findings on all three clouds', () => {
    for (const provider of ['aws', 'azure', 'gcp']) {
      const statuses = new Set(
        sample.findings.filter((f) => f.resource.provider === provider).map((f) => f.status),
      );
      expect(statuses, provider).toContain('PASS');
      expect(statuses, provider).toContain('FAIL');
    }
  });

  it('names requirements by the checklist ids and reports MANUAL items', () => {
    const ids = new Set(sample.requirements.map((r) => r.id));
    for (const f of sample.findings) for (const r of f.requirements) expect(ids).toContain(r);
    expect(sample.requirements.find((r) => r.id === 'OSK-1.1')?.manual.length).toBeGreaterThan(0);
    expect(sample.requirements.find((r) => r.id === 'LOC-1')?.status).toBe('FAIL');
  });

  it('says when a cloud default (not an explicit setting) decided a finding', () => {
    expect(sample.findings.some((f) => f.evidence.some((e) => e.source === 'default'))).toBe(true);
  });

  it('gives the same finding ids on a second scan', async () => {
    const again = await kansa('scan', '--input', SAMPLE, '--format', 'json');
    const ids = (await fromStdout(again.stdout)).findings.map((f) => f.checkId + f.resource.id);
    expect(ids).toEqual(sample.findings.map((f) => f.checkId + f.resource.id));
  });
});

describe('exit codes', () => {
  it('0 without --fail-on, 1 when a failure is at or above --fail-on, 0 when none is', async () => {
    const counts = sample.summary.failedBySeverity;
    expect(counts.high).toBeGreaterThan(0);
    expect((await kansa('scan', '--input', SAMPLE)).code).toBe(0);
    expect((await kansa('scan', '--input', SAMPLE, '--fail-on', 'high')).code).toBe(1);
    const aboveAll = counts.critical === 0 ? 'critical' : undefined;
    if (aboveAll) expect((await kansa('scan', '--input', SAMPLE, '--fail-on', aboveAll)).code).toBe(0);
  });

  it('2 for a usage error', async () => {
    const result = await kansa('scan', '--input', SAMPLE, '--fail-on', 'severe');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/expected one of critical, high, medium, low, info/);
    expect((await kansa('scan')).code).toBe(2);
  });

  it('2 when no input can be read, naming the file and line', async () => {
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, '{\n  "configurationItems": [\n    {"resourceType": "AWS::S3::Bucket",}\n  ]\n}\n');
    const result = await kansa('scan', '--input', bad);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.json:3:');
    expect(result.stderr).toContain('invalid JSON');
  });

  it('scans the good inputs when one of several is bad, and marks the result partial', async () => {
    const mixed = await mkdtemp(path.join(tmpdir(), 'kansa-mixed-'));
    const [first] = await listInputFiles([SAMPLE]);
    await copyFile(first!, path.join(mixed, path.basename(first!)));
    await writeFile(path.join(mixed, 'zz-broken.json'), '{"data": [');
    const result = await kansa('scan', '--input', mixed, '--format', 'json');
    expect(result.code).toBe(3);
    expect((await kansa('scan', '--input', mixed, '--allow-partial')).code).toBe(0);
    const report = await fromStdout(result.stdout);
    expect(report.scan.partial).toBe(true);
    expect(report.coverage.files.find((f) => f.path.endsWith('zz-broken.json'))?.error).toMatch(
      /invalid JSON/,
    );
    expect(report.findings.length).toBeGreaterThan(0);
  });
});

describe('terminal summary and listings', () => {
  it('prints per-requirement results in English or Japanese', async () => {
    const en = await kansa('scan', '--input', SAMPLE, '--lang', 'en');
    expect(en.stdout).toMatch(/Results by requirement/);
    expect(en.stdout).toMatch(/OSK-3\.1 +FAIL/);
    const ja = await kansa('scan', '--input', SAMPLE, '--lang', 'ja');
    expect(ja.stdout).toMatch(/要件ごとの結果/);
    expect(ja.stdout).toMatch(/OSK-3\.1 +不適合/);
    // Each requirement with its force; a confirm item (OSK-7.1) is MANUAL, its numbers labelled.
    expect(en.stdout).toMatch(/OSK-1\.3 .* desirable +Privileged/);
    expect(ja.stdout).toMatch(/OSK-1\.3 .* 望ましい +特権/);
    expect(en.stdout).toMatch(/OSK-7\.1 +MANUAL .* confirm +The country/);
    expect(en.stdout).toMatch(
      /Organisation's parameters \(no guideline states the number\):\n(?: +.*\n)*? +OSK-1\.5: maxKeyAgeDays = 90/,
    );
    // Nested settings as dotted names a person reads, not JSON.
    expect(en.stdout).toMatch(
      /OSK-8\.1: changeMonitoring\.maxScanIntervalDays = 8, changeMonitoring\.maxOpenDays\.critical = 14/,
    );
    expect(en.stdout).not.toMatch(/changeMonitoring = \{/);
  });

  it('lists every check with its requirement ids', async () => {
    const result = await kansa('checks');
    expect(result.stdout).toMatch(
      /common\.location\.data-in-japan +\[any\] high\n.*\n.*\n .*osaka: OSK-7\.1, LOC-1/,
    );
    expect(result.stdout).toMatch(/\n\d+ checks\n$/);
  });

  it('lists them in Japanese with --lang ja: the labels, not the words any and checks', async () => {
    const { stdout } = await kansa('checks', '--lang', 'ja');
    expect(stdout).toMatch(
      /common\.location\.data-in-japan +\[すべてのクラウド\] 高\n.*\n.*\n .*osaka: OSK-7\.1, LOC-1/,
    );
    expect(stdout).toMatch(/^aws\.\S+ +\[aws\] /m);
    expect(stdout).not.toContain('[any]');
    expect(stdout).toMatch(/\nチェック \d+ 件\n$/);
  });

  it('shows a framework: requirement, clause, checks, MANUAL items', async () => {
    const result = await kansa('frameworks', 'osaka', '--lang', 'ja');
    expect(result.stdout).toMatch(
      /^大阪市クラウドサービス関連ガイドライン（第4章 [^\n]*）（osaka 2024-04）\n/,
    );
    expect(result.stdout).toMatch(/OSK-1\.1 +管理者・特権アカウントに多要素認証/);
    expect(result.stdout).toMatch(/根拠: 大阪市クラウドサービス関連ガイドライン 第4章 3\.5\(1\) 表 No\.1/);
    expect(result.stdout).toMatch(/強さ: 必須/);
    expect(result.stdout).toMatch(/組織のパラメータ: maxPrivilegedPrincipals = 3/);
    expect(result.stdout).not.toMatch(/003_|\.txt/);
    expect(result.stdout).toMatch(/要手動確認（Google Cloud）/);
    expect(result.stdout).not.toMatch(/check:|MANUAL/);
  });

  it('shows every MANUAL item in full, in both languages', async () => {
    const framework = await loadFramework('osaka');
    for (const lang of ['ja', 'en'] as const) {
      const { stdout } = await kansa('frameworks', 'osaka', '--lang', lang);
      for (const r of framework.requirements) {
        for (const text of Object.values(r.manual)) expect(stdout).toContain(text[lang]);
      }
    }
  });
});
