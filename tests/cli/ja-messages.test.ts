import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasMkfifo } from '../helpers/fifo.ts';
import { kansa, kansaHere, SAMPLE } from './run-kansa.ts';

/**
 * English prose: three lower-case words in a row. Paths, quoted values, kansa's commands and the
 * ids of formats and checks are not prose (`/tmp/…`, 'x', aws-config-snapshot) and are removed first.
 */
const ENGLISH = /\b[a-z]{2,}(?: [a-z]{2,}){2,}\b/;
function prose(line: string): string {
  return line
    .replace(/\bkansa [a-z]+(?: [a-z]+)?/g, ' ')
    .replace(/(?:\/[^\s:]+)+/g, ' ')
    .replace(/'[^']*'|`[^`]*`|"[^"]*"/g, ' ')
    .replace(/\b[a-z0-9]+(?:[-.][a-z0-9]+)+\b/g, ' ');
}
const english = (text: string) =>
  text
    .split('\n')
    .filter((line) => ENGLISH.test(prose(line)))
    .map((line) => line.slice(0, 160));

let tree: string;

/** Inputs that give every kind of problem a scan reports: each must be told in Japanese. */
beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'kansa-ja-'));
  tree = path.join(root, 'inputs');
  await mkdir(tree);
  await cp(path.join(SAMPLE, 'azure'), path.join(tree, 'azure'), { recursive: true });
  await writeFile(path.join(tree, 'bad.json'), '{"a": [1,\n');
  await writeFile(path.join(tree, 'brackets.json'), '['.repeat(5000));
  await writeFile(path.join(tree, 'empty.json'), '');
  await writeFile(path.join(tree, 'unknown.txt'), 'hello');
  await writeFile(path.join(tree, 'unknown-shape.json'), '{"hello": "world"}');
  await writeFile(path.join(tree, 'bomb.json.gz'), gzipSync(Buffer.alloc(4 * 2 ** 20, 0x20)));
  await writeFile(path.join(tree, 'corrupt.json.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0, 1, 2, 3]));
  await symlink(path.join(root, 'gone.json'), path.join(tree, 'dangling.json'));
  await symlink(path.join(tree, 'azure'), path.join(tree, 'azure-again'));
  if (hasMkfifo) execFileSync('mkfifo', [path.join(tree, 'pipe')]);
  // Records the readers skip: an NDJSON line that is not JSON, assets without a name or type.
  const lines = (await readFile(path.join(SAMPLE, 'gcp/org-123456789012-export/resource.json'), 'utf8'))
    .trimEnd()
    .split('\n');
  await writeFile(
    path.join(tree, 'export.ndjson'),
    [
      lines[0],
      '{"name": broken',
      '{"asset_type": "x"}',
      '{"name": "//x.googleapis.com/y"}',
      ...lines.slice(1),
    ].join('\n'),
  );
  // kansa's own findings file, left in the input folder.
  const earlier = await kansaHere([
    'scan',
    '--input',
    path.join(SAMPLE, 'aws'),
    '--output',
    path.join(tree, 'findings.json'),
    '--no-store',
  ]);
  expect(earlier.code).toBe(0);
}, 60_000);

describe('with --lang ja, what a person reads about problems is Japanese', { timeout: 60_000 }, () => {
  it('the terminal summary: files passed over, records skipped, inputs not read', async () => {
    // A process: 5,000 unclosed brackets overflow the stack of a process, not a worker thread's.
    const run = await kansa([
      'scan',
      '--input',
      tree,
      '--lang',
      'ja',
      '--max-inflated-mib',
      '1',
      '--no-store',
    ]);
    expect(run.code, run.stderr).toBe(3);
    const problems = run.stdout.slice(run.stdout.indexOf('人による確認'));
    expect(problems).toMatch(/スキップしたレコード/);
    expect(problems).toMatch(/読み込み対象外としたファイル/);
    expect(problems).toMatch(/読み込めなかった入力・スコープ/);
    // Each kind of problem is there, and none of it in English.
    for (const expected of [
      /bad\.json:2:1: JSON として不正です/,
      /brackets\.json:1:5001: JSON として不正です: ファイルが途中で終わっています/,
      /empty\.json: 空のファイルです/,
      /unknown\.txt: 不明なエクスポート形式です/,
      /bomb\.json\.gz: gzip ファイルを展開すると 1 MiB を超えます/,
      /corrupt\.json\.gz: 壊れた gzip ファイルです/,
      /dangling\.json: シンボリック リンクのリンク先がありません/,
      /findings\.json: kansa 自身の検出結果ファイル/,
      /export\.ndjson:2:.*JSON として不正です/,
      /として読み込み済みです（シンボリック リンク）/,
    ])
      expect(problems).toMatch(expected);
    if (hasMkfifo) expect(problems).toMatch(/pipe: 通常のファイルではありません（FIFO）/);
    expect(english(problems)).toEqual([]);
  });

  it('warnings on stderr when the findings go to stdout', async () => {
    const run = await kansaHere(['scan', '--input', tree, '--lang', 'ja', '--format', 'json', '--no-store']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^kansa: 警告: .*bad\.json:2:1: JSON として不正です/m);
    expect(english(run.stderr)).toEqual([]);
  });

  it('usage errors and unreadable inputs', async () => {
    const runs = await Promise.all([
      kansaHere(['scan', '--lang', 'ja', '--bogus']),
      kansaHere(['scan', '--lang', 'ja']),
      kansaHere(['scan', '--lang=ja', '--format', 'xml', '-i', tree]),
      kansaHere(['scan', '--lang', 'ja', '--fail-on', 'nope', '-i', tree]),
      kansaHere(['scan', '--lang', 'ja', '-i', path.join(tree, 'missing')]),
      kansaHere(['scan', '--lang', 'ja', '-i', path.join(tree, 'empty.json'), '--no-store']),
      kansaHere(['scan', '--lang', 'ja', '-i', tree, '--output', tree, '--no-store']),
    ]);
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/^(?:エラー|kansa): /);
      expect(english(run.stderr)).toEqual([]);
    }
    // In the locale's language when --lang is not given.
    const located = await kansaHere(['scan', '--bogus'], { LANG: 'ja_JP.UTF-8' });
    expect(located.stderr).toMatch(/^エラー: 不明なオプションです: '--bogus'/);
    expect((await kansaHere(['scan', '--bogus'])).stderr).toMatch(/^error: unknown option '--bogus'/);
  });
});
