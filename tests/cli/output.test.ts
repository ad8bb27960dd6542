import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateGcp } from '../../bench/generate/gcp.ts';
import { readFindings } from '../../src/report/read-findings.ts';
import { finished, kansaHere, ROOT, SAMPLE, spawnKansa } from './run-kansa.ts';

/** A small input, for the cases where only the writing matters. */
const SMALL = path.join(SAMPLE, 'azure');
let dir: string;
let big: string;
/** A valid findings file from an earlier scan: what a killed or failed scan must leave in place. */
let previous: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kansa-output-'));
  big = path.join(dir, 'big-inventory');
  await generateGcp(big, 3000);
  const first = await kansaHere(['scan', '--input', SAMPLE, '--output', path.join(dir, 'sample.json')]);
  expect(first.code).toBe(0);
  previous = await readFile(path.join(dir, 'sample.json'), 'utf8');
}, 60_000);

/** Waits (bounded) until the scan's temporary file beside `target` has grown past `bytes`. */
async function tempFileGrows(target: string, bytes: number): Promise<string> {
  const prefix = `.${path.basename(target)}.`;
  for (let i = 0; i < 6000; i++) {
    for (const name of await readdir(path.dirname(target))) {
      if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
      const size = await stat(path.join(path.dirname(target), name)).then(
        (s) => s.size,
        () => 0,
      );
      if (size > bytes) return name;
    }
    await sleep(10);
  }
  throw new Error('the scan never started writing');
}

describe('a killed scan leaves the previous findings file intact', { timeout: 120_000 }, () => {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    it(`kill -${signal.slice(3)} during a large write`, async () => {
      const target = path.join(dir, `killed-${signal}.json`);
      await writeFile(target, previous);
      const child = spawnKansa(['scan', '--input', big, '--output', target, '--allow-partial']);
      const done = finished(child);
      const temp = await tempFileGrows(target, 256 * 1024);
      child.kill(signal);
      const result = await done;
      expect(result.signal).toBe(signal);
      const after = await readFile(target, 'utf8');
      expect(after).toBe(previous);
      expect((await readFindings(target)).summary.findings).toBeGreaterThan(0);
      // SIGTERM cleans up; SIGKILL cannot, and its leftover is a dot-file beside the target.
      if (signal === 'SIGTERM') expect(existsSync(path.join(dir, temp))).toBe(false);
    }, 120_000);
  }
});

describe('--output that cannot be written fails before scanning, in one line, exit 2', {
  timeout: 120_000,
}, () => {
  it('a directory', async () => {
    const result = await kansaHere(['scan', '--input', SAMPLE, '--output', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`kansa: cannot write ${dir}: it is a directory\n`);
    expect(result.stdout).toBe('');
  });

  it('in a directory that does not exist', async () => {
    const target = path.join(dir, 'missing', 'findings.json');
    const result = await kansaHere(['scan', '--input', SAMPLE, '--output', target]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `kansa: cannot write ${target}: directory ${path.dirname(target)} does not exist\n`,
    );
  });

  it.skipIf(!existsSync('/dev/full'))('on a full device (/dev/full)', async () => {
    const result = await kansaHere(['scan', '--input', SMALL, '--output', '/dev/full']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('kansa: cannot write /dev/full: no space left on the device (ENOSPC)\n');
  });

  it.skipIf(!existsSync('/dev/full'))('stdout on a full device (> /dev/full): exit 2, never 0', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [
        ['scan', '--input', SAMPLE],
        ['scan', '--input', SAMPLE, '--format', 'json'],
        ['checks'],
      ]) {
        const child = spawn(process.execPath, [path.join(ROOT, 'bin/kansa.js'), ...args], {
          cwd: ROOT,
          stdio: ['ignore', full, 'pipe'],
        });
        const result = await finished(child);
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.stderr).toBe(
          'kansa: cannot write standard output: no space left on the device (ENOSPC)\n',
        );
      }
    } finally {
      closeSync(full);
    }
  });

  it('report --output: a directory, a missing directory, a full device', async () => {
    const findings = path.join(dir, 'sample.json');
    const missing = path.join(dir, 'nope', 'r.html');
    const [toDir, toMissing, toFull] = await Promise.all([
      kansaHere(['report', '--input', findings, '--format', 'csv', '--output', dir]),
      kansaHere(['report', '--input', findings, '--output', missing]),
      existsSync('/dev/full')
        ? kansaHere(['report', '--input', findings, '--format', 'csv', '--output', '/dev/full'])
        : undefined,
    ]);
    expect(toDir.code).toBe(2);
    expect(toDir.stderr).toBe(`kansa: cannot write ${dir}: it is a directory\n`);
    expect(toMissing.code).toBe(2);
    expect(toMissing.stderr).toMatch(/does not exist\n$/);
    if (toFull) {
      expect(toFull.code).toBe(2);
      expect(toFull.stderr).toBe('kansa: cannot write /dev/full: no space left on the device (ENOSPC)\n');
    }
  });

  it('report --output replaces a previous report whole', async () => {
    const target = path.join(dir, 'report.csv');
    await writeFile(target, 'old');
    const result = await kansaHere([
      'report',
      '--input',
      path.join(dir, 'sample.json'),
      '--format',
      'csv',
      '--output',
      target,
    ]);
    expect(result.code).toBe(0);
    expect((await readFile(target, 'utf8')).length).toBeGreaterThan(100);
    expect((await readdir(dir)).filter((n) => n.startsWith('.report.csv.'))).toEqual([]);
  });
});
