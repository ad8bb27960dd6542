import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zipArchive } from '../helpers/zip.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'kansa-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The packages of the clouds' SDKs (and their transports): the live path's, never the offline one's. */
const CLOUD_SDK =
  /^(@aws-sdk|@smithy|@azure|@azure-rest|@google-cloud|google-auth-library|google-gax|@grpc)\//;

/**
 * Runs node with a module hook that records every module resolved (ESM and require), and
 * returns the npm packages among them.
 */
function packagesLoaded(args: readonly string[]): {
  packages: string[];
  /** kansa's own modules, by path from the checkout (`src/sources/csv.ts`). */
  modules: string[];
  status: number | null;
  stderr: string;
} {
  const record = path.join(dir, `modules-${Math.random().toString(36).slice(2)}.txt`);
  const hook = `
    import { registerHooks } from 'node:module';
    import { writeFileSync } from 'node:fs';
    const seen = new Set();
    registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); seen.add(r.url); return r; } });
    process.on('exit', () => writeFileSync(${JSON.stringify(record)}, [...seen].join('\\n')));`;
  const result = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } },
  );
  const packages = new Set<string>();
  const modules = new Set<string>();
  const own = `file://${ROOT}/src/`;
  for (const url of readFileSync(record, 'utf8').split('\n')) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (match) packages.add(match[1]!);
    else if (url.startsWith(own)) modules.add(`src/${url.slice(own.length)}`);
  }
  return {
    packages: [...packages].sort(),
    modules: [...modules].sort(),
    status: result.status,
    stderr: result.stderr,
  };
}

const kansa = path.join(ROOT, 'bin/kansa.js');

describe('the offline path loads no cloud SDK', () => {
  it('notices an SDK when one is loaded (the live collectors import theirs)', () => {
    const { packages } = packagesLoaded([path.join(ROOT, 'src/sources/aws/live/index.ts')]);
    expect(packages).toContain('@aws-sdk/client-config-service');
  });

  it('kansa --version loads nothing but the command-line parser', () => {
    const { packages, status } = packagesLoaded([kansa, '--version']);
    expect(status).toBe(0);
    expect(packages).toEqual(['commander']);
  });

  it('kansa scan of export files, then kansa report, load no SDK', () => {
    const findings = path.join(dir, 'findings.json');
    const scan = packagesLoaded([kansa, 'scan', '--input', 'fixtures/sample-tenancy', '--output', findings]);
    expect(scan.stderr).toBe('');
    expect(scan.packages.filter((p) => CLOUD_SDK.test(p))).toEqual([]);
    // A built-in framework is read from its parsed form (policies/parsed/): no YAML library. No
    // line was logged (pino is made for the first one) and no file had a JSON error (jsonc-parser).
    expect(scan.packages.filter((p) => ['yaml', 'pino', 'jsonc-parser'].includes(p))).toEqual([]);
    const report = packagesLoaded([
      kansa,
      'report',
      '--input',
      findings,
      '--format',
      'html',
      '-o',
      `${findings}.html`,
    ]);
    expect(report.status).toBe(0);
    expect(report.packages.filter((p) => CLOUD_SDK.test(p))).toEqual([]);
  });

  it('a scan of JSON exports loads neither the CSV parser nor the Terraform and ARM template readers; a CSV and a plan load them', () => {
    const readers = (modules: readonly string[]) =>
      modules.filter((m) =>
        ['src/sources/terraform/index.ts', 'src/sources/azure/template-resources.ts'].includes(m),
      );
    const json = packagesLoaded([kansa, 'scan', '--input', 'fixtures/sample-tenancy/azure', '--no-store']);
    expect(json.stderr).toBe('');
    expect(json.packages).not.toContain('csv-parse');
    expect(readers(json.modules)).toEqual([]);
    // Nor the ZIP reader: yauzl is loaded when an input is a ZIP archive.
    expect(json.packages).not.toContain('yauzl');
    expect(json.modules).not.toContain('src/sources/zip-archive.ts');
    // Recognising a Terraform document or a template needs only what tells them apart.
    expect(json.modules).toEqual(
      expect.arrayContaining(['src/sources/terraform/formats.ts', 'src/sources/azure/template.ts']),
    );
    const csvAndPlan = packagesLoaded([
      kansa,
      'scan',
      '--input',
      'fixtures/sample-tenancy/aws/iam',
      '--input',
      'tests/iac/fixtures/aws/plan.json',
      '--no-store',
    ]);
    expect(csvAndPlan.packages).toContain('csv-parse');
    expect(readers(csvAndPlan.modules)).toEqual(['src/sources/terraform/index.ts']);
  });

  it('a ZIP archive loads the ZIP reader, and its JSON entries nothing more', () => {
    const archive = path.join(dir, 'handover.zip');
    const storage = readFileSync(
      path.join(ROOT, 'fixtures/sample-tenancy/azure/az-storage-account-show-stkansalegacy.json'),
    );
    writeFileSync(archive, zipArchive([{ name: 'azure/storage.json', data: storage }]));
    const zip = packagesLoaded([kansa, 'scan', '--input', archive, '--no-store']);
    expect(zip.stderr).toBe('');
    expect(zip.packages).toContain('yauzl');
    expect(zip.modules).toContain('src/sources/zip-archive.ts');
    expect(zip.packages).not.toContain('csv-parse');
  });

  it('a framework given as a YAML file loads the YAML library, a logged line pino (what the test above rules out)', () => {
    const scan = packagesLoaded([
      kansa,
      'scan',
      '--input',
      'fixtures/sample-tenancy',
      '--framework',
      'policies/kobe.yaml',
      '--no-store',
      '--log-level',
      'debug',
    ]);
    expect(scan.stderr).toMatch(/^kansa: debug: read input/);
    expect(scan.packages).toEqual(expect.arrayContaining(['yaml', 'pino']));
  });
});
