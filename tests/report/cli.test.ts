import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { perViewPath } from '../../src/cli/report-command.ts';
import { kansa, scanSample } from './helpers/findings.ts';

let sample: { dir: string; path: string };

beforeAll(async () => {
  sample = await scanSample();
});

describe('kansa report', () => {
  it('renders HTML to stdout by default, in the language asked for', async () => {
    const run = await kansa('report', '--input', sample.path, '--lang', 'en');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
  });

  it.each([
    ['sarif', (text: string) => expect(JSON.parse(text).version).toBe('2.1.0')],
    ['ocsf', (text: string) => expect(JSON.parse(text.split('\n')[0]!).class_uid).toBe(2003)],
    ['csv', (text: string) => expect(text.startsWith('\uFEFFfinding_id,')).toBe(true)],
  ])('writes %s to --output', async (format, check) => {
    const output = path.join(sample.dir, `out.${format}`);
    const run = await kansa('report', '--input', sample.path, '--format', format, '--output', output);
    expect(run.code).toBe(0);
    check(await readFile(output, 'utf8'));
  });

  it('names the file and the problem when the input is not a findings file (exit 2)', async () => {
    const bad = path.join(sample.dir, 'bad.json');
    await writeFile(bad, '{"schemaVersion": "1.0.0", "findings": [}');
    const run = await kansa('report', '--input', bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`kansa: ${bad}:1:41: invalid JSON: expected a value\n`);
  });

  it.each([
    [['--format', 'html', '--framework-view', 'osaka', 'kobe'], /need --format csv/],
    [['--format', 'csv', '--framework-view', 'osaka', 'kobe'], /need --output/],
    [['--framework-view', 'nagoya'], /framework not found \(built-in: gov, kobe, osaka\)/],
    [['--format', 'pdf'], /argument 'pdf' is invalid/],
  ])('rejects %j with exit 2', async (args, message) => {
    const run = await kansa('report', '--input', sample.path, ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('names one file per framework view', () => {
    expect(perViewPath('out/findings.csv', 'kobe')).toBe('out/findings.kobe.csv');
    expect(perViewPath('findings', 'gov')).toBe('findings.gov');
  });
});
