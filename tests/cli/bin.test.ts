import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '../../bin/kansa.js');

/** Runs bin/kansa.js in a Node that reports another version (process.versions is set first). */
function runAs(nodeVersion: string, ...args: string[]) {
  const pretend = `Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '${nodeVersion}' } });`;
  return spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(pretend)}`, BIN, ...args],
    { encoding: 'utf8' },
  );
}

describe('bin/kansa.js', () => {
  it('says which Node.js it needs before loading anything else', () => {
    const result = runAs('20.19.2', '--version');
    expect(result.stderr).toBe('kansa needs Node.js 24 or later (found 20.x)\n');
    expect(result.status).toBe(2);
  });

  it('runs the CLI on Node.js 24', () => {
    const result = runAs('24.0.0', '--version');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('runs when its compile cache cannot be made (the temporary directory is a file)', () => {
    const { NODE_COMPILE_CACHE: _, ...env } = process.env;
    const result = spawnSync(process.execPath, [BIN, '--version'], {
      encoding: 'utf8',
      env: { ...env, TMPDIR: BIN },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
