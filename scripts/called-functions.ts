// The functions of dist/kansa/'s chunks that a scan calls, from V8's coverage of scans run on
// the built chunks (scripts/build.ts; why: scripts/chunk-rewrites.ts, compileUncalledLazily).
// The training is the repository's own sample tenancy (fixtures/sample-tenancy: AWS Config
// snapshots and history, IAM's credential report, Resource Graph and CLI exports, Cloud Asset
// exports), scanned as the terminal summary in English and in Japanese and with the findings
// file; not the bench's inputs. What it calls can change with the date (an age check past its
// threshold takes another branch): that changes which functions compile when, never what a run
// does.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ChunkCoverage } from './chunk-rewrites.ts';

interface ScriptCoverage {
  url: string;
  functions: { ranges: { startOffset: number; count: number }[] }[];
}

/** For each chunk (by file name) a training scan loaded: its functions, and which ran. */
export function calledFunctions(root: string): Map<string, ChunkCoverage> {
  const work = mkdtempSync(path.join(tmpdir(), 'kansa-build-coverage-'));
  try {
    const main = pathToFileURL(path.join(root, 'dist/kansa/main.js')).href;
    const input = path.join(root, 'fixtures/sample-tenancy');
    const scans = [
      ['scan', '--input', input, '--no-store', '--allow-partial', '--lang', 'en'],
      ['scan', '--input', input, '--no-store', '--allow-partial', '--lang', 'ja'],
      [
        'scan',
        '--input',
        input,
        '--no-store',
        '--allow-partial',
        '--output',
        path.join(work, 'findings.json'),
      ],
    ];
    for (const [i, args] of scans.entries()) {
      // The built CLI itself (bin/kansa.js runs src/ in a checkout); a scan that fails ends the build.
      const run = `const { main } = await import(${JSON.stringify(main)}); const code = await main(${JSON.stringify(args)}); process.exitCode = code === 0 ? 0 : 1;`;
      execFileSync(process.execPath, ['--input-type=module', '-e', run], {
        cwd: root,
        env: {
          ...process.env,
          NODE_V8_COVERAGE: path.join(work, `coverage-${i}`),
          NODE_DISABLE_COMPILE_CACHE: '1',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
    const chunks = new Map<string, { known: Set<number>; called: Set<number> }>();
    const chunkDir = pathToFileURL(path.join(root, 'dist/kansa/')).href;
    for (const i of scans.keys()) {
      const dir = path.join(work, `coverage-${i}`);
      for (const file of readdirSync(dir)) {
        const { result } = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
          result: ScriptCoverage[];
        };
        for (const script of result) {
          if (!script.url.startsWith(chunkDir)) continue;
          const name = script.url.slice(chunkDir.length);
          const chunk = chunks.get(name) ?? { known: new Set(), called: new Set() };
          chunks.set(name, chunk);
          for (const { ranges } of script.functions) {
            const whole = ranges[0]!;
            chunk.known.add(whole.startOffset);
            if (whole.count > 0) chunk.called.add(whole.startOffset);
          }
        }
      }
    }
    if (chunks.size === 0) throw new Error('build: the training scans loaded no chunk of dist/kansa/');
    return chunks;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
