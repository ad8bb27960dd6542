import { execFileSync } from 'node:child_process';
import { copyFile, cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasMkfifo } from '../helpers/fifo.ts';
import { findingsFromText } from '../helpers/findings-file.ts';
import { kansa, kansaHere, SAMPLE } from './run-kansa.ts';

interface FileCoverage {
  path: string;
  format?: string;
  resources: number;
  skipped: { line?: number; reason: string }[];
  error?: string;
  ignored?: string;
}
interface FindingsFile {
  scan: { partial: boolean };
  findings: { resource: { id: string } }[];
  coverage: { files: FileCoverage[] };
}

const GCP_EXPORT = path.join(SAMPLE, 'gcp/org-123456789012-export/resource.json');
let root: string;
let tree: string;
let report: FindingsFile;
let run: Awaited<ReturnType<typeof kansa>>;

/** One input tree holding every kind of hostile or broken input beside good exports. */
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'kansa-hostile-'));
  tree = path.join(root, 'inputs');
  await mkdir(tree);
  // Good: the Azure exports, reached only through a symbolic link to their directory.
  await cp(path.join(SAMPLE, 'azure'), path.join(root, 'azure-real'), { recursive: true });
  await symlink(path.join(root, 'azure-real'), path.join(tree, 'azure-link'));
  // A link back up the tree: a loop that must end.
  await symlink(tree, path.join(tree, 'loop'));
  await symlink(path.join(root, 'gone.json'), path.join(tree, 'dangling.json'));
  // 5,000 unclosed brackets: overflowed the stack of the JSON error locator.
  await writeFile(path.join(tree, 'brackets.json'), '['.repeat(5000));
  // NDJSON with a broken second line: the lines after it must still be read.
  const lines = (await readFile(GCP_EXPORT, 'utf8')).trimEnd().split('\n');
  await writeFile(
    path.join(tree, 'export.ndjson'),
    [lines[0], '{"name": broken', ...lines.slice(1)].join('\n'),
  );
  // A gzip file that inflates far past the bound given below (--max-inflated-mib 1).
  await writeFile(path.join(tree, 'bomb.json.gz'), gzipSync(Buffer.alloc(8 * 2 ** 20, 0x20)));
  if (hasMkfifo) execFileSync('mkfifo', [path.join(tree, 'pipe')]);
  // A findings file left in the input folder by an earlier scan.
  const earlier = await kansaHere([
    'scan',
    '--input',
    path.join(SAMPLE, 'aws'),
    '--output',
    path.join(tree, 'findings.json'),
  ]);
  expect(earlier.code).toBe(0);

  // A process: 5,000 unclosed brackets overflow the stack of a process, not a worker thread's.
  run = await kansa(['scan', '--input', tree, '--format', 'json', '--max-inflated-mib', '1']);
  report = (await findingsFromText(run.stdout)) as unknown as FindingsFile;
}, 120_000);

const entry = (name: string) => {
  const found = report.coverage.files.find((f) => f.path === path.join(tree, name));
  if (!found)
    throw new Error(`${name} is not in the coverage: ${report.coverage.files.map((f) => f.path).join(', ')}`);
  return found;
};

describe('hostile and broken inputs beside good ones', { timeout: 120_000 }, () => {
  it('scans the good files and exits 3 (partial), listing every bad one', () => {
    expect(run.code).toBe(3);
    expect(report.scan.partial).toBe(true);
    expect(report.findings.some((f) => f.resource.id.includes('/subscriptions/'))).toBe(true);
  });

  it('follows a symbolic link to a directory, and ends a link loop with the reason', () => {
    const linked = report.coverage.files.filter((f) =>
      f.path.startsWith(path.join(tree, 'azure-link') + path.sep),
    );
    expect(linked.filter((f) => f.format).length).toBeGreaterThan(5);
    expect(entry('loop').ignored).toMatch(/already read as .*inputs \(symbolic link\)/);
    expect(entry('dangling.json').error).toMatch(/broken symbolic link/);
  });

  it('names the file of 5,000 unclosed brackets with its position', () => {
    expect(entry('brackets.json').error).toMatch(/brackets\.json:1:5001: invalid JSON: unexpected end/);
  });

  it('skips a bad NDJSON line with file:line and reads the lines after it', () => {
    const ndjson = entry('export.ndjson');
    expect(ndjson.skipped).toContainEqual({ line: 2, reason: expect.stringMatching(/invalid JSON/) });
    expect(ndjson.error).toMatch(/export\.ndjson:2:\d+: invalid JSON/);
    const original = report.coverage.files; // lines after the broken one carry most resources
    expect(original).toBeDefined();
    expect(ndjson.resources).toBeGreaterThan(20);
  });

  it('refuses a gzip file that inflates past --max-inflated-mib, by name', () => {
    expect(entry('bomb.json.gz').error).toMatch(/inflates to more than 1 MiB .*--max-inflated-mib/);
  });

  it.skipIf(!hasMkfifo)('passes over a FIFO with the reason instead of hanging', () => {
    expect(entry('pipe').ignored).toBe('not a regular file (a FIFO)');
  });

  it("passes over kansa's own findings file with the reason", () => {
    expect(entry('findings.json').ignored).toMatch(/kansa's own findings file/);
    expect(entry('findings.json').error).toBeUndefined();
  });

  it('prints nothing on stderr but one warning per unreadable input', () => {
    const warnings = run.stderr.trimEnd().split('\n');
    expect(new Set(warnings).size).toBe(warnings.length);
    expect(warnings.every((w) => w.startsWith('kansa: warning: '))).toBe(true);
    expect(warnings).toHaveLength(report.coverage.files.filter((f) => f.error).length);
  });
});

describe('inputs that are not files', { timeout: 120_000 }, () => {
  it.skipIf(!hasMkfifo)('a FIFO given as the only input: exit 2 with the reason, no hang', async () => {
    const fifo = path.join(root, 'only-pipe');
    execFileSync('mkfifo', [fifo]);
    const result = await kansaHere(['scan', '--input', fifo]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${fifo}: not a regular file (a FIFO)`);
  });

  it('a findings file beside good exports does not make the scan partial', async () => {
    const dir = path.join(root, 'with-findings');
    await mkdir(dir);
    await copyFile(GCP_EXPORT, path.join(dir, 'resource.json'));
    await copyFile(path.join(tree, 'findings.json'), path.join(dir, 'findings.json'));
    const result = await kansaHere(['scan', '--input', dir, '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/findings\.json: kansa's own findings file/);
  });
});
