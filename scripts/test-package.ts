// CI: the package as users get it. `npm pack`, `npm install -g` of the tarball into a temporary
// prefix, then the installed `kansa` scans the sample tenancy and renders a report. Run by
// .ci/run (not by vitest: the install fetches the dependencies from the npm registry, as any
// user's install does, and tests never reach the internet).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'kansa-package-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const version = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }).version;

try {
  // `npm pack` runs prepack (the build); --json lists what the tarball holds.
  const [packed] = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', work, root], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  ) as { filename: string; files: { path: string }[] }[];
  const shipped = packed!.files.map((f) => f.path);
  const stray = shipped.filter(
    (f) => !/^(bin\/kansa\.js|dist\/|policies\/|README\.md$|LICENSE|package\.json$)/.test(f),
  );
  assert.deepEqual(stray, [], 'the tarball ships only bin/kansa.js, dist/, policies/, README, LICENSE');
  assert.ok(shipped.includes('dist/kansa/main.js'), 'the tarball holds the compiled CLI');
  assert.ok(!shipped.some((f) => f.endsWith('.ts')), 'no TypeScript sources ship');

  const prefix = path.join(work, 'prefix');
  execFileSync(
    npm,
    [
      'install',
      '--global',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--prefix',
      prefix,
      path.join(work, packed!.filename),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const kansa = path.join(prefix, 'bin', 'kansa');
  // The scan records into a history store of its own (the default store, in the user's data
  // directory, may be in use by another kansa run on the machine).
  const env = { ...process.env, XDG_DATA_HOME: path.join(work, 'data') };
  const run = (...args: string[]) =>
    spawnSync(kansa, args, { encoding: 'utf8', cwd: work, env, maxBuffer: 64 << 20 });

  const shown = run('--version');
  assert.equal(shown.status, 0, shown.stderr);
  assert.equal(shown.stdout.trim(), version);

  const findings = path.join(work, 'findings.json');
  const scan = run(
    'scan',
    '--input',
    path.join(root, 'fixtures/sample-tenancy'),
    '--output',
    findings,
    '--lang',
    'en',
  );
  assert.equal(scan.status, 0, scan.stderr);
  assert.match(scan.stdout, /FAIL/);

  const report = run('report', '--input', findings, '--format', 'sarif');
  assert.equal(report.status, 0, report.stderr);
  assert.ok((JSON.parse(report.stdout) as { runs: { results: unknown[] }[] }).runs[0]!.results.length > 0);

  // The HTML report's page script is joined at run time from the modules the package ships.
  const html = run('report', '--input', findings, '--format', 'html', '--lang', 'en');
  assert.equal(html.status, 0, html.stderr);
  const script = /<script>([\s\S]*?)<\/script>/.exec(html.stdout)?.[1] ?? '';
  assert.match(script, /document\.body\.dataset\.ready = '1'/, 'the page script ends with its entry module');
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  assert.ok(html.stdout.includes(`script-src 'sha256-${hash}'`), 'the page script is allowed by its hash');
  process.stdout.write(`package test: ${packed!.filename} (${shipped.length} files) installs and runs\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
