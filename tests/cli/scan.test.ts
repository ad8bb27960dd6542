import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import schema from '../../src/report/findings-schema.json' with { type: 'json' };
import { listInputFiles } from '../../src/sources/read-inputs.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE = path.join(ROOT, 'fixtures/sample-tenancy');
const run = promisify(execFile);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function kansa(...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, 'bin/kansa.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' },
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

interface FindingsFile {
  findings: {
    checkId: string;
    status: string;
    severity: string;
    requirements: string[];
    resource: { provider: string; id: string };
    evidence: { source: string }[];
  }[];
  scan: { partial: boolean; framework: { id: string } };
  requirements: { id: string; status: string; manual: unknown[] }[];
  summary: { findings: number; failedBySeverity: Record<string, number> };
  coverage: { files: { path: string; format?: string; error?: string; ignored?: string; sha256: string }[] };
}

const validate = addFormats.default(new Ajv({ allErrors: true })).compile(schema);
let dir: string;
let sample: FindingsFile;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kansa-cli-'));
  const output = path.join(dir, 'findings.json');
  const result = await kansa('scan', '--input', SAMPLE, '--format', 'json', '--output', output);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  sample = JSON.parse(await readFile(output, 'utf8')) as FindingsFile;
});

describe('kansa scan on the sample tenancy', () => {
  it('writes a findings file that validates against the findings schema', () => {
    expect(validate(sample), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
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
    const ids = (JSON.parse(again.stdout) as FindingsFile).findings.map((f) => f.checkId + f.resource.id);
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
    const report = JSON.parse(result.stdout) as FindingsFile;
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
  });

  it('lists every check with its requirement ids', async () => {
    const result = await kansa('checks');
    expect(result.stdout).toMatch(
      /common\.location\.data-in-japan +\[any\] high\n.*\n.*\n .*osaka: OSK-7\.1, LOC-1/,
    );
  });

  it('shows a framework: requirement, clause, checks, MANUAL items', async () => {
    const result = await kansa('frameworks', 'osaka', '--lang', 'ja');
    expect(result.stdout).toMatch(/OSK-1\.1 +管理者・特権アカウントに多要素認証/);
    expect(result.stdout).toMatch(/根拠: 003 第4章/);
    expect(result.stdout).toMatch(/要手動確認（Google Cloud）/);
    expect(result.stdout).not.toMatch(/check:|MANUAL/);
  });
});
