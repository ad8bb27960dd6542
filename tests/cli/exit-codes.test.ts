import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, EXIT_CODE_MEANINGS } from '../../src/cli/exit-codes.ts';
import { ROOT } from './run-kansa.ts';

describe('exit codes', () => {
  it('are distinct, each explained once', () => {
    const codes = Object.values(EXIT);
    expect(new Set(codes).size).toBe(codes.length);
    expect(EXIT_CODE_MEANINGS.map((m) => m.code).sort()).toEqual([...codes].sort());
  });

  it("are all in README's exit-code table", async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| exit code |'));
    const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
    expect(rows.map((row) => Number(row.split('|')[1]))).toEqual(Object.values(EXIT));
  });
});
